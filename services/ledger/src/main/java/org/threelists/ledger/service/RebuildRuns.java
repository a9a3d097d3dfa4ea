package org.threelists.ledger.service;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jboss.logging.Logger;
import org.threelists.ledger.domain.RebuildUnderWay;
import org.threelists.ledger.projection.entries.RebuildLock;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
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
 * {@link RebuildLock} from its admission to its end: a replica whose lock another one holds refuses too. The runs live
 * in this replica's memory; the last {@value #KEPT} are kept.
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

    /** A run's progress, told by the rebuild from its thread and read by the requests. */
    private static final class Tracked implements LedgerRebuild.Progress {
        final String id = UUID.randomUUID().toString();
        final String startedBy;
        final Instant startedAt = Instant.now();
        /** Per chain: its first offset when the run started, and the offset after the last event applied. */
        private final Map<Integer, Long> beginning = new HashMap<>();
        private final Map<Integer, Long> reached = new HashMap<>();
        private long toRead;
        private long read;
        volatile State state = State.QUEUED;
        volatile LedgerRebuild.Phase phase;
        volatile Instant finishedAt;
        volatile LedgerRebuild.Result result;
        volatile String failure;
        /** The rebuild lock, from the admission until the run ends. */
        RebuildLock.Held lock;

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

        synchronized Run run() {
            return new Run(id, state, phase, read, toRead, startedBy, startedAt, finishedAt, result, failure);
        }
    }

    private final LedgerRebuild rebuild;
    private final ReplayExtent extent;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "ledger-rebuild");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, Tracked> runs = new LinkedHashMap<>();
    /** The run that holds the one slot, queued or running; null when none does. Guarded by {@link #runs}. */
    private Tracked active;

    private final RebuildLock rebuildLock;

    RebuildRuns(LedgerRebuild rebuild, ReplayExtent extent, RebuildLock rebuildLock) {
        this.rebuild = rebuild;
        this.extent = extent;
        this.rebuildLock = rebuildLock;
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
            release(tracked);
            throw e;
        }
        return tracked.run();
    }

    /** Rebuilds in the caller's thread, as a run the history shows too; refused while another one is under way. */
    public LedgerRebuild.Result runNow(String actor) {
        return execute(admit(actor));
    }

    /** A run, if this replica still keeps it. */
    public Optional<Run> find(String id) {
        synchronized (runs) {
            return Optional.ofNullable(runs.get(id)).map(Tracked::run);
        }
    }

    /** The runs this replica keeps, newest first. */
    public List<Run> recent() {
        List<Run> recent = new ArrayList<>();
        synchronized (runs) {
            runs.values().forEach(tracked -> recent.add(tracked.run()));
        }
        Collections.reverse(recent);
        return recent;
    }

    private Tracked admit(String actor) {
        synchronized (runs) {
            if (active != null) {
                throw new RebuildUnderWay(active.id, active.startedBy);
            }
            RebuildLock.Held lock = rebuildLock.tryHold().orElseThrow(RebuildUnderWay::onAnotherReplica);
            Tracked tracked = new Tracked(actor);
            tracked.lock = lock;
            active = tracked;
            runs.put(tracked.id, tracked);
            if (runs.size() > KEPT) {
                runs.remove(runs.keySet().iterator().next());
            }
            return tracked;
        }
    }

    private LedgerRebuild.Result execute(Tracked tracked) {
        tracked.state = State.RUNNING;
        try {
            tracked.measured(extent.now());
            tracked.result = rebuild.rebuild(tracked.startedBy, tracked);
            tracked.finishedAt = Instant.now();
            tracked.state = State.DONE;
            return tracked.result;
        } catch (RuntimeException e) {
            LOG.errorf(e, "Rebuild run %s failed", tracked.id);
            tracked.failure = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
            tracked.finishedAt = Instant.now();
            tracked.state = State.FAILED;
            throw e;
        } finally {
            release(tracked);
        }
    }

    private void release(Tracked tracked) {
        try {
            tracked.lock.close();
        } finally {
            synchronized (runs) {
                active = null;
            }
        }
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }
}
