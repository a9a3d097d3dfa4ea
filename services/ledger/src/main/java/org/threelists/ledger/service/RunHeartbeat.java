package org.threelists.ledger.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import org.jboss.logging.Logger;
import org.threelists.ledger.projection.runs.RunStore;

import java.util.Collection;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Writes the progress of a replica's live runs to {@link RunStore}, and with it their heartbeat, from a thread of its
 * own every {@value #EVERY_MILLIS} ms (services/ledger/README.md, "Verification runs" and "Rebuild runs"): the walk
 * and the rebuild only count in memory, so the table costs them nothing, and a reader on any replica is at most that
 * far behind. A failed write is tried again at the next beat; a replica that stops beating has its runs read as
 * FAILED once the heartbeat is stale.
 */
final class RunHeartbeat {

    private static final Logger LOG = Logger.getLogger(RunHeartbeat.class);
    static final long EVERY_MILLIS = 250;

    private final ScheduledExecutorService beats;

    RunHeartbeat(String name, RunStore store, Supplier<Collection<RunStore.Beat>> live) {
        beats = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
        beats.scheduleWithFixedDelay(() -> {
            try {
                Collection<RunStore.Beat> now = live.get();
                if (!now.isEmpty()) {
                    QuarkusTransaction.requiringNew().run(() -> store.beat(now));
                }
            } catch (RuntimeException e) {
                // a throw would end the schedule: the next beat tries again
                LOG.warnf(e, "Cannot write the progress of the runs (%s)", name);
            }
        }, EVERY_MILLIS, EVERY_MILLIS, TimeUnit.MILLISECONDS);
    }

    void stop() {
        beats.shutdownNow();
    }
}
