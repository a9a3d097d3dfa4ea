package org.threelists.ledger.projection.runs;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.threelists.platform.json.Json;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The verification and rebuild runs as every replica sees them ({@code ledger_run}, its only writer;
 * services/ledger/README.md, "Verification runs" and "Rebuild runs"). The replica that runs one writes its progress
 * and its end here; any replica answers for it from here.
 *
 * <p>A replica refreshes the heartbeat of the runs it holds, queued or running; a live run whose heartbeat is older
 * than {@code threelists.ledger.runs.stale-after} is read as FAILED, "the replica running it stopped" (its end that
 * of its last heartbeat), and is marked so for good by the next run of its kind queued.
 */
@ApplicationScoped
public class RunStore {

    public enum Kind { VERIFICATION, REBUILD }

    /** What a reader is told of a run whose replica stopped heartbeating. */
    public static final String STOPPED = "The replica running it stopped";

    /**
     * A run as it stands. {@code state} is QUEUED, RUNNING, DONE or FAILED; {@code street} a verification's scope
     * (null: the whole ledger); {@code done} of {@code total} the entries checked or the offsets read; {@code result}
     * the JSON its runner stored when DONE ({@link #result(Class)} reads it back).
     */
    public record StoredRun(String id, Kind kind, String state, String street, String phase, long done, long total,
            String startedBy, Instant startedAt, Instant finishedAt, String result, String failure) {

        /** The result as its runner gave it to {@link #finished}; null until DONE. */
        public <T> T result(Class<T> type) {
            if (result == null) {
                return null;
            }
            try {
                return Json.mapper().readValue(result, type);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("Cannot read the result of run " + id, e);
            }
        }
    }

    /** A live run's progress as its replica last saw it; {@code phase} null leaves the stored one. */
    public record Beat(String id, String phase, long done, long total) {
    }

    private static final String LIVE = "state IN ('QUEUED', 'RUNNING')";
    /** A live run whose replica stopped; its one parameter the seconds after which a heartbeat is stale. */
    private static final String STALE = "(" + LIVE + " AND heartbeat_at < clock_timestamp() - make_interval(secs => ?))";
    private static final String COLUMNS = "run_id, kind, CASE WHEN " + STALE + " THEN 'FAILED' ELSE state END, "
            + "street_code, phase, done, total, started_by, started_at, CASE WHEN " + STALE + " THEN heartbeat_at ELSE "
            + "finished_at END, result, CASE WHEN " + STALE + " THEN '" + STOPPED + "' ELSE failure END";

    private final AgroalDataSource dataSource;
    private final double staleSeconds;

    public RunStore(AgroalDataSource dataSource,
            @ConfigProperty(name = "threelists.ledger.runs.stale-after", defaultValue = "30S") Duration staleAfter) {
        this.dataSource = dataSource;
        this.staleSeconds = staleAfter.toMillis() / 1000.0;
    }

    /**
     * Queues run {@code id} of {@code kind} and scope {@code street}, unless one of the same kind and scope waits
     * already: then that one is answered. The live runs of the kind whose replica stopped are marked FAILED first, so
     * that none of them holds the scope's place in the queue. Call it in a transaction: the checks and the insert go
     * together.
     */
    public StoredRun queue(Kind kind, String id, String street, long total, String startedBy) {
        try (Connection c = dataSource.getConnection()) {
            failStale(c, kind);
            // Two requests racing for the scope's place: the second's insert waits for the first to commit, then
            // finds the place taken; the one it found may have started meanwhile, and the place is free again.
            for (int attempt = 0; attempt < 3; attempt++) {
                try (PreparedStatement q = c.prepareStatement("INSERT INTO ledger_run (run_id, kind, state, "
                        + "street_code, total, started_by) VALUES (?, ?, 'QUEUED', ?, ?, ?) ON CONFLICT DO NOTHING")) {
                    q.setObject(1, UUID.fromString(id));
                    q.setString(2, kind.name());
                    q.setString(3, street);
                    q.setLong(4, total);
                    q.setString(5, startedBy);
                    if (q.executeUpdate() == 1) {
                        return find(c, "run_id = ?", UUID.fromString(id)).orElseThrow();
                    }
                }
                Optional<StoredRun> waiting = find(c, "kind = ? AND state = 'QUEUED' AND street_code IS NOT DISTINCT "
                        + "FROM ?", kind.name(), street);
                if (waiting.isPresent()) {
                    return waiting.get();
                }
            }
            throw new IllegalStateException("Cannot queue a " + kind + " run: the queue of its scope keeps changing");
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot queue a " + kind + " run", e);
        }
    }

    /**
     * Marks every live run of {@code kind} but {@code except} FAILED, its replica stopped: for the rebuilds, whose
     * lock tells for sure that no other replica runs one (a replica lets it go with its session).
     */
    public void failLiveBut(Kind kind, String except) {
        update("UPDATE ledger_run SET state = 'FAILED', failure = '" + STOPPED + "', finished_at = heartbeat_at "
                + "WHERE kind = ? AND " + LIVE + " AND run_id <> ?", kind.name(), UUID.fromString(except));
    }

    /** A queued run starts; false when it was marked FAILED meanwhile (its replica was taken for stopped). */
    public boolean running(String id) {
        return update("UPDATE ledger_run SET state = 'RUNNING', heartbeat_at = clock_timestamp() WHERE run_id = ? "
                + "AND state = 'QUEUED'", UUID.fromString(id)) == 1;
    }

