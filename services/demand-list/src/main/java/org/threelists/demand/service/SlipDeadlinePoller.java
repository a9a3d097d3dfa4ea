package org.threelists.demand.service;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.threelists.demand.domain.slip.Slip;
import org.threelists.demand.domain.slip.SlipCommands.PassSlipDeadline;
import org.threelists.demand.projection.SlipDeadline;
import org.threelists.platform.deadlines.DuePolling;
import org.threelists.platform.projection.jdbc.Jdbc;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Fires the slips' time limits (docs/architecture.md, "Deadlines": the matchmaker's poller, the same way). Every
 * {@code threelists.slip.poll-interval} it takes the due rows of {@code slip_deadline} one at a time — {@code FOR
 * UPDATE SKIP LOCKED}, so replicas polling together never take the same row — and sends {@code PassSlipDeadline} in
 * the same transaction; the projection moves the row to the community's turn or removes it with the events, and a row
 * the slip ignored (it had moved on) is removed. The rows live in PostgreSQL, so a time that passed while the service
 * was down fires at the first poll after the restart, once: the slip tells each level at most once per deadline.
 * The loop is the platform's ({@code DuePolling}), the matchmaker's deadlines too; the rows and commands are these.
 */
@ApplicationScoped
public class SlipDeadlinePoller implements DuePolling.DueRows<SlipDeadline> {

    private final Instance<CommandGateway> commands;
    private final boolean enabled;
    private final DuePolling<SlipDeadline> polling;

    SlipDeadlinePoller(Instance<CommandGateway> commands,
            @ConfigProperty(name = "threelists.slip.deadlines.enabled", defaultValue = "true") boolean enabled,
            @ConfigProperty(name = "threelists.slip.poll-interval", defaultValue = "PT5S") Duration interval) {
        this.commands = commands;
        this.enabled = enabled;
        this.polling = new DuePolling<>("slip-deadline-poller", interval, SlipWork::now, this);
    }

    void onStart(@Observes StartupEvent event) {
        if (enabled) {
            polling.start();
        }
    }

    void onStop(@Observes ShutdownEvent event) throws InterruptedException {
        polling.stop();
    }

    /** One poll: fires due deadlines (at most a poll's worth). Returns how many fired. */
    public int poll() {
        return polling.poll();
    }

    @Override
    public SlipDeadline lockNextDue(Instant now) {
        List<SlipDeadline> rows = SlipDeadline.TABLE.where("due_at <= ? AND (not_before IS NULL OR not_before <= ?)"
                + " ORDER BY due_at LIMIT 1 FOR UPDATE SKIP LOCKED", now, now);
        return rows.isEmpty() ? null : rows.get(0);
    }

    /** A row the slip left as it was (the deadline was no longer the slip's) must not fire again. */
    @Override
    public void fire(SlipDeadline due, Instant now) {
        commands.get().sendAndWait(new PassSlipDeadline(due.slipId, due.deadline, now, Slip.CLOCK));
        SlipDeadline row = SlipDeadline.findById(due.slipId);
        if (row != null && row.deadline.equals(due.deadline) && row.dueAt.equals(due.dueAt)) {
            row.delete();
        }
    }

    @Override
    public int attempts(SlipDeadline row) {
        return row.attempts;
    }

    @Override
    public void postpone(SlipDeadline failed, int attempts, Instant notBefore) {
        Jdbc.update("UPDATE slip_deadline SET attempts = ?, not_before = ? WHERE slip_id = ? AND due_at = ?", attempts,
                notBefore, failed.slipId, failed.dueAt);
    }

    @Override
    public String describe(SlipDeadline row) {
        return "the deadline " + row.deadline + " of slip " + row.slipId;
    }

    @Override
    public SlipDeadline detached(SlipDeadline row) {
        SlipDeadline copy = new SlipDeadline();
        copy.slipId = row.slipId;
        copy.deadline = row.deadline;
        copy.dueAt = row.dueAt;
        copy.attempts = row.attempts;
        return copy;
    }
}
