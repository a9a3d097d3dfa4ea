package org.threelists.ledger.api;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.threelists.devkit.DevTokens;
import org.threelists.ledger.messaging.Topics;
import org.threelists.testing.RealInfrastructure;
import org.threelists.testing.gen.Gen;
import org.threelists.testing.gen.Properties;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.threelists.ledger.Fixtures.as;
import static org.threelists.ledger.Fixtures.awaitConsumed;
import static org.threelists.ledger.Fixtures.confirm;
import static org.threelists.ledger.Fixtures.consumption;
import static org.threelists.ledger.Fixtures.deliver;
import static org.threelists.ledger.Fixtures.delivered;
import static org.threelists.ledger.Fixtures.projectEvent;
import static org.threelists.ledger.Fixtures.publish;
import static org.threelists.ledger.Fixtures.closeSlip;
import static org.threelists.ledger.Fixtures.demandSubmitted;
import static org.threelists.ledger.Fixtures.slipClosed;
import static org.threelists.ledger.Fixtures.uuid;
import static org.threelists.ledger.Fixtures.volunteerHours;

/**
 * Reports and rankings read the roll-ups (services/ledger/README.md, "Reports"); on a seeded ledger of 和平街道 —
 * projects delivered more than once, confirmed before, between and after their deliveries or never, pledges of units
 * without volunteers, ratings, closed slips of 双报到 and resident members, the desk's corrections (some of projects
 * confirmed afterwards, some of slips, some to 0 and one of those back above 0) — every grouping, the
 * totals, the pending figures, a unit's own view and both rankings equal the figures summed from the raw entries and
 * corrections, and again after a rebuild from offset 0 and after more deliveries, confirmations and corrections
 * of the same volunteers on top of it.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class RollupFiguresTest {

    static final String STREET = "heping";
    static final String AUDITOR = DevTokens.auditor("auditor-heping-rollup", STREET);
    static final String DESK = DevTokens.desk("desk-heping-rollup", STREET);
    static final String OPERATOR = DevTokens.operator("ops-rollup");
    static final List<String> COMMUNITIES = List.of("lianqiao", "dingzikou", "huahuaqiao");
    static final List<String> UNITS = List.of("unit-rollup-clinic", "unit-rollup-school", "unit-rollup-bank", "unit-rollup-court");
    /**
     * A whole year and whole months (read from the year and month roll-ups), periods made of whole months, whole years
     * and the days of the months they take in part (the span roll-ups and the daily ones together; confirmed
     * volunteers from the year rows' days), two whole years, and a period inside one month (the daily roll-ups only).
     */
    static final List<LocalDate[]> PERIODS = List.of(new LocalDate[] {LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31)},
            new LocalDate[] {LocalDate.of(2026, 3, 15), LocalDate.of(2026, 9, 10)},
            new LocalDate[] {LocalDate.of(2026, 6, 1), LocalDate.of(2026, 6, 30)},
            new LocalDate[] {LocalDate.of(2025, 12, 1), LocalDate.of(2025, 12, 31)},
            new LocalDate[] {LocalDate.of(2026, 2, 1), LocalDate.of(2026, 5, 20)},
            new LocalDate[] {LocalDate.of(2025, 12, 10), LocalDate.of(2026, 12, 31)},
            new LocalDate[] {LocalDate.of(2025, 11, 20), LocalDate.of(2026, 2, 10)},
            new LocalDate[] {LocalDate.of(2025, 1, 1), LocalDate.of(2026, 12, 31)},
            new LocalDate[] {LocalDate.of(2026, 4, 3), LocalDate.of(2026, 4, 27)},
            // a year's last day with the next year's first month; one whole month between two single days
            new LocalDate[] {LocalDate.of(2025, 12, 31), LocalDate.of(2026, 1, 31)},
            new LocalDate[] {LocalDate.of(2026, 5, 31), LocalDate.of(2026, 7, 1)});

    /** One delivery of the seeded ledger; {@code project} indexes an earlier delivery's project, or -1 for a new one. */
    record Planned(int project, int community, String category, LocalDate date, int residents, Map<Integer, Integer> halfHours,
                   int pledgeUnit, int confirmation) {
    }

    static final Gen<Planned> DELIVERY = random -> {
        Map<Integer, Integer> halfHours = new TreeMap<>();
        for (int i = 0, n = Gen.integers(0, 3).next(random); i < n; i++) {
            halfHours.put(Gen.integers(0, 7).next(random), Gen.integers(1, 16).next(random));
        }
        int pledge = halfHours.isEmpty() ? Gen.integers(0, 3).next(random) : Gen.integers(-3, 3).next(random);
        return new Planned(Gen.integers(-6, 30).next(random), Gen.integers(0, 2).next(random),
                Gen.of("HEALTH", "SAFETY", "ELDER_CARE").next(random),
                LocalDate.of(2025, 12, 1).plusDays(Gen.integers(0, 364).next(random)), Gen.integers(1, 25).next(random),
                halfHours, pledge, Gen.integers(0, 3).next(random));
    };

    @Inject
    AgroalDataSource dataSource;

    @Test
    void every_grouping_and_both_rankings_equal_the_raw_sums_before_and_after_a_rebuild() throws SQLException {
        Random random = new Random(Properties.seed());
        List<String> volunteers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            volunteers.add(uuid());
        }
        seed(DELIVERY.list(40, 40).next(random), volunteers, random);

        assertEveryFigureEqualsTheRawSums();
        as(OPERATOR).post("/ledger/rebuild").then().statusCode(200);
        assertEveryFigureEqualsTheRawSums();
        // the same volunteers again, live, into the rows the rebuild rolled up at once: the year rows' days are ORed in
        seed(DELIVERY.list(12, 12).next(random), volunteers, random);
        assertEveryFigureEqualsTheRawSums();
    }

    private void seed(List<Planned> plan, List<String> volunteers, Random random) {
        List<String> projects = new ArrayList<>();
        Map<String, Planned> firstOf = new HashMap<>();
        Set<String> confirmed = new HashSet<>();
        List<String> confirmLater = new ArrayList<>();
        for (Planned p : plan) {
            String project = p.project() >= 0 && p.project() < projects.size() ? projects.get(p.project()) : uuid();
            projects.add(project);
            // a project keeps its place and category over its deliveries
            Planned first = firstOf.computeIfAbsent(project, k -> p);
            List<Map<String, Object>> served = new ArrayList<>();
            p.halfHours().forEach((v, h) -> served.add(volunteerHours(volunteers.get(v), UNITS.get(v % UNITS.size()), h / 2.0)));
            List<Map<String, Object>> pledges = p.pledgeUnit() >= 0
                    ? List.of(consumption(UNITS.get(p.pledgeUnit()), uuid(), 2)) : List.of();
            deliver(delivered(project, STREET, COMMUNITIES.get(first.community()), first.category(), p.date(), p.residents(),
                    served, pledges));
            // 0: confirmed now (later deliveries arrive confirmed), 1: after the corrections, 2 and 3: never
            if (p.confirmation() == 0 && confirmed.add(project)) {
                confirm(project);
            } else if (p.confirmation() == 1 && !confirmed.contains(project) && !confirmLater.contains(project)) {
                confirmLater.add(project);
            }
            if (random.nextInt(4) == 0) {
                publish(Topics.PROJECT_EVENTS, project, projectEvent("rated", project, Map.of("projectId", project,
                        "demandId", uuid(), "score", 1 + random.nextInt(5), "allRated", false, "actor", "wang-fang")));
            }
        }
        // closed slips: a 双报到 member's hours counted for the home unit, a resident member's for no unit
        for (int i = 0; i < 6; i++) {
            String demand = uuid();
            String slip = uuid();
            projects.add(slip);
            String community = COMMUNITIES.get(random.nextInt(COMMUNITIES.size()));
            demandSubmitted(demand, STREET, community, Gen.of("HEALTH", "SANITATION").next(random), 1 + random.nextInt(4));
            int member = random.nextInt(volunteers.size());
            closeSlip(slipClosed(slip, demand, STREET, community, uuid(), volunteers.get(member),
                    i % 3 == 2 ? null : UNITS.get(member % UNITS.size()), (1 + random.nextInt(8)) / 2.0, "ON_SITE",
                    LocalDate.of(2025, 12, 1).plusDays(random.nextInt(365))));
        }
        awaitConsumed("ledger.project-list", Topics.PROJECT_EVENTS);
        awaitConsumed("ledger.demand-list", Topics.DEMAND_EVENTS);
        List<String> hoursEntries = hoursEntriesOf(projects);
        for (int i = 0; i < Math.min(8, hoursEntries.size()); i++) {
            String entry = hoursEntries.get(random.nextInt(hoursEntries.size()));
            BigDecimal inForce = new BigDecimal(as(DESK).get("/ledger/entries/" + entry).then().statusCode(200).extract()
                    .jsonPath().getString("hoursInForce"));
            BigDecimal hours = BigDecimal.valueOf(random.nextInt(17), 0).divide(BigDecimal.valueOf(2));
            as(DESK).body(Map.of("hours", hours.compareTo(inForce) == 0 ? hours.add(BigDecimal.ONE) : hours,
                    "reason", "签到表核对")).post("/ledger/entries/" + entry + "/corrections").then().statusCode(201);
        }
        // hours corrected to 0 (reported, not served), one of them put back above 0 afterwards: the volunteer is no
        // volunteer of the groups where no hours are left, then is again (README, "Hours corrected to 0")
        for (int i = 0; i < 3 && !hoursEntries.isEmpty(); i++) {
            String entry = hoursEntries.get(random.nextInt(hoursEntries.size()));
            correctUnlessInForce(entry, BigDecimal.ZERO);
            if (i == 2) {
                correctUnlessInForce(entry, new BigDecimal("1.5"));
            }
        }
        confirmLater.stream().filter(p -> !confirmed.contains(p)).forEach(p -> confirm(p));
        awaitConsumed("ledger.project-list", Topics.PROJECT_EVENTS);
    }

    private static void correctUnlessInForce(String entry, BigDecimal hours) {
        BigDecimal inForce = new BigDecimal(as(DESK).get("/ledger/entries/" + entry).then().statusCode(200).extract()
                .jsonPath().getString("hoursInForce"));
        if (inForce.compareTo(hours) != 0) {
            as(DESK).body(Map.of("hours", hours, "reason", "签到表核对：未到场")).post("/ledger/entries/" + entry
                    + "/corrections").then().statusCode(201);
        }
    }

    private List<String> hoursEntriesOf(List<String> projects) {
        List<String> ids = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement q = c.prepareStatement("SELECT entry_id FROM "
                + "ledger_entry WHERE kind = 'HOURS' AND project_id = ANY (?) AND generation = (SELECT generation FROM "
                + "ledger_generation WHERE status = 'CURRENT') ORDER BY entry_id")) {
            q.setArray(1, c.createArrayOf("varchar", projects.toArray()));
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return ids;
    }

    private void assertEveryFigureEqualsTheRawSums() throws SQLException {
        RawLedger raw = RawLedger.read(dataSource, STREET);
        assertThat(raw.entries).as("the seeded ledger").hasSizeGreaterThan(60);
        for (LocalDate[] period : PERIODS) {
            for (String by : List.of("unit", "community", "category", "month", "street")) {
                JsonPath report = report(AUDITOR, by, period);
                Function<RawLedger.Fact, String> key = key(by);
                String what = "by " + by + " over " + period[0] + ".." + period[1];
                assertThat(rows(report, "rows")).as(what).isEqualTo(raw.figures(key, by.equals("unit"), null, period, true));
                assertThat(rows(report, "totals")).as("totals " + what)
                        .isEqualTo(raw.figures(f -> "TOTAL", false, null, period, true));
                assertThat(rows(report, "pending")).as("pending " + what)
                        .isEqualTo(raw.figures(f -> "PENDING", false, null, period, false));
            }
            for (String unit : UNITS) {
                JsonPath own = report(DevTokens.unit("member-" + unit, unit, STREET), "month", period);
                assertThat(rows(own, "rows")).as(unit + " by month")
                        .isEqualTo(raw.figures(key("month"), true, unit, period, true));
                assertThat(rows(own, "totals")).as(unit + " totals")
                        .isEqualTo(raw.figures(f -> "TOTAL", true, unit, period, true));
            }
            for (String of : List.of("units", "volunteers")) {
                JsonPath ranking = as(AUDITOR).queryParam("of", of).queryParam("from", period[0].toString())
                        .queryParam("to", period[1].toString()).get("/ledger/rankings").then().statusCode(200).extract().jsonPath();
                List<String> actual = new ArrayList<>();
                for (Map<String, Object> s : ranking.<Map<String, Object>>getList("standings")) {
                    actual.add(s.get("id") + " " + plain(s.get("points")) + " " + plain(s.get("hours")) + " "
                            + s.get("completedProjects") + " " + s.get("ratings"));
                }
                assertThat(actual).as("rankings of " + of).isEqualTo(raw.standings(of.equals("volunteers"), period));
            }
        }
    }

    private static Function<RawLedger.Fact, String> key(String by) {
        return switch (by) {
            case "unit" -> RawLedger.Fact::unit;
            case "community" -> RawLedger.Fact::community;
            case "category" -> RawLedger.Fact::category;
            case "month" -> f -> f.date().toString().substring(0, 7);
            default -> RawLedger.Fact::street;
        };
    }

    private static JsonPath report(String token, String by, LocalDate[] period) {
        return as(token).queryParam("groupBy", by).queryParam("from", period[0].toString())
                .queryParam("to", period[1].toString()).get("/ledger/reports").then().statusCode(200).extract().jsonPath();
    }

    /** key → "hours activities volunteers residents", as the report answers them. */
    private static Map<String, String> rows(JsonPath report, String path) {
        Map<String, String> out = new TreeMap<>();
        List<Map<String, Object>> rows = path.equals("rows") ? report.getList("rows")
                : List.of(report.getMap(path));
        for (Map<String, Object> row : rows) {
            if (!path.equals("rows") && Long.parseLong(row.get("activities").toString()) == 0
                    && new BigDecimal(row.get("hours").toString()).signum() == 0) {
                continue;
            }
            out.put(path.equals("rows") ? String.valueOf(row.get("key")) : path.equals("totals") ? "TOTAL" : "PENDING",
                    plain(row.get("hours")) + " " + row.get("activities") + " " + row.get("volunteers") + " "
                            + row.get("residentsServed"));
        }
        return out;
    }

    static String plain(Object number) {
        BigDecimal value = new BigDecimal(number.toString());
        return value.signum() == 0 ? "0" : value.stripTrailingZeros().toPlainString();
    }
}
