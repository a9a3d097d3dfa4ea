package org.threelists.ledger.service;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import org.threelists.ledger.projection.entries.EntryPartitions;
import org.threelists.ledger.projection.rollups.LedgerRollups.RollUp;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * What a rebuild's bulk generation gets once its events are read, before the flip: its entries' indexes and its
 * roll-ups, each built once over the whole generation (services/ledger/README.md, "Exactly once and rebuild"). Both are
 * PostgreSQL's work in one backend each, while the service waits, so they run on two connections side by side, one on
 * the caller's thread and one on a thread of its own: the roll-up's two shares in one exported snapshot
 * ({@link RollUp}), then the index builds, each taken by whichever connection is free.
 *
 * <p>What a failure leaves: the roll-up's two shares commit first, each on its own connection (the caller's once the
 * other has joined the snapshot), as the count of the span rows' volunteers ({@link RollUp#countVolunteers}) reads
 * both shares' rows and neither repeatable-read transaction sees the other's. After them, each connection's index
 * builds are one transaction, the count joins the caller's, and both commit only once both connections are done; a
 * failure on either stops the other before its next build. So a failed index build or count leaves none of the
 * generation's indexes (but the one its batches read through, from before) and no span row's count; the shares' rows
 * stay, as does a share's whose other failed. The partition's constraints come last, once both have committed (they
 * take the partition exclusively, which the other connection's builds hold until it commits). On any failure the
 * caller abandons the generation, which no report reads; the next rebuild drops its entries and roll-ups with it.
 *
 * <p>Outside any JTA transaction: it commits on its own connections.
 */
@ApplicationScoped
public class BulkCompletion {

    private final AgroalDataSource dataSource;

    public BulkCompletion(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Indexes and rolls up {@code generation}; answers the projects it rolled up as pending. */
    public Set<String> complete(int generation) {
        try (Connection mine = dataSource.getConnection(); Connection theirs = dataSource.getConnection()) {
            ExecutorService other = Executors.newSingleThreadExecutor(r -> new Thread(r, "ledger-rebuild-completion"));
            try {
                return complete(generation, mine, theirs, other);
            } catch (RuntimeException | SQLException | InterruptedException e) {
                // the other connection is let go only once its thread has
                other.shutdownNow();
                other.awaitTermination(1, TimeUnit.MINUTES);
                rollBack(mine);
                rollBack(theirs);
                throw e;
            } finally {
                other.shutdown();
                mine.setAutoCommit(true);
                theirs.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot index and roll up generation " + generation, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while indexing and rolling up generation " + generation, e);
        }
    }

    private static Set<String> complete(int generation, Connection mine, Connection theirs, ExecutorService other)
            throws SQLException, InterruptedException {
        // the statistics first: the roll-up's plans read the partition's
        EntryPartitions.analyze(mine, generation);
        mine.setAutoCommit(false);
        theirs.setAutoCommit(false);
        Queue<String> indexes = new ConcurrentLinkedQueue<>(EntryPartitions.indexes(generation));
        String snapshot = RollUp.begin(mine);
        CountDownLatch joined = new CountDownLatch(1);
        Future<?> figures = other.submit(() -> {
            try {
                try {
                    RollUp.join(theirs, snapshot);
                } finally {
                    // joined or failed to: either way the snapshot's own transaction may end now
                    joined.countDown();
                }
                RollUp.figures(theirs, generation);
                theirs.commit();
                build(theirs, indexes);
                return null;
            } finally {
                // done, the queue is empty; failed, the caller's connection builds no index only to roll it back
                indexes.clear();
            }
        });
        Set<String> pending;
        try {
            pending = RollUp.volunteers(mine, generation);
            // the exported snapshot lives as long as its transaction: not committed before the other joined it
            joined.await();
            mine.commit();
            build(mine, indexes);
            await(figures);
        } finally {
            // as the other's share does
            indexes.clear();
        }
        RollUp.countVolunteers(mine, generation);
        theirs.commit();
        mine.commit();
        EntryPartitions.constrain(mine, generation);
        mine.commit();
        return pending;
    }

    private static void rollBack(Connection c) {
        try {
            c.rollback();
        } catch (SQLException e) {
            // the failure being thrown says more; the pool discards a broken connection
        }
    }

    /** Builds the indexes left in {@code indexes}, in the connection's transaction. */
    private static void build(Connection c, Queue<String> indexes) throws SQLException {
        for (String index = indexes.poll(); index != null; index = indexes.poll()) {
            try (Statement s = c.createStatement()) {
                s.execute(index);
            }
        }
    }

    private static void await(Future<?> share) throws InterruptedException, SQLException {
        try {
            share.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof SQLException sql) {
                throw sql;
            }
            throw e.getCause() instanceof RuntimeException runtime ? runtime
                    : new IllegalStateException("Cannot index and roll up the generation", e.getCause());
        }
    }
}
