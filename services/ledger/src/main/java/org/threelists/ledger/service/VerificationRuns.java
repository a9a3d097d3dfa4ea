package org.threelists.ledger.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import org.threelists.ledger.projection.verification.ChainVerification;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Verifications of the hash chains that run in the background and tell how far they are (entries checked of the
 * total), so that a walk of millions of entries outlives no HTTP timeout and shows its progress
 * (services/ledger/README.md, "Entries and the hash chains"). One walk at a time, in the order asked: two walks of the
 * whole ledger at once would only slow each other down. The runs live in this replica's memory; the last
 * {@value #KEPT} are kept.
 */
@ApplicationScoped
public class VerificationRuns {

    private static final Logger LOG = Logger.getLogger(VerificationRuns.class);
    static final int KEPT = 50;

    public enum State { QUEUED, RUNNING, DONE, FAILED }

    /** A run as it stands; {@code street} null for the operator's walk of the whole ledger. */
    public record Run(String id, String street, State state, long checked, long total, Instant startedAt,
            Instant finishedAt, ChainVerification.Result result) {
    }

    private static final class Progress {
        final String id = UUID.randomUUID().toString();
        final String street;
        final long total;
        final Instant startedAt = Instant.now();
        final AtomicLong checked = new AtomicLong();
        volatile State state = State.QUEUED;
        volatile Instant finishedAt;
        volatile ChainVerification.Result result;

        Progress(String street, long total) {
            this.street = street;
            this.total = total;
        }

        Run run() {
            return new Run(id, street, state, checked.get(), total, startedAt, finishedAt, result);
        }
    }

    private final ChainVerification verification;
    private final ExecutorService walker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "ledger-verification");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, Progress> runs = new LinkedHashMap<>();

    VerificationRuns(ChainVerification verification) {
        this.verification = verification;
    }

    /** Starts a walk of {@code street}'s entries and corrections, or of the whole ledger when {@code street} is null. */
    public Run start(String street) {
        Progress progress = new Progress(street, street == null ? verification.entriesToCheck()
                : verification.entriesToCheck(street));
        synchronized (runs) {
            runs.put(progress.id, progress);
            if (runs.size() > KEPT) {
                runs.remove(runs.keySet().iterator().next());
            }
        }
        walker.submit(() -> walk(progress));
        return progress.run();
    }

    /** A run of {@code street} (null: any run, for the operator); empty when unknown or another street's. */
    public Optional<Run> find(String id, String street) {
        synchronized (runs) {
            return Optional.ofNullable(runs.get(id)).filter(p -> street == null || street.equals(p.street))
                    .map(Progress::run);
        }
    }

    private void walk(Progress progress) {
        progress.state = State.RUNNING;
        try {
            // In a transaction, so that the walk streams the rows through a cursor.
            progress.result = QuarkusTransaction.requiringNew().timeout(3600).call(() -> progress.street == null
                    ? verification.verify(progress.checked::set)
                    : verification.verifyStreet(progress.street, progress.checked::set));
            progress.state = State.DONE;
        } catch (RuntimeException e) {
            LOG.errorf(e, "Verification run %s failed", progress.id);
            progress.state = State.FAILED;
        } finally {
            progress.finishedAt = Instant.now();
        }
    }

    @PreDestroy
    void stop() {
        walker.shutdownNow();
    }
}
