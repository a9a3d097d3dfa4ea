package org.threelists.ledger.projection.entries;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * "A rebuild is under way", as every replica sees it (services/ledger/README.md, "Rebuild runs" and "Monthly
 * municipal summary"): a PostgreSQL advisory lock that a rebuild run holds on a connection of its own from its
 * admission to its end, so that a replica that dies mid-run lets it go with its session. A second rebuild, on any
 * replica, does not get it; a monthly summary takes it shared for its transaction, so that no rebuild runs while a
 * summary reads its figures, and none is sent while a rebuild runs (a rebuild's replay decides which events came
 * after a summary by the summaries it finds, so one recorded half-way through its replay would escape it).
 */
@ApplicationScoped
public class RebuildLock {

    public static final long REBUILD_LOCK = 0x1ed6e8L;

    /** How long an admission waits for summaries that hold the lock shared (each for milliseconds). */
    static final long ADMISSION_WAIT_MILLIS = 2_000;

    /** The lock as a run holds it; closing it lets it go and gives the connection back. */
    public interface Held extends AutoCloseable {
        @Override
        void close();
    }

    private final AgroalDataSource dataSource;

    public RebuildLock(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Takes the lock for a rebuild run, waiting a moment for a summary being sent; empty when a rebuild holds it.
     * Must be called outside a transaction: the connection stays out of every transaction until {@link Held#close}.
     */
    public Optional<Held> tryHold() {
        Connection c = null;
        try {
            c = dataSource.getConnection();
            long giveUp = System.nanoTime() + ADMISSION_WAIT_MILLIS * 1_000_000;
            while (!tryLock(c, "SELECT pg_try_advisory_lock(?)")) {
                if (System.nanoTime() > giveUp) {
                    c.close();
                    return Optional.empty();
                }
                Thread.sleep(25);
            }
            Connection held = c;
            return Optional.of(() -> release(held));
        } catch (SQLException e) {
            closeQuietly(c);
            throw new IllegalStateException("Cannot take the rebuild lock", e);
        } catch (InterruptedException e) {
            closeQuietly(c);
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /**
     * Holds the lock shared until the caller's transaction ends; false, at once, while a rebuild holds it. Holding it,
     * the caller keeps any rebuild from being admitted meanwhile.
     */
    public boolean tryHoldSharedForTransaction() {
        try (Connection c = dataSource.getConnection()) {
            return tryLock(c, "SELECT pg_try_advisory_xact_lock_shared(?)");
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the rebuild lock", e);
        }
    }

    private static boolean tryLock(Connection c, String sql) throws SQLException {
        try (PreparedStatement lock = c.prepareStatement(sql)) {
            lock.setLong(1, REBUILD_LOCK);
            try (ResultSet rs = lock.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    private static void release(Connection c) {
        try (PreparedStatement unlock = c.prepareStatement("SELECT pg_advisory_unlock(?)")) {
            unlock.setLong(1, REBUILD_LOCK);
            unlock.execute();
        } catch (SQLException e) {
            // The pool must not lend out a session that may still hold the lock: the connection is dropped, and the
            // session (and the lock) end with it.
            try {
                c.abort(Runnable::run);
            } catch (SQLException ignored) {
                // already gone
            }
            throw new IllegalStateException("Cannot let the rebuild lock go", e);
        }
        closeQuietly(c);
    }

    private static void closeQuietly(Connection c) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // nothing held on it
            }
        }
    }
}
