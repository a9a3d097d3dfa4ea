package org.threelists.ledger.projection.entries;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The partitions of {@code ledger_entry}, one per generation a rebuild builds ({@code V7__entries_partitioned_by_generation.sql};
 * a generation without one lives in the default partition). A rebuild's partition is created with the one index the
 * building reads through (a project's or a slip's entries: the slips credited once, the corrections a sent summary
 * needs) and receives its entries by COPY into no other index; the rest are built once, over the whole generation,
 * before it becomes current (services/ledger/README.md, "Exactly once and rebuild"). They are the default partition's
 * indexes (V1__ledger.sql, V3__rollups.sql), so the reports read a rebuilt generation exactly as the one before it.
 */
public final class EntryPartitions {

    static final String DROP_WAIT = "5s";

    private EntryPartitions() {
    }

    /** The partition of {@code generation}'s entries. */
    public static String table(int generation) {
        return "ledger_entry_g" + generation;
    }

    /** Creates {@code generation}'s partition with only the index a build reads through. */
    public static void create(Connection c, int generation) throws SQLException {
        String t = table(generation);
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE " + t + " PARTITION OF ledger_entry FOR VALUES IN (" + generation + ")");
            s.execute("CREATE INDEX " + t + "_project ON " + t + " (generation, project_id)");
        }
    }

    /** Refreshes the planner's statistics of {@code generation}'s partition, once its entries are in. */
    public static void analyze(Connection c, int generation) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("ANALYZE " + table(generation));
        }
    }

    /**
     * The indexes the reports, the entry listings and the verification read through, each built once over the whole
     * partition, one statement each: they take the partition in SHARE mode, so they can be built side by side, and
     * beside reads of the entries (a rebuild's roll-up). The two unique ones are built as indexes and become the
     * partition's constraints afterwards ({@link #constrain}), as adding the constraints would take the partition
     * exclusively for the whole build.
     */
    public static List<String> indexes(int generation) {
        String t = table(generation);
        return List.of(
                "CREATE UNIQUE INDEX " + t + "_pkey ON " + t + " (generation, entry_id)",
                "CREATE INDEX " + t + "_street_date ON " + t + " (generation, street_code, entry_date) INCLUDE (kind, "
                        + "unit_id, community_code, category, volunteer_id, hours, residents_served, event_id, project_id)",
                "CREATE UNIQUE INDEX " + t + "_chain_key ON " + t + " (generation, kafka_partition, seq)",
                "CREATE INDEX " + t + "_unit_date ON " + t + " (generation, unit_id, entry_date) INCLUDE (kind, "
                        + "street_code, community_code, category, volunteer_id, hours, event_id, project_id)",
                "CREATE INDEX " + t + "_volunteer ON " + t + " (generation, volunteer_id, entry_date) "
                        + "WHERE volunteer_id IS NOT NULL",
                "CREATE INDEX " + t + "_delivery ON " + t + " (generation, event_id)");
    }

    /**
     * The partition's primary key and chain key from the unique indexes {@link #indexes} built, as the default
     * partition has them (V1__ledger.sql): a moment's exclusive lock of the partition, no second build.
     */
    public static void constrain(Connection c, int generation) throws SQLException {
        String t = table(generation);
        try (Statement s = c.createStatement()) {
            s.execute("ALTER TABLE " + t + " ADD CONSTRAINT " + t + "_pkey PRIMARY KEY USING INDEX " + t + "_pkey");
            s.execute("ALTER TABLE " + t + " ADD CONSTRAINT " + t + "_chain_key UNIQUE USING INDEX " + t + "_chain_key");
        }
    }

    /** Which of {@code generations} have a partition of their own. */
    static List<Integer> partitioned(Connection c, List<Integer> generations) throws SQLException {
        List<Integer> found = new ArrayList<>();
        try (PreparedStatement q = c.prepareStatement("SELECT g FROM unnest(?::integer[]) AS t(g) "
                + "WHERE to_regclass('ledger_entry_g' || g) IS NOT NULL ORDER BY g")) {
            q.setArray(1, c.createArrayOf("integer", generations.toArray()));
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    found.add(rs.getInt(1));
                }
            }
        }
        return found;
    }

    /**
     * Drops {@code generation}'s partition with its rows, at once rather than row by row. It needs the entries' table
     * exclusively: waiting for it queues every read of the entries behind, so it gives up after {@link #DROP_WAIT}.
     */
    static void drop(Connection c, int generation) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("SET LOCAL lock_timeout = '" + DROP_WAIT + "'");
            s.execute("DROP TABLE " + table(generation));
        }
    }
}
