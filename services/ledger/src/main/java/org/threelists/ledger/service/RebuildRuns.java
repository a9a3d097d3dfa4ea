package org.threelists.ledger.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jboss.logging.Logger;
import org.threelists.ledger.domain.RebuildUnderWay;
import org.threelists.ledger.projection.entries.RebuildLock;
import org.threelists.ledger.projection.runs.RunStore;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Rebuilds of the ledger as runs that tell how far they are (services/ledger/README.md, "Rebuild runs"): the phase,
 * and the offsets read of those the topics held when the run started. One rebuild at a time, whether started in the
 * background or asked synchronously ({@code POST /ledger/rebuild}): both take the one slot here, and a second one is
 * refused with the run that holds it ({@link RebuildUnderWay}). Across replicas, a run also holds the
 * {@link RebuildLock} from its admission to its end: a replica whose lock another one holds refuses too, naming the
 * run it finds under way in {@link RunStore}. The runs are kept there, where any replica answers for them; the last
 * {@value #KEPT} are kept.
 */
@ApplicationScoped
public class RebuildRuns {

    private static final Logger LOG = Logger.getLogger(RebuildRuns.class);
    static final int KEPT = 20;

    @Schema(name = "RebuildRunState")
    public enum State { QUEUED, RUNNING, DONE, FAILED }

    /**
     * A run as it stands. {@code eventsRead} and {@code eventsToRead} count offsets of the topics' partitions (a
     * Kafka transaction's commit marker takes an offset too); {@code phase} is null while QUEUED.
     */
    @Schema(name = "RebuildRun")
    public record Run(String id, State state, LedgerRebuild.Phase phase, long eventsRead, long eventsToRead,
            String startedBy, Instant startedAt, Instant finishedAt, LedgerRebuild.Result result, String failure) {
    }

    /** A run's progress, told by the rebuild from its thread and written to the table by the heartbeat. */
    private static final class Tracked implements LedgerRebuild.Progress {
        final String id = UUID.randomUUID().toString();
        final String startedBy;
        /** Per chain: its first offset when the run started, and the offset after the last event applied. */
        private final Map<Integer, Long> beginning = new HashMap<>();
        private final Map<Integer, Long> reached = new HashMap<>();
        private long toRead;
        private long read;
        volatile LedgerRebuild.Phase phase;
        /** The rebuild lock, from the admission until the run ends. */
        RebuildLock.Held lock;
        /** The run as the admission wrote it down. */
        RunStore.StoredRun queued;

        Tracked(String startedBy) {
            this.startedBy = startedBy;
        }

        synchronized void measured(Map<Integer, ReplayExtent.Span> extent) {
            extent.forEach((chain, span) -> beginning.put(chain, span.beginning()));
            toRead = extent.values().stream().mapToLong(ReplayExtent.Span::length).sum();
        }

        @Override
        public void phase(LedgerRebuild.Phase phase) {
            if (phase == LedgerRebuild.Phase.VERIFYING_CHAINS) {
                synchronized (this) {
                    // The flip read every partition to its end: whatever was to read at the start is read.
                    read = Math.max(read, toRead);
                    toRead = read;
                }
            }
            this.phase = phase;
        }

        @Override
        public synchronized void applied(List<LedgerReplay.Replayed> batch) {
            for (LedgerReplay.Replayed replayed : batch) {
                long next = replayed.offset() + 1;
                Long before = reached.get(replayed.partition());
                if (before == null || next > before) {
                    long from = before != null ? before : beginning.getOrDefault(replayed.partition(), 0L);
                    read += Math.max(0, next - from);
                    reached.put(replayed.partition(), next);
                }
            }
            // What arrived after the run started is read too: the total grows with it.
            toRead = Math.max(toRead, read);
        }

        synchronized RunStore.Beat beat() {
            return new RunStore.Beat(id, phase == null ? null : phase.name(), read, toRead);
        }
    }

    private final LedgerRebuild rebuild;
    private final ReplayExtent extent;
    private final RebuildLock rebuildLock;
    private final RunStore store;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "ledger-rebuild");
        t.setDaemon(true);
        return t;
    });
    /** Guards the admission of a run. */
    private final Object slot = new Object();
    /** The run that holds the one slot, queued or running; null when none does. Changed under {@link #slot}. */
    private volatile Tracked active;
    private final RunHeartbeat heartbeat;

    RebuildRuns(LedgerRebuild rebuild, ReplayExtent extent, RebuildLock rebuildLock, RunStore store) {
        this.rebuild = rebuild;
        this.extent = extent;
        this.rebuildLock = rebuildLock;
        this.store = store;
        this.heartbeat = new RunHeartbeat("ledger-rebuild-heartbeat", store, () -> {
            Tracked now = active;
            return now == null ? List.of() : List.of(now.beat());
        });
    }

    /** Starts a rebuild in the background; refused while another one is queued or running. */
    public Run start(String actor) {
        Tracked tracked = admit(actor);
        try {
            worker.submit(() -> {
                try {
                    execute(tracked);
                } catch (RuntimeException e) {
                    // told by the run (FAILED, its message); nobody waits for this thread
                }
            });
        } catch (RuntimeException e) {
            end(tracked, State.FAILED, null, "The replica is stopping");
            release(tracked);
            throw e;
        }
        return run(tracked.queued);
    }

    /** Rebuilds in the caller's thread, as a run the history shows too; refused while another one is under way. */
    public LedgerRebuild.Result runNow(String actor) {
        return execute(admit(actor));
    }

    /** A run, whichever replica ran it, if it is among those kept. */
    public Optional<Run> find(String id) {
        return store.find(RunStore.Kind.REBUILD, id).map(RebuildRuns::run);
    }

    /** The runs kept, whichever replica ran them, newest first. */
    public List<Run> recent() {
        return store.recent(RunStore.Kind.REBUILD, KEPT).stream().map(RebuildRuns::run).toList();
    }

    private Tracked admit(String actor) {
        synchronized (slot) {
            Tracked under = active;
            if (under != null) {
                throw new RebuildUnderWay(under.id, under.startedBy);
            }
            Optional<RebuildLock.Held> lock = rebuildLock.tryHold();
            if (lock.isEmpty()) {
                // The run of another replica, as it wrote itself down; none yet (it is being admitted) or only the
                // lock held by a session that is no run: the refusal says "another replica".
                throw store.underWay(RunStore.Kind.REBUILD).map(run -> new RebuildUnderWay(run.id(), run.startedBy()))
                        .orElseGet(RebuildUnderWay::onAnotherReplica);
            }
            Tracked tracked = new Tracked(actor);
            tracked.lock = lock.get();
            try {
                tracked.queued = QuarkusTransaction.requiringNew().call(() -> {
                    // Holding the lock, this replica alone runs a rebuild: a run the table still shows queued or
                    // running is that of a replica that stopped, and let the lock go with its session.
                    store.failLiveBut(RunStore.Kind.REBUILD, tracked.id);
                    RunStore.StoredRun queued = store.queue(RunStore.Kind.REBUILD, tracked.id, null, 0, actor);
                    store.prune(RunStore.Kind.REBUILD, KEPT);
                    return queued;
                });
            } catch (RuntimeException e) {
                tracked.lock.close();
                throw e;
            }
            active = tracked;
            return tracked;
        }
    }

    private LedgerRebuild.Result execute(Tracked tracked) {
        try {
            QuarkusTransaction.requiringNew().run(() -> store.running(tracked.id));
            tracked.measured(extent.now());
            LedgerRebuild.Result result = rebuild.rebuild(tracked.startedBy, tracked);
            end(tracked, State.DONE, result, null);
            return result;
        } catch (RuntimeException e) {
            LOG.errorf(e, "Rebuild run %s failed", tracked.id);
            end(tracked, State.FAILED, null, e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName());
            throw e;
        } finally {
            release(tracked);
        }
    }

    /**
     * Writes the run's end, before its lock is let go: once the lock is free, a run the table shows live is taken for
     * a stopped replica's. If the write fails, the heartbeat stops with the run and readers see it FAILED once stale.
     */
    private void end(Tracked tracked, State state, LedgerRebuild.Result result, String failure) {
        try {
            RunStore.Beat last = tracked.beat();
            QuarkusTransaction.requiringNew().run(() -> store.finished(tracked.id, state.name(), last.phase(),
                    last.done(), last.total(), result, failure));
        } catch (RuntimeException e) {
            LOG.errorf(e, "Cannot record the end of rebuild run %s", tracked.id);
        }
    }

    private void release(Tracked tracked) {
        try {
            tracked.lock.close();
        } finally {
            synchronized (slot) {
                active = null;
            }
        }
    }

    private static Run run(RunStore.StoredRun stored) {
        return new Run(stored.id(), State.valueOf(stored.state()),
                stored.phase() == null ? null : LedgerRebuild.Phase.valueOf(stored.phase()), stored.done(),
                stored.total(), stored.startedBy(), stored.startedAt(), stored.finishedAt(),
                stored.result(LedgerRebuild.Result.class), stored.failure());
    }

    /** The replica stops: its run is told FAILED at once rather than once its heartbeat is stale. */
    @PreDestroy
    void stop() {
        Tracked now = active;
        heartbeat.stop();
        if (now != null) {
            try {
                store.stopped(List.of(now.id));
            } catch (RuntimeException e) {
                LOG.warnf("Cannot mark the rebuild run of a stopping replica (%s): it fails once stale",
                        e.getMessage());
            }
        }
        worker.shutdownNow();
    }
}
