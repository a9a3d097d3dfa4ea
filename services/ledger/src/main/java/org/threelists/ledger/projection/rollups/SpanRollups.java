package org.threelists.ledger.projection.rollups;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The year and month roll-ups per dimension ({@code ledger_rollup_span}, V5__span_rollups.sql): what a report of a
 * whole year or month reads, a few rows per group. The statements {@link LedgerRollups} runs beside its daily ones,
 * over the same entries, with the same sign and confirmation, so both stay equal to the entries on the live and the
 * batch path alike.
 *
 * <p>Distinct volunteers do not add up over days or months, so they are counted here, when written: each span row
 * keeps the volunteers it counts ({@code ledger_rollup_span_volunteer}, keyed by the row's {@link #rowKey}, with how
 * many of their entries are in it); a
 * volunteer whose first entry arrives is counted, one whose last entry leaves (a confirmation moves it) is uncounted.
 * The upserts go in key order, so that two transactions adding to the same rows take their locks in the same order.
 *
 * <p>A confirmed year row's volunteers also keep the days of the year they have entries on ({@code days}, bit d−1 for
 * day d; V8__year_volunteer_days.sql): a report over a period inside a year counts the members whose days meet the
 * period's. Confirmed rows only gain entries (a confirmation moves figures to them, never from them), so their days
 * are only ever ORed in; an unconfirmed row's stay null.
 */
public final class SpanRollups {

    /** The year and the month a date falls in, as {@code s (span, span_start)}. */
    private static String spans(String date) {
        return " CROSS JOIN LATERAL (VALUES ('YEAR', date_trunc('year', " + date + ")::date), ('MONTH', date_trunc('month', "
                + date + ")::date)) s (span, span_start)";
    }

    /** The street's own dimensions of a row with these columns, as {@code d (dim, dim_value)}. */
    private static String streetDimensions(String alias) {
        return (" CROSS JOIN LATERAL (VALUES ('STREET', %1$s.street_code), ('COMMUNITY', %1$s.community_code), "
                + "('CATEGORY', %1$s.category)) d (dim, dim_value)").formatted(alias);
    }

    private static final String KEY = "generation, street_code, span, span_start, dim, dim_value, confirmed";

    private static final String ADD_FIGURES = " ON CONFLICT (" + KEY + ") DO UPDATE SET hours = r.hours + EXCLUDED.hours, "
            + "services = r.services + EXCLUDED.services, residents_served = r.residents_served + EXCLUDED.residents_served, "
            + "entries = r.entries + EXCLUDED.entries";

    private SpanRollups() {
    }

    /** The street's own figures by street, community and category: every entry, each delivery once. */
    static String streetRows(String filter, String confirmed, int sign) {
        return "INSERT INTO ledger_rollup_span AS r (" + KEY + ", hours, services, residents_served, entries, volunteers) "
                + "SELECT x.generation, x.street_code, s.span, s.span_start, d.dim, d.dim_value, " + confirmed + ", "
                + sign + " * COALESCE(SUM(x.hours) FILTER (WHERE x.kind = 'HOURS'), 0), " + sign + " * COUNT(*) FILTER "
                + "(WHERE x.kind = 'DELIVERY'), " + sign + " * COALESCE(SUM(x.residents_served) FILTER (WHERE x.kind = "
                + "'DELIVERY'), 0), " + sign + " * COUNT(*), 0 FROM ledger_entry x" + spans("x.entry_date")
                + streetDimensions("x") + " WHERE " + filter
                + " GROUP BY 1, 2, 3, 4, 5, 6, 7 ORDER BY 1, 2, 3, 4, 5, 6, 7" + ADD_FIGURES;
    }

