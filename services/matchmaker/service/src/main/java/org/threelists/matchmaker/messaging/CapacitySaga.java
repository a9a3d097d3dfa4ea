package org.threelists.matchmaker.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.jboss.logging.Logger;
import org.threelists.matchmaker.deadline.DeadlinePolicy;
import org.threelists.matchmaker.domain.ProjectCommands.ConfirmReservation;
import org.threelists.matchmaker.domain.ProjectCommands.RefuseReservation;
import org.threelists.matchmaker.domain.ProjectCommands.ReturnReservation;
import org.threelists.matchmaker.projection.ProjectClaimView;
import org.threelists.matchmaker.projection.ProjectView;
import org.threelists.platform.inbox.InboundEvent;

/**
 * The matchmaker's half of the capacity saga (docs/architecture.md, §4): a claim or pledge is confirmed only once resource-list has
 * reserved its capacity. resource-list answers a threelists.project.claim-requested.v1 with
 * threelists.capacity.reserved.v1 or threelists.capacity.refused.v1 carrying the same claimId; this turns the answer
 * into ConfirmReservation (the completion deadline starts when the reservation was made) or RefuseReservation (with
 * resource-list's reason code and sentence). It runs in the inbox transaction of the answer, so the command's events,
 * the read models and the inbox record commit together: a redelivered answer is skipped by the inbox, and an answer for
 * a claim that is unknown (a reservation made over resource-list's REST API) changes nothing. A reservation for a
 * claim of the project list that no longer awaits one — refused after waiting {@code threelists.deadlines.claim-pending},
 * released, expired, cancelled, or a dead-lettered request replayed later — is given back (ReturnReservation, published
 * as threelists.project.reservation-returned.v1), so no capacity stays reserved for nothing.
 */
@ApplicationScoped
public class CapacitySaga {

    /** Who confirms or refuses: resource-list's answer, applied by the system. */
    static final String ACTOR = "resource-list";
    private static final Logger LOG = Logger.getLogger(CapacitySaga.class);

    private final Instance<CommandGateway> commands;
    private final DeadlinePolicy policy;

    CapacitySaga(Instance<CommandGateway> commands, DeadlinePolicy policy) {
        this.commands = commands;
        this.policy = policy;
    }

    public void on(InboundEvent event) {
        boolean reserved = event.name().equals("capacity.reserved");
        if (!reserved && !event.name().equals("capacity.refused")) {
            return;
        }
        String claimId = event.text("claimId");
        if (claimId == null) {
            return;
        }
        ProjectClaimView claim = ProjectClaimView.findById(claimId);
        if (claim == null || !claim.projectId.equals(event.text("projectId"))) {
            LOG.debugf("Ignoring %s for claim %s: %s", event.type(), claimId,
                    claim == null ? "unknown" : "a claim of project " + claim.projectId);
            return;
        }
        if (claim.status != ProjectClaimView.Status.PENDING) {
            if (reserved && claim.status != ProjectClaimView.Status.CONFIRMED) {
                commands.get().sendAndWait(new ReturnReservation(claim.projectId, claimId, claim.unitId,
                        claim.resourceId, "reserved after the claim was " + claim.status.name().toLowerCase()
                        + (claim.reason == null ? "" : " (" + claim.reason + ")"), ACTOR));
            }
            return;
        }
        ProjectView project = ProjectView.findById(claim.projectId);
        if (reserved) {
            commands.get().sendAndWait(new ConfirmReservation(claim.projectId, claimId,
                    policy.completionDeadline(project.urgency, event.time()), ACTOR));
        } else {
            JsonNode data = event.data();
            String reason = data.path("reason").asText() + ": " + data.path("detail").asText();
            commands.get().sendAndWait(new RefuseReservation(claim.projectId, claimId, reason, ACTOR));
        }
    }
}
