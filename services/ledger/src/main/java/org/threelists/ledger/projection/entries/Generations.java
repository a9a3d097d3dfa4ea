package org.threelists.ledger.projection.entries;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import org.threelists.ledger.projection.rollups.LedgerRollups;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The generations of the ledger ({@code ledger_generation}, its only writer): the CURRENT one the live consumer
 * appends to, a BUILDING one a rebuild fills, RETIRED and ABANDONED ones kept as history (services/ledger/README.md,
 * "Exactly once and rebuild"). Every application of an event holds the generation lock shared; a rebuild takes it
 * exclusively to make its generation current, so no event lands in a generation while it is being replaced.
 */
@ApplicationScoped
public class Generations {

    public static final long GENERATION_LOCK = 0x1ed6e7L;

    /** A rebuild's generations: the one it replaces and the one it builds. */
    public record Build(int previous, int next) {
    }

    private final AgroalDataSource dataSource;

    public Generations(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public int current() {
        try (Connection c = dataSource.getConnection()) {
            return current(c);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the current generation", e);
        }
    }

    /** The current generation, as a statement or a sub-query. */
    public static final String CURRENT = "SELECT generation FROM ledger_generation WHERE status = 'CURRENT'";

    /**
     * {@link #lockCurrent}'s lock, for a caller to send ahead of {@link #CURRENT} and its own statements in one
     * round trip ({@code projection.Pipeline}): the current generation is then read in a snapshot taken after the lock
     * is held.
     */
    public static final String LOCK_SHARED = "SELECT pg_advisory_xact_lock_shared(" + GENERATION_LOCK + ")";

    public static int current(Connection c) throws SQLException {
        try (PreparedStatement q = c.prepareStatement(CURRENT);
             ResultSet rs = q.executeQuery()) {
            if (!rs.next()) {
                throw new IllegalStateException("No current ledger generation");
            }
            return rs.getInt(1);
        }
    }

    /** The current generation, holding the shared lock until the transaction ends so it cannot change meanwhile. */
    public int lockCurrent() {
        try (Connection c = dataSource.getConnection(); PreparedStatement lock = c.prepareStatement(
                "SELECT pg_advisory_xact_lock_shared(?)")) {
            lock.setLong(1, GENERATION_LOCK);
            lock.execute();
            return current(c);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the current generation", e);
        }
    }

    /** Waits until no event is being applied, and keeps any from being applied until the transaction ends. */
    public void lockExclusively() {
        try (Connection c = dataSource.getConnection(); PreparedStatement lock = c.prepareStatement(
                "SELECT pg_advisory_xact_lock(?)")) {
            lock.setLong(1, GENERATION_LOCK);
            lock.execute();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Abandons any unfinished build and starts a new one after the current generation. */
    public Build begin(String actor) {
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement abandon = c.prepareStatement(
                    "UPDATE ledger_generation SET status = 'ABANDONED' WHERE status = 'BUILDING'")) {
                abandon.executeUpdate();
            }
            int current = current(c);
            int next;
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO ledger_generation (generation, status, "
                    + "started_by, bulk) SELECT max(generation) + 1, 'BUILDING', ?, true FROM ledger_generation "
                    + "RETURNING generation")) {
                insert.setString(1, actor);
                try (ResultSet rs = insert.executeQuery()) {
                    rs.next();
                    next = rs.getInt(1);
                }
            }
            EntryPartitions.create(c, next);
            return new Build(current, next);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot start a rebuild", e);
        }
    }

    /**
     * The generation is no longer bulk: it has its roll-ups, and the confirmations move its figures from now on
     * ({@link LedgerRollups#confirmed(java.util.Collection)}). Under the exclusive lock, so that no live confirmation
     * falls between the two.
     */
    public void rolledUp(int generation) {
        try (Connection c = dataSource.getConnection(); PreparedStatement update = c.prepareStatement(
                "UPDATE ledger_generation SET bulk = false WHERE generation = ?")) {
            update.setInt(1, generation);
            update.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Retires the previous generation and makes the built one current. */
    public void finish(Build build) {
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement retire = c.prepareStatement(
                    "UPDATE ledger_generation SET status = 'RETIRED' WHERE generation = ?")) {
                retire.setInt(1, build.previous());
                retire.executeUpdate();
            }
            try (PreparedStatement current = c.prepareStatement("UPDATE ledger_generation SET status = 'CURRENT', "
                    + "completed_at = now(), events = (SELECT count(*) FROM applied_event WHERE generation = ?) "
                    + "WHERE generation = ?")) {
                current.setInt(1, build.next());
                current.setInt(2, build.next());
                current.executeUpdate();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public void abandon(int generation) {
        try (Connection c = dataSource.getConnection(); PreparedStatement abandon = c.prepareStatement(
                "UPDATE ledger_generation SET status = 'ABANDONED' WHERE generation = ? AND status = 'BUILDING'")) {
            abandon.setInt(1, generation);
            abandon.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Deletes the rows of every retired or abandoned generation but {@code current}; answers which. A generation's own
     * partition is dropped whole when {@code wholePartitions}: that takes the entries' table exclusively, so it gives up
     * after a few seconds (a long read of the entries, such as a verification walk, holds it off) rather than keep the
     * reads queued behind it; called again without, it deletes the rows and leaves the empty partition to the next
     * rebuild.
     */
    public List<Integer> dropAllBut(int current, boolean wholePartitions) {
        try (Connection c = dataSource.getConnection()) {
            List<Integer> dropped = new ArrayList<>();
            try (PreparedStatement q = c.prepareStatement("SELECT generation FROM ledger_generation WHERE generation <> ? "
                    + "AND status IN ('RETIRED', 'ABANDONED') AND (EXISTS (SELECT 1 FROM chain_head h WHERE h.generation "
                    + "= ledger_generation.generation) OR EXISTS (SELECT 1 FROM applied_event a WHERE a.generation = "
                    + "ledger_generation.generation) OR to_regclass('ledger_entry_g' || generation) IS NOT NULL) "
                    + "ORDER BY generation")) {
                q.setInt(1, current);
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        dropped.add(rs.getInt(1));
                    }
                }
            }
            ChainStore.drop(c, dropped, wholePartitions);
            LedgerRollups.drop(c, dropped);
            return dropped;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot drop retired generations", e);
        }
    }
}