    /** A unit's figures: its entries, and each delivery it took part in once, with the delivery's residents served. */
    static String unitRows(String filter, String confirmed, int sign) {
        return "INSERT INTO ledger_rollup_span AS r (" + KEY + ", hours, services, residents_served, entries, volunteers) "
                + "SELECT u.generation, u.street_code, s.span, s.span_start, 'UNIT', u.unit_id, u.confirmed, " + sign
                + " * SUM(u.hours), " + sign + " * COUNT(*), " + sign + " * COALESCE(SUM(d.residents_served), 0), " + sign
                + " * SUM(u.entries), 0 FROM (SELECT x.generation, x.event_id, x.street_code, x.entry_date, x.unit_id, "
                + confirmed + " AS confirmed, COALESCE(SUM(x.hours) FILTER (WHERE x.kind = 'HOURS'), 0) AS hours, "
                + "COUNT(*) AS entries FROM ledger_entry x WHERE " + filter + " AND x.unit_id IS NOT NULL AND x.unit_id <> '' "
                + "GROUP BY 1, 2, 3, 4, 5, 6) u LEFT JOIN ledger_entry d ON d.generation = u.generation AND d.event_id = "
                + "u.event_id AND d.kind = 'DELIVERY'" + spans("u.entry_date")
                + " GROUP BY 1, 2, 3, 4, 5, 6, 7 ORDER BY 1, 2, 3, 4, 5, 6, 7" + ADD_FIGURES;
    }

    /**
     * A span row's key hashed to a UUID: what its volunteers' rows are keyed by ({@code V6__span_volunteers_keyed_by_row.sql}),
     * a key two UUIDs wide instead of seven columns. Computed in SQL only, from the typed columns, so every path and
     * the migration hash the same text.
     */
    public static String rowKey(String alias) {
        return rowKey(alias + ".street_code", alias + ".span", alias + ".span_start", alias + ".dim", alias + ".dim_value",
                alias + ".confirmed");
    }

    /** {@link #rowKey(String)} of the given columns (a text, a text, a date, a text, a text, a boolean). */
    private static String rowKey(String street, String span, String start, String dim, String value, String confirmed) {
        return "md5(concat_ws('|', " + String.join(", ", street, span, start, dim, value, confirmed) + "))::uuid";
    }

    /**
     * The volunteers of the rows: their entries added to (or, sign −1, taken from) the per-volunteer rows, and the
     * span rows' counts moved by the volunteers who came in (their count went from 0 to what was added) or went out
     * (their count fell to 0).
     */
    static String volunteers(String filter, String confirmed, String participant, int sign) {
        return "WITH " + grouped(filter, confirmed, participant) + ", p AS (SELECT g.*, " + rowKey("g")
                + " AS row_key FROM g), " + countVolunteers(sign);
    }

    /**
     * {@code g}: the (span row, volunteer) pairs of the entries {@code filter} selects, with the volunteer's entries
     * ({@code n}) and, for a confirmed year row, the days of the year they fall on ({@code days}: bit d−1 for day d).
     */
    private static String grouped(String filter, String confirmed, String participant) {
        return "g0 AS (SELECT x.generation, x.street_code, s.span, s.span_start, d.dim, d.dim_value, " + confirmed
                + " AS confirmed, x.volunteer_id, COUNT(*) AS n, CASE WHEN s.span = 'YEAR' THEN bit_or(set_bit("
                + "B'0'::bit(366), extract(doy FROM x.entry_date)::int - 1, 1)) END AS year_days FROM ledger_entry x"
                + spans("x.entry_date") + " CROSS JOIN LATERAL (VALUES ('STREET', x.street_code), ('COMMUNITY', "
                + "x.community_code), ('CATEGORY', x.category), ('UNIT', NULLIF(x.unit_id, ''))) d (dim, dim_value) WHERE "
                + filter + " AND " + participant + " AND x.volunteer_id IS NOT NULL AND d.dim_value IS NOT NULL "
                + "GROUP BY 1, 2, 3, 4, 5, 6, 7, 8), g AS (SELECT g0.*, CASE WHEN g0.confirmed THEN g0.year_days END "
                + "AS days FROM g0)";
    }

