package org.threelists.ledger.projection.reports;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import org.threelists.ledger.projection.Figures;
import org.threelists.ledger.projection.Labels;
import org.threelists.ledger.projection.Sql;
import org.threelists.ledger.projection.projects.Confirmation;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The figures street offices, districts and units ask for, read from the current generation's roll-ups (kept by
 * {@code LedgerRollups} with the entries) plus the corrections' deltas. Definitions:
 * <ul>
 * <li>hours — volunteer hours in force (HOURS entries, corrected);</li>
 * <li>activities — deliveries (服务活动) with at least one entry in the group;</li>
 * <li>volunteers — distinct volunteers with hours in the group;</li>
 * <li>residentsServed — residents served by those deliveries. Grouped by unit (or read by a unit), a delivery counts
 * for every unit that took part in it (with volunteers or a pledge), so unit rows may add up to more than the street.</li>
 * </ul>
 * Only deliveries of projects the community confirmed count ({@link Confirmation}); the others are pending.
 */
@ApplicationScoped
public class LedgerReports {

    public enum GroupBy { UNIT, COMMUNITY, CATEGORY, MONTH, STREET }

    /** One row: the group's key, its label (zh-CN names where they exist) and its figures. */
    public record Row(String key, String label, BigDecimal hours, long activities, long volunteers, long residentsServed) {
    }

    /** The scope a caller may read: a street, and within it possibly one unit only. */
    public record Scope(String street, String unit) {
    }

    private final AgroalDataSource dataSource;

