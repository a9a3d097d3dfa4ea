package org.threelists.ledger.api;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.threelists.ledger.messaging.Topics;
import org.threelists.devkit.DevTokens;
import org.threelists.testing.RealInfrastructure;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.threelists.ledger.Fixtures.as;
import static org.threelists.ledger.Fixtures.awaitConsumed;
import static org.threelists.ledger.Fixtures.deliver;
import static org.threelists.ledger.Fixtures.deliverConfirmed;
import static org.threelists.ledger.Fixtures.delivered;
import static org.threelists.ledger.Fixtures.projectEvent;
import static org.threelists.ledger.Fixtures.publish;
import static org.threelists.ledger.Fixtures.resourceListEvent;
import static org.threelists.ledger.Fixtures.unitRegistered;
import static org.threelists.ledger.Fixtures.uuid;
import static org.threelists.ledger.Fixtures.volunteerHours;
import static org.threelists.ledger.Fixtures.volunteerRegistered;

/**
 * Report figures on a generated scenario of 和平街道 equal the figures computed by hand from the scenario itself: by
 * community, by unit, by month, a unit's own view, its yearly summary (dual-registered members' hours counted back to
 * their unit), the rankings' points, and the CSV export.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportResourceTest {

    static final String DESK = DevTokens.desk("desk-heping", "heping");
    static final String AUDITOR = DevTokens.auditor("auditor-heping", "heping");
    static final String UNIT_A = "unit-heping-hospital";
    static final String UNIT_B = "unit-heping-school";
    static final List<String> COMMUNITIES = List.of("lianqiao", "dingzikou", "huahuaqiao");
    static final LocalDate FROM = LocalDate.of(2026, 10, 1);
    static final LocalDate TO = LocalDate.of(2026, 11, 30);

    record Served(String volunteer, String unit, BigDecimal hours) {
    }

    record Delivery(String projectId, String community, String category, LocalDate date, int residents, List<Served> served) {
    }

    static final String PENDING_PROJECT = uuid();
    final List<String> volunteers = new ArrayList<>();
    final Map<String, String> unitOf = new TreeMap<>();
    final Map<String, String> homeOf = new TreeMap<>();
    final List<Delivery> deliveries = new ArrayList<>();

    @BeforeAll
    void scenario() {
        publish(Topics.RESOURCE_EVENTS, UNIT_A, resourceListEvent("unit.registered", UNIT_A,
                unitRegistered(UNIT_A, "沿河县人民医院", "heping", "lianqiao")));
        publish(Topics.RESOURCE_EVENTS, UNIT_B, resourceListEvent("unit.registered", UNIT_B,
                unitRegistered(UNIT_B, "沿河县第一中学", "heping", "dingzikou")));
        for (int i = 0; i < 5; i++) {
            String id = uuid();
            String unit = i < 3 ? UNIT_A : UNIT_B;
            String home = COMMUNITIES.get(i % 3);
            volunteers.add(id);
            unitOf.put(id, unit);
            homeOf.put(id, home);
            publish(Topics.RESOURCE_EVENTS, unit, resourceListEvent("volunteer.registered", id,
                    volunteerRegistered(id, unit, home, "志*" + i)));
        }
        Random random = new Random(20261122);
        for (int d = 0; d < 14; d++) {
            String community = COMMUNITIES.get(random.nextInt(3));
            String category = random.nextBoolean() ? "HEALTH" : "SAFETY";
            // 12 deliveries in October and November, 2 in December (outside the period of the report)
            LocalDate date = d < 12 ? FROM.plusDays(random.nextInt(61)) : LocalDate.of(2026, 12, 1 + d);
            List<Served> served = new ArrayList<>();
            Set<Integer> chosen = new HashSet<>();
            int n = 1 + random.nextInt(3);
            while (chosen.size() < n) {
                chosen.add(random.nextInt(5));
            }
            for (int v : chosen.stream().sorted().toList()) {
                // volunteer 1 of the hospital serves with the school: a dual-registered member counted back to the hospital
                String unit = v == 1 ? UNIT_B : unitOf.get(volunteers.get(v));
                served.add(new Served(volunteers.get(v), unit, BigDecimal.valueOf(1 + random.nextInt(10), 0)
                        .divide(BigDecimal.valueOf(2))));
            }
            Delivery delivery = new Delivery(uuid(), community, category, date, 1 + random.nextInt(20), served);
            deliveries.add(delivery);
            deliverConfirmed(delivered(delivery.projectId(), "heping", community, category, date, delivery.residents(),
                    served.stream().map(s -> volunteerHours(s.volunteer(), s.unit(), s.hours().doubleValue())).toList(),
                    List.of()));
        }
        // one more delivery in the period, of a project the community has not confirmed: pending, counted nowhere
        deliver(delivered(PENDING_PROJECT, "heping", "lianqiao", "HEALTH", FROM.plusDays(3), 8,
                List.of(volunteerHours(volunteers.get(0), UNIT_A, 4.5)), List.of()));
        // the first project is rated 5 and 2 stars
        String first = deliveries.get(0).projectId();
        String demand = uuid();
        publish(Topics.PROJECT_EVENTS, first, projectEvent("rated", first, Map.of("projectId", first, "demandId", demand,
                "score", 5, "allRated", false, "actor", "wang-fang")));
        publish(Topics.PROJECT_EVENTS, first, projectEvent("rated", first, Map.of("projectId", first, "demandId", demand,
                "score", 2, "allRated", true, "actor", "wang-fang")));
        awaitConsumed("ledger.project-list", Topics.PROJECT_EVENTS);
        awaitConsumed("ledger.resource-list", Topics.RESOURCE_EVENTS);
    }

    private List<Delivery> inPeriod() {
        return deliveries.stream().filter(d -> !d.date().isBefore(FROM) && !d.date().isAfter(TO)).toList();
    }

    /** key → [hours, activities, volunteers, residents], computed from the scenario. */
    private Map<String, List<Object>> expected(java.util.function.Function<Delivery, List<String>> keysOf,
            java.util.function.BiPredicate<String, Served> counts) {
        Map<String, BigDecimal> hours = new TreeMap<>();
        Map<String, Integer> activities = new TreeMap<>();
        Map<String, Set<String>> people = new TreeMap<>();
        Map<String, Integer> residents = new TreeMap<>();
        for (Delivery d : inPeriod()) {
            for (String key : keysOf.apply(d)) {
                activities.merge(key, 1, Integer::sum);
                residents.merge(key, d.residents(), Integer::sum);
                for (Served s : d.served()) {
                    if (counts.test(key, s)) {
                        hours.merge(key, s.hours(), BigDecimal::add);
                        people.computeIfAbsent(key, k -> new HashSet<>()).add(s.volunteer());
                    }
                }
            }
        }
        Map<String, List<Object>> out = new TreeMap<>();
        activities.keySet().forEach(k -> out.put(k, List.of(hours.getOrDefault(k, BigDecimal.ZERO).stripTrailingZeros()
                .toPlainString(), activities.get(k), people.getOrDefault(k, Set.of()).size(), residents.get(k))));
        return out;
    }

    private static Map<String, List<Object>> actual(JsonPath report) {
        Map<String, List<Object>> out = new TreeMap<>();
        for (Map<String, Object> row : report.<Map<String, Object>>getList("rows")) {
            out.put((String) row.get("key"), List.of(new BigDecimal(row.get("hours").toString()).stripTrailingZeros()
                    .toPlainString(), row.get("activities"), row.get("volunteers"), row.get("residentsServed")));
        }
        return out;
    }

    private JsonPath report(String token, String groupBy) {
        return as(token).queryParam("groupBy", groupBy).queryParam("from", FROM.toString()).queryParam("to", TO.toString())
                .get("/ledger/reports").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void figures_by_community_equal_the_hand_computed_ones_and_december_is_left_out() {
        JsonPath report = report(AUDITOR, "community");
        assertThat(actual(report)).isEqualTo(expected(d -> List.of(d.community()), (k, s) -> true));
        Map<String, List<Object>> street = expected(d -> List.of("TOTAL"), (k, s) -> true);
        assertThat(List.of(new BigDecimal(report.getString("totals.hours")).stripTrailingZeros().toPlainString(),
                report.getInt("totals.activities"), report.getInt("totals.volunteers"),
                report.getInt("totals.residentsServed"))).isEqualTo(street.get("TOTAL"));
        assertThat(report.getList("rows.label")).contains("联桥社区");
    }

    @Test
    void hours_of_a_project_not_yet_confirmed_are_shown_as_pending_and_counted_nowhere_else() {
        JsonPath report = report(DESK, "community");
        assertThat(new BigDecimal(report.getString("pending.hours"))).isEqualByComparingTo("4.5");
        assertThat(report.getInt("pending.activities")).isEqualTo(1);
        assertThat(report.getInt("pending.volunteers")).isEqualTo(1);
        assertThat(report.getInt("pending.residentsServed")).isEqualTo(8);
        JsonPath hospital = report(DevTokens.unit("staff-hospital", UNIT_A, "heping"), "community");
        assertThat(new BigDecimal(hospital.getString("pending.hours"))).isEqualByComparingTo("4.5");
        JsonPath school = report(DevTokens.unit("staff-school", UNIT_B, "heping"), "community");
        assertThat(new BigDecimal(school.getString("pending.hours"))).isEqualByComparingTo("0");
        assertThat(as(DESK).queryParam("project", PENDING_PROJECT).get("/ledger/entries").then().statusCode(200)
                .extract().jsonPath().getList("items.kind")).as("recorded, though not counted").hasSize(2);
    }

    @Test
    void figures_by_unit_count_a_delivery_for_every_unit_that_took_part() {
        assertThat(actual(report(DESK, "unit"))).isEqualTo(expected(
                d -> d.served().stream().map(Served::unit).distinct().toList(), (unit, s) -> s.unit().equals(unit)));
    }

    @Test
    void figures_by_month_and_category() {
        assertThat(actual(report(DESK, "month"))).isEqualTo(expected(
                d -> List.of(d.date().toString().substring(0, 7)), (k, s) -> true));
        assertThat(actual(report(DESK, "category"))).isEqualTo(expected(d -> List.of(d.category()), (k, s) -> true));
    }

    @Test
    void a_unit_reads_only_its_own_figures() {
        String school = DevTokens.unit("staff-school", UNIT_B, "heping");
        JsonPath own = report(school, "community");
        assertThat(actual(own)).isEqualTo(expected(
                d -> d.served().stream().anyMatch(s -> s.unit().equals(UNIT_B)) ? List.of(d.community()) : List.of(),
                (k, s) -> s.unit().equals(UNIT_B)));
        as(school).get("/ledger/units/" + UNIT_A + "/yearly-summary").then().statusCode(403);
        as(school).queryParam("of", "volunteers").get("/ledger/rankings").then().statusCode(403);
        as(DevTokens.community("wang-fang", "heping", "lianqiao")).get("/ledger/reports").then().statusCode(403);
        io.restassured.RestAssured.given().get("/ledger/reports").then().statusCode(401);
        as(DESK).get("/ledger/units/unit-nobody/yearly-summary").then().statusCode(404);
        as(DESK).queryParam("groupBy", "planet").get("/ledger/reports").then().statusCode(400);
        as(DESK).queryParam("from", "2026-13-01").get("/ledger/reports").then().statusCode(400);
        // an ISO date runs to year ±999,999,999: the period would be cut into a billion years before any query
        as(DESK).queryParam("from", "-999999999-01-01").get("/ledger/reports").then().statusCode(400)
                .body("type", equalTo("https://threelists.dev/problems/invalid-input"))
                .body("violations.field", hasItem("from"));
        as(DESK).queryParam("to", "+1000000-01-01").get("/ledger/rankings").then().statusCode(400)
                .body("violations.field", hasItem("to"));
        as(DESK).queryParam("from", "0001-01-01").get("/ledger/entries").then().statusCode(400)
                .body("violations.field", hasItem("from"));
    }

    @Test
    void the_yearly_summary_counts_dual_registered_members_hours_back_to_their_unit() {
        JsonPath summary = as(DESK).queryParam("year", 2026).get("/ledger/units/" + UNIT_A + "/yearly-summary")
                .then().statusCode(200).extract().jsonPath();
        BigDecimal served = BigDecimal.ZERO;
        BigDecimal members = BigDecimal.ZERO;
        BigDecimal home = BigDecimal.ZERO;
        for (Delivery d : deliveries) {
            for (Served s : d.served()) {
                if (s.unit().equals(UNIT_A)) {
                    served = served.add(s.hours());
                }
                if (unitOf.get(s.volunteer()).equals(UNIT_A)) {
                    members = members.add(s.hours());
                    if (homeOf.get(s.volunteer()).equals(d.community())) {
                        home = home.add(s.hours());
                    }
                }
            }
        }
        assertThat(summary.getString("partyOrganisation")).isEqualTo("沿河县人民医院党委");
        assertThat(new BigDecimal(summary.getString("servedHours"))).isEqualByComparingTo(served);
        assertThat(new BigDecimal(summary.getString("memberHours"))).isEqualByComparingTo(members);
        assertThat(new BigDecimal(summary.getString("homeCommunityHours"))).isEqualByComparingTo(home);
        assertThat(members).as("the scenario has a member serving with another unit").isGreaterThan(served);
    }

    @Test
    void rankings_follow_the_documented_points_rule() {
        JsonPath ranking = as(AUDITOR).queryParam("of", "units").queryParam("from", FROM.toString())
                .queryParam("to", TO.toString()).get("/ledger/rankings").then().statusCode(200).extract().jsonPath();
        Map<String, BigDecimal> expected = new TreeMap<>();
        for (Delivery d : inPeriod()) {
            for (Served s : d.served()) {
                expected.merge(s.unit(), s.hours(), BigDecimal::add);
            }
        }
        // every project counted is one the community confirmed (+10 for every unit in it); the first is also rated 5
        // and 2 stars (2 × (2 + −1) = +2); the pending project adds nothing
        for (Delivery d : inPeriod()) {
            d.served().stream().map(Served::unit).distinct()
                    .forEach(unit -> expected.merge(unit, BigDecimal.TEN, BigDecimal::add));
        }
        deliveries.get(0).served().stream().map(Served::unit).distinct()
                .forEach(unit -> expected.merge(unit, BigDecimal.valueOf(2), BigDecimal::add));
        Map<String, BigDecimal> actual = new TreeMap<>();
        for (Map<String, Object> row : ranking.<Map<String, Object>>getList("standings")) {
            actual.put((String) row.get("id"), new BigDecimal(row.get("points").toString()));
        }
        assertThat(actual.keySet()).isEqualTo(expected.keySet());
        expected.forEach((unit, points) -> assertThat(actual.get(unit)).as(unit).isEqualByComparingTo(points));
        List<BigDecimal> order = ranking.getList("standings.points", String.class).stream().map(BigDecimal::new).toList();
        assertThat(order).isSortedAccordingTo(java.util.Comparator.reverseOrder());
    }

    @Test
    void the_csv_export_is_utf8_with_a_bom_and_zh_cn_labels() {
        byte[] body = as(DESK).queryParam("groupBy", "community").queryParam("from", FROM.toString())
                .queryParam("to", TO.toString()).queryParam("format", "csv").queryParam("lang", "zh-CN")
                .get("/ledger/reports").then().statusCode(200).contentType("text/csv; charset=UTF-8").extract().asByteArray();
        assertThat(body).startsWith(0xEF, 0xBB, 0xBF);
        String csv = new String(body, StandardCharsets.UTF_8).substring(1);
        String[] lines = csv.split("\r\n");
        assertThat(lines[0]).isEqualTo("社区代码,名称,服务时长(小时),服务活动(次),志愿者(人),服务居民(人次)");
        Map<String, List<Object>> expected = expected(d -> List.of(d.community()), (k, s) -> true);
        for (var e : expected.entrySet()) {
            assertThat(lines).contains(e.getKey() + "," + org.threelists.contracts.CommunityDirectory.standard()
                    .find(e.getKey()).orElseThrow().name() + "," + e.getValue().get(0) + "," + e.getValue().get(1) + ","
                    + e.getValue().get(2) + "," + e.getValue().get(3));
        }
        assertThat(lines[lines.length - 1]).startsWith("合计,合计,");
    }
}
