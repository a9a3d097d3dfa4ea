package org.threelists.ledger.projection.reports;

import org.threelists.ledger.projection.projects.Confirmation;
import org.threelists.ledger.projection.reports.LedgerReports.GroupBy;
import org.threelists.ledger.projection.reports.LedgerReports.Scope;
import org.threelists.ledger.projection.reports.LedgerReports.Select;
import org.threelists.ledger.projection.reports.Period.Piece;
import org.threelists.ledger.projection.rollups.SpanRollups;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The statements of a report: one per answer part (the rows, the totals, the pending figures), each answering
 * {@code key, hours, activities, volunteers, residentsServed} in key order. Hours, activities and residents served add
 * up over the roll-ups' rows; distinct volunteers do not, so they come from the span rows themselves (one row per group),
 * or from the volunteers the rows hold (services/ledger/README.md, "Reports").
 */
final class ReportQueries {

    /** A span row's key as its volunteers' rows are keyed, over the span row x. */
    private static final String ROW_KEY = SpanRollups.rowKey("x");

    private ReportQueries() {
    }

    /** A statement built in text order, with its parameters in the same order. */
    private static final class Builder {
        final StringBuilder sql = new StringBuilder();
        final List<Object> params = new ArrayList<>();

        Builder add(String text, Object... values) {
            sql.append(text);
            params.addAll(List.of(values));
            return this;
        }

        Select build() {
            return new Select(sql.toString(), params);
        }
    }

    /**
     * @param groupBy   null: one row for the whole scope, keyed TOTAL (confirmed) or PENDING
     * @param byUnit    a unit's counting (each delivery for every unit that took part) instead of the street's
     * @param dimension the span roll-ups' dimension holding the groups; empty: read the daily roll-ups only
     */
    static Select select(Scope scope, GroupBy groupBy, boolean byUnit, LocalDate from, LocalDate to,
            Optional<String> dimension, boolean confirmed) {
        Period period = Period.of(from, to, groupBy == GroupBy.MONTH);
        if (dimension.isEmpty() || period.spans().isEmpty()) {
            return daily(scope, groupBy, byUnit, from, to, confirmed, false);
        }
        if (period.days().isEmpty() && period.spans().size() == 1 && (groupBy == GroupBy.MONTH || period.oneSpan())) {
            return spans(scope, groupBy, byUnit, period.spans().get(0), from, to, dimension.get(), confirmed);
        }
        return composed(scope, groupBy, byUnit, period, from, to, dimension.get(), confirmed, false);
    }

    /**
     * A street's confirmed rows together with its totals, as one more row keyed NULL, when the totals follow from what
     * the rows' statement reads: its groups share the street's entries among them (each entry is of one community, one
     * category, one street; a delivery counts for every unit that took part, and a unit's own view is not the street's),
     * and it counts the volunteers over their sets, whose union is the street's. The totals' own statement would read
     * the street's volunteers of the same spans and days again: on a period inside months that was as much as the rows
     * themselves (bench/README.md, "Ledger: a period inside months, the totals from the rows' volunteers"). Empty when
     * the rows do not give the totals (a whole year or month reads the totals' one span row instead, cheaply).
     */
    static Optional<Select> withTotals(Scope scope, GroupBy groupBy, LocalDate from, LocalDate to,
            Optional<String> dimension) {
        if (scope.unit() != null || groupBy == null
                || !(groupBy == GroupBy.COMMUNITY || groupBy == GroupBy.CATEGORY || groupBy == GroupBy.STREET)) {
            return Optional.empty();
        }
        Period period = Period.of(from, to, false);
        if (dimension.isEmpty() || period.spans().isEmpty()) {
            return Optional.of(daily(scope, groupBy, false, from, to, true, true));
        }
        if (period.oneSpan()) {
            return Optional.empty();
        }
        return Optional.of(composed(scope, groupBy, false, period, from, to, dimension.get(), true, true));
    }

