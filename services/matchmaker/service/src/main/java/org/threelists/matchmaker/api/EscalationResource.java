package org.threelists.matchmaker.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.threelists.matchmaker.domain.ProjectStatus;
import org.threelists.matchmaker.domain.ProjectValues.DeadlineKind;
import org.threelists.matchmaker.projection.ProjectQueries;
import org.threelists.platform.problem.RequestParameters;
import org.threelists.platform.security.Roles;

import java.util.Map;

import static org.threelists.platform.problem.RequestParameters.enumValue;

/**
 * The desk's queue of passed deadlines (超时督办): a claim nobody took in time, a delivery overdue, a delivery its
 * community left unconfirmed (README "Confirmation wait").
 */
@Path("/escalations")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Escalations", description = "Passed deadlines of the street's projects")
public class EscalationResource {

    private final ProjectQueries queries;
    private final ProjectAccess access;

    EscalationResource(ProjectQueries queries, ProjectAccess access) {
        this.queries = queries;
        this.access = access;
    }

    @GET
    @RolesAllowed(Roles.DESK)
    @Transactional(Transactional.TxType.SUPPORTS)
    @Operation(summary = "List the escalations of your street", description = "Newest first. CLAIM: nobody took the "
            + "project before its claim deadline (it is back on the list with a new one); COMPLETION: the holders did "
            + "not deliver in time; CONFIRMATION: the community did not confirm the delivery within the confirmation "
            + "wait (POST /projects/{id}/completion-on-behalf while it is still DELIVERED); APPROVAL: a unit's 揭榜 "
            + "was neither approved nor refused within the approval wait (POST /projects/{id}/approve, or /cancel "
            + "with a reason, while it is still PROPOSED)")
    public ProjectResponses.EscalationPage list(
            @QueryParam("deadline") @Parameter(description = "CLAIM, COMPLETION, CONFIRMATION or APPROVAL") String deadline,
            @QueryParam("page") @DefaultValue("0") @Parameter(description = "0-based") int page,
            @QueryParam("size") @DefaultValue("20") @Parameter(description = "1 to 100") int size) {
        RequestParameters.checkPage(page, size);
        DeadlineKind kind = enumValue(DeadlineKind.class, "deadline", deadline);
        var result = queries.escalations(access.street(), kind == null ? null : kind.name(), page, size);
        Map<String, ProjectStatus> now = queries.statuses(result.items().stream().map(e -> e.projectId).toList());
        return new ProjectResponses.EscalationPage(result.items().stream()
                .map(e -> ProjectResponses.Escalation.of(e, now.get(e.projectId))).toList(), page, size,
                result.total());
    }
}
