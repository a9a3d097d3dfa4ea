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

/**
 * The figures street offices, districts and units ask for, computed from the current generation's entries plus the
 * corrections' deltas. Definitions:
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
        List<Object> p = new ArrayList<>();
        StringBuilder sql = new StringBuilder("WITH g AS (SELECT generation FROM ledger_generation WHERE status = 'CURRENT'), e AS (");
        String filter = " AND x.street_code = ? AND x.entry_date BETWEEN ? AND ?" + (scope.unit() != null ? " AND x.unit_id = ?" : "")
                + " AND " + (confirmed ? Confirmation.confirmed("x") : Confirmation.pending("x"));
        List<Object> fp = new ArrayList<>(List.of(scope.street(), Date.valueOf(from), Date.valueOf(to)));
        if (scope.unit() != null) {
            fp.add(scope.unit());
        }
        if (byUnit) {
            sql.append("SELECT x.kind, x.event_id, x.unit_id, x.community_code, x.category, x.street_code, x.entry_date, "
                    + "x.volunteer_id, x.hours, NULL::integer AS residents_served FROM ledger_entry x, g "
                    + "WHERE x.generation = g.generation AND x.unit_id IS NOT NULL").append(filter);
            p.addAll(fp);
            sql.append(" UNION ALL SELECT 'DELIVERY', d.event_id, t.unit_id, d.community_code, d.category, d.street_code, "
                    + "d.entry_date, NULL, NULL, d.residents_served FROM (SELECT DISTINCT x.event_id, x.unit_id FROM "
                    + "ledger_entry x, g WHERE x.generation = g.generation AND x.unit_id IS NOT NULL").append(filter)
                    .append(") t JOIN ledger_entry d ON d.event_id = t.event_id AND d.kind = 'DELIVERY' "
                            + "AND d.generation = (SELECT generation FROM g)");
            p.addAll(fp);
        } else {
            sql.append("SELECT x.kind, x.event_id, x.unit_id, x.community_code, x.category, x.street_code, x.entry_date, "
                    + "x.volunteer_id, x.hours, x.residents_served FROM ledger_entry x, g WHERE x.generation = g.generation")
                    .append(filter);
            p.addAll(fp);
        }
        sql.append(" UNION ALL SELECT 'HOURS', x.event_id, x.unit_id, x.community_code, x.category, x.street_code, "
                + "x.entry_date, x.volunteer_id, x.delta, NULL FROM ledger_correction x WHERE true").append(filter);
        p.addAll(fp);
        // Every delivery has one DELIVERY row per group (its own entry, or one per unit that took part), so activities
        // are counted rows; distinct volunteers come from a first grouping by (key, volunteer): two hash aggregations,
        // no sort, which is what keeps a report over a million entries fast.
        sql.append("), t AS (SELECT ").append(key).append(" AS k, volunteer_id, "
                + "SUM(hours) FILTER (WHERE kind = 'HOURS') AS h, COUNT(*) FILTER (WHERE kind = 'DELIVERY') AS a, "
                + "SUM(residents_served) FILTER (WHERE kind = 'DELIVERY') AS r FROM e GROUP BY 1, 2) "
                + "SELECT k, COALESCE(SUM(h), 0), SUM(a), COUNT(volunteer_id) FILTER (WHERE h IS NOT NULL), "
                + "COALESCE(SUM(r), 0) FROM t GROUP BY 1 ORDER BY 1");
        try (Connection c = dataSource.getConnection(); PreparedStatement q = c.prepareStatement(sql.toString())) {
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
