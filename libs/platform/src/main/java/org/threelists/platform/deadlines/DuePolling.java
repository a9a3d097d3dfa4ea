package org.threelists.platform.deadlines;

import io.quarkus.narayana.jta.QuarkusTransaction;
import org.jboss.logging.Logger;
import org.threelists.platform.background.Repeating;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * The loop that fires time limits kept as rows in PostgreSQL (docs/architecture.md, "Deadlines"): every interval it
 * takes the due rows one at a time, each in its own transaction — locked with {@code FOR UPDATE SKIP LOCKED}, so
 * replicas polling together never take the same row — and fires it in that transaction; a row whose firing fails
 * waits longer each time (up to an hour) instead of blocking the others. Because the rows outlive the process, a time
 * that passed while the service was down fires at the first poll after the restart. What a row is, how it is found,
 * fired and postponed is the service's ({@link DueRows}).
 */
public final class DuePolling<R> {

    /** How many rows one poll fires at most; the rest wait for the next poll. */
    static final int PER_POLL = 200;
    private static final Duration LONGEST_WAIT = Duration.ofHours(1);
    private static final Logger LOG = Logger.getLogger(DuePolling.class);

    /** A service's due rows: each method but {@link #postpone} runs in the poll's transaction. */
    public interface DueRows<R> {
        /** The earliest row due at {@code now} that no other poller holds, locked; null when there is none. */
        R lockNextDue(Instant now);

        /** A copy of the row's key and attempts that stays usable after its transaction rolled back. */
        R detached(R row);

        /**
         * Fires the row (sends its command) and settles it: moved, removed or left for a later poll. It is given the
         * detached copy, because firing lets the projection change the locked row it was taken from.
         */
        void fire(R row, Instant now);

        int attempts(R row);

        /** In a transaction of its own: the row is not taken again before {@code notBefore}; attempts recorded. */
        void postpone(R failed, int attempts, Instant notBefore);

        /** The row, as a log line names it. */
        String describe(R row);
    }

    private final String name;
    private final Duration interval;
    private final Supplier<Instant> clock;
    private final DueRows<R> rows;
    private final AtomicReference<Instant> lastPoll = new AtomicReference<>();
    private final Repeating loop;

    /**
     * @param name     the poller's thread and log name, e.g. "deadline-poller"
     * @param clock    the time rows are due by (the service's clock)
     */
    public DuePolling(String name, Duration interval, Supplier<Instant> clock, DueRows<R> rows) {
        this.name = name;
        this.interval = interval;
        this.clock = clock;
        this.rows = rows;
        this.loop = new Repeating(name, interval, this::poll);
    }

    public void start() {
        loop.start();
    }

    public void stop() throws InterruptedException {
        loop.stop();
    }

    public boolean running() {
        return loop.running();
    }

    public Duration interval() {
        return interval;
    }

    /** When the last poll finished without a database error; null before the first. */
    public Instant lastPoll() {
        return lastPoll.get();
    }

    /** One poll: fires due rows until none is left or {@link #PER_POLL} were fired. Returns how many fired. */
    public int poll() {
        int fired = 0;
        try {
            while (fired < PER_POLL && fireOne()) {
                fired++;
            }
            lastPoll.set(Instant.now());
        } catch (RuntimeException e) {
            LOG.errorf(e, "%s: polling the due rows failed; retrying at the next poll", name);
        }
        return fired;
    }

    /** Fires the earliest due row that no other poller holds; false when there is none. */
    private boolean fireOne() {
        Instant now = clock.get();
        AtomicReference<R> taken = new AtomicReference<>();
        try {
            return QuarkusTransaction.requiringNew().call(() -> {
                R due = rows.lockNextDue(now);
                if (due == null) {
                    return false;
                }
                R copy = rows.detached(due);
                taken.set(copy);
                rows.fire(copy, now);
                return true;
            });
        } catch (RuntimeException e) {
            R failed = taken.get();
            if (failed == null) {
                throw e;
            }
            int attempts = rows.attempts(failed) + 1;
            Instant notBefore = Instant.now().plus(backOff(attempts));
            LOG.warnf("%s: firing %s failed (attempt %d): %s; next try after %s", name, rows.describe(failed),
                    attempts, e.toString(), notBefore);
            QuarkusTransaction.requiringNew().run(() -> rows.postpone(failed, attempts, notBefore));
            return true;
        }
    }

    /** The interval doubled per failed attempt, at most an hour. */
    Duration backOff(int attempts) {
        return Duration.ofMillis(Math.min(interval.toMillis() * (1L << Math.min(attempts, 16)), LONGEST_WAIT.toMillis()));
    }
}
