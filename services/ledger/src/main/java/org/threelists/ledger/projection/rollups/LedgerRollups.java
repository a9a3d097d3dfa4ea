package org.threelists.ledger.projection.rollups;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import org.threelists.ledger.domain.LedgerEntry;
import org.threelists.ledger.projection.Pipeline;
import org.threelists.ledger.projection.Sql;
import org.threelists.ledger.projection.projects.Confirmation;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The only writer of {@code ledger_rollup} and {@code ledger_participation}: the figures of the entries per day, street,
 * unit, community and category (and who took part in which project), so that reports and rankings over a street-year
 * read roll-up rows, not every entry; and of the year and month roll-ups per dimension ({@link SpanRollups}), which a
 * report of a whole year or month reads. Runs inside the caller's transaction, the one that appends the entries, so the
 * roll-ups never disagree with the entries. Every write is the same grouping over the entries it concerns (a delivery's,
 * or a project's when its community confirms it) added to the rows already there; the Flyway migration that created
 * the tables fills them with the same grouping, and so does the benchmark's fill.
 */
@ApplicationScoped
public class LedgerRollups {

    /** Whether an entry counts now (a slip's, or its project confirmed); the roll-ups' {@code confirmed} column. */
    static final String CONFIRMED_NOW = Confirmation.confirmed("x");

    /**
     * The entries a unit's participation rows hold: those with a unit, and a slip's hours without one (a resident
     * member, 居民党员), under unit '' so that the member counts among the volunteers of the street's figures.
     */
    private static final String PARTICIPANT = "(COALESCE(x.unit_id, '') <> '' OR x.origin = 'SLIP' AND x.kind = 'HOURS')";

    private final AgroalDataSource dataSource;

    public LedgerRollups(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Adds the figures of deliveries' and slips' entries just appended to {@code generation} (a poll's or a rebuild
     * batch's, each event's entries together), grouped in memory as the test reference groups them in SQL
     * ({@link EntryFigures}): one upsert per table, no read of the entries just written, the upserts sent together in
     * one round trip ({@link Pipeline}). The caller holds the projects' rows.
     */
    public void deliveredEntries(int generation, List<LedgerEntry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        try (Connection c = dataSource.getConnection()) {
            Set<String> confirmed = new HashSet<>();
            Pipeline read = new Pipeline();
            confirmedAmong(read, entries, confirmed);
            read.execute(c);
            Pipeline upserts = new Pipeline();
            deliveredEntries(upserts, generation, entries, confirmed);
            upserts.execute(c);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot roll up " + entries.size() + " entries", e);
        }
    }

    /**
     * {@link #deliveredEntries}'s upserts added to {@code pipeline}, the entries' confirmed projects read before
     * ({@link #confirmedAmong}) while the caller held the projects' rows: a live poll sends them with its chains' heads.
     */
    public static void deliveredEntries(Pipeline pipeline, int generation, List<LedgerEntry> entries,
            Set<String> confirmed) {
        if (entries.isEmpty()) {
            return;
        }
        EntryFigures figures = EntryFigures.of(entries, confirmed);
        upsertRollup(pipeline, generation, figures.rollup);
        upsertParticipation(pipeline, generation, figures.participation);
        upsertSpans(pipeline, generation, SpanFigures.of(entries, confirmed, figures.unitDeliveries));
    }

    /**
     * Reads into {@code confirmed}, when {@code pipeline} runs, the projects of {@code entries} their community
     * confirmed (Confirmation: a slip's entries need no project).
     */
    public static void confirmedAmong(Pipeline pipeline, List<LedgerEntry> entries, Set<String> confirmed) {
        Object[] projects = entries.stream().filter(e -> e.origin() == LedgerEntry.Origin.PROJECT)
                .map(LedgerEntry::projectId).distinct().toArray();
        if (projects.length == 0) {
            return;
        }
        pipeline.add("SELECT project_id FROM project WHERE project_id = ANY (?) AND completed_at IS NOT NULL",
                List.of(Pipeline.array("varchar", projects)), rs -> {
                    while (rs.next()) {
                        confirmed.add(rs.getString(1));
                    }
                });
    }

    private static void upsertRollup(Pipeline upserts, int generation,
            Map<EntryFigures.RollupKey, EntryFigures.Sums> rows) {
        var keys = rows.keySet();
        var sums = rows.values();
        upserts.add("INSERT INTO ledger_rollup AS r (generation, street_code, "
                + "entry_date, unit_id, community_code, category, confirmed, hours, services, residents_served, entries) "
                + "SELECT ?, s, d::date, u, k, g, f::boolean, h::numeric, n::bigint, rs::bigint, e::bigint FROM unnest("
                + "?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], "
                + "?::text[]) AS t(s, d, u, k, g, f, h, n, rs, e)" + ADD_ROLLUP, withGeneration(generation,
                List.of(EntryFigures.column(keys, EntryFigures.RollupKey::street),
                    EntryFigures.column(keys, EntryFigures.RollupKey::date), EntryFigures.column(keys, EntryFigures.RollupKey::unit),
                    EntryFigures.column(keys, EntryFigures.RollupKey::community),
                    EntryFigures.column(keys, EntryFigures.RollupKey::category),
                    EntryFigures.column(keys, EntryFigures.RollupKey::confirmed),
                    EntryFigures.column(sums, s -> s.hours.toPlainString()), EntryFigures.column(sums, s -> s.services),
                    EntryFigures.column(sums, s -> s.residentsServed), EntryFigures.column(sums, s -> s.entries))));
    }

    /** The generation, then the text arrays: an upsert's parameters. */
    private static List<Object> withGeneration(int generation, List<Object[]> columns) {
        List<Object> params = new ArrayList<>(columns.size() + 1);
        params.add(generation);
        params.addAll(columns);
        return params;
    }

    /**
     * The year and month roll-ups with their distinct volunteers, in the order {@link #add} writes them: the figures,
     * then the volunteers (each row's count moved by those who came in).
     */
    private static void upsertSpans(Pipeline upserts, int generation, SpanFigures spans) {
        var keys = spans.spans.keySet();
        var sums = spans.spans.values();
        List<Object[]> columns = new ArrayList<>(spanKeyColumns(keys));
        columns.addAll(List.of(EntryFigures.column(sums, s -> s.hours.toPlainString()),
                EntryFigures.column(sums, s -> s.services), EntryFigures.column(sums, s -> s.residentsServed),
                EntryFigures.column(sums, s -> s.entries)));
        upserts.add(SpanRollups.addFigures(), withGeneration(generation, columns));
        if (spans.volunteers.isEmpty()) {
            return;
        }
        var pairs = spans.volunteers.keySet();
        columns = new ArrayList<>(spanKeyColumns(pairs.stream().map(SpanFigures.VolunteerKey::row).toList()));
        columns.add(EntryFigures.column(pairs, SpanFigures.VolunteerKey::volunteer));
        columns.add(EntryFigures.column(spans.volunteers.values(), n -> n[0]));
        columns.add(EntryFigures.column(pairs, spans::daysOf));
        upserts.add(SpanRollups.addVolunteers(), withGeneration(generation, columns));
    }

    private static List<Object[]> spanKeyColumns(Collection<SpanFigures.SpanKey> keys) {
        return List.of(EntryFigures.column(keys, SpanFigures.SpanKey::street),
                EntryFigures.column(keys, SpanFigures.SpanKey::span), EntryFigures.column(keys, SpanFigures.SpanKey::start),
                EntryFigures.column(keys, SpanFigures.SpanKey::dim), EntryFigures.column(keys, SpanFigures.SpanKey::value),
                EntryFigures.column(keys, SpanFigures.SpanKey::confirmed));
    }

    private static void upsertParticipation(Pipeline upserts, int generation,
            Map<EntryFigures.ParticipationKey, EntryFigures.Sums> rows) {
        if (rows.isEmpty()) {
            return;
        }
        var keys = rows.keySet();
        var sums = rows.values();
        upserts.add("INSERT INTO ledger_participation AS r (generation, "
                + "street_code, entry_date, unit_id, volunteer_id, community_code, category, project_id, confirmed, hours, "
                + "entries) SELECT ?, s, d::date, u, v, k, g, p, f::boolean, h::numeric, e::bigint FROM unnest(?::text[], "
                + "?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[]) "
                + "AS t(s, d, u, v, k, g, p, f, h, e)" + ADD_PARTICIPATION, withGeneration(generation,
                List.of(EntryFigures.column(keys, EntryFigures.ParticipationKey::street),
                    EntryFigures.column(keys, EntryFigures.ParticipationKey::date),
                    EntryFigures.column(keys, EntryFigures.ParticipationKey::unit),
                    EntryFigures.column(keys, EntryFigures.ParticipationKey::volunteer),
                    EntryFigures.column(keys, EntryFigures.ParticipationKey::community),
                    EntryFigures.column(keys, EntryFigures.ParticipationKey::category),
                    EntryFigures.column(keys, EntryFigures.ParticipationKey::project),
                    EntryFigures.column(keys, EntryFigures.ParticipationKey::confirmed),
                    EntryFigures.column(sums, s -> s.hours.toPlainString()), EntryFigures.column(sums, s -> s.entries))));
    }

    /**
     * Projects their community confirmed for the first time (one, a poll's, a rebuild's batch): their entries' figures,
     * in every generation, move from the unconfirmed rows to the confirmed ones. A bulk generation (one a rebuild
     * builds, V7__entries_partitioned_by_generation.sql) has no roll-ups to move yet: {@link RollUp} reads each
     * project's confirmation when it rolls the generation up.
     */
    public void confirmed(Collection<String> projectIds) {
        move("x.generation = ANY (SELECT generation FROM ledger_generation WHERE NOT bulk)", List.of(), projectIds);
    }

    /**
     * Moves, in {@code generation} alone, the figures of the projects among {@code pending} (those {@link RollUp}
     * rolled up as pending) that are confirmed now: a live confirmation that came while the generation was rolled up,
     * still bulk, moved no figures of it. Under the generation lock, so that no other comes meanwhile.
     */
    public void confirmedSince(int generation, Set<String> pending) {
        if (pending.isEmpty()) {
            return;
        }
        List<String> confirmed = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement q = c.prepareStatement("SELECT project_id "
                + "FROM project WHERE project_id = ANY (?) AND completed_at IS NOT NULL")) {
            q.setArray(1, c.createArrayOf("varchar", pending.toArray()));
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    confirmed.add(rs.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the confirmations of generation " + generation, e);
        }
        move("x.generation = ?", List.of(generation), confirmed);
    }

    /**
     * Rolls up every entry of a bulk generation at once, with the same grouping as a delivery's, each entry confirmed
     * as its project is now: what the generation's batches left out. {@link #volunteers} answers the projects rolled up
     * as pending, so that the caller can move those confirmed since ({@link #confirmedSince}).
     * <p>
     * In two shares of about equal work that can run side by side on two connections, each
     * in its own transaction, both reading the projects' confirmations in one snapshot: the one {@link #begin} takes
     * and exports, which {@link #join} imports (PostgreSQL's {@code pg_export_snapshot}), so the rows are those one
     * transaction would write. {@link #figures} groups the entries into the daily and participation rows and sums
     * the daily rows into the span figures; {@link #volunteers} writes the span rows' volunteers (the largest write,
     * about eight rows per volunteer's entry) and answers the pending projects. Once both are committed,
     * {@link #countVolunteers} sets each span row's count from its volunteers' rows: the two shares cannot see each
     * other's rows.
     */
    public static final class RollUp {

        /**
         * The roll-up's sorts and groupings of a whole generation held in memory rather than merged on disk (a few
         * such operations at a time, in the rebuild's two transactions only).
         */
        static final String WORK_MEM = "64MB";

        private RollUp() {
        }

        /**
         * Starts the roll-up's repeatable-read transaction on {@code c} (its first statements: the caller's
         * transaction, or the caller turned auto-commit off) and answers its snapshot for {@link #join}.
         */
        public static String begin(Connection c) throws SQLException {
            try (Statement s = c.createStatement()) {
                s.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ");
                s.execute("SET LOCAL work_mem = '" + WORK_MEM + "'");
                try (ResultSet rs = s.executeQuery("SELECT pg_export_snapshot()")) {
                    rs.next();
                    return rs.getString(1);
                }
            }
        }

        /** Starts a transaction on {@code c}, as {@link #begin}, that reads in the snapshot {@link #begin} exported. */
        public static void join(Connection c, String snapshot) throws SQLException {
            try (Statement s = c.createStatement()) {
                s.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ");
                // the snapshot's id comes from PostgreSQL, not from a caller
                s.execute("SET TRANSACTION SNAPSHOT '" + snapshot.replace("'", "") + "'");
                s.execute("SET LOCAL work_mem = '" + WORK_MEM + "'");
            }
        }

        /**
         * The daily rows, the participation rows, then the span rows' figures summed from the daily rows just written
         * (visible in this transaction): a span row is the sum of its days' rows, so the entries are read once for
         * the figures, not once more per span and dimension ({@link SpanRollups#streetRowsOfDays}).
         */
        public static void figures(Connection c, int generation) throws SQLException {
            upsert(c, List.of(streetRows(BY_GENERATION, CONFIRMED_NOW, 1, INTO_NEW_ROWS),
                    unitRows(BY_GENERATION, CONFIRMED_NOW, 1, INTO_NEW_ROWS),
                    participation(BY_GENERATION, CONFIRMED_NOW, 1, INTO_NEW_ROWS), SpanRollups.streetRowsOfDays(),
                    SpanRollups.unitRowsOfDays()), List.of(generation));
        }

        /** The span rows' volunteers; answers the projects rolled up as pending. */
        public static Set<String> volunteers(Connection c, int generation) throws SQLException {
            upsert(c, List.of(SpanRollups.insertVolunteers(BY_GENERATION, CONFIRMED_NOW, PARTICIPANT)),
                    List.of(generation));
            Set<String> pending = new HashSet<>();
            try (PreparedStatement q = c.prepareStatement("SELECT DISTINCT x.project_id FROM ledger_entry x "
                    + "WHERE x.generation = ? AND " + Confirmation.pending("x"))) {
                q.setInt(1, generation);
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        pending.add(rs.getString(1));
                    }
                }
            }
            return pending;
        }

        /** Each span row's count of volunteers, from its volunteers' rows (both shares' rows in place). */
        public static void countVolunteers(Connection c, int generation) throws SQLException {
            upsert(c, List.of(SpanRollups.countInserted()), List.of(generation, generation));
        }

        private static final String BY_GENERATION = "x.generation = ?";

        /**
         * A generation rolled up at once has no roll-up rows yet (its batches write none, and nothing else writes a
         * bulk generation), so its rows are inserted without the upsert's conflict check: the grouping's rows are
         * distinct by key already.
         */
        private static final String INTO_NEW_ROWS = "";
    }

    private void move(String generations, List<Object> generationParams, Collection<String> projectIds) {
        if (projectIds.isEmpty()) {
            return;
        }
        String filter = generations + " AND x.project_id = ANY (?)";
        try (Connection c = dataSource.getConnection()) {
            List<Object> projects = new ArrayList<>(generationParams);
            projects.add(c.createArrayOf("varchar", projectIds.toArray()));
            add(c, filter, projects, "false", -1);
            add(c, filter, projects, "true", 1);
            SpanRollups.deleteEmpty(c);
            for (String table : List.of("ledger_rollup", "ledger_participation")) {
                try (PreparedStatement delete = c.prepareStatement("DELETE FROM " + table + " r USING (SELECT DISTINCT "
                        + "x.generation, x.street_code, x.entry_date FROM ledger_entry x WHERE " + filter + ") k WHERE "
                        + "r.generation = k.generation AND r.street_code = k.street_code AND r.entry_date = k.entry_date "
                        + "AND r.entries = 0")) {
                    Sql.bind(delete, projects);
                    delete.executeUpdate();
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot move the figures of confirmed projects " + projectIds, e);
        }
    }

    /** Deletes the roll-ups of the given generations, with their entries. */
    public static void drop(Connection c, List<Integer> generations) throws SQLException {
        for (String table : List.of("ledger_rollup", "ledger_participation", "ledger_rollup_span",
                "ledger_rollup_span_volunteer")) {
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM " + table + " WHERE generation = ANY (?)")) {
                delete.setArray(1, c.createArrayOf("integer", generations.toArray()));
                delete.executeUpdate();
            }
        }
    }

    /** Adds {@code sign} × the grouping of the entries {@code filter} selects, confirmed as {@code confirmed} says. */
    static void add(Connection c, String filter, List<Object> params, String confirmed, int sign) throws SQLException {
        upsert(c, List.of(streetRows(filter, confirmed, sign), unitRows(filter, confirmed, sign),
                participation(filter, confirmed, sign)), params);
        upsert(c, spans(filter, confirmed, sign), params);
    }

    /** The year and month roll-ups' statements ({@link SpanRollups}) for the entries {@code filter} selects. */
    private static List<String> spans(String filter, String confirmed, int sign) {
        return List.of(SpanRollups.streetRows(filter, confirmed, sign), SpanRollups.unitRows(filter, confirmed, sign),
                SpanRollups.volunteers(filter, confirmed, PARTICIPANT, sign));
    }

    private static void upsert(Connection c, List<String> statements, List<Object> params) throws SQLException {
        for (String sql : statements) {
            try (PreparedStatement upsert = c.prepareStatement(sql)) {
                Sql.bind(upsert, params);
                upsert.executeUpdate();
            }
        }
    }

    /** The street's own rows (unit ''): every entry, each delivery once. */
    static String streetRows(String filter, String confirmed, int sign) {
        return streetRows(filter, confirmed, sign, ADD_ROLLUP);
    }

    private static String streetRows(String filter, String confirmed, int sign, String onConflict) {
        return "INSERT INTO ledger_rollup AS r (generation, street_code, entry_date, unit_id, community_code, category, "
                + "confirmed, hours, services, residents_served, entries) SELECT x.generation, x.street_code, x.entry_date, "
                + "'', x.community_code, x.category, " + confirmed + ", " + sign + " * COALESCE(SUM(x.hours) FILTER "
                + "(WHERE x.kind = 'HOURS'), 0), " + sign + " * COUNT(*) FILTER (WHERE x.kind = 'DELIVERY'), " + sign
                + " * COALESCE(SUM(x.residents_served) FILTER (WHERE x.kind = 'DELIVERY'), 0), " + sign + " * COUNT(*) "
                + "FROM ledger_entry x WHERE " + filter + " GROUP BY 1, 2, 3, 4, 5, 6, 7" + IN_KEY_ORDER + onConflict;
    }

    /** A unit's rows: its entries, and each delivery it took part in once, with the delivery's residents served. */
    static String unitRows(String filter, String confirmed, int sign) {
        return unitRows(filter, confirmed, sign, ADD_ROLLUP);
    }

    private static String unitRows(String filter, String confirmed, int sign, String onConflict) {
        return "INSERT INTO ledger_rollup AS r (generation, street_code, entry_date, unit_id, community_code, category, "
                + "confirmed, hours, services, residents_served, entries) SELECT u.generation, u.street_code, u.entry_date, "
                + "u.unit_id, u.community_code, u.category, u.confirmed, " + sign + " * SUM(u.hours), " + sign
                + " * COUNT(*), " + sign + " * COALESCE(SUM(d.residents_served), 0), " + sign + " * SUM(u.entries) "
                + "FROM (SELECT x.generation, x.event_id, x.street_code, x.entry_date, x.unit_id, x.community_code, "
                + "x.category, " + confirmed + " AS confirmed, COALESCE(SUM(x.hours) FILTER (WHERE x.kind = 'HOURS'), 0) "
                + "AS hours, COUNT(*) AS entries FROM ledger_entry x WHERE " + filter + " AND x.unit_id IS NOT NULL "
                + "AND x.unit_id <> '' GROUP BY 1, 2, 3, 4, 5, 6, 7, 8) u LEFT JOIN ledger_entry d ON d.generation = "
                + "u.generation AND d.event_id = u.event_id AND d.kind = 'DELIVERY' GROUP BY 1, 2, 3, 4, 5, 6, 7" + IN_KEY_ORDER
                + onConflict;
    }

    /**
     * Who took part: a unit's volunteers (their hours) and its pledges (volunteer ''), per project (or slip) and day;
     * a resident member's slip hours under unit ''.
     */
    static String participation(String filter, String confirmed, int sign) {
        return participation(filter, confirmed, sign, ADD_PARTICIPATION);
    }

    private static String participation(String filter, String confirmed, int sign, String onConflict) {
        return "INSERT INTO ledger_participation AS r (generation, street_code, entry_date, unit_id, volunteer_id, "
                + "community_code, category, project_id, confirmed, hours, entries) SELECT x.generation, x.street_code, "
                + "x.entry_date, COALESCE(x.unit_id, ''), COALESCE(x.volunteer_id, ''), x.community_code, x.category, "
                + "x.project_id, " + confirmed + ", " + sign + " * COALESCE(SUM(x.hours) FILTER (WHERE x.kind = 'HOURS'), "
                + "0), " + sign + " * COUNT(*) FROM ledger_entry x WHERE " + filter + " AND " + PARTICIPANT + " GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9"
                + IN_KEY_ORDER + ", 8, 9" + onConflict;
    }

    /**
     * The rows in their primary key's order (the grouping's first columns are the key's): two transactions adding to
     * the same rows lock them in the same order, and a generation rolled up at once appends to the index's right edge.
     */
    private static final String IN_KEY_ORDER = " ORDER BY 1, 2, 3, 4, 5, 6, 7";

    private static final String ADD_PARTICIPATION = " ON CONFLICT (generation, street_code, entry_date, unit_id, "
            + "volunteer_id, community_code, category, project_id, confirmed) DO UPDATE SET hours = r.hours + "
            + "EXCLUDED.hours, entries = r.entries + EXCLUDED.entries";

    private static final String ADD_ROLLUP = " ON CONFLICT (generation, street_code, entry_date, unit_id, community_code, "
            + "category, confirmed) DO UPDATE SET hours = r.hours + EXCLUDED.hours, services = r.services + "
            + "EXCLUDED.services, residents_served = r.residents_served + EXCLUDED.residents_served, entries = r.entries "
            + "+ EXCLUDED.entries";
}
