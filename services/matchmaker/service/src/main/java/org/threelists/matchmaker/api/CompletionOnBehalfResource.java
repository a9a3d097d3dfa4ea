package org.threelists.matchmaker.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.threelists.matchmaker.api.ProjectResponses.Project;
import org.threelists.matchmaker.service.ProjectLifecycle;
import org.threelists.platform.axon.RetriedOnConcurrentChange;
import org.threelists.platform.security.Caller;
import org.threelists.platform.security.Roles;

/**
 * The desk confirms a delivery on the community's behalf (代为确认完成) once the community left it unconfirmed past
 * the confirmation wait (README "Confirmation wait"), so that the volunteers' hours count and the demands close. The
 * community's own confirmation stays {@code POST /projects/{id}/completion}.
 */
@RetriedOnConcurrentChange
@Path("/projects/{projectId}/completion-on-behalf")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Projects")
public class CompletionOnBehalfResource {

    private final ProjectLifecycle lifecycle;
    private final ProjectAccess access;
    private final ProjectRendering rendering;
    private final RequestValidation validation;
    private final Caller caller;

    CompletionOnBehalfResource(ProjectLifecycle lifecycle, ProjectAccess access, ProjectRendering rendering,
            RequestValidation validation, Caller caller) {
        this.lifecycle = lifecycle;
        this.access = access;
        this.rendering = rendering;
        this.validation = validation;
        this.caller = caller;
    }

    @POST
    @Transactional
    @RolesAllowed(Roles.DESK)
    @Operation(summary = "Confirm the delivery on the community's behalf (代为确认完成)",
            description = "By the desk of the project's street, with a reason (e.g. the desk phoned the community), "
                    + "once the delivery's confirmation wait passed unconfirmed and escalated (GET /escalations, "
                    + "deadline CONFIRMATION): delivered → completed, recorded as confirmed by the desk, and published "
                    + "as the community's confirmation is (threelists.project.completed.v1, confirmedOnBehalf), so the "
                    + "hours count. Before the wait passed, 409: the community confirms first")
    @RequestBody(required = true)
    public Project confirm(@PathParam("projectId") String projectId, ProjectRequests.Reason request) {
        access.requireDesk(rendering.load(projectId));
        validation.check(request);
        lifecycle.completeForCommunity(projectId, request.reason(), caller.actor());
        return rendering.render(projectId);
    }
}
