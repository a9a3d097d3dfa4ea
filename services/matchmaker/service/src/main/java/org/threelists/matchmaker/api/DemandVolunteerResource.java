package org.threelists.matchmaker.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.threelists.matchmaker.service.Volunteering;
import org.threelists.platform.security.Caller;
import org.threelists.platform.security.Roles;

/**
 * 揭榜 over REST: a unit volunteers for a listed demand of its street ({@link Volunteering}); the desk or the
 * community approves it with {@code POST /projects/{id}/approve}.
 */
@Path("/demands")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Projects")
public class DemandVolunteerResource {

    private final Volunteering volunteering;
    private final ProjectAccess access;
    private final ProjectRendering rendering;
    private final Caller caller;
    private final RequestValidation validation;

    DemandVolunteerResource(Volunteering volunteering, ProjectAccess access, ProjectRendering rendering, Caller caller,
            RequestValidation validation) {
        this.volunteering = volunteering;
        this.access = access;
        this.rendering = rendering;
        this.caller = caller;
        this.validation = validation;
    }

    @POST
    @Path("/{demandId}/volunteer")
    @Transactional
    @RolesAllowed(Roles.UNIT)
    @Operation(summary = "Volunteer for a listed demand (揭榜)",
            description = "Your unit offers to take a listed demand of your street, in the service area of one of its "
                    + "offers counted in hours: a project of origin VOLUNTEERED is proposed for you. It is claimed for "
                    + "you only once the desk or the demand's community approves it (POST /projects/{id}/approve)")
    @APIResponse(responseCode = "201", description = "Proposed; awaiting the approval of the desk or the community",
            content = @Content(schema = @Schema(implementation = ProjectResponses.Project.class)))
    @RequestBody(required = true)
    public Response volunteer(@PathParam("demandId") String demandId, ProjectRequests.Volunteer request) {
        String street = access.street();
        String unit = access.unit();
        volunteering.requireVolunteer(street, unit, demandId);
        validation.check(request);
        String projectId = volunteering.volunteer(street, unit, demandId, request.resourceId(), request.period(),
                request.note(), caller.actor());
        return Response.created(UriBuilder.fromPath("/projects/{id}").build(projectId))
                .entity(rendering.render(projectId)).build();
    }
}
