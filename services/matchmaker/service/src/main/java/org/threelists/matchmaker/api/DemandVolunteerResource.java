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
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.threelists.matchmaker.domain.ProjectCommands.ProposeProject;
import org.threelists.matchmaker.domain.ProjectValues.Need;
import org.threelists.matchmaker.domain.ProjectValues.Origin;
import org.threelists.matchmaker.planning.Proposals;
import org.threelists.matchmaker.projection.AvailableResource;
import org.threelists.matchmaker.projection.OpenDemand;
import org.threelists.matchmaker.projection.MemberUnit;
import org.threelists.matchmaker.projection.ProjectQueries;
import org.threelists.matchmaker.projection.ProjectView;
import org.threelists.platform.problem.ProblemException;
import org.threelists.platform.security.Caller;
import org.threelists.platform.security.Roles;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * 揭榜: a unit volunteers for a listed demand of its own street, in its offer's service area, that no project serves
 * yet. The project is proposed with origin VOLUNTEERED for the unit's offer; the unit holds nothing (and demand-list
 * shows it no resident) until the desk of the street or the demand's community approves it
 * ({@code POST /projects/{id}/approve}), which publishes the project and asks for the unit's claim in one step.
 */
@Path("/demands")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Projects")
public class DemandVolunteerResource {

    private final CommandGateway commands;
    private final ProjectQueries queries;
    private final ProjectAccess access;
    private final ProjectCommandsSupport support;
    private final Caller caller;
    private final RequestValidation validation;

    DemandVolunteerResource(CommandGateway commands, ProjectQueries queries, ProjectAccess access,
            ProjectCommandsSupport support, Caller caller, RequestValidation validation) {
        this.validation = validation;
        this.commands = commands;
        this.queries = queries;
        this.access = access;
        this.support = support;
        this.caller = caller;
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
        OpenDemand demand = OpenDemand.findById(demandId);
        if (demand == null || !demand.streetCode.equals(street)) {
            // A demand of another street is not shown to exist: its id says nothing to a stranger.
            throw ProblemException.notFound("Demand", demandId);
        }
        MemberUnit member = MemberUnit.findById(unit);
        if (member == null || !member.streetCode.equals(street) || !MemberUnit.ACTIVE.equals(member.status)) {
            throw ProblemException.forbidden("Unit " + unit + " is not an active member unit of street " + street);
        }
        validation.check(request);
        Proposals.lockStreet(street);
        support.requireAssignable(List.of(demand));
        AvailableResource offer = support.offerOf(unit, request.resourceId());
        support.requireOffers(offer, demand.category);
        if (!Arrays.asList(offer.serviceArea).contains(demand.communityCode)) {
            throw ProblemException.invalid("resourceId", "offer " + offer.resourceId + " does not serve community "
                    + demand.communityCode);
        }
        Need need = support.need(null, offer, List.of(demand));
        support.period(offer, request.period());
        String projectId = UUID.randomUUID().toString();
        commands.sendAndWait(new ProposeProject(projectId, Origin.VOLUNTEERED, street, demand.communityCode,
                demand.category, demand.urgency, Proposals.title(demand.communityCode, demand.category, 1),
                List.of(demandId), need, unit, offer.resourceId, null, request.note(), List.of(), caller.actor()));
        ProjectView project = queries.find(projectId).orElseThrow();
        return Response.created(UriBuilder.fromPath("/projects/{id}").build(projectId))
                .entity(support.render(project)).build();
    }
}
