package org.threelists.ledger.projection.reports;

import org.threelists.ledger.projection.projects.Confirmation;
import org.threelists.ledger.projection.reports.LedgerReports.Scope;
import org.threelists.ledger.projection.reports.LedgerReports.Select;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The volunteers a report's roll-ups count although the desk corrected their hours to 0: per group, those whose every
 * HOURS entry of the group, scope and period has 0 hours in force (services/ledger/README.md, "Hours corrected to 0").
 * The roll-ups count a volunteer for each entry recorded, and corrections are not rolled up; so a correction to 0
 * (and one putting hours back) moves no row, and the report takes these volunteers off what the roll-ups count, as it
 * adds the corrections' deltas to their hours. It starts from the street's latest corrections to 0 in the period,
 * which are few (hand edits of the desk), and looks at each one's volunteer's other entries only.
 */
final class ZeroedVolunteers {

    private ZeroedVolunteers() {
    }

    /**
     * {@code z(k, n)}: per group key, how many volunteers to take off; with {@code totals}, also the row keyed NULL, the
     * volunteers with no hours left in the whole scope and period.
     *
     * @param key the group's key over a row of the entries' shape aliased x (as the report's own statement groups it)
     */
    static Select cte(Scope scope, String key, boolean byUnit, LocalDate from, LocalDate to, boolean confirmed,
            boolean totals) {
        List<Object> params = new ArrayList<>();
        StringBuilder sql = new StringBuilder(" z AS (SELECT k, count(*) AS n FROM (SELECT DISTINCT ")
                .append(key.replace("x.", "c.")).append(" AS k, c.volunteer_id FROM ")
                .append(zeroed(scope, byUnit, from, to, confirmed, params))
                .append(noHoursLeft(scope, from, to, confirmed, params, k -> k + " AND " + key.replace("x.", "y.")
                        + " = " + key.replace("x.", "c.")))
                .append(") p GROUP BY 1");
        if (totals) {
            sql.append(" UNION ALL SELECT NULL, count(DISTINCT c.volunteer_id) FROM ")
                    .append(zeroed(scope, byUnit, from, to, confirmed, params))
                    .append(noHoursLeft(scope, from, to, confirmed, params, UnaryOperator.identity()));
        }
        return new Select(sql.append(")").toString(), params);
    }

    /** The latest corrections (aliased c) of the scope's HOURS entries in the period that put their hours to 0. */
    private static String zeroed(Scope scope, boolean byUnit, LocalDate from, LocalDate to, boolean confirmed,
            List<Object> params) {
        params.addAll(List.of(scope.street(), Date.valueOf(from), Date.valueOf(to)));
        String sql = "ledger_correction c WHERE c.street_code = ? AND c.entry_date BETWEEN ? AND ? AND c.hours = 0 "
                + "AND c.volunteer_id IS NOT NULL AND "
                + (confirmed ? Confirmation.confirmed("c") : Confirmation.pending("c"))
                // by unit, a resident Party member's hours count for no unit (ReportQueries.corrections)
                + (byUnit ? " AND c.unit_id IS NOT NULL AND c.unit_id <> ''" : "")
                + " AND NOT EXISTS (SELECT 1 FROM ledger_correction l WHERE l.entry_id = c.entry_id AND l.seq > c.seq)";
        if (scope.unit() != null) {
            params.add(scope.unit());
            sql += " AND c.unit_id = ?";
        }
        return sql;
    }

    /**
     * The condition that c's volunteer has no HOURS entry (aliased y) with hours in force in the scope and period,
     * confirmed as c is; {@code sameGroup} adds the group's condition.
     */
    private static String noHoursLeft(Scope scope, LocalDate from, LocalDate to, boolean confirmed, List<Object> params,
            UnaryOperator<String> sameGroup) {
        params.addAll(List.of(scope.street(), Date.valueOf(from), Date.valueOf(to)));
        String where = "y.street_code = ? AND y.entry_date BETWEEN ? AND ?";
        if (scope.unit() != null) {
            params.add(scope.unit());
            where += " AND y.unit_id = ?";
        }
        return " AND NOT EXISTS (SELECT 1 FROM ledger_entry y WHERE y.generation = (SELECT generation FROM "
                + "ledger_generation WHERE status = 'CURRENT') AND y.volunteer_id = c.volunteer_id AND y.kind = 'HOURS' AND "
                + sameGroup.apply(where) + " AND " + (confirmed ? Confirmation.confirmed("y") : Confirmation.pending("y"))
                + " AND COALESCE((SELECT l.hours FROM ledger_correction l WHERE l.entry_id = y.entry_id ORDER BY l.seq "
                + "DESC LIMIT 1), y.hours) > 0)";
    }
}