    /**
     * The volunteers of the rows of a generation rolled up at once ({@link LedgerRollups.RollUp}): none are there
     * yet, so each (row, volunteer) is inserted once, in key order (at the index's right edge: a generation's keys
     * follow the older ones'), without the upsert's conflict check and read-back. The span rows' counts are set
     * afterwards from these rows ({@link #countInserted}): the same rows and counts as {@link #volunteers} with sign +1.
     *
     * <p>Grouped in two steps so that the expansion into eight (row, volunteer) pairs per entry costs as little as it
     * can (bench/README.md, "Ledger: the rebuild's roll-up, less work in PostgreSQL"): {@code e}, each volunteer's
     * entries per street, month, community, category, unit and confirmation, with their count and days (the
     * confirmation read once per entry, not per pair); {@code k}, each distinct such group's eight row keys, hashed
     * once per group rather than once per pair (a unit's two are null without a unit); then the pairs grouped by
     * (row key, volunteer) alone, a year row's days ORed over its months. The volunteers are grouped and ordered
     * byte-wise ({@code COLLATE "C"}), whose sort compares the ids without the locale's rules; the same rows as the
     * column's collation would group (both are deterministic), and the index's order for ids of ASCII, which they are
     * (UUIDs), so the rows still come in the index's order.
     */
    static String insertVolunteers(String filter, String confirmed, String participant) {
        String year = "date_trunc('year', t.month)::date";
        List<String> keys = new ArrayList<>();
        for (String[] span : List.of(new String[] {"'YEAR'::text", year}, new String[] {"'MONTH'::text", "t.month"})) {
            keys.add(rowKey("t.street_code", span[0], span[1], "'STREET'::text", "t.street_code", "t.confirmed"));
            keys.add(rowKey("t.street_code", span[0], span[1], "'COMMUNITY'::text", "t.community_code", "t.confirmed"));
            keys.add(rowKey("t.street_code", span[0], span[1], "'CATEGORY'::text", "t.category", "t.confirmed"));
            keys.add("CASE WHEN t.unit_id <> '' THEN " + rowKey("t.street_code", span[0], span[1], "'UNIT'::text",
                    "t.unit_id", "t.confirmed") + " END");
        }
        String group = "generation, street_code, month, community_code, category, unit_id, confirmed";
        return "WITH e AS MATERIALIZED (SELECT x.generation, x.street_code, date_trunc('month', x.entry_date)::date AS "
                + "month, x.community_code, x.category, COALESCE(x.unit_id, '') AS unit_id, " + confirmed + " AS "
                + "confirmed, x.volunteer_id, COUNT(*) AS n, bit_or(set_bit(B'0'::bit(366), extract(doy FROM "
                + "x.entry_date)::int - 1, 1)) AS days FROM ledger_entry x WHERE " + filter + " AND " + participant
                + " AND x.volunteer_id IS NOT NULL GROUP BY 1, 2, 3, 4, 5, 6, 7, 8), k AS MATERIALIZED (SELECT t.*, ARRAY["
                + String.join(", ", keys) + "] AS keys FROM (SELECT DISTINCT " + group + " FROM e) t) "
                + "INSERT INTO ledger_rollup_span_volunteer (generation, row_key, volunteer_id, entries, days) "
                + "SELECT e.generation, u.row_key, e.volunteer_id COLLATE \"C\", SUM(e.n), bit_or(CASE WHEN u.i <= "
                + YEAR_KEYS + " AND e.confirmed THEN e.days END) FROM e JOIN k USING (" + group + ") CROSS JOIN LATERAL "
                + "unnest(k.keys) WITH ORDINALITY u (row_key, i) WHERE u.row_key IS NOT NULL GROUP BY 1, 2, 3 ORDER BY 1, 2, 3";
    }

    /** The year rows' keys come first in {@link #insertVolunteers}' eight: only they keep days. */
    private static final int YEAR_KEYS = 4;