    /**
     * One whole year or month, or whole months by month: one span row per group (twelve for a year by month), whose
     * own volunteer counts add up, plus the corrections' deltas.
     */
    private static Select spans(Scope scope, GroupBy groupBy, boolean byUnit, Piece span, LocalDate from, LocalDate to,
            String dimension, boolean confirmed) {
        Builder b = zeroed(new Builder().add("WITH"), scope, groupBy, byUnit, from, to, confirmed, false)
                .add(" SELECT e.k, COALESCE(SUM(e.h), 0), SUM(e.a), SUM(e.v), COALESCE(SUM(e.r), 0) FROM "
                + "(SELECT " + spanKey(groupBy, confirmed) + " AS k, x.hours AS h, x.services AS a, x.volunteers AS v, "
                + "x.residents_served AS r FROM ledger_rollup_span x WHERE x.generation = (SELECT generation FROM "
                + "ledger_generation WHERE status = 'CURRENT') AND x.street_code = ? AND x.span = ? AND x.span_start "
                + "BETWEEN ? AND ? AND x.dim = ?", scope.street(), span.kind(), date(span.start()), date(span.end()),
                dimension);
        if (scope.unit() != null) {
            b.add(" AND x.dim_value = ?", scope.unit());
        }
        // the corrections' rows (key, delta, 0, 0) with no volunteers
        b.add(" AND x.confirmed = " + confirmed + " UNION ALL SELECT c.*, 0 FROM (");
        corrections(b, scope, dayKey(groupBy, confirmed), byUnit, from, to, confirmed)
                // the volunteers whose hours were all corrected to 0 (ZeroedVolunteers), off the span rows' counts
                .add(") c UNION ALL SELECT k, 0, 0, -n, 0 FROM z) e GROUP BY 1 ORDER BY 1");
        return b.build();
    }

    /** The group's key over a row of the entries' shape (daily roll-ups, participation, corrections) aliased x. */
    private static String dayKey(GroupBy groupBy, boolean confirmed) {
        if (groupBy == null) {
            return confirmed ? "'TOTAL'" : "'PENDING'";
        }
        return switch (groupBy) {
            case UNIT -> "x.unit_id";
            case COMMUNITY -> "x.community_code";
            case CATEGORY -> "x.category";
            case MONTH -> "to_char(x.entry_date, 'YYYY-MM')";
            case STREET -> "x.street_code";
        };
    }

    /** The group's key over a span row aliased x. */
    private static String spanKey(GroupBy groupBy, boolean confirmed) {
        if (groupBy == null) {
            return confirmed ? "'TOTAL'" : "'PENDING'";
        }
        return switch (groupBy) {
            case MONTH -> "to_char(x.span_start, 'YYYY-MM')";
            case STREET -> "x.street_code";
            default -> "x.dim_value";
        };
    }

    private static Date date(LocalDate d) {
        return Date.valueOf(d);
    }

    /**
     * The daily roll-ups over the whole period, the volunteers counted over the participation rows: a period with no
     * whole month, or a unit's own figures by community or category (which no span row holds).
     */
    private static Select daily(Scope scope, GroupBy groupBy, boolean byUnit, LocalDate from, LocalDate to,
            boolean confirmed, boolean totals) {
        String key = dayKey(groupBy, confirmed);
        Builder b = new Builder().add("WITH g AS (SELECT generation FROM ledger_generation WHERE status = 'CURRENT'), "
                + "e AS (SELECT " + key + " AS k, x.hours AS h, x.services AS a, x.residents_served AS r "
                + "FROM ledger_rollup x, g WHERE x.generation = g.generation AND x.unit_id " + (byUnit ? "<> ''" : "= ''"));
        filter(b, scope, from, to).add(" AND x.confirmed = " + confirmed + " UNION ALL ");
        corrections(b, scope, key, byUnit, from, to, confirmed).add(figures(totals) + ", u AS (SELECT DISTINCT " + key
                + " AS k, x.volunteer_id FROM ledger_participation x, g WHERE x.generation = g.generation "
                + "AND x.volunteer_id <> ''");
        filter(b, scope, from, to).add(" AND x.confirmed = " + confirmed + ")" + volunteers(totals) + ",");
        return answer(zeroed(b, scope, groupBy, byUnit, from, to, confirmed, totals), totals).build();
    }

    /** The figures that add up, per group ({@code f} over {@code e}); with the totals, their sum as the row keyed NULL. */
    private static String figures(boolean totals) {
        return "), f AS (SELECT k, SUM(h) AS h, SUM(a) AS a, SUM(r) AS r FROM e GROUP BY 1"
                + (totals ? " UNION ALL SELECT NULL, SUM(h), SUM(a), SUM(r) FROM e)" : ")");
    }

    /**
     * The distinct volunteers per group ({@code v}) from the (group, volunteer) pairs {@code u}; with the totals, the
     * distinct volunteers of all the groups as the row keyed NULL.
     */
    private static String volunteers(boolean totals) {
        return ", v AS (SELECT k, count(*) AS n FROM u GROUP BY 1"
                + (totals ? " UNION ALL SELECT NULL, count(*) FROM (SELECT DISTINCT volunteer_id FROM u) w)" : ")");
    }