    /** The progress of this replica's live runs, and their heartbeat: one statement whatever their number. */
    public void beat(Collection<Beat> beats) {
        if (beats.isEmpty()) {
            return;
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement q = c.prepareStatement("UPDATE ledger_run r "
                + "SET phase = COALESCE(b.phase, r.phase), done = b.done, total = b.total, heartbeat_at = "
                + "clock_timestamp() FROM unnest(?::uuid[], ?::text[], ?::bigint[], ?::bigint[]) AS b (id, phase, "
                + "done, total) WHERE r.run_id = b.id AND r." + LIVE)) {
            List<String> ids = new ArrayList<>();
            List<String> phases = new ArrayList<>();
            List<Long> done = new ArrayList<>();
            List<Long> total = new ArrayList<>();
            for (Beat beat : beats) {
                ids.add(beat.id());
                phases.add(beat.phase());
                done.add(beat.done());
                total.add(beat.total());
            }
            q.setArray(1, c.createArrayOf("text", ids.toArray()));
            q.setArray(2, c.createArrayOf("text", phases.toArray()));
            q.setArray(3, c.createArrayOf("bigint", done.toArray()));
            q.setArray(4, c.createArrayOf("bigint", total.toArray()));
            q.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot tell the runs' progress", e);
        }
    }

    /**
     * A run's end: {@code state} DONE with its {@code result} (kept as JSON) or FAILED with its {@code failure}. A
     * run already marked FAILED (its replica taken for stopped) keeps that end.
     */
    public void finished(String id, String state, String phase, long done, long total, Object result,
            String failure) {
        String json;
        try {
            json = result == null ? null : Json.mapper().writeValueAsString(result);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the result of run " + id, e);
        }
        update("UPDATE ledger_run SET state = ?, phase = COALESCE(?, phase), done = ?, total = ?, result = ?::jsonb, "
                + "failure = ?, finished_at = clock_timestamp(), heartbeat_at = clock_timestamp() WHERE run_id = ? AND "
                + LIVE, state, phase, done, total, json, failure, UUID.fromString(id));
    }

    /** This replica stops: its live runs will not go on. */
    public void stopped(Collection<String> ids) {
        for (String id : ids) {
            update("UPDATE ledger_run SET state = 'FAILED', failure = '" + STOPPED + "', finished_at = "
                    + "clock_timestamp() WHERE run_id = ? AND " + LIVE, UUID.fromString(id));
        }
    }

    /** Keeps the newest {@code kept} runs of {@code kind} that ended; a queued or running one is never dropped. */
    public void prune(Kind kind, int kept) {
        update("DELETE FROM ledger_run WHERE kind = ? AND state IN ('DONE', 'FAILED') AND run_id NOT IN (SELECT run_id "
                + "FROM ledger_run WHERE kind = ? ORDER BY started_at DESC LIMIT ?)", kind.name(), kind.name(), kept);
    }

    /** A run of {@code kind}; empty when unknown (or not an id at all). */
    public Optional<StoredRun> find(Kind kind, String id) {
        UUID runId;
        try {
            runId = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        try (Connection c = dataSource.getConnection()) {
            return find(c, "run_id = ? AND kind = ?", runId, kind.name());
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read run " + id, e);
        }
    }

    /** The newest {@code limit} runs of {@code kind}, newest first. */
    public List<StoredRun> recent(Kind kind, int limit) {
        try (Connection c = dataSource.getConnection()) {
            return select(c, "kind = ? ORDER BY started_at DESC LIMIT ?", kind.name(), limit);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the " + kind + " runs", e);
        }
    }

    /** The newest run of {@code kind} queued or running on a replica that still beats. */
    public Optional<StoredRun> underWay(Kind kind) {
        try (Connection c = dataSource.getConnection()) {
            return find(c, "kind = ? AND " + LIVE + " AND NOT " + STALE + " ORDER BY started_at DESC LIMIT 1",
                    kind.name(), staleSeconds);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the " + kind + " runs", e);
        }
    }

    private void failStale(Connection c, Kind kind) throws SQLException {
        try (PreparedStatement q = c.prepareStatement("UPDATE ledger_run SET state = 'FAILED', failure = '" + STOPPED
                + "', finished_at = heartbeat_at WHERE kind = ? AND " + STALE)) {
            q.setString(1, kind.name());
            q.setDouble(2, staleSeconds);
            q.executeUpdate();
        }
    }

    private Optional<StoredRun> find(Connection c, String where, Object... params) throws SQLException {
        List<StoredRun> found = select(c, where, params);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    private List<StoredRun> select(Connection c, String where, Object... params) throws SQLException {
        try (PreparedStatement q = c.prepareStatement("SELECT " + COLUMNS + " FROM ledger_run WHERE " + where)) {
            int i = 1;
            for (int s = 0; s < 3; s++) {
                q.setDouble(i++, staleSeconds);
            }
            for (Object param : params) {
                q.setObject(i++, param);
            }
            List<StoredRun> runs = new ArrayList<>();
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    runs.add(new StoredRun(rs.getString(1), Kind.valueOf(rs.getString(2)), rs.getString(3),
                            rs.getString(4), rs.getString(5), rs.getLong(6), rs.getLong(7), rs.getString(8),
                            instant(rs, 9), instant(rs, 10), rs.getString(11), rs.getString(12)));
                }
            }
            return runs;
        }
    }

    private int update(String sql, Object... params) {
        try (Connection c = dataSource.getConnection(); PreparedStatement q = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                q.setObject(i + 1, params[i]);
            }
            return q.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot write the runs", e);
        }
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime at = rs.getObject(column, OffsetDateTime.class);
        return at == null ? null : at.toInstant();
    }
}
