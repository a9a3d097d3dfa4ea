package org.threelists.ledger.projection.entries;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import org.threelists.ledger.domain.LedgerEntry;
import org.threelists.ledger.domain.LedgerEntry.Kind;
import org.threelists.ledger.domain.LedgerEntry.Origin;
import org.threelists.ledger.projection.Pipeline;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The hash chains as stored: the only writer of {@code ledger_entry}, {@code chain_head} and {@code applied_event}
 * (and the one that drops a retired generation's {@code slip_demand} rows with its entries).
 * Entries are only ever inserted (never updated or deleted, except with a whole retired generation); the chain heads
 * are pointers that move. Runs inside the caller's transaction (the inbox's, or a rebuild batch's).
 */
@ApplicationScoped
public class ChainStore {

    public static final String ENTRY_COLUMNS = "entry_id, kafka_partition, seq, kind, event_id, project_id, street_code, "
            + "community_code, category, entry_date, place, unit_id, volunteer_id, hours, residents_served, resource_id, "
            + "claim_id, amount, demand_ids, notes, recorded_by, recorded_at, prev_hash, hash, origin, group_id, service_mode";

    /** The last entry of a chain: where the next one is appended. */
    public record Head(long seq, String hash) {
    }

    /** An event to mark applied: where it sits in the topic. */
    public record Applied(String eventId, int partition, long offset) {
    }

    /** An entry with the offset of the event it came from. */
    public record Appended(long offset, LedgerEntry entry) {
    }

    private final AgroalDataSource dataSource;

    public ChainStore(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Where a live poll's events go: the current generation, its chains' heads locked, the events new to it. */
    public record Live(int generation, Map<Integer, Head> heads, Set<String> fresh) {
    }

    /**
     * A live poll's start in one round trip, instead of four (bench/README.md, "Ledger: the delivery's hop,
     * pipelined"): the generation lock shared and the current generation ({@link Generations#LOCK_SHARED},
     * {@link Generations#CURRENT}), the heads of the poll's chains locked ({@link #lockHeads}), and its events marked
     * applied ({@link #markAllApplied}). pgjdbc sends the four statements together ({@link Pipeline}); the server runs
     * them in order, each in a snapshot taken when it starts (read committed), so the last two read the current
     * generation after the lock is held, and the shared lock keeps it current until the transaction ends.
     */
    public Live lockLive(Collection<Integer> partitions, List<Applied> events) {
        Map<String, Applied> firsts = firsts(events);
        String current = "(" + Generations.CURRENT + ")";
        int[] generation = {-1};
        Map<Integer, Head> heads = new HashMap<>();
        Set<String> fresh = new HashSet<>();
        List<Object> applied = List.of(Pipeline.array("varchar", firsts.keySet().toArray()),
                Pipeline.array("integer", firsts.values().stream().map(Applied::partition).toArray()),
                Pipeline.array("bigint", firsts.values().stream().map(Applied::offset).toArray()));
        Pipeline pipeline = new Pipeline()
                .add(Generations.LOCK_SHARED, List.of())
                .add(Generations.CURRENT, List.of(), rs -> {
                    if (rs.next()) {
                        generation[0] = rs.getInt(1);
                    }
                })
                .add(headsLocked(current), List.of(Pipeline.array("integer",
                        partitions.stream().distinct().sorted().toArray())), rs -> {
                    while (rs.next()) {
                        heads.put(rs.getInt(1), new Head(rs.getLong(2), rs.getString(3)));
                    }
                })
                .add(markApplied(current), applied, rs -> {
                    while (rs.next()) {
                        fresh.add(rs.getString(1));
                    }
                });
        try (Connection c = dataSource.getConnection()) {
            pipeline.execute(c);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot lock the current generation's chains " + partitions, e);
        }
        if (generation[0] < 0) {
            throw new IllegalStateException("No current ledger generation");
        }
        return new Live(generation[0], heads, fresh);
    }

    private static Map<String, Applied> firsts(List<Applied> events) {
        Map<String, Applied> firsts = new LinkedHashMap<>();
        events.forEach(e -> firsts.putIfAbsent(e.eventId(), e));
        return firsts;
    }

    /** Inserts the events (3 array parameters) into {@code generation} (a parameter or a sub-query) as applied. */
    private static String markApplied(String generation) {
        return "INSERT INTO applied_event (generation, event_id, kafka_partition, kafka_offset) SELECT " + generation
                + ", e, p, o FROM unnest(?::varchar[], ?::integer[], ?::bigint[]) AS t(e, p, o) ON CONFLICT DO NOTHING "
                + "RETURNING event_id";
    }

    private static void bindApplied(Connection c, PreparedStatement q, int from, Map<String, Applied> firsts)
            throws SQLException {
        q.setArray(from, c.createArrayOf("varchar", firsts.keySet().toArray()));
        q.setArray(from + 1, c.createArrayOf("integer", firsts.values().stream().map(Applied::partition).toArray()));
        q.setArray(from + 2, c.createArrayOf("bigint", firsts.values().stream().map(Applied::offset).toArray()));
    }

    /** The heads of the chains (an array parameter) of {@code generation} (a parameter or a sub-query), locked. */
    private static String headsLocked(String generation) {
        return "SELECT kafka_partition, seq, hash FROM chain_head WHERE generation = " + generation + " AND "
                + "kafka_partition = ANY (?) ORDER BY kafka_partition FOR UPDATE";
    }

    /**
     * Marks a batch of events applied to {@code generation} in one statement; answers the ids applied now (not those
     * applied before, nor an id's later copies in the batch), so that each is applied once.
     */
    public Set<String> markAllApplied(int generation, List<Applied> events) {
        Map<String, Applied> firsts = firsts(events);
        Set<String> applied = new HashSet<>();
        if (firsts.isEmpty()) {
            return applied;
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement insert = c.prepareStatement(markApplied("?"))) {
            insert.setInt(1, generation);
            bindApplied(c, insert, 2, firsts);
            try (ResultSet rs = insert.executeQuery()) {
                while (rs.next()) {
                    applied.add(rs.getString(1));
                }
            }
            return applied;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot mark " + firsts.size() + " events applied", e);
        }
    }

    /**
     * Whether {@code generation} holds the entries of slip {@code slipId} already: a slip is credited once, whatever
     * event closed it (demand-list closes a slip once: services/ledger/README.md, "Slips").
     */
    public boolean hasSlip(int generation, String slipId) {
        try (Connection c = dataSource.getConnection(); PreparedStatement q = c.prepareStatement("SELECT 1 FROM "
                + "ledger_entry WHERE generation = ? AND project_id = ? AND origin = 'SLIP' LIMIT 1")) {
            q.setInt(1, generation);
            q.setString(2, slipId);
            try (ResultSet rs = q.executeQuery()) {
                return rs.next();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the entries of slip " + slipId, e);
        }
    }

    /** Every chain head of {@code generation}, by partition. */
    public Map<Integer, Head> heads(int generation) {
        try (Connection c = dataSource.getConnection(); PreparedStatement q = c.prepareStatement(
                "SELECT kafka_partition, seq, hash FROM chain_head WHERE generation = ?")) {
            q.setInt(1, generation);
            Map<Integer, Head> heads = new HashMap<>();
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    heads.put(rs.getInt(1), new Head(rs.getLong(2), rs.getString(3)));
                }
            }
            return heads;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the chain heads of generation " + generation, e);
        }
    }

    /**
     * Appends a batch of entries, already chained in memory after the heads their chains had, with COPY; then moves the
     * heads to {@code heads} in one statement. Only for chains no one else appends to meanwhile: a rebuild's
     * generation, or chains whose heads the caller locked ({@link #lockHeads}).
     */
    public void appendAll(int generation, List<Appended> entries, Map<Integer, Head> heads) {
        if (entries.isEmpty()) {
            return;
        }
        Pipeline moves = new Pipeline();
        moveHeads(moves, generation, heads);
        try (Connection c = dataSource.getConnection()) {
            copy(c, generation, entries);
            moves.execute(c);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot append " + entries.size() + " entries to generation " + generation, e);
        }
    }

    /**
     * Adds the entries' insert to {@code pipeline}: a live poll writes its few entries in a round trip it makes anyway,
     * where COPY would take two of its own (its start, then its data), each a wait for a core on a busy machine
     * (bench/README.md, "Delivery: the ledger's entries in the pipeline"). The values go as text, as COPY sends them, so
     * the stored rows are the same either way; a rebuild's large batches keep COPY ({@link #appendAll}).
     */
    public static void insertAll(Pipeline pipeline, int generation, List<Appended> entries) {
        if (entries.isEmpty()) {
            return;
        }
        List<Object[]> columns = new ArrayList<>(INSERTED_COLUMN_TYPES.length);
        for (int i = 0; i < INSERTED_COLUMN_TYPES.length; i++) {
            columns.add(new Object[entries.size()]);
        }
        for (int row = 0; row < entries.size(); row++) {
            List<Object> values = rowValues(entries.get(row));
            for (int column = 0; column < values.size(); column++) {
                Object value = values.get(column);
                columns.get(column)[row] = value == null ? null : value.toString();
            }
        }
        StringBuilder arrays = new StringBuilder();
        for (String type : INSERTED_COLUMN_TYPES) {
            arrays.append(arrays.isEmpty() ? "" : ", ").append("?::").append(type).append("[]");
        }
        List<Object> params = new ArrayList<>(columns.size() + 1);
        params.add(generation);
        params.addAll(columns);
        pipeline.add("INSERT INTO ledger_entry (generation, kafka_offset, " + ENTRY_COLUMNS + ") SELECT ?, t.* FROM unnest("
                + arrays + ") AS t", params);
    }

    /** The SQL types of {@link #rowValues}, in its order: {@code kafka_offset}, then {@link #ENTRY_COLUMNS}. */
    private static final String[] INSERTED_COLUMN_TYPES = {"bigint", "varchar", "integer", "bigint", "varchar",
            "varchar", "varchar", "varchar", "varchar", "varchar", "date", "varchar", "varchar", "varchar", "numeric",
            "integer", "varchar", "varchar", "numeric", "text", "text", "varchar", "timestamptz", "varchar", "varchar",
            "varchar", "varchar", "varchar"};

    /** One entry's values after its generation, in the order of {@code kafka_offset, } {@link #ENTRY_COLUMNS}. */
    private static List<Object> rowValues(Appended a) {
        LedgerEntry e = a.entry();
        return Arrays.asList(a.offset(), e.entryId(), e.partition(), e.seq(), e.kind().name(), e.eventId(),
                e.projectId(), e.streetCode(), e.communityCode(), e.category(), e.date(), e.place(), e.unitId(),
                e.volunteerId(), e.hours() == null ? null : e.hours().toPlainString(), e.residentsServed(),
                e.resourceId(), e.claimId(), e.amount() == null ? null : e.amount().toPlainString(), e.demandIds(),
                e.notes(), e.recordedBy(), e.recordedAt(), e.prevHash(), e.hash(), e.origin().name(), e.groupId(),
                e.mode());
    }

    /** Moves the heads of the chains to {@code heads}, in one statement added to {@code pipeline}. */
    public static void moveHeads(Pipeline pipeline, int generation, Map<Integer, Head> heads) {
        if (heads.isEmpty()) {
            return;
        }
        List<Integer> partitions = new ArrayList<>(heads.keySet());
        pipeline.add("INSERT INTO chain_head (generation, kafka_partition, seq, "
                + "hash) SELECT ?, p, s, h FROM unnest(?::integer[], ?::bigint[], ?::varchar[]) AS t(p, s, h) "
                + "ON CONFLICT (generation, kafka_partition) DO UPDATE SET seq = EXCLUDED.seq, hash = EXCLUDED.hash",
                List.of(generation, Pipeline.array("integer", partitions.toArray()),
                        Pipeline.array("bigint", partitions.stream().map(p -> heads.get(p).seq()).toArray()),
                        Pipeline.array("varchar", partitions.stream().map(p -> heads.get(p).hash()).toArray())));
    }

    private static void copy(Connection c, int generation, List<Appended> entries) throws SQLException {
        CopyRows rows = new CopyRows();
        for (Appended a : entries) {
            rows.add(generation);
            rowValues(a).forEach(rows::add);
            rows.end();
        }
        rows.copyInto(c, "ledger_entry (generation, kafka_offset, " + ENTRY_COLUMNS + ")");
    }

    /**
     * The heads of the given chains, each locked until the transaction ends (appends to it serialised), in chain
     * order, so two appenders never wait on each other crosswise; a chain without a head starts at the genesis.
     */
    public Map<Integer, Head> lockHeads(int generation, Collection<Integer> partitions) {
        Map<Integer, Head> heads = new HashMap<>();
        if (partitions.isEmpty()) {
            return heads;
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement q = c.prepareStatement(headsLocked("?"))) {
            q.setInt(1, generation);
            q.setArray(2, c.createArrayOf("integer", partitions.stream().distinct().sorted().toArray()));
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    heads.put(rs.getInt(1), new Head(rs.getLong(2), rs.getString(3)));
                }
            }
            return heads;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the heads of chains " + partitions, e);
        }
    }

    /**
     * Deletes every row of the given generations; their ledger_generation rows stay as history. A generation with a
     * partition of its own (a rebuild's, {@link EntryPartitions}) loses it whole if {@code wholePartitions}, else its
     * rows as one in the default partition does.
     */
    static void drop(Connection c, List<Integer> generations, boolean wholePartitions) throws SQLException {
        if (wholePartitions) {
            for (int generation : EntryPartitions.partitioned(c, generations)) {
                EntryPartitions.drop(c, generation);
            }
        }
        for (String table : List.of("ledger_entry", "chain_head", "applied_event", "slip_demand")) {
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM " + table + " WHERE generation = ANY (?)")) {
                delete.setArray(1, c.createArrayOf("integer", generations.toArray()));
                delete.executeUpdate();
            }
        }
    }

    /**
     * An entry as stored, read from a row of exactly {@link #ENTRY_COLUMNS} in their order: by position, which a walk of
     * millions of rows reads faster than by name.
     */
    public static LedgerEntry entryInColumnOrder(ResultSet rs) throws SQLException {
        int residents = rs.getInt(15);
        Integer residentsServed = rs.wasNull() ? null : residents;
        return new LedgerEntry(rs.getString(1), rs.getInt(2), rs.getLong(3), Kind.valueOf(rs.getString(4)),
                rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
                rs.getObject(10, LocalDate.class), rs.getString(11), rs.getString(12), rs.getString(13),
                rs.getBigDecimal(14), residentsServed, rs.getString(16), rs.getString(17), rs.getBigDecimal(18),
                rs.getString(19), rs.getString(20), rs.getString(21), rs.getObject(22, OffsetDateTime.class).toInstant(),
                rs.getString(23), rs.getString(24), Origin.valueOf(rs.getString(25)), rs.getString(26), rs.getString(27));
    }

    /** An entry as stored, read from a row holding {@link #ENTRY_COLUMNS}. */
    public static LedgerEntry entry(ResultSet rs) throws SQLException {
        int residents = rs.getInt("residents_served");
        Integer residentsServed = rs.wasNull() ? null : residents;
        return new LedgerEntry(rs.getString("entry_id"), rs.getInt("kafka_partition"), rs.getLong("seq"),
                Kind.valueOf(rs.getString("kind")), rs.getString("event_id"), rs.getString("project_id"),
                rs.getString("street_code"), rs.getString("community_code"), rs.getString("category"),
                rs.getObject("entry_date", LocalDate.class), rs.getString("place"), rs.getString("unit_id"),
                rs.getString("volunteer_id"), rs.getBigDecimal("hours"), residentsServed, rs.getString("resource_id"),
                rs.getString("claim_id"), rs.getBigDecimal("amount"), rs.getString("demand_ids"), rs.getString("notes"),
                rs.getString("recorded_by"), rs.getObject("recorded_at", OffsetDateTime.class).toInstant(),
                rs.getString("prev_hash"), rs.getString("hash"), Origin.valueOf(rs.getString("origin")),
                rs.getString("group_id"), rs.getString("service_mode"));
    }
}
