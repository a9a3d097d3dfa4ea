package org.threelists.ledger.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jboss.logging.Logger;
import org.threelists.ledger.projection.entries.ChainStore;
import org.threelists.ledger.projection.entries.Generations;
import org.threelists.ledger.projection.rollups.LedgerRollups;
import org.threelists.ledger.projection.verification.ChainVerification;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Rebuilds the entries from project-list.events.v1 and demand-list.events.v1 (closed slips), offset 0, into a new
 * generation, while the live consumers keep appending to the current one; then, holding the generation lock
 * exclusively, applies what arrived meanwhile and makes the new generation current. The old generation is retired
 * and, once its head was compared with the new one, its entries are dropped (and those of any earlier retired or
 * abandoned build), so rebuilds do not pile up copies of the ledger. The live consumers then go on in the new
 * generation, where the events the rebuild already applied are skipped by id. Corrections, statements and summaries
 * belong to no generation and are kept (services/ledger/README.md, "Exactly once and rebuild").
 */
@ApplicationScoped
public class LedgerRebuild {

    private static final Logger LOG = Logger.getLogger(LedgerRebuild.class);

    private final Generations generations;
    private final LedgerReplay replay;
    private final BatchRecording recording;
    private final ChainStore chains;
    private final ChainVerification verification;
    private final LedgerRollups rollups;
    private final BulkCompletion completion;

    LedgerRebuild(Generations generations, LedgerReplay replay, BatchRecording recording, ChainStore chains,
            ChainVerification verification, LedgerRollups rollups, BulkCompletion completion) {
        this.rollups = rollups;
        this.completion = completion;
        this.chains = chains;
        this.generations = generations;
        this.replay = replay;
        this.recording = recording;
        this.verification = verification;
    }

    /**
     * What a rebuild did. Once the flip is done the new generation is current whatever follows: a failure while its
     * chains are verified or the old rows dropped is told in {@code followUpFailure}, not as a failed rebuild
     * (services/ledger/README.md, "Rebuild runs"). Unverified, {@code entries}, both heads and {@code sameHead} are
     * null.
     */
    public record Result(int previousGeneration, int generation, long events, Long entries, String previousHead,
            String head, Boolean sameHead, long millis, double eventsPerSecond, List<Integer> droppedGenerations,
            String followUpFailure) {
    }

    /** Where a rebuild is (services/ledger/README.md, "Rebuild runs"). */
    @Schema(name = "RebuildPhase")
    public enum Phase { READING_TOPICS, FLIP, VERIFYING_CHAINS, DROPPING_OLD_GENERATION }

    /** What a rebuild tells while it runs: each phase as it enters it, and each batch of events once it is applied. */
    public interface Progress {

        Progress NONE = new Progress() {
            @Override
            public void phase(Phase phase) {
            }

            @Override
            public void applied(List<LedgerReplay.Replayed> batch) {
            }
        };

        void phase(Phase phase);

        void applied(List<LedgerReplay.Replayed> batch);
    }

    public Result rebuild(String actor) {
        return rebuild(actor, Progress.NONE);
    }

