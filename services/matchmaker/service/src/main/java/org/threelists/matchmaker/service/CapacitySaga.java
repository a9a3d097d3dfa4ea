package org.threelists.matchmaker.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.transaction.Transactional;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.jboss.logging.Logger;
import org.threelists.matchmaker.deadline.DeadlinePolicy;
import org.threelists.matchmaker.domain.ProjectCommands.ConfirmReservation;
import org.threelists.matchmaker.domain.ProjectCommands.RefuseReservation;
import org.threelists.matchmaker.domain.ProjectCommands.ReturnReservation;
import org.threelists.matchmaker.projection.ProjectClaimView;
import org.threelists.matchmaker.projection.ProjectView;

import java.time.Instant;

/**
 * The matchmaker's half of the capacity saga (docs/architecture.md; README "The capacity saga"): a claim or pledge is
 * confirmed only once resource-list has reserved its capacity. resource-list answers a
 * threelists.project.claim-requested.v1 with threelists.capacity.reserved.v1 or threelists.capacity.refused.v1
 * carrying the same claimId; this turns the answer into ConfirmReservation (the completion deadline starts when the
 * reservation was made) or RefuseReservation (with resource-list's reason). It runs in the inbox transaction of the
 * answer, so the command's events, the read models and the inbox record commit together: a redelivered answer is
 * skipped by the inbox, and an answer for a claim that is unknown (a reservation made over resource-list's REST API)
 * changes nothing. A reservation for a claim of the project list that no longer awaits one — refused after waiting
 * {@code threelists.deadlines.claim-pending}, released, expired, cancelled, or a dead-lettered request replayed later
 * — is given back (ReturnReservation, published as threelists.project.reservation-returned.v1), so no capacity stays
 * reserved for nothing.
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

    /** resource-list reserved the capacity of {@code claimId} at {@code reservedAt}. */
    @Transactional
    public void reserved(String projectId, String claimId, Instant reservedAt) {
        ProjectClaimView claim = pendingOrReturned(projectId, claimId, true);
        if (claim != null) {
            ProjectView project = ProjectView.findById(claim.projectId);
            commands.get().sendAndWait(new ConfirmReservation(claim.projectId, claimId,
                    policy.completionDeadline(project.urgency, reservedAt), ACTOR));
        }
    }

    /** resource-list could not reserve the capacity of {@code claimId}; {@code reason}: its code and sentence. */
    @Transactional
    public void refused(String projectId, String claimId, String reason) {
        ProjectClaimView claim = pendingOrReturned(projectId, claimId, false);
        if (claim != null) {
            commands.get().sendAndWait(new RefuseReservation(claim.projectId, claimId, reason, ACTOR));
        }
    }

    /**
     * The claim the answer is for while it is pending, else null; a reservation for a claim that stopped waiting is
     * given back on the way.
     */
    private ProjectClaimView pendingOrReturned(String projectId, String claimId, boolean reserved) {
        if (claimId == null) {
            return null;
        }
        ProjectClaimView claim = ProjectClaimView.findById(claimId);
        if (claim == null || !claim.projectId.equals(projectId)) {
            LOG.debugf("Ignoring the %s answer for claim %s: %s", reserved ? "reserved" : "refused", claimId,
                    claim == null ? "unknown" : "a claim of project " + claim.projectId);
            return null;
        }
        if (claim.status != ProjectClaimView.Status.PENDING) {
            if (reserved && claim.status != ProjectClaimView.Status.CONFIRMED) {
                commands.get().sendAndWait(new ReturnReservation(claim.projectId, claimId, claim.unitId,
                        claim.resourceId, "reserved after the claim was " + claim.status.name().toLowerCase()
                        + (claim.reason == null ? "" : " (" + claim.reason + ")"), ACTOR));
            }
            return null;
        }
        return claim;
    }
}
