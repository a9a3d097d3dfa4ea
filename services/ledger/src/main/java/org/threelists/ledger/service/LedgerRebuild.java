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

    public record Result(int previousGeneration, int generation, long events, long entries, String previousHead,
            String head, boolean sameHead, long millis, double eventsPerSecond, List<Integer> droppedGenerations) {
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
        long read;
        long rolledUp;
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
        } catch (RuntimeException e) {
            QuarkusTransaction.requiringNew().run(() -> generations.abandon(next));
            throw e;
        }
        long flipped = System.nanoTime();
        long millis = Math.max(1, (flipped - started) / 1_000_000);
        LOG.infof("Ledger rebuild of generation %d: %d events read in %d ms (%d ms of it writing the batches), "
                + "indexes and roll-ups %d ms, flip %d ms", next, events, (read - started) / 1_000_000,
                writing[0] / 1_000_000, (rolledUp - read) / 1_000_000, (flipped - rolledUp) / 1_000_000);
        progress.phase(Phase.VERIFYING_CHAINS);
        // In transactions, so that the walks stream the rows through a cursor.
        ChainVerification.Result before = QuarkusTransaction.requiringNew().timeout(900).call(() -> verification.verify(previous));
        ChainVerification.Result after = QuarkusTransaction.requiringNew().timeout(900).call(() -> verification.verify(next));
        progress.phase(Phase.DROPPING_OLD_GENERATION);
        List<Integer> dropped;
        try {
            dropped = QuarkusTransaction.requiringNew().timeout(900).call(() -> generations.dropAllBut(next, true));
        } catch (RuntimeException e) {
            // a long read of the entries held the table: the rows go one by one, the empty partition with the next rebuild
            LOG.warnf("Could not drop the retired generations' partitions whole (%s); deleting their rows", e.getMessage());
            dropped = QuarkusTransaction.requiringNew().timeout(900).call(() -> generations.dropAllBut(next, false));
        }
        LOG.infof("Ledger rebuilt by %s: generation %d from %d events in %d ms, head %s; dropped the entries of %s",
                actor, next, events, millis, after.head(), dropped);
        return new Result(previous, next, events, after.entries(), before.head(), after.head(),
                before.head().equals(after.head()), millis, events * 1000.0 / millis, dropped);
    }
}