    /**
     * The street's own span figures of a generation rolled up at once, by street, community and category: the sums
     * of its daily street rows ({@code ledger_rollup}, unit '', written before in the same transaction; parameter the
     * generation). A daily row groups the entries by street, day, community, category and confirmation, so a span
     * row is the sum of its days' rows: the same figures as {@link #streetRows}, from ~one row per day and group
     * instead of every entry expanded six times.
     */
    static String streetRowsOfDays() {
        return "INSERT INTO ledger_rollup_span (" + KEY + ", hours, services, residents_served, entries, volunteers) "
                + "SELECT m.generation, m.street_code, s.span, s.span_start, d.dim, d.dim_value, m.confirmed, "
                + "SUM(m.hours), SUM(m.services), SUM(m.residents_served), SUM(m.entries), 0 FROM (SELECT r.generation, "
                + "r.street_code, date_trunc('month', r.entry_date)::date AS month, r.community_code, r.category, "
                + "r.confirmed, " + DAYS_SUMMED + " FROM ledger_rollup r WHERE r.generation = ? AND r.unit_id = '' "
                + "GROUP BY 1, 2, 3, 4, 5, 6) m" + spans("m.month") + streetDimensions("m")
                + " GROUP BY 1, 2, 3, 4, 5, 6, 7 ORDER BY 1, 2, 3, 4, 5, 6, 7";
    }

    /**
     * A unit's span figures of a generation rolled up at once: the sums of its daily rows (written before in the same
     * transaction; parameter the generation). A unit's daily row counts each delivery it took part in once, with the
     * delivery's residents served, and a delivery falls on one day with one community and category (its project's,
     * or its slip's), so the sums are {@link #unitRows}' figures.
     */
    static String unitRowsOfDays() {
        return "INSERT INTO ledger_rollup_span (" + KEY + ", hours, services, residents_served, entries, volunteers) "
                + "SELECT m.generation, m.street_code, s.span, s.span_start, 'UNIT', m.unit_id, m.confirmed, "
                + "SUM(m.hours), SUM(m.services), SUM(m.residents_served), SUM(m.entries), 0 FROM (SELECT r.generation, "
                + "r.street_code, date_trunc('month', r.entry_date)::date AS month, r.unit_id, r.confirmed, "
                + DAYS_SUMMED + " FROM ledger_rollup r WHERE r.generation = ? AND r.unit_id <> '' GROUP BY 1, 2, 3, 4, 5) m"
                + spans("m.month") + " GROUP BY 1, 2, 3, 4, 5, 6, 7 ORDER BY 1, 2, 3, 4, 5, 6, 7";
    }

    private static final String DAYS_SUMMED = "SUM(r.hours) AS hours, SUM(r.services) AS services, "
            + "SUM(r.residents_served) AS residents_served, SUM(r.entries) AS entries";

    /**
     * Sets the count of each span row of a generation from the volunteers' rows {@link #insertVolunteers} wrote
     * (parameters: the generation, twice); a row without volunteers keeps its 0. Each span row's key is hashed once,
     * in a CTE of its own, and the rows are updated by their primary key: with the hash computed in the UPDATE's own
     * join condition, a rebuild of 50,000 events on the whole stack spent over 100 s in this one statement (its plan
     * was not kept; bench/README.md, "Ledger: the rebuild's roll-up on two connections").
     */
    static String countInserted() {
        return "WITH c AS MATERIALIZED (SELECT row_key, COUNT(*) AS n FROM ledger_rollup_span_volunteer WHERE "
                + "generation = ? GROUP BY row_key), k AS MATERIALIZED (SELECT " + KEY + ", " + rowKey("s")
                + " AS row_key FROM ledger_rollup_span s WHERE s.generation = ?) UPDATE ledger_rollup_span r SET "
                + "volunteers = c.n FROM k JOIN c USING (row_key) WHERE r.generation = k.generation AND r.street_code = "
                + "k.street_code AND r.span = k.span AND r.span_start = k.span_start AND r.dim = k.dim AND r.dim_value = "
                + "k.dim_value AND r.confirmed = k.confirmed";
    }

