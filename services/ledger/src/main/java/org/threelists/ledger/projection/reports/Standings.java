package org.threelists.ledger.projection.reports;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import org.threelists.ledger.projection.Figures;
import org.threelists.ledger.projection.Sql;
import org.threelists.ledger.projection.directory.Directory.Unit;
import org.threelists.ledger.projection.projects.Confirmation;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Rankings (积分) and a unit's yearly summary for its Party organisation.
 *
 * <p>The points rule, the same for units and volunteers: {@code points = hours + 10 × completed projects
 * + 2 × Σ (rating − 3)}. A unit's or volunteer's projects in the period are those with one of its entries dated in the
 * period (a unit: hours served for it, or a pledge honoured; a volunteer: hours); completed projects are those the
 * community confirmed; every resident rating of those projects adds 2 points per star above 3 and takes 2 per star
 * below (5★ +4, 3★ 0, 1★ −4). Ties are broken by hours, then by id.
 */
@ApplicationScoped
public class Standings {

    public static final BigDecimal COMPLETED_PROJECT_POINTS = BigDecimal.TEN;
    public static final BigDecimal RATING_POINTS_PER_STAR = BigDecimal.valueOf(2);
    /** The rule as the answers state it beside the points (rankings, the notice board). */
    public static final String POINTS_RULE = "points = hours + " + COMPLETED_PROJECT_POINTS + " × completed projects + "
            + RATING_POINTS_PER_STAR + " × Σ(rating − 3)";

    public record Standing(int rank, String id, String name, BigDecimal points, BigDecimal hours, long completedProjects,
            long ratings, BigDecimal averageRating) {
    }

    public record MonthFigures(String month, BigDecimal servedHours, BigDecimal memberHours) {
    }

    public record PledgeTotal(String capacityUnit, BigDecimal amount) {
    }

    /**
     * @param servedHours        hours served for the unit (volunteers reported under it)
     * @param memberHours        hours of the unit's own registered volunteers (双报到), wherever they served: counted back
     *                           to their unit
     * @param homeCommunityHours the part of memberHours served in the volunteers' home communities
     */
    public record YearlySummary(String unitId, String unitName, String partyOrganisation, String streetCode, int year,
            BigDecimal servedHours, BigDecimal memberHours, BigDecimal homeCommunityHours, long activities,
            long volunteers, long memberVolunteers, long residentsServed, List<PledgeTotal> pledgesHonoured,
            List<MonthFigures> byMonth) {
    }

    private final AgroalDataSource dataSource;