    /**
     * Whole years and months from the span roll-ups, the days of the months taken in part from the daily roll-ups,
     * the corrections over the whole period. Volunteers: the span rows' own count when each group has one span row
     * and no days (a whole year or month; a report by month, whose months are each whole or in part); otherwise the
     * distinct volunteers the span rows hold together with those of the days' participation rows.
     */
    private static Select composed(Scope scope, GroupBy groupBy, boolean byUnit, Period period, LocalDate from,
            LocalDate to, String dimension, boolean confirmed, boolean totals) {
        String key = dayKey(groupBy, confirmed);
        Builder b = new Builder().add("WITH g AS (SELECT generation FROM ledger_generation WHERE status = 'CURRENT'), "
                + "s AS (SELECT " + spanKey(groupBy, confirmed) + " AS k, x.hours, x.services, x.residents_served, "
                + "x.volunteers, " + ROW_KEY + " AS row_key FROM ledger_rollup_span x, g "
                + "WHERE x.generation = g.generation AND x.street_code = ? AND x.dim = ?", scope.street(), dimension);
        if (scope.unit() != null) {
            b.add(" AND x.dim_value = ?", scope.unit());
        }
        b.add(" AND x.confirmed = " + confirmed + " AND (");
        for (int i = 0; i < period.spans().size(); i++) {
            Piece p = period.spans().get(i);
            b.add((i == 0 ? "" : " OR ") + "(x.span = ? AND x.span_start BETWEEN ? AND ?)", p.kind(), date(p.start()),
                    date(p.end()));
        }
        b.add(")), e AS (SELECT k, hours AS h, services AS a, residents_served AS r FROM s");
        for (Piece p : period.days()) {
            b.add(" UNION ALL SELECT " + key + ", x.hours, x.services, x.residents_served FROM ledger_rollup x, g "
                    + "WHERE x.generation = g.generation AND x.unit_id " + (byUnit ? "<> ''" : "= ''"));
            filter(b, scope, p.start(), p.end()).add(" AND x.confirmed = " + confirmed);
        }
        b.add(" UNION ALL ");
        corrections(b, scope, key, byUnit, from, to, confirmed).add(figures(totals));
        if (groupBy == GroupBy.MONTH || period.oneSpan()) {
            if (totals) {
                throw new IllegalArgumentException("volunteers counted per span row give no totals");
            }
            b.add(", v AS (SELECT k, SUM(volunteers) AS n FROM s GROUP BY 1");
            for (Piece p : period.days()) {
                b.add(" UNION ALL SELECT k, count(*) FROM (SELECT DISTINCT " + key + " AS k, x.volunteer_id FROM "
                        + "ledger_participation x, g WHERE x.generation = g.generation AND x.volunteer_id <> ''");
                filter(b, scope, p.start(), p.end()).add(" AND x.confirmed = " + confirmed + ") d GROUP BY 1");
            }
            b.add(") ");
        } else if (confirmed && groupBy != GroupBy.UNIT) {
            yearMembers(b, scope, groupBy, from, to, dimension, totals);
        } else {
            // UNION: a volunteer of two spans (two years, or months around a year), or of a span and days, counts once.
            // Every member row read is one with entries: a confirmation's move deletes those it left at 0 in its own
            // transaction (SpanRollups.deleteEmpty), so no condition on entries is needed, and the members come from
            // the primary key's index alone, without a heap page per member (bench/README.md, "Ledger: a period
            // inside a year, the pending figures from the index alone").
            b.add(", u AS (SELECT " + (period.days().isEmpty() ? "DISTINCT " : "") + "s.k, m.volunteer_id FROM s "
                    + "JOIN ledger_rollup_span_volunteer m "
                    + "ON m.generation = (SELECT generation FROM g) AND m.row_key = s.row_key");
            for (Piece p : period.days()) {
                b.add(" UNION SELECT " + key + ", x.volunteer_id FROM ledger_participation x, g "
                        + "WHERE x.generation = g.generation AND x.volunteer_id <> ''");
                filter(b, scope, p.start(), p.end()).add(" AND x.confirmed = " + confirmed);
            }
            b.add(")" + volunteers(totals) + " ");
        }
        return answer(zeroed(b.add(","), scope, groupBy, byUnit, from, to, confirmed, totals), totals).build();
    }

