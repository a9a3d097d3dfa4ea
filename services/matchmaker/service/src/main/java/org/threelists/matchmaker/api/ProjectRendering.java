package org.threelists.matchmaker.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.core.Response;
import org.threelists.matchmaker.api.ProjectResponses.ClaimAccepted;
import org.threelists.matchmaker.api.ProjectResponses.Project;
import org.threelists.matchmaker.projection.ProjectClaimView;
import org.threelists.matchmaker.projection.ProjectQueries;
import org.threelists.matchmaker.projection.ProjectView;
import org.threelists.platform.problem.ProblemException;
import org.threelists.platform.security.Caller;

/**
 * A project as the caller may see it (README "REST": a unit sees holders, other units' claims, the delivery report and
 * who acted on the project only while it holds it), read from the project list after a command, so every write
 * answers with the state the command left.
 */
@RequestScoped
public class ProjectRendering {

    static final String PROJECT = "Project";

    private final ProjectQueries queries;
    private final ProjectAccess access;
    private final Caller caller;

    ProjectRendering(ProjectQueries queries, ProjectAccess access, Caller caller) {
        this.queries = queries;
        this.access = access;
        this.caller = caller;
    }

    /** The project on the list; 404 when there is none. */
    ProjectView load(String projectId) {
        return queries.find(projectId).orElseThrow(() -> ProblemException.notFound(PROJECT, projectId));
    }

    Project render(ProjectView project) {
        return Project.of(project, queries.claims(project.projectId), access.seesWhole(project),
                caller.unit().orElse(null));
    }

    /** The project as it is now. */
    Project render(String projectId) {
        return render(load(projectId));
    }

    /** 202: the claim or pledge waits for resource-list's reservation. */
    Response accepted(String claimId, String projectId) {
        ProjectView project = load(projectId);
        ProjectClaimView claim = ProjectClaimView.findById(claimId);
        return Response.accepted(new ClaimAccepted(claimId, claim.kind, claim.status, project.status, render(project)))
                .build();
    }
}
