package org.threelists.ledger.projection.reports;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import org.threelists.ledger.projection.Figures;
import org.threelists.ledger.projection.Labels;
import org.threelists.ledger.projection.Pipeline;

import java.math.BigDecimal;
import java.sql.Connection;
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

    /** What {@code GET /ledger/reports} answers: the rows, the totals and the pending figures. */
    public record Answer(List<Row> rows, Row totals, Row pending) {
    }

    /**
     * The rows, the totals and the pending figures in one round trip: the three statements (and the units' names) go
     * to PostgreSQL together ({@link Pipeline}), on one connection.
     */
    public Answer answer(Scope scope, GroupBy groupBy, LocalDate from, LocalDate to, boolean zh) {
        Map<String, String> unitNames = new HashMap<>();
        Optional<Select> rowsAndTotals = ReportQueries.withTotals(scope, groupBy, from, to, spanDimension(scope, groupBy));
        if (rowsAndTotals.isPresent()) {
            // the totals are the rows' statement's last row, keyed NULL (ReportQueries.withTotals)
            List<List<Row>> read = run(List.of(rowsAndTotals.get(), totalsOf(scope, from, to, false)), null);
            List<Row> rows = new ArrayList<>(read.get(0));
            Row totals = rows.remove(rows.size() - 1);
            if (totals.key() != null) {
                throw new IllegalStateException("the rows' statement answered no totals");
            }
            return new Answer(labelled(rows, groupBy, zh, unitNames), new Row("TOTAL", "TOTAL", totals.hours(),
                    totals.activities(), totals.volunteers(), totals.residentsServed()), first(read.get(1), "PENDING"));
        }
        List<Select> selects = List.of(rowsOf(scope, groupBy, from, to), totalsOf(scope, from, to, true),
                totalsOf(scope, from, to, false));
        List<List<Row>> read = run(selects, groupBy == GroupBy.UNIT ? unitNames : null);
        return new Answer(labelled(read.get(0), groupBy, zh, unitNames), first(read.get(1), "TOTAL"),
                first(read.get(2), "PENDING"));
    }

    public List<Row> report(Scope scope, GroupBy groupBy, LocalDate from, LocalDate to, boolean zh) {
        Map<String, String> unitNames = new HashMap<>();
        List<List<Row>> read = run(List.of(rowsOf(scope, groupBy, from, to)), groupBy == GroupBy.UNIT ? unitNames : null);
        return labelled(read.get(0), groupBy, zh, unitNames);
    }

    private static List<Row> labelled(List<Row> rows, GroupBy groupBy, boolean zh, Map<String, String> unitNames) {
        return rows.stream().map(r -> new Row(r.key(), label(groupBy, r.key(), zh, unitNames), r.hours(), r.activities(),
                r.volunteers(), r.residentsServed())).toList();
    }

    /** The figures of the whole scope (a delivery counted once, unless the scope is one unit). */
    public Row totals(Scope scope, LocalDate from, LocalDate to) {
        return first(run(List.of(totalsOf(scope, from, to, true)), null).get(0), "TOTAL");
    }

    /** What is recorded but not counted yet: deliveries of projects the community has not confirmed. */
    public Row pending(Scope scope, LocalDate from, LocalDate to) {
        return first(run(List.of(totalsOf(scope, from, to, false)), null).get(0), "PENDING");
    }

    private static Row first(List<Row> rows, String key) {
        return rows.isEmpty() ? new Row(key, key, BigDecimal.ZERO, 0, 0, 0) : rows.get(0);
    }

    private static Select rowsOf(Scope scope, GroupBy groupBy, LocalDate from, LocalDate to) {
        return ReportQueries.select(scope, groupBy, groupBy == GroupBy.UNIT || scope.unit() != null, from, to,
                spanDimension(scope, groupBy), true);
    }

    private static Select totalsOf(Scope scope, LocalDate from, LocalDate to, boolean confirmed) {
        return ReportQueries.select(scope, null, scope.unit() != null, from, to, spanDimension(scope, null), confirmed);
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

    /** A statement and its parameters, in order. */
    record Select(String sql, List<Object> params) {
    }

    /**
     * Runs the statements in one round trip; each answers rows (key, hours, activities, volunteers, residents), labelled
     * with their keys. {@code unitNames}, when given, receives the units' names.
     */
    private List<List<Row>> run(List<Select> selects, Map<String, String> unitNames) {
        Pipeline pipeline = new Pipeline();
        if (unitNames != null) {
            pipeline.add("SELECT unit_id, name FROM member_unit", List.of(), rs -> {
                while (rs.next()) {
                    unitNames.put(rs.getString(1), rs.getString(2));
                }
            });
        }
        List<List<Row>> read = new ArrayList<>();
        for (Select select : selects) {
            List<Row> rows = new ArrayList<>();
            read.add(rows);
            pipeline.add(select.sql(), select.params(), rs -> {
                while (rs.next()) {
                    String k = rs.getString(1);
                    rows.add(new Row(k, k, Figures.plain(rs.getBigDecimal(2)), rs.getLong(3), rs.getLong(4),
                            rs.getLong(5)));
                }
            });
        }
        try (Connection c = dataSource.getConnection()) {
            pipeline.execute(c);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot compute the report", e);
        }
        return read;
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
