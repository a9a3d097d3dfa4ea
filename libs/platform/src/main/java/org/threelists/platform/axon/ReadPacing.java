package org.threelists.platform.axon;

import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Paces the event store's shared reader: a read begins no sooner than {@code linger} after the previous one began,
 * unless the previous one found nothing. After a quiet spell the reader reads at once; under a stream of commits each
 * read takes the events of every commit since the previous one, and the relay's batch (one Kafka transaction and one
 * token update) takes them all. A read that found nothing (the reader's poll, or its look right after a read that
 * found events) does not count: the commit that wakes the reader next is read at once, not up to {@code linger}
 * later, and no batch would have gathered behind an empty read anyway (bench/README.md, "Delivery: the matchmaker's
 * side"). Axon's
 * reader reads again at once after every read that found events, and is woken after every commit, so without a pace
 * it read up to once per commit, each read in its own transaction, and the relay's batches were as small as its reads
 * (bench/README.md, "Fast path, part seven"). Only the reader's thread calls {@link #awaitTurn()}; a wait adds at most
 * {@code linger} to how soon the relay and the streaming processors see an event.
 */
final class ReadPacing {

    /** How the pace waits; the tests give their own. */
    interface Sleeper {
        void sleep(long nanos) throws InterruptedException;
    }

    private final long lingerNanos;
    private final LongSupplier clock;
    private final Sleeper sleeper;
    private long lastRead;
    private boolean hasRead;

    ReadPacing(long lingerNanos) {
        this(lingerNanos, System::nanoTime, TimeUnit.NANOSECONDS::sleep);
    }

    ReadPacing(long lingerNanos, LongSupplier clock, Sleeper sleeper) {
        this.lingerNanos = lingerNanos;
        this.clock = clock;
        this.sleeper = sleeper;
    }

    /** Waits until the next read may begin, then counts it as begun. */
    synchronized void awaitTurn() {
        if (hasRead && lingerNanos > 0) {
            long wait = lastRead + lingerNanos - clock.getAsLong();
            if (wait > 0) {
                try {
                    sleeper.sleep(wait);
                } catch (InterruptedException e) {
                    // The store is shutting down: read now, and let the reader's own loop see the interruption.
                    Thread.currentThread().interrupt();
                }
            }
        }
        lastRead = clock.getAsLong();
        hasRead = true;
    }

    /** The read that began last returned no event: the next one need not wait for it. */
    synchronized void foundNothing() {
        hasRead = false;
    }
}
