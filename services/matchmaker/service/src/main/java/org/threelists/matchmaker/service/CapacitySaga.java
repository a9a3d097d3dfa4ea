package org.threelists.matchmaker.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.transaction.Transactional;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.jboss.logging.Logger;
import org.threelists.matchmaker.deadline.DeadlinePolicy;
import org.threelists.matchmaker.domain.ProjectCommands.ConfirmReservation;
import org.threelists.matchmaker.domain.ProjectCommands.RefuseReservation;
import org.threelists.matchmaker.projection.ProjectView;

import java.time.Instant;

/**
 * The matchmaker's half of the capacity saga (docs/architecture.md; README "The capacity saga"): a claim or pledge is
 * confirmed only once resource-list has reserved its capacity. resource-list answers a
 * threelists.project.claim-requested.v1 with threelists.capacity.reserved.v1 or threelists.capacity.refused.v1
 * carrying the same claimId; this turns the answer into ConfirmReservation (the completion deadline starts when the
 * reservation was made; the unit and resource reserved, to give back) or RefuseReservation (with resource-list's
 * reason) for the project the answer names. It runs in the inbox transaction of the answer, so the command's events,
 * the read models and the inbox record commit together: a redelivered answer is skipped by the inbox. What the answer
 * does is the project's to decide, on its state as the command finds it, never on the claim's row read here first:
 * the claim's wait for the answer may run out in between. So a pending claim is confirmed or refused; a reservation
 * for a claim that no longer awaits one — refused after waiting {@code threelists.deadlines.claim-pending}, released,
 * expired, cancelled, or a dead-lettered request replayed later — is given back (published as
 * threelists.project.reservation-returned.v1), so no capacity stays reserved for nothing; an answer for a claim the
 * project never asked for (a reservation made over resource-list's REST API) or for a project the list does not know
 * changes nothing.
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

    /** resource-list reserved capacity of {@code resourceId} (of {@code unitId}) for {@code claimId}, at {@code at}. */
    @Transactional
    public void reserved(String projectId, String claimId, String unitId, String resourceId, Instant at) {
        ProjectView project = answered(projectId, claimId, true);
        if (project != null) {
            commands.get().sendAndWait(new ConfirmReservation(projectId, claimId, unitId, resourceId,
                    policy.completionDeadline(project.urgency, at), ACTOR));
        }
    }

    /** resource-list could not reserve the capacity of {@code claimId}; {@code reason}: its code and sentence. */
    @Transactional
    public void refused(String projectId, String claimId, String reason) {
        if (answered(projectId, claimId, false) != null) {
            commands.get().sendAndWait(new RefuseReservation(projectId, claimId, reason, ACTOR));
        }
    }

    /** The project an answer about one of its claims is for, or null when it is no answer to the project list. */
    private static ProjectView answered(String projectId, String claimId, boolean reserved) {
        ProjectView project = claimId == null || projectId == null ? null : ProjectView.findById(projectId);
        if (project == null) {
            LOG.debugf("Ignoring the %s answer for claim %s: project %s is not on the list",
                    reserved ? "reserved" : "refused", claimId, projectId);
        }
        return project;
    }
}
