package org.threelists.ledger.api;

import io.agroal.api.AgroalDataSource;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * A street's current entries and corrections as stored, the projects' confirmations and ratings, and the figures summed
 * from them row by row, by the definitions of services/ledger/README.md ("Reports", the points rule): what the
 * roll-ups must give.
 */
final class RawLedger {

    /** An entry, or a correction (kind CORRECTION, hours = its delta; {@code entry} the entry it corrects). */
    record Fact(String kind, String event, String project, String street, String unit, String volunteer, String community,
                String category, LocalDate date, BigDecimal hours, int residents, String origin, String entry) {

        /** A slip's entries count from the start (services/ledger/README.md, "Slips"); a slip is no project. */
        boolean slip() {
            return origin.equals("SLIP");
        }
    }

    final List<Fact> entries = new ArrayList<>();
    final List<Fact> corrections = new ArrayList<>();
    final Set<String> confirmedProjects = new HashSet<>();
    final Map<String, List<Integer>> ratings = new HashMap<>();

    static RawLedger read(AgroalDataSource dataSource, String street) throws SQLException {
        RawLedger raw = new RawLedger();
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement q = c.prepareStatement("SELECT kind, event_id, project_id, street_code, unit_id, "
                    + "volunteer_id, community_code, category, entry_date, hours, residents_served, origin, entry_id FROM ledger_entry WHERE "
                    + "street_code = ? AND generation = (SELECT generation FROM ledger_generation WHERE status = 'CURRENT')")) {
                q.setString(1, street);
                read(q, raw.entries);
            }
            try (PreparedStatement q = c.prepareStatement("SELECT 'CORRECTION', event_id, project_id, street_code, unit_id, "
                    + "volunteer_id, community_code, category, entry_date, delta, NULL, origin, entry_id FROM ledger_correction "
                    + "WHERE street_code = ?")) {
                q.setString(1, street);
                read(q, raw.corrections);
            }
            try (PreparedStatement q = c.prepareStatement("SELECT project_id FROM project WHERE completed_at IS NOT NULL");
                 ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    raw.confirmedProjects.add(rs.getString(1));
                }
            }
            try (PreparedStatement q = c.prepareStatement("SELECT project_id, score FROM project_rating");
                 ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    raw.ratings.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getInt(2));
                }
            }
        }
        return raw;
    }

    private static void read(PreparedStatement q, List<Fact> into) throws SQLException {
        try (ResultSet rs = q.executeQuery()) {
            while (rs.next()) {
                into.add(new Fact(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getString(6), rs.getString(7), rs.getString(8), rs.getObject(9, LocalDate.class),
                        rs.getBigDecimal(10), rs.getInt(11), rs.getString(12), rs.getString(13)));
            }
        }
    }

    /** The entry's hours with every correction's delta. */
    BigDecimal hoursInForce(String entry) {
        BigDecimal hours = entries.stream().filter(f -> f.entry().equals(entry)).map(Fact::hours).findFirst().orElseThrow();
        for (Fact c : corrections) {
            if (c.entry().equals(entry)) {
                hours = hours.add(c.hours());
            }
        }
        return hours;
    }

    /**
     * A volunteer's HOURS entry counts them (a volunteer of the group, a project of theirs in the rankings) when hours
     * are in force: one the desk corrected to 0 was not served (services/ledger/README.md, "Hours corrected to 0").
     */
    private boolean served(Fact f) {
        return f.kind().equals("HOURS") && hoursInForce(f.entry()).signum() > 0;
    }

    private boolean selected(Fact f, String unit, LocalDate[] period, boolean confirmed) {
        return !f.date().isBefore(period[0]) && !f.date().isAfter(period[1])
                && (f.slip() || confirmedProjects.contains(f.project())) == confirmed
                && (unit == null || unit.equals(f.unit()));
    }

    /**
     * key → "hours activities volunteers residents": a delivery counts once per group, or, grouped by unit (or for one
     * unit), once for every unit that took part in it; volunteers are those with hours in the group.
     */
    Map<String, String> figures(Function<Fact, String> key, boolean byUnit, String unit, LocalDate[] period, boolean confirmed) {
        Map<String, Integer> residentsOf = new HashMap<>();
        entries.stream().filter(f -> f.kind().equals("DELIVERY")).forEach(f -> residentsOf.put(f.event(), f.residents()));
        Map<String, BigDecimal> hours = new TreeMap<>();
        Map<String, Long> activities = new HashMap<>();
        Map<String, Long> residents = new HashMap<>();
        Map<String, Set<String>> volunteers = new HashMap<>();
        Set<String> deliveriesPerUnit = new HashSet<>();
        List<Fact> facts = new ArrayList<>(entries);
        facts.addAll(corrections);
        for (Fact f : facts) {
            if (!selected(f, unit, period, confirmed) || (byUnit && f.unit() == null)) {
                continue;
            }
            String k = key.apply(f);
            hours.putIfAbsent(k, BigDecimal.ZERO);
            if (f.kind().equals("HOURS") || f.kind().equals("CORRECTION")) {
                hours.merge(k, f.hours(), BigDecimal::add);
                volunteers.computeIfAbsent(k, x -> new HashSet<>());
                if (served(f)) {
                    volunteers.get(k).add(f.volunteer());
                }
            }
            boolean delivery = byUnit ? !f.kind().equals("CORRECTION") && deliveriesPerUnit.add(f.event() + " " + f.unit())
                    : f.kind().equals("DELIVERY");
            if (delivery) {
                activities.merge(k, 1L, Long::sum);
                residents.merge(k, (long) residentsOf.get(f.event()), Long::sum);
            }
        }
        Map<String, String> out = new TreeMap<>();
        hours.forEach((k, h) -> out.put(k, RollupFiguresTest.plain(h) + " " + activities.getOrDefault(k, 0L) + " "
                + volunteers.getOrDefault(k, Set.of()).size() + " " + residents.getOrDefault(k, 0L)));
        return out;
    }

    /** "id points hours completed ratings", best first: points = hours + 10 × completed projects + 2 × Σ(rating − 3). */
    List<String> standings(boolean ofVolunteers, LocalDate[] period) {
        Map<String, BigDecimal> hours = new HashMap<>();
        Map<String, Set<String>> projects = new HashMap<>();
        List<Fact> facts = new ArrayList<>(entries);
        facts.addAll(corrections);
        for (Fact f : facts) {
            String id = ofVolunteers ? f.volunteer() : f.unit();
            if (id == null || !selected(f, null, period, true)) {
                continue;
            }
            hours.putIfAbsent(id, BigDecimal.ZERO);
            if (f.kind().equals("HOURS") || f.kind().equals("CORRECTION")) {
                hours.merge(id, f.hours(), BigDecimal::add);
            }
            projects.computeIfAbsent(id, x -> new HashSet<>());
            // a project is one's by hours served in it or a pledge honoured (not by hours corrected to 0)
            if (!f.slip() && (served(f) || f.kind().equals("PLEDGE"))) {
                projects.get(id).add(f.project());
            }
        }
        // one whose every hour was corrected to 0, with no pledge, took no part: no place in the ranking
        hours.keySet().removeIf(id -> hours.get(id).signum() == 0 && projects.get(id).isEmpty()
                && facts.stream().noneMatch(f -> f.kind().equals("PLEDGE") && id.equals(ofVolunteers ? f.volunteer() : f.unit())
                        && selected(f, null, period, true)));
        record Standing(String id, BigDecimal points, BigDecimal hours, int completed, int ratings) {
        }
        List<Standing> standings = new ArrayList<>();
        hours.forEach((id, h) -> {
            int completed = projects.get(id).size();
            List<Integer> scores = projects.get(id).stream().flatMap(p -> ratings.getOrDefault(p, List.of()).stream()).toList();
            int stars = scores.stream().mapToInt(s -> s - 3).sum();
            standings.add(new Standing(id, h.add(BigDecimal.valueOf(10L * completed + 2L * stars)), h, completed, scores.size()));
        });
        standings.sort(Comparator.comparing(Standing::points).reversed().thenComparing(Comparator.comparing(Standing::hours)
                .reversed()).thenComparing(Standing::id));
        return standings.stream().map(s -> s.id() + " " + RollupFiguresTest.plain(s.points()) + " "
                + RollupFiguresTest.plain(s.hours()) + " " + s.completed() + " " + s.ratings()).toList();
    }
}