    public Standings(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Confirmed entries only: hours count once the community confirmed the project (see {@link Confirmation}). */
    private static final String HOURS_IN_FORCE = "SELECT x.event_id, x.project_id, x.unit_id, x.volunteer_id, x.hours, "
            + "x.street_code, x.community_code, x.entry_date, x.kind FROM ledger_entry x WHERE x.generation = "
            + "(SELECT generation FROM ledger_generation WHERE status = 'CURRENT') AND x.entry_date BETWEEN ? AND ? "
            + "AND " + Confirmation.confirmed("x") + " "
            + "UNION ALL SELECT c.event_id, c.project_id, c.unit_id, c.volunteer_id, c.delta, c.street_code, "
            + "c.community_code, c.entry_date, 'HOURS' FROM ledger_correction c WHERE c.entry_date BETWEEN ? AND ? "
            + "AND " + Confirmation.confirmed("c");

    /** Units ({@code volunteers} false) or volunteers of a street, best first. */
    public List<Standing> rank(String street, LocalDate from, LocalDate to, boolean volunteers) {
        String who = volunteers ? "volunteer_id" : "unit_id";
        String name = volunteers ? "(SELECT masked_name FROM volunteer v WHERE v.volunteer_id = s.id)"
                : "(SELECT name FROM member_unit u WHERE u.unit_id = s.id)";
        // Read from the participation roll-up (confirmed projects only: LedgerRollups) and the corrections' deltas. A
        // project is one's when one's hours in it are above 0 or one pledged to it (a unit's row of volunteer ''): hours
        // the desk corrected to 0 were not served, so they neither rank anyone nor bring a project's points
        // (services/ledger/README.md, "Hours corrected to 0"); entries have hours above 0, so a sum of 0 is all of them.
        String sql = "WITH e AS (SELECT x." + who + " AS id, x.project_id, x.hours, x.volunteer_id = '' AS pledge FROM "
                + "ledger_participation x WHERE "
                + "x.generation = (SELECT generation FROM ledger_generation WHERE status = 'CURRENT') AND x.street_code = ? "
                + "AND x.entry_date BETWEEN ? AND ? AND x.confirmed AND x." + who + " <> '' UNION ALL SELECT c." + who
                + ", c.project_id, c.delta, false FROM ledger_correction c WHERE c.street_code = ? AND c.entry_date BETWEEN ? "
                + "AND ? AND c." + who + " IS NOT NULL AND " + Confirmation.confirmed("c") + "), "
                + "mine AS (SELECT id, COALESCE(SUM(hours), 0) AS hours FROM e GROUP BY 1 HAVING SUM(hours) > 0 OR "
                + "bool_or(pledge)), "
                + "projects AS (SELECT id, project_id FROM e GROUP BY 1, 2 HAVING SUM(hours) > 0 OR bool_or(pledge)), done AS (SELECT pr.id, count(*) AS n FROM projects pr "
                + "JOIN project p ON p.project_id = pr.project_id WHERE p.completed_at IS NOT NULL GROUP BY 1), "
                + "rated AS (SELECT pr.id, count(*) AS n, SUM(r.score - 3) AS stars, AVG(r.score) AS average FROM projects pr "
                + "JOIN project_rating r ON r.project_id = pr.project_id GROUP BY 1), s AS (SELECT m.id, m.hours, "
                + "COALESCE(d.n, 0) AS completed, COALESCE(r.n, 0) AS ratings, COALESCE(r.stars, 0) AS stars, r.average "
                + "FROM mine m LEFT JOIN done d ON d.id = m.id LEFT JOIN rated r ON r.id = m.id) "
                + "SELECT s.id, " + name + ", s.hours + 10 * s.completed + 2 * s.stars AS points, s.hours, s.completed, "
                + "s.ratings, s.average FROM s ORDER BY points DESC, s.hours DESC, s.id";
        try (Connection c = dataSource.getConnection(); PreparedStatement q = c.prepareStatement(sql)) {
            Sql.bind(q, List.of(street, Date.valueOf(from), Date.valueOf(to), street, Date.valueOf(from), Date.valueOf(to)));
            List<Standing> out = new ArrayList<>();
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    BigDecimal average = rs.getBigDecimal(7);
                    out.add(new Standing(out.size() + 1, rs.getString(1), rs.getString(2),
                            Figures.plain(rs.getBigDecimal(3)), Figures.plain(rs.getBigDecimal(4)),
                            rs.getLong(5), rs.getLong(6),
                            average == null ? null : average.setScale(2, java.math.RoundingMode.HALF_UP)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot rank", e);
        }
    }

    public YearlySummary yearly(Unit unit, int year) {
        LocalDate from = LocalDate.of(year, 1, 1);
        LocalDate to = LocalDate.of(year, 12, 31);
        String base = "WITH e AS (" + HOURS_IN_FORCE + "), m AS (SELECT volunteer_id, home_community FROM volunteer "
                + "WHERE unit_id = ?) ";
        List<Object> params = List.of(Date.valueOf(from), Date.valueOf(to), Date.valueOf(from), Date.valueOf(to), unit.unitId());
        try (Connection c = dataSource.getConnection()) {
            BigDecimal served;
            BigDecimal member;
            BigDecimal home;
            long activities;
            long volunteers;
            long memberVolunteers;
            // a volunteer whose hours for a unit the desk corrected all to 0 did not serve for it (services/ledger/
            // README.md, "Hours corrected to 0"): l tells, per volunteer and unit, whether hours are left
            try (PreparedStatement q = c.prepareStatement(base + ", l AS (SELECT volunteer_id, unit_id, SUM(hours) > 0 "
                    + "AS served FROM e WHERE kind = 'HOURS' GROUP BY 1, 2) SELECT "
                    + "COALESCE(SUM(e.hours) FILTER (WHERE e.kind = 'HOURS' AND e.unit_id = ?), 0), "
                    + "COALESCE(SUM(e.hours) FILTER (WHERE e.kind = 'HOURS' AND m.volunteer_id IS NOT NULL), 0), "
                    + "COALESCE(SUM(e.hours) FILTER (WHERE e.kind = 'HOURS' AND m.home_community = e.community_code), 0), "
                    + "COUNT(DISTINCT e.event_id) FILTER (WHERE e.unit_id = ? OR m.volunteer_id IS NOT NULL), "
                    + "COUNT(DISTINCT e.volunteer_id) FILTER (WHERE e.kind = 'HOURS' AND e.unit_id = ? AND l.served), "
                    + "COUNT(DISTINCT e.volunteer_id) FILTER (WHERE e.kind = 'HOURS' AND m.volunteer_id IS NOT NULL "
                    + "AND l.served) FROM e LEFT JOIN m ON m.volunteer_id = e.volunteer_id LEFT JOIN l ON "
                    + "l.volunteer_id = e.volunteer_id AND l.unit_id IS NOT DISTINCT FROM e.unit_id")) {
                List<Object> p = new ArrayList<>(params);
                p.addAll(List.of(unit.unitId(), unit.unitId(), unit.unitId()));
                Sql.bind(q, p);
                try (ResultSet rs = q.executeQuery()) {
                    rs.next();
                    served = Figures.plain(rs.getBigDecimal(1));
                    member = Figures.plain(rs.getBigDecimal(2));
                    home = Figures.plain(rs.getBigDecimal(3));
                    activities = rs.getLong(4);
                    volunteers = rs.getLong(5);
                    memberVolunteers = rs.getLong(6);
                }
            }
            long residents;
            try (PreparedStatement q = c.prepareStatement("SELECT COALESCE(SUM(d.residents_served), 0) FROM ledger_entry d "
                    + "WHERE d.generation = (SELECT generation FROM ledger_generation WHERE status = 'CURRENT') "
                    + "AND d.kind = 'DELIVERY' AND d.event_id IN (SELECT x.event_id FROM ledger_entry x WHERE "
                    + "x.generation = d.generation AND x.unit_id = ? AND x.entry_date BETWEEN ? AND ? AND "
                    + Confirmation.confirmed("x") + ")")) {
                Sql.bind(q, List.of(unit.unitId(), Date.valueOf(from), Date.valueOf(to)));
                try (ResultSet rs = q.executeQuery()) {
                    rs.next();
                    residents = rs.getLong(1);
                }
            }
            List<PledgeTotal> pledges = new ArrayList<>();
            try (PreparedStatement q = c.prepareStatement("SELECT COALESCE(r.capacity_unit, 'UNKNOWN'), SUM(x.amount) "
                    + "FROM ledger_entry x LEFT JOIN resource r ON r.resource_id = x.resource_id WHERE x.generation = "
                    + "(SELECT generation FROM ledger_generation WHERE status = 'CURRENT') AND x.kind = 'PLEDGE' "
                    + "AND x.unit_id = ? AND x.entry_date BETWEEN ? AND ? AND " + Confirmation.confirmed("x")
                    + " GROUP BY 1 ORDER BY 1")) {
                Sql.bind(q, List.of(unit.unitId(), Date.valueOf(from), Date.valueOf(to)));
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        pledges.add(new PledgeTotal(rs.getString(1), Figures.plain(rs.getBigDecimal(2))));
                    }
                }
            }
            List<MonthFigures> months = new ArrayList<>();
            try (PreparedStatement q = c.prepareStatement(base + "SELECT to_char(e.entry_date, 'YYYY-MM'), "
                    + "COALESCE(SUM(e.hours) FILTER (WHERE e.kind = 'HOURS' AND e.unit_id = ?), 0), "
                    + "COALESCE(SUM(e.hours) FILTER (WHERE e.kind = 'HOURS' AND m.volunteer_id IS NOT NULL), 0) "
                    + "FROM e LEFT JOIN m ON m.volunteer_id = e.volunteer_id WHERE e.unit_id = ? OR m.volunteer_id IS NOT NULL "
                    + "GROUP BY 1 ORDER BY 1")) {
                List<Object> p = new ArrayList<>(params);
                p.addAll(List.of(unit.unitId(), unit.unitId()));
                Sql.bind(q, p);
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        months.add(new MonthFigures(rs.getString(1), Figures.plain(rs.getBigDecimal(2)),
                                Figures.plain(rs.getBigDecimal(3))));
                    }
                }
            }
            return new YearlySummary(unit.unitId(), unit.name(), unit.partyOrganisation(), unit.streetCode(), year, served,
                    member, home, activities, volunteers, memberVolunteers, residents, pledges, months);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot summarise unit " + unit.unitId(), e);
        }
    }
}
