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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.threelists.matchmaker.api.ProjectResponses.ClaimAccepted;
import org.threelists.matchmaker.service.Volunteering;
import org.threelists.platform.security.Caller;
import org.threelists.platform.security.Roles;

/**
 * The desk of the street, or the community the demand is from, approves a unit that volunteered (揭榜): the project is
 * published and the unit's claim asked for in one step. Only a confirmed claim lets a unit see the residents
 * (demand-list), so no unit reaches them on its own word.
 */
@Path("/projects/{projectId}/approve")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Projects")
public class VolunteeringApprovalResource {

    private final Volunteering volunteering;
    private final ProjectAccess access;
    private final ProjectRendering rendering;
    private final RequestValidation validation;
    private final Caller caller;

    VolunteeringApprovalResource(Volunteering volunteering, ProjectAccess access, ProjectRendering rendering,
            RequestValidation validation, Caller caller) {
        this.volunteering = volunteering;
        this.access = access;
        this.rendering = rendering;
        this.validation = validation;
        this.caller = caller;
    }

    @POST
    @Transactional
    @RolesAllowed({Roles.DESK, Roles.COMMUNITY})
    @Operation(summary = "Approve a unit that volunteered (揭榜)",
            description = "By the desk of the project's street or the worker of its community, for a VOLUNTEERED "
                    + "proposal: it is published for a claim and the volunteering unit's claim (its offer, the whole "
                    + "need, this month or TOTAL) waits for resource-list to reserve the capacity")
    @APIResponse(responseCode = "202", description = "Approved; the unit's claim waits for the reservation",
            content = @Content(schema = @Schema(implementation = ClaimAccepted.class)))
    public Response approve(@PathParam("projectId") String projectId, ProjectRequests.Approval request) {
        access.requireDeskOrCommunity(rendering.load(projectId));
        String note = request == null ? null : validation.check(request).note();
        String claimId = volunteering.approve(projectId, note, caller.actor());
        return rendering.accepted(claimId, projectId);
    }
}