    public synchronized Result rebuild(String actor, Progress progress) {
        long started = System.nanoTime();
        progress.phase(Phase.READING_TOPICS);
        Generations.Build build = QuarkusTransaction.requiringNew().call(() -> generations.begin(actor));
        int previous = build.previous();
        int next = build.next();
        long events = 0;
        // where the time goes, logged with the result: the writes of the batches (the rest of the reading is waiting
        // for the next poll, read and parsed on the reader's thread), the indexes, the roll-ups, the flip
        long[] writing = {0};
        long read = 0;
        long rolledUp = 0;
        boolean current = false;
        try (LedgerReplay.Reading reading = replay.fromTheBeginning()) {
            // Only the rebuild appends to the new generation's chains (the live consumer joins it after the flip), so
            // their heads are kept here; any failure abandons the generation, heads and all.
            Map<Integer, ChainStore.Head> heads = QuarkusTransaction.requiringNew().call(() -> chains.heads(next));
            // Each batch of polled records in a transaction of its own, into the generation's own partition, which
            // has no index but the one the building reads and gets no roll-ups yet (V7, "bulk").
            events += reading.catchUp(batch -> {
                long t = System.nanoTime();
                QuarkusTransaction.requiringNew().run(() -> recording.build(next, batch, heads));
                writing[0] += System.nanoTime() - t;
                progress.applied(batch);
            });
            read = System.nanoTime();
            // Then its indexes, each built once over the whole partition, and its roll-ups grouped from all its
            // entries at once, side by side on two connections; before the flip, while the live events go on into the
            // current generation.
            Set<String> pending = completion.complete(next);
            rolledUp = System.nanoTime();
            // The flip: no live event is applied while the last records are read and the generation changes. The
            // generation now takes the confirmations as any other, after those that came while it was rolled up.
            long[] last = {0};
            progress.phase(Phase.FLIP);
            QuarkusTransaction.requiringNew().timeout(900).run(() -> {
                generations.lockExclusively();
                generations.rolledUp(next);
                rollups.confirmedSince(next, pending);
                last[0] = reading.catchUp(batch -> {
                    recording.apply(next, batch, heads);
                    progress.applied(batch);
                });
                generations.finish(build);
            });
            events += last[0];
            current = true;
        } catch (RuntimeException e) {
            if (!current) {
                QuarkusTransaction.requiringNew().run(() -> generations.abandon(next));
                throw e;
            }
            // only the reading's close can fail once the flip committed: the generation is current all the same
            LOG.warnf("Closing the rebuild's reading of the topics failed (%s)", e.getMessage());
        }
        long flipped = System.nanoTime();
        long millis = Math.max(1, (flipped - started) / 1_000_000);
        LOG.infof("Ledger rebuild of generation %d: %d events read in %d ms (%d ms of it writing the batches), "
                + "indexes and roll-ups %d ms, flip %d ms", next, events, (read - started) / 1_000_000,
                writing[0] / 1_000_000, (rolledUp - read) / 1_000_000, (flipped - rolledUp) / 1_000_000);
        return afterTheFlip(actor, previous, next, events, millis, progress);
    }

    /**
     * The new generation is current: both generations' chains walked and their heads compared, then the retired
     * generations' rows dropped. Either may fail (a database that went away, a statement refused); the rebuild is done
     * all the same, and the result says what was not.
     */
    private Result afterTheFlip(String actor, int previous, int next, long events, long millis, Progress progress) {
        double perSecond = events * 1000.0 / millis;
        ChainVerification.Result before;
        ChainVerification.Result after;
        try {
            progress.phase(Phase.VERIFYING_CHAINS);
            // In transactions, so that the walks stream the rows through a cursor.
            before = QuarkusTransaction.requiringNew().timeout(900).call(() -> verification.verify(previous));
            after = QuarkusTransaction.requiringNew().timeout(900).call(() -> verification.verify(next));
        } catch (RuntimeException e) {
            LOG.errorf(e, "Ledger rebuilt by %s: generation %d is current, but its chains could not be verified", actor,
                    next);
            return new Result(previous, next, events, null, null, null, null, millis, perSecond, List.of(),
                    "Generation " + next + " is current, but verifying the chains failed (" + reason(e) + "): verify the "
                    + "ledger; the old generation's rows stay until the next rebuild");
        }
        List<Integer> dropped = List.of();
        String followUpFailure = null;
        try {
            progress.phase(Phase.DROPPING_OLD_GENERATION);
            dropped = dropRetired(next);
        } catch (RuntimeException e) {
            LOG.errorf(e, "Ledger rebuilt by %s: generation %d is current, but the old generations' rows could not be "
                    + "dropped", actor, next);
            followUpFailure = "Generation " + next + " is current and verified, but dropping the old generation's rows "
                    + "failed (" + reason(e) + "): the next rebuild drops them";
        }
        LOG.infof("Ledger rebuilt by %s: generation %d from %d events in %d ms, head %s; dropped the entries of %s",
                actor, next, events, millis, after.head(), dropped);
        return new Result(previous, next, events, after.entries(), before.head(), after.head(),
                before.head().equals(after.head()), millis, perSecond, dropped, followUpFailure);
    }

    private List<Integer> dropRetired(int current) {
        try {
            return QuarkusTransaction.requiringNew().timeout(900).call(() -> generations.dropAllBut(current, true));
        } catch (RuntimeException e) {
            // a long read of the entries held the table: the rows go one by one, the empty partition with the next rebuild
            LOG.warnf("Could not drop the retired generations' partitions whole (%s); deleting their rows", e.getMessage());
            return QuarkusTransaction.requiringNew().timeout(900).call(() -> generations.dropAllBut(current, false));
        }
    }

    /** The innermost cause's message: what the database said, not the wrappers around it. */
    private static String reason(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String message = cause.getMessage();
        return message == null ? cause.getClass().getSimpleName() : message.lines().findFirst().orElse(message);
    }
}
