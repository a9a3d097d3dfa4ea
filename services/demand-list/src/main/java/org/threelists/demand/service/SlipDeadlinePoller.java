package org.threelists.demand.service;

import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.threelists.demand.domain.slip.Slip;
import org.threelists.demand.domain.slip.SlipCommands.PassSlipDeadline;
import org.threelists.demand.projection.SlipDeadline;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Fires the slips' time limits (docs/architecture.md, "Deadlines": the matchmaker's poller, the same way). Every
 * {@code threelists.slip.poll-interval} it takes the due rows of {@code slip_deadline} one at a time — {@code FOR
 * UPDATE SKIP LOCKED}, so replicas polling together never take the same row — and sends {@code PassSlipDeadline} in
 * the same transaction; the projection moves the row to the community's turn or removes it with the events, and a row
 * the slip ignored (it had moved on) is removed. The rows live in PostgreSQL, so a time that passed while the service
 * was down fires at the first poll after the restart, once: the slip tells each level at most once per deadline.
 * Not shared with the matchmaker's poller through libs/platform: the two differ in their rows and commands, and the
 * loop is small.
 */
@ApplicationScoped
public class SlipDeadlinePoller {

    private static final Logger LOG = Logger.getLogger(SlipDeadlinePoller.class);
    /** How many deadlines one poll fires at most; the rest wait for the next poll. */
    private static final int PER_POLL = 200;

    private final Instance<CommandGateway> commands;
    private final boolean enabled;
    private final Duration interval;
    private ScheduledExecutorService executor;

    SlipDeadlinePoller(Instance<CommandGateway> commands,
            @ConfigProperty(name = "threelists.slip.deadlines.enabled", defaultValue = "true") boolean enabled,
            @ConfigProperty(name = "threelists.slip.poll-interval", defaultValue = "PT5S") Duration interval) {
        this.commands = commands;
        this.enabled = enabled;
        this.interval = interval;
    }

    void onStart(@Observes StartupEvent event) {
        if (!enabled) {
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "slip-deadline-poller");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(this::poll, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    void onStop(@Observes ShutdownEvent event) throws InterruptedException {
        if (executor != null) {
            executor.shutdownNow();
            executor.awaitTermination(10, TimeUnit.SECONDS);
        }
    }

    /** One poll: fires due deadlines until none is left or {@link #PER_POLL} were fired. Returns how many fired. */
    public int poll() {
        int fired = 0;
        try {
            while (fired < PER_POLL && fireOne()) {
                fired++;
            }
        } catch (RuntimeException e) {
            LOG.errorf(e, "Polling the slips' deadlines failed; retrying at the next poll");
        }
        return fired;
    }

    private boolean fireOne() {
        Instant now = SlipWork.now();
        AtomicReference<SlipDeadline> taken = new AtomicReference<>();
        try {
            return QuarkusTransaction.requiringNew().call(() -> {
                SlipDeadline due = due(now);
                if (due == null) {
                    return false;
                }
                taken.set(copy(due));
                commands.get().sendAndWait(new PassSlipDeadline(due.slipId, due.deadline, now, Slip.CLOCK));
                settle(taken.get());
                return true;
            });
        } catch (RuntimeException e) {
            SlipDeadline failed = taken.get();
            if (failed == null) {
                throw e;
            }
            backOff(failed, e);
            return true;
        }
    }

    /** A row the slip left as it was (the deadline was no longer the slip's) must not fire again. */
    private static void settle(SlipDeadline fired) {
        Panache.getEntityManager().flush();
        SlipDeadline row = SlipDeadline.findById(fired.slipId);
        if (row != null && row.deadline.equals(fired.deadline) && row.dueAt.equals(fired.dueAt)) {
            row.delete();
        }
    }

    private static SlipDeadline due(Instant now) {
        @SuppressWarnings("unchecked")
        List<SlipDeadline> rows = Panache.getEntityManager().createNativeQuery(
                        "SELECT * FROM slip_deadline WHERE due_at <= :now AND (not_before IS NULL OR not_before <= :now)"
                                + " ORDER BY due_at LIMIT 1 FOR UPDATE SKIP LOCKED", SlipDeadline.class)
                .setParameter("now", now)
                .getResultList();
        return rows.isEmpty() ? null : rows.get(0);
    }

    /** A deadline whose command failed waits longer each time (up to an hour) instead of blocking the others. */
    private void backOff(SlipDeadline failed, RuntimeException error) {
        int attempts = failed.attempts + 1;
        long delay = Math.min(interval.toMillis() * (1L << Math.min(attempts, 16)), Duration.ofHours(1).toMillis());
        Instant notBefore = Instant.now().plusMillis(delay);
        LOG.warnf("Passing the deadline %s of slip %s failed (attempt %d): %s; next try after %s", failed.deadline,
                failed.slipId, attempts, error.toString(), notBefore);
        QuarkusTransaction.requiringNew().run(() -> Panache.getEntityManager().createQuery(
                        "update SlipDeadline d set d.attempts = ?1, d.notBefore = ?2 where d.slipId = ?3"
                                + " and d.dueAt = ?4")
                .setParameter(1, attempts).setParameter(2, notBefore).setParameter(3, failed.slipId)
                .setParameter(4, failed.dueAt)
                .executeUpdate());
    }

    private static SlipDeadline copy(SlipDeadline row) {
        SlipDeadline copy = new SlipDeadline();
        copy.slipId = row.slipId;
        copy.deadline = row.deadline;
        copy.dueAt = row.dueAt;
        copy.attempts = row.attempts;
        return copy;
    }
}