    /**
     * The rest of {@link #volunteers} and {@link #addVolunteers} after {@code p} (the rows' keys, {@code row_key},
     * {@code volunteer_id} and {@code n}, the volunteer's entries): the per-volunteer rows upserted in key order, then
     * the span rows' counts moved.
     */
    private static String countVolunteers(int sign) {
        String pairKey = "generation, row_key, volunteer_id";
        String changed = sign > 0 ? "v.entries = p.n" : "v.entries = 0";
        return "v AS (INSERT INTO ledger_rollup_span_volunteer AS r (" + pairKey + ", entries, days) SELECT " + pairKey
                + ", " + sign + " * n, days FROM p ORDER BY 1, 2, 3 ON CONFLICT (" + pairKey + ") DO UPDATE SET "
                + "entries = r.entries + EXCLUDED.entries, days = r.days | EXCLUDED.days RETURNING " + pairKey + ", entries) "
                + "INSERT INTO ledger_rollup_span AS r (" + KEY + ", hours, services, residents_served, entries, volunteers) "
                + "SELECT p.generation, p.street_code, p.span, p.span_start, p.dim, p.dim_value, p.confirmed, 0, 0, 0, 0, "
                + sign + " * COUNT(*) FROM v JOIN p USING (" + pairKey + ") WHERE " + changed
                + " GROUP BY 1, 2, 3, 4, 5, 6, 7 ORDER BY 1, 2, 3, 4, 5, 6, 7 ON CONFLICT (" + KEY + ") DO UPDATE SET "
                + "volunteers = r.volunteers + EXCLUDED.volunteers";
    }

    /** The unnest of a batch's span keys as {@link SpanFigures} grouped them (columns s, p, d, m, v, f). */
    private static final String KEY_COLUMNS = "?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[]";

    /**
     * Adds a batch's span figures grouped in memory ({@link SpanFigures#spans}): parameters the generation, then the
     * key's six columns and the hours, services, residents served and entries, each a text array.
     */
    static String addFigures() {
        return "INSERT INTO ledger_rollup_span AS r (" + KEY + ", hours, services, residents_served, entries, volunteers) "
                + "SELECT ?, s, p, d::date, m, v, f::boolean, h::numeric, n::bigint, rs::bigint, e::bigint, 0 FROM unnest("
                + KEY_COLUMNS + ", ?::text[], ?::text[], ?::text[], ?::text[]) AS t(s, p, d, m, v, f, h, n, rs, e) "
                + "ORDER BY 1, 2, 3, 4, 5, 6, 7" + ADD_FIGURES;
    }

    /**
     * Adds a batch's volunteers grouped in memory ({@link SpanFigures#volunteers}) as {@link #volunteers} adds those
     * it groups in SQL (sign +1): parameters the generation, the key's six columns, the volunteer ids, their entries
     * and their days of the year (a confirmed year row's, else null; {@link SpanFigures#days}), each a text array.
     */
    static String addVolunteers() {
        return "WITH g AS (SELECT ?::integer AS generation, s AS street_code, p AS span, d::date AS span_start, m AS dim, "
                + "v AS dim_value, f::boolean AS confirmed, w AS volunteer_id, n::bigint AS n, y::bit(366) AS days FROM "
                + "unnest(" + KEY_COLUMNS + ", ?::text[], ?::text[], ?::text[]) AS t(s, p, d, m, v, f, w, n, y)), "
                + "p AS (SELECT g.*, " + rowKey("g") + " AS row_key FROM g), " + countVolunteers(1);
    }

    /**
     * After a confirmation moved figures: the rows left with nothing in them. In the move's own transaction, so that no
     * committed member row has 0 entries: the reports read the members from the primary key's index alone, without a
     * condition on them ({@code ReportQueries}).
     */
    static void deleteEmpty(Connection c) throws SQLException {
        for (String table : List.of("ledger_rollup_span", "ledger_rollup_span_volunteer")) {
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM " + table + " WHERE entries = 0")) {
                delete.executeUpdate();
            }
        }
    }
}
