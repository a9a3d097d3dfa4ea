package org.threelists.matchmaker.service;

import org.threelists.platform.projection.jdbc.Jdbc;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.threelists.matchmaker.deadline.DeadlinePolicy;
import org.threelists.matchmaker.domain.ProjectCommands.AbandonPendingClaim;
import org.threelists.matchmaker.domain.ProjectCommands.PassDeadline;
import org.threelists.matchmaker.domain.ProjectValues.DeadlineKind;
import org.threelists.matchmaker.domain.ProjectStatus;
import org.threelists.matchmaker.projection.ProjectDeadline;
import org.threelists.matchmaker.projection.ProjectView;
import org.threelists.platform.deadlines.DuePolling;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Fires the project list's time limits. Every {@code threelists.deadlines.poll-interval} it takes the due rows of
 * {@code project_deadline} one at a time (platform {@code DuePolling}) — {@code FOR UPDATE SKIP LOCKED}, so replicas polling together never take the
 * same row — and sends {@code PassDeadline} in the same transaction; the projection moves or removes the row with the
 * events, and the row of a deadline the aggregate ignored (it had moved on) is removed. The rows live in PostgreSQL,
 * so a deadline that passed while the service was down fires at the first poll after the restart. Besides the
 * project's claim and completion deadlines and its delivery's confirmation wait (README "Confirmation wait"), each
 * claim or pledge awaiting resource-list's answer has a row: when it
 * passes the claim is refused ({@code AbandonPendingClaim}), so that no project waits forever for an answer that was
 * lost; an answer that still comes is then given back by the capacity saga.
 */
@ApplicationScoped
public class DeadlinePoller implements DuePolling.DueRows<ProjectDeadline> {

    /** Who passes a deadline: the system, not a person. */
    public static final String ACTOR = "matchmaker";

    private final Instance<CommandGateway> commands;
    private final DeadlinePolicy policy;
    private final boolean enabled;
    private final DuePolling<ProjectDeadline> polling;

    DeadlinePoller(Instance<CommandGateway> commands, DeadlinePolicy policy,
            @ConfigProperty(name = "threelists.deadlines.enabled", defaultValue = "true") boolean enabled,
            @ConfigProperty(name = "threelists.deadlines.poll-interval", defaultValue = "PT5S") Duration interval) {
        this.commands = commands;
        this.policy = policy;
        this.enabled = enabled;
        this.polling = new DuePolling<>("deadline-poller", interval, Instant::now, this);
    }

    void onStart(@Observes StartupEvent event) {
        if (enabled) {
            polling.start();
        }
    }

    void onStop(@Observes ShutdownEvent event) throws InterruptedException {
        polling.stop();
    }

    public boolean enabled() {
        return enabled;
    }

    public Duration interval() {
        return polling.interval();
    }

    /** When the last poll finished without a database error; null before the first. */
    public Instant lastPoll() {
        return polling.lastPoll();
    }

    public boolean running() {
        return polling.running();
    }

    /** One poll: fires due deadlines (at most a poll's worth). Returns how many fired. */
    public int poll() {
        return polling.poll();
    }

    @Override
    public ProjectDeadline lockNextDue(Instant now) {
        List<ProjectDeadline> rows = ProjectDeadline.TABLE.where("due_at <= ? AND (not_before IS NULL OR not_before <= ?)"
                + " ORDER BY due_at LIMIT 1 FOR UPDATE SKIP LOCKED", now, now);
        return rows.isEmpty() ? null : rows.get(0);
    }

    @Override
    public void fire(ProjectDeadline due, Instant now) {
        if (ProjectDeadline.RESERVATION.equals(due.kind)) {
            commands.get().sendAndWait(new AbandonPendingClaim(due.projectId, due.claimId,
                    "resource-list did not answer within " + policy.claimPending(), ACTOR));
            settleAnswer(due);
            return;
        }
        DeadlineKind kind = DeadlineKind.valueOf(due.kind);
        Instant next = kind == DeadlineKind.CLAIM ? policy.claimDeadline(due.urgency, now) : null;
        commands.get().sendAndWait(new PassDeadline(due.projectId, kind, due.dueAt, next, ACTOR));
        settle(due.projectId, kind, due.dueAt, now);
    }

    /**
     * After PassDeadline the projection has moved the row (a new claim deadline) or removed it. A row still due at the
     * same time was ignored by the aggregate: a claim deadline of a project whose pending claims would take it whole
     * stays current (it expires the project if resource-list refuses them), so it is looked at again a poll later;
     * any other ignored deadline must not fire again.
     */
    private void settle(String projectId, DeadlineKind kind, Instant dueAt, Instant now) {
        ProjectDeadline row = ProjectDeadline.findById(new ProjectDeadline.Key(projectId, kind.name()));
        if (row == null || !row.dueAt.equals(dueAt)) {
            return;
        }
        ProjectView project = ProjectView.findById(projectId);
        boolean awaitingAnswer = kind == DeadlineKind.CLAIM && project != null
                && (project.status == ProjectStatus.CLAIM_PENDING || project.status == ProjectStatus.PUBLISHED);
        if (awaitingAnswer) {
            row.notBefore = now.plus(polling.interval());
            row.save();
        } else {
            row.delete();
        }
    }

    /** The projection removes the row when the claim stops pending; a claim the aggregate ignored must not fire again. */
    private static void settleAnswer(ProjectDeadline fired) {
        ProjectDeadline.deleteById(ProjectDeadline.Key.reservation(fired.projectId, fired.claimId));
    }

    @Override
    public int attempts(ProjectDeadline row) {
        return row.attempts;
    }

    @Override
    public void postpone(ProjectDeadline failed, int attempts, Instant notBefore) {
        Jdbc.update("UPDATE project_deadline SET attempts = ?, not_before = ? WHERE project_id = ? AND kind = ?"
                + " AND claim_id = ? AND due_at = ?", attempts, notBefore, failed.projectId, failed.kind, failed.claimId,
                failed.dueAt);
    }

    @Override
    public String describe(ProjectDeadline row) {
        return "the " + row.kind + " deadline of project " + row.projectId + " (due " + row.dueAt + ")";
    }

    @Override
    public ProjectDeadline detached(ProjectDeadline row) {
        ProjectDeadline copy = new ProjectDeadline();
        copy.projectId = row.projectId;
        copy.kind = row.kind;
        copy.claimId = row.claimId;
        copy.dueAt = row.dueAt;
        copy.urgency = row.urgency;
        copy.attempts = row.attempts;
        return copy;
    }
}
