package org.threelists.ledger.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import org.threelists.ledger.projection.runs.RunStore;
import org.threelists.ledger.projection.verification.ChainVerification;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Verifications of the hash chains that run in the background and tell how far they are (entries checked of the
 * total), so that a walk of millions of entries outlives no HTTP timeout and shows its progress
 * (services/ledger/README.md, "Entries and the hash chains", "Verification runs"). One walk at a time per replica, in
 * the order asked: two walks of the whole ledger at once would only slow each other down. At most one walk waits per
 * scope (a street, or the whole ledger) across the replicas: a second one asked meanwhile is answered with the one
 * waiting, which walks whatever the second would have. The runs are kept in {@link RunStore}, where any replica
 * answers for them; the last {@value #KEPT} that ended are kept.
 */
@ApplicationScoped
public class VerificationRuns {

    private static final Logger LOG = Logger.getLogger(VerificationRuns.class);
    static final int KEPT = 50;

    public enum State { QUEUED, RUNNING, DONE, FAILED }

    /**
     * A run as it stands; {@code street} null for the operator's walk of the whole ledger; {@code failure} why a
     * FAILED run ended (the replica running it stopped, or the walk's error).
     */
    public record Run(String id, String street, State state, long checked, long total, Instant startedAt,
            Instant finishedAt, ChainVerification.Result result, String failure) {
    }

    /** A live run's progress, counted by the walk and written by the heartbeat. */
    private static final class Progress {
        final String id;
        final String street;
        final long total;
        final AtomicLong checked = new AtomicLong();

        Progress(String id, String street, long total) {
            this.id = id;
            this.street = street;
            this.total = total;
        }

        RunStore.Beat beat() {
            return new RunStore.Beat(id, null, checked.get(), total);
        }
    }

    private final ChainVerification verification;
    private final RunStore store;
    private final ExecutorService walker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "ledger-verification");
        t.setDaemon(true);
        return t;
    });
    /** This replica's runs, queued or running. */
    private final Map<String, Progress> live = new ConcurrentHashMap<>();
    private final RunHeartbeat heartbeat;

    VerificationRuns(ChainVerification verification, RunStore store) {
        this.verification = verification;
        this.store = store;
        this.heartbeat = new RunHeartbeat("ledger-verification-heartbeat", store,
                () -> live.values().stream().map(Progress::beat).toList());
    }

    /**
     * Starts a walk of {@code street}'s entries and corrections, or of the whole ledger when {@code street} is null;
     * or answers the walk of that scope that waits already.
     */
    public Run start(String street, String actor) {
        String id = UUID.randomUUID().toString();
        long total = street == null ? verification.entriesToCheck() : verification.entriesToCheck(street);
        RunStore.StoredRun queued = QuarkusTransaction.requiringNew().call(() -> {
            RunStore.StoredRun run = store.queue(RunStore.Kind.VERIFICATION, id, street, total, actor);
            store.prune(RunStore.Kind.VERIFICATION, KEPT);
            return run;
        });
        if (queued.id().equals(id)) {
            Progress progress = new Progress(id, street, total);
            live.put(id, progress);
            try {
                walker.submit(() -> walk(progress));
            } catch (RejectedExecutionException e) {
                end(progress, State.FAILED, null, "The replica is stopping");
                throw e;
            }
        }
        return run(queued);
    }

    /** A run of {@code street} (null: any run, for the operator); empty when unknown or another street's. */
    public Optional<Run> find(String id, String street) {
        return store.find(RunStore.Kind.VERIFICATION, id).filter(run -> street == null || street.equals(run.street()))
                .map(VerificationRuns::run);
    }

    private void walk(Progress progress) {
        try {
            if (!QuarkusTransaction.requiringNew().call(() -> store.running(progress.id))) {
                return; // taken for a stopped replica's while it waited: FAILED already
            }
            // In a transaction, so that the walk streams the rows through a cursor.
            ChainVerification.Result result = QuarkusTransaction.requiringNew().timeout(3600).call(
                    () -> progress.street == null ? verification.verify(progress.checked::set)
                            : verification.verifyStreet(progress.street, progress.checked::set));
            end(progress, State.DONE, result, null);
        } catch (RuntimeException e) {
            LOG.errorf(e, "Verification run %s failed", progress.id);
            end(progress, State.FAILED, null, e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName());
        } finally {
            live.remove(progress.id);
        }
    }

    /** Writes the run's end; if that fails, its heartbeat stops with it and readers see it FAILED once stale. */
    private void end(Progress progress, State state, ChainVerification.Result result, String failure) {
        try {
            QuarkusTransaction.requiringNew().run(() -> store.finished(progress.id, state.name(), null,
                    progress.checked.get(), progress.total, result, failure));
        } catch (RuntimeException e) {
            LOG.errorf(e, "Cannot record the end of verification run %s", progress.id);
        } finally {
            live.remove(progress.id);
        }
    }

    private static Run run(RunStore.StoredRun stored) {
        return new Run(stored.id(), stored.street(), State.valueOf(stored.state()), stored.done(), stored.total(),
                stored.startedAt(), stored.finishedAt(), stored.result(ChainVerification.Result.class),
                stored.failure());
    }

    /** The replica stops: its runs are told FAILED at once rather than once their heartbeat is stale. */
    @PreDestroy
    void stop() {
        List<String> ids = List.copyOf(live.keySet());
        heartbeat.stop();
        try {
            store.stopped(ids);
        } catch (RuntimeException e) {
            LOG.warnf("Cannot mark the verification runs of a stopping replica (%s): they fail once stale",
                    e.getMessage());
        }
        walker.shutdownNow();
    }
}
