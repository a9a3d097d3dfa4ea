package org.threelists.platform.axon;

import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Wakes the event store's shared reader after a commit, at most once per {@code linger}. A commit that comes while the
 * reader was woken less than a linger ago wakes it when the linger is up, together with every other commit of that
 * time; a commit after a quiet spell wakes it at once. Every wake-up costs the reader two reads of the store (one that
 * finds the events and one that finds none, each in its own transaction) and the relay one batch (a Kafka transaction
 * and a token update): one wake-up per commit made those the same size as the request itself at a few hundred demands a
 * second (bench/README.md, "Fast path, part seven"). No commit is ever left unannounced: a wake-up is either done at
 * once or scheduled, and a scheduled one covers every commit until it runs.
 */
final class ReaderWakeUps implements AutoCloseable {

    private final long lingerNanos;
    private final Runnable wake;
    private final LongSupplier clock;
    private final ScheduledExecutorService timer;
    private long lastWake;
    private boolean woken;
    private boolean pending;

    ReaderWakeUps(long lingerNanos, Runnable wake) {
        this(lingerNanos, wake, System::nanoTime, Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "event-store-wake-ups");
            thread.setDaemon(true);
            return thread;
        }));
    }

    ReaderWakeUps(long lingerNanos, Runnable wake, LongSupplier clock, ScheduledExecutorService timer) {
        this.lingerNanos = lingerNanos;
        this.wake = wake;
        this.clock = clock;
        this.timer = timer;
    }

    /** A transaction that appended events has committed. */
    void committed() {
        long delay;
        synchronized (this) {
            if (pending) {
                return;
            }
            long now = clock.getAsLong();
            delay = woken ? lastWake + lingerNanos - now : 0;
            if (delay <= 0) {
                lastWake = now;
                woken = true;
            } else {
                pending = true;
            }
        }
        if (delay <= 0) {
            wake.run();
            return;
        }
        try {
            timer.schedule(this::due, delay, TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException stopping) {
            // The store is shutting down: wake the reader now rather than leave the commit unannounced.
            due();
        }
    }

    private void due() {
        synchronized (this) {
            pending = false;
            lastWake = clock.getAsLong();
        }
        wake.run();
    }

    @Override
    public void close() {
        timer.shutdown();
    }
}