    /**
     * The distinct volunteers ({@code v}) of a confirmed period that is not one whole span, by community, category or
     * street (or the totals, or a unit's own): each group's confirmed year rows, their members whose days of the year
     * meet the period's (V8__year_volunteer_days.sql). Within one year every (group, volunteer) is one row, counted as
     * read; a period over several years counts each volunteer once. The totals count the street's own year rows the
     * same way. By unit, forty units' year rows hold more members than the period's months and days do, so units keep
     * the months' sets ({@link #composed}).
     *
     * <p>The years' masks come in as text and are cast once, in {@code yd}: after a few runs PostgreSQL may keep a
     * generic plan of the statement, in which a parameter's cast in the join's condition would be redone for every
     * member read.
     */
    private static void yearMembers(Builder b, Scope scope, GroupBy groupBy, LocalDate from, LocalDate to,
            String dimension, boolean totals) {
        List<Piece> years = Period.years(from, to);
        b.add(", yd AS MATERIALIZED (SELECT d::date AS span_start, m::bit(366) AS mask FROM unnest(?::text[], "
                + "?::text[]) AS t(d, m))", years.stream().map(p -> p.start().withDayOfYear(1).toString()).toArray(),
                years.stream().map(Period::dayBits).toArray());
        yearRows(b, "y", spanKey(groupBy, true), scope, dimension);
        if (totals) {
            yearRows(b, "t", "NULL", scope, "STREET");
        }
        String count = years.size() == 1 ? "count(*)" : "count(DISTINCT m.volunteer_id)";
        b.add(", v AS (SELECT y.k, " + count + " AS n" + MEMBERS.formatted("y") + " GROUP BY 1");
        if (totals) {
            b.add(" UNION ALL SELECT NULL, " + count + MEMBERS.formatted("t"));
        }
        b.add(") ");
    }

    /** The members of the year rows (aliased y) whose days meet the period's in their year. */
    private static final String MEMBERS = " FROM %s y JOIN ledger_rollup_span_volunteer m ON m.generation = (SELECT "
            + "generation FROM g) AND m.row_key = y.row_key AND m.days IS NOT NULL WHERE (m.days & y.mask) <> "
            + "B'0'::bit(366)";

    /** {@code name}: the scope's confirmed year rows of {@code dimension} in the years of {@code yd}, keyed by {@code key}. */
    private static void yearRows(Builder b, String name, String key, Scope scope, String dimension) {
        b.add(", " + name + " AS (SELECT " + key + " AS k, yd.mask, " + ROW_KEY + " AS row_key FROM "
                + "ledger_rollup_span x JOIN yd ON x.span_start = yd.span_start, g WHERE x.generation = g.generation "
                + "AND x.street_code = ? AND x.dim = ? AND x.span = 'YEAR' AND x.confirmed", scope.street(), dimension);
        if (scope.unit() != null) {
            b.add(" AND x.dim_value = ?", scope.unit());
        } else if (dimension.equals("STREET")) {
            b.add(" AND x.dim_value = x.street_code");
        }
        b.add(")");
    }

    /** A row of the entries' shape (x) in the scope's street, the days given and, for a unit, its own. */
    private static Builder filter(Builder b, Scope scope, LocalDate from, LocalDate to) {
        b.add(" AND x.street_code = ? AND x.entry_date BETWEEN ? AND ?", scope.street(), date(from), date(to));
        if (scope.unit() != null) {
            b.add(" AND x.unit_id = ?", scope.unit());
        }
        return b;
    }

    /**
     * The corrections' deltas over the period: they belong to no generation and are not rolled up
     * (services/ledger/README.md, "Reports").
     */
    private static Builder corrections(Builder b, Scope scope, String key, boolean byUnit, LocalDate from, LocalDate to,
            boolean confirmed) {
        b.add("SELECT " + key + ", x.delta, 0, 0 FROM ledger_correction x WHERE "
                + (confirmed ? Confirmation.confirmed("x") : Confirmation.pending("x"))
                // a resident Party member's slip hours have no unit: by unit, their corrections count for none
                + (byUnit ? " AND x.unit_id IS NOT NULL AND x.unit_id <> ''" : ""));
        return filter(b, scope, from, to);
    }

    /** The rows of {@code f} with their volunteers from {@code v}; the totals' row, keyed NULL, comes last. */
    private static Builder answer(Builder b, boolean totals) {
        String on = totals ? " IS NOT DISTINCT FROM f.k" : " = f.k";
        return b.add(" SELECT f.k, COALESCE(f.h, 0), f.a, COALESCE(v.n, 0) - COALESCE(z.n, 0), COALESCE(f.r, 0) FROM f "
                + "LEFT JOIN v ON v.k" + on + " LEFT JOIN z ON z.k" + on + " ORDER BY 1" + (totals ? " NULLS LAST" : ""));
    }

    /**
     * {@code z(k, n)}: the volunteers the roll-ups count in group k although the desk corrected all their hours there
     * to 0 ({@link ZeroedVolunteers}); the answer takes them off.
     */
    private static Builder zeroed(Builder b, Scope scope, GroupBy groupBy, boolean byUnit, LocalDate from, LocalDate to,
            boolean confirmed, boolean totals) {
        Select z = ZeroedVolunteers.cte(scope, dayKey(groupBy, confirmed), byUnit, from, to, confirmed, totals);
        return b.add(z.sql(), z.params().toArray());
    }
}