    public LedgerReports(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public List<Row> report(Scope scope, GroupBy groupBy, LocalDate from, LocalDate to, boolean zh) {
        boolean byUnit = groupBy == GroupBy.UNIT || scope.unit() != null;
        String key = switch (groupBy) {
            case UNIT -> "unit_id";
            case COMMUNITY -> "community_code";
            case CATEGORY -> "category";
            case MONTH -> "to_char(entry_date, 'YYYY-MM')";
            case STREET -> "street_code";
        };
        return query(scope, key, byUnit, from, to, zh, groupBy, true);
    }

    /**
     * The dimension of the span roll-ups that holds the groups asked for ({@code groupBy} null: the totals), or none
     * when they hold no such groups (a unit's own figures by community or category).
     */
    private static Optional<String> spanDimension(Scope scope, GroupBy groupBy) {
        if (scope.unit() != null) {
            return groupBy == GroupBy.COMMUNITY || groupBy == GroupBy.CATEGORY ? Optional.empty() : Optional.of("UNIT");
        }
        if (groupBy == null || groupBy == GroupBy.MONTH) {
            return Optional.of("STREET");
        }
        return Optional.of(groupBy.name());
    }

    /** The figures of the whole scope (a delivery counted once, unless the scope is one unit). */
    public Row totals(Scope scope, LocalDate from, LocalDate to) {
        List<Row> rows = query(scope, "'TOTAL'", scope.unit() != null, from, to, false, null, true);
        return rows.isEmpty() ? new Row("TOTAL", "TOTAL", BigDecimal.ZERO, 0, 0, 0) : rows.get(0);
    }

    /** What is recorded but not counted yet: deliveries of projects the community has not confirmed. */
    public Row pending(Scope scope, LocalDate from, LocalDate to) {
        List<Row> rows = query(scope, "'PENDING'", scope.unit() != null, from, to, false, null, false);
        return rows.isEmpty() ? new Row("PENDING", "PENDING", BigDecimal.ZERO, 0, 0, 0) : rows.get(0);
    }

    private List<Row> query(Scope scope, String key, boolean byUnit, LocalDate from, LocalDate to, boolean zh,
            GroupBy groupBy, boolean confirmed) {
        Optional<Span> span = Span.of(from, to);
        Optional<String> dimension = spanDimension(scope, groupBy);
        if (span.isPresent() && dimension.isPresent()) {
            return spanQuery(scope, key, byUnit, span.get(), dimension.get(), from, to, zh, groupBy, confirmed);
        }
        // The roll-ups give hours, activities and residents served (a unit's rows count each delivery it took part in;
        // the street's own rows, unit '', count each once); the corrections' deltas are added from ledger_correction.
        // Distinct volunteers are not additive over days: they are counted over the participation rows.
        List<Object> fp = new ArrayList<>(List.of(scope.street(), Date.valueOf(from), Date.valueOf(to)));
        if (scope.unit() != null) {
            fp.add(scope.unit());
        }
        String filter = " AND x.street_code = ? AND x.entry_date BETWEEN ? AND ?" + (scope.unit() != null ? " AND x.unit_id = ?" : "");
        String rolledUp = filter + " AND x.confirmed = " + confirmed;
        List<Object> p = new ArrayList<>(fp);
        p.addAll(fp);
        p.addAll(fp);
        String sql = "WITH g AS (SELECT generation FROM ledger_generation WHERE status = 'CURRENT'), "
                + "f AS (SELECT " + key + " AS k, SUM(hours) AS h, SUM(services) AS a, SUM(residents_served) AS r FROM ("
                + "SELECT x.street_code, x.entry_date, x.unit_id, x.community_code, x.category, x.hours, x.services, "
                + "x.residents_served FROM ledger_rollup x, g WHERE x.generation = g.generation AND x.unit_id "
                + (byUnit ? "<> ''" : "= ''") + rolledUp
                + " UNION ALL SELECT x.street_code, x.entry_date, x.unit_id, x.community_code, x.category, x.delta, 0, 0 "
                + "FROM ledger_correction x WHERE " + (confirmed ? Confirmation.confirmed("x") : Confirmation.pending("x"))
                // a resident Party member's slip hours have no unit: by unit, their corrections count for none
                + (byUnit ? " AND x.unit_id IS NOT NULL AND x.unit_id <> ''" : "")
                + filter + ") e GROUP BY 1), "
                + "v AS (SELECT " + key + " AS k, COUNT(DISTINCT x.volunteer_id) AS n FROM ledger_participation x, g "
                + "WHERE x.generation = g.generation AND x.volunteer_id <> ''" + rolledUp + " GROUP BY 1) "
                + "SELECT f.k, COALESCE(f.h, 0), f.a, COALESCE(v.n, 0), COALESCE(f.r, 0) FROM f LEFT JOIN v ON v.k = f.k "
                + "ORDER BY 1";
        return rows(sql, p, zh, groupBy);
    }

    /**
     * A whole month or year: its span roll-up rows of the dimension (a few per group, the distinct volunteers counted
     * when written) plus the corrections' deltas. A report by month reads the months' rows; every other report the
     * period's own row per group.
     */
    private List<Row> spanQuery(Scope scope, String key, boolean byUnit, Span span, String dimension, LocalDate from,
            LocalDate to, boolean zh, GroupBy groupBy, boolean confirmed) {
        String rolledUpKey = switch (groupBy == null ? GroupBy.STREET : groupBy) {
            case MONTH -> "to_char(x.span_start, 'YYYY-MM')";
            case STREET -> groupBy == null ? key : "x.street_code";
            default -> "x.dim_value";
        };
        String correctedKey = groupBy == null ? key : switch (groupBy) {
            case MONTH -> "to_char(x.entry_date, 'YYYY-MM')";
            case UNIT -> "x.unit_id";
            case COMMUNITY -> "x.community_code";
            case CATEGORY -> "x.category";
            case STREET -> "x.street_code";
        };
        List<Object> p = new ArrayList<>(List.of(scope.street(), groupBy == GroupBy.MONTH ? "MONTH" : span.kind(),
                Date.valueOf(from), Date.valueOf(to), dimension));
        if (scope.unit() != null) {
            p.add(scope.unit());
        }
        p.addAll(List.of(scope.street(), Date.valueOf(from), Date.valueOf(to)));
        if (scope.unit() != null) {
            p.add(scope.unit());
        }
        String sql = "SELECT e.k, COALESCE(SUM(e.h), 0), SUM(e.a), SUM(e.v), COALESCE(SUM(e.r), 0) FROM (SELECT "
                + rolledUpKey + " AS k, x.hours AS h, x.services AS a, x.volunteers AS v, x.residents_served AS r "
                + "FROM ledger_rollup_span x WHERE x.generation = (SELECT generation FROM ledger_generation WHERE status = "
                + "'CURRENT') AND x.street_code = ? AND x.span = ? AND x.span_start BETWEEN ? AND ? AND x.dim = ?"
                + (scope.unit() != null ? " AND x.dim_value = ?" : "") + " AND x.confirmed = " + confirmed
                + " UNION ALL SELECT " + correctedKey + ", x.delta, 0, 0, 0 FROM ledger_correction x WHERE "
                + (confirmed ? Confirmation.confirmed("x") : Confirmation.pending("x"))
                // a resident Party member's slip hours have no unit: by unit, their corrections count for none
                + (byUnit ? " AND x.unit_id IS NOT NULL AND x.unit_id <> ''" : "")
                + " AND x.street_code = ? AND x.entry_date BETWEEN ? AND ?" + (scope.unit() != null ? " AND x.unit_id = ?" : "")
                + ") e GROUP BY 1 ORDER BY 1";
        return rows(sql, p, zh, groupBy);
    }

    private List<Row> rows(String sql, List<Object> p, boolean zh, GroupBy groupBy) {
        try (Connection c = dataSource.getConnection(); PreparedStatement q = c.prepareStatement(sql)) {
            Sql.bind(q, p);
            List<Row> rows = new ArrayList<>();
            Map<String, String> unitNames = groupBy == GroupBy.UNIT ? unitNames(c) : Map.of();
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    String k = rs.getString(1);
                    rows.add(new Row(k, label(groupBy, k, zh, unitNames), Figures.plain(rs.getBigDecimal(2)),
                            rs.getLong(3), rs.getLong(4), rs.getLong(5)));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot compute the report", e);
        }
    }

    private static Map<String, String> unitNames(Connection c) throws SQLException {
        Map<String, String> names = new HashMap<>();
        try (PreparedStatement q = c.prepareStatement("SELECT unit_id, name FROM member_unit"); ResultSet rs = q.executeQuery()) {
            while (rs.next()) {
                names.put(rs.getString(1), rs.getString(2));
            }
        }
        return names;
    }

    private static String label(GroupBy groupBy, String key, boolean zh, Map<String, String> unitNames) {
        if (groupBy == null || key == null) {
            return key;
        }
        return switch (groupBy) {
            case UNIT -> unitNames.getOrDefault(key, key);
            case COMMUNITY -> Labels.communityName(key);
            case CATEGORY -> zh ? Labels.categoryZh(key) : key.charAt(0) + key.substring(1).toLowerCase(Locale.ROOT).replace('_', ' ');
            case MONTH -> key;
            case STREET -> Labels.streetName(key);
        };
    }
}
