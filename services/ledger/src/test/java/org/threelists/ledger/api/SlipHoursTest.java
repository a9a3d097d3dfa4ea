package org.threelists.ledger.api;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.threelists.platform.ratelimit.ClientRateLimiter;
import org.threelists.devkit.DevTokens;
import org.threelists.ledger.messaging.Topics;
import org.threelists.platform.json.Json;
import org.threelists.testing.KafkaProbe;
import org.threelists.testing.RealInfrastructure;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.threelists.ledger.Fixtures.as;
import static org.threelists.ledger.Fixtures.await;
import static org.threelists.ledger.Fixtures.awaitConsumed;
import static org.threelists.ledger.Fixtures.closeSlip;
import static org.threelists.ledger.Fixtures.deliverConfirmed;
import static org.threelists.ledger.Fixtures.delivered;
import static org.threelists.ledger.Fixtures.demandListEvent;
import static org.threelists.ledger.Fixtures.demandSubmitted;
import static org.threelists.ledger.Fixtures.partyMemberAdded;
import static org.threelists.ledger.Fixtures.publish;
import static org.threelists.ledger.Fixtures.resourceListEvent;
import static org.threelists.ledger.Fixtures.slipClosed;
import static org.threelists.ledger.Fixtures.unitRegistered;
import static org.threelists.ledger.Fixtures.uuid;
import static org.threelists.ledger.Fixtures.volunteerHours;
import static org.threelists.ledger.Fixtures.volunteerRegistered;

/**
 * A slip (三联单) the community closed enters the ledger (services/ledger/README.md, "Slips"): real
 * {@code threelists.slip.closed.v1} messages, valid against demand-list's schema, on demand-list.events.v1 become a
 * service entry and the member's hours in a chain of their own; they count for the member's home unit (双报到) in the
 * reports, rankings, the notice board, the unit's yearly summary, the member's hour statement beside project hours,
 * and the monthly municipal summary; a resident member's count for the community and group. The same message twice
 * records once; a malformed one goes to the DLQ. The scenario lies in 殿前街道 嘉福社区 in 2023, a year no other test
 * of the module uses; each test has a month of its own.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class SlipHoursTest {

    static final String STREET = "dianqian";
    static final String COMMUNITY = "jiafu";
    static final String DESK = DevTokens.desk("desk-dianqian", STREET);
    static final String AUDITOR = DevTokens.auditor("auditor-dianqian", STREET);

    @Inject
    AgroalDataSource dataSource;
    @Inject
    ClientRateLimiter limiter;

    @Test
    void a_closed_slip_is_a_service_and_the_member_s_hours_count_for_the_home_unit_beside_project_hours() {
        String unit = "unit-slip-court-" + uuid().substring(0, 8);
        String member = uuid();
        String group = uuid();
        publish(Topics.RESOURCE_EVENTS, unit, resourceListEvent("unit.registered", unit,
                unitRegistered(unit, "湖里区人民法院", STREET, COMMUNITY)));
        publish(Topics.RESOURCE_EVENTS, unit, resourceListEvent("volunteer.registered", member,
                volunteerRegistered(member, unit, COMMUNITY, "赵*明")));
        // the member also served a project of the unit in the month, confirmed by the community
        deliverConfirmed(delivered(uuid(), STREET, COMMUNITY, "LEGAL_ADVICE", LocalDate.of(2023, 5, 20), 8,
                List.of(volunteerHours(member, unit, 3)), List.of()));
        String demand = uuid();
        String slip = uuid();
        demandSubmitted(demand, STREET, COMMUNITY, "SANITATION", 3);
        // a slip's steps before it closes change nothing in the ledger
        var reported = publish(Topics.DEMAND_EVENTS, demand, demandListEvent("slip.reported", demand, Map.of("slipId", slip,
                "demandId", demand, "status", "REPORTED", "actor", "member:" + member, "memberId", member,
                "homeUnitId", unit, "hours", 2.5, "mode", "ON_SITE", "serviceDate", "2023-05-06")));
        closeSlip(slipClosed(slip, demand, STREET, COMMUNITY, group, member, unit, 2.5, "ON_SITE",
                LocalDate.of(2023, 5, 6)));
        awaitConsumed("ledger.resource-list", Topics.RESOURCE_EVENTS);
        awaitConsumed("ledger.project-list", Topics.PROJECT_EVENTS);

        JsonPath entries = await(() -> slipEntries(slip), page -> page.getList("items").size() == 2);
        assertThat(entries.getList("items.kind")).containsExactly("DELIVERY", "HOURS");
        assertThat(entries.getList("items.origin")).containsOnly("SLIP");
        assertThat(entries.getList("items.slipId")).containsOnly(slip);
        assertThat(entries.getList("items.projectId")).containsOnly((Object) null);
        assertThat(entries.getList("items.groupId")).containsOnly(group);
        assertThat(entries.getList("items.mode")).containsOnly("ON_SITE");
        assertThat(entries.getList("items.category")).containsOnly("SANITATION");
        assertThat(entries.getList("items.date")).containsOnly("2023-05-06");
        assertThat(entries.getList("items.demandIds")).containsOnly(List.of(demand));
        assertThat(entries.getInt("items[0].residentsServed")).as("the demand's beneficiaries").isEqualTo(3);
        assertThat(entries.getString("items[0].unitId")).isNull();
        assertThat(entries.getString("items[1].unitId")).as("the member's home unit (双报到)").isEqualTo(unit);
        assertThat(entries.getString("items[1].volunteerId")).isEqualTo(member);
        assertThat(entries.getDouble("items[1].hours")).isEqualTo(2.5);
        assertThat(entries.getInt("items[0].partition")).as("a chain of demand-list's partitions")
                .isGreaterThanOrEqualTo(1000);
        assertThat(entries.getInt("items[1].seq")).isEqualTo(entries.getInt("items[0].seq") + 1);
        assertThat(entries.getString("items[1].prevHash")).isEqualTo(entries.getString("items[0].hash"));
        // the step was skipped by its type, unparsed: acknowledged by the inbox, never applied to a generation
        assertThat(count("SELECT count(*) FROM processed_message WHERE consumer_group = 'ledger.demand-list' AND "
                + "message_id = '" + reported.id() + "' AND outcome = 'PROCESSED'")).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM applied_event WHERE event_id = '" + reported.id() + "'")).isZero();
        as(AUDITOR).get("/ledger/verification").then().statusCode(200).body("valid", equalTo(true));

        // reports: the slip's hours on the home unit, a service with the demand's residents
        JsonPath byUnit = report("unit", "2023-05-01", "2023-05-31");
        assertThat(row(byUnit, unit)).containsEntry("hours", 5.5f).containsEntry("activities", 2)
                .containsEntry("volunteers", 1).containsEntry("residentsServed", 11);
        assertThat(row(report("category", "2023-05-01", "2023-05-31"), "SANITATION")).containsEntry("hours", 2.5f)
                .containsEntry("activities", 1).containsEntry("volunteers", 1).containsEntry("residentsServed", 3);
        assertThat(row(report("month", "2023-05-01", "2023-05-31"), "2023-05")).containsEntry("hours", 5.5f)
                .containsEntry("activities", 2);
        assertThat(row(report("community", "2023-05-01", "2023-05-31"), COMMUNITY)).containsEntry("hours", 5.5f);
        // the unit's ranking and the notice board: hours, no completed project for a slip
        JsonPath ranking = as(DESK).queryParam("of", "units").queryParam("from", "2023-05-01")
                .queryParam("to", "2023-05-31").get("/ledger/rankings").then().statusCode(200).extract().jsonPath();
        assertThat(ranking.getDouble("standings.find { it.id == '" + unit + "' }.hours")).isEqualTo(5.5);
        assertThat(ranking.getDouble("standings.find { it.id == '" + unit + "' }.points")).isEqualTo(15.5);
        // the public bucket is shared with the tests that exhaust it on purpose
        limiter.reset();
        JsonPath board = io.restassured.RestAssured.given().queryParam("street", STREET).queryParam("year", 2023)
                .get("/notice-board/standings").then().statusCode(200).extract().jsonPath();
        assertThat(board.getDouble("standings.items.find { it.unitId == '" + unit + "' }.hours")).isEqualTo(5.5);
        JsonPath yearly = as(DESK).queryParam("year", 2023).get("/ledger/units/" + unit + "/yearly-summary").then()
                .statusCode(200).extract().jsonPath();
        assertThat(yearly.getDouble("memberHours")).isEqualTo(5.5);
        assertThat(yearly.getDouble("servedHours")).isEqualTo(5.5);
        assertThat(yearly.getDouble("homeCommunityHours")).isEqualTo(5.5);

        // the hour statement (工时证明) lists the slip beside the project
        JsonPath statement = as(DESK).body(Map.of("volunteerId", member, "from", "2023-05-01", "to", "2023-05-31"))
                .post("/ledger/statements").then().statusCode(201).extract().jsonPath();
        assertThat(statement.getDouble("hours")).isEqualTo(5.5);
        assertThat(statement.getString("maskedName")).isEqualTo("赵*明");
        assertThat(statement.getString("unitId")).isEqualTo(unit);
        assertThat(statement.getString("content")).startsWith("志愿服务2次：")
                .contains("2023-05-06 嘉福社区 环境卫生「三联单·上门服务」 2.5小时")
                .contains("2023-05-20 嘉福社区 法律咨询 3小时");
    }

    @Test
    void a_resident_member_s_hours_count_for_the_community_and_group_and_their_statement_names_them_masked() {
        String member = uuid();
        String group = uuid();
        partyMemberAdded(group, COMMUNITY, member, null, "钱*");
        String demand = uuid();
        String slip = uuid();
        demandSubmitted(demand, STREET, COMMUNITY, "POLICY_CONSULTATION", 1);
        closeSlip(slipClosed(slip, demand, STREET, COMMUNITY, group, member, null, 1.5, "ONLINE",
                LocalDate.of(2023, 6, 10)));
        awaitConsumed("ledger.resource-list", Topics.RESOURCE_EVENTS);

        JsonPath entries = await(() -> slipEntries(slip), page -> page.getList("items").size() == 2);
        assertThat(entries.getList("items.unitId")).containsOnly((Object) null);
        assertThat(entries.getString("items[1].volunteerId")).isEqualTo(member);
        assertThat(entries.getList("items.groupId")).containsOnly(group);

        assertThat(report("unit", "2023-06-01", "2023-06-30").getList("rows")).as("no unit to count them for").isEmpty();
        assertThat(row(report("community", "2023-06-01", "2023-06-30"), COMMUNITY)).containsEntry("hours", 1.5f)
                .containsEntry("activities", 1).containsEntry("volunteers", 1).containsEntry("residentsServed", 1);
        JsonPath totals = report("street", "2023-06-01", "2023-06-30");
        assertThat(totals.getDouble("totals.hours")).isEqualTo(1.5);
        JsonPath volunteers = as(DESK).queryParam("of", "volunteers").queryParam("from", "2023-06-01")
                .queryParam("to", "2023-06-30").get("/ledger/rankings").then().statusCode(200).extract().jsonPath();
        assertThat(volunteers.getList("standings.id")).containsExactly(member);
        assertThat(volunteers.getString("standings[0].name")).isEqualTo("钱*");

        JsonPath statement = as(DESK).body(Map.of("volunteerId", member, "from", "2023-06-01", "to", "2023-06-30"))
                .post("/ledger/statements").then().statusCode(201).extract().jsonPath();
        assertThat(statement.getString("volunteerId")).isEqualTo(member);
        assertThat(statement.getString("maskedName")).isEqualTo("钱*");
        assertThat(statement.getString("unitId")).isNull();
        assertThat(statement.getString("content"))
                .isEqualTo("志愿服务1次：2023-06-10 嘉福社区 政策咨询「三联单·线上服务」 1.5小时");
    }

    @Test
    void the_same_closed_slip_twice_is_recorded_once_and_a_demand_never_listed_counts_under_other() {
        String demand = uuid();
        String slip = uuid();
        demandSubmitted(demand, STREET, COMMUNITY, "ELDER_CARE", 2);
        var closed = closeSlip(slipClosed(slip, demand, STREET, COMMUNITY, uuid(), uuid(), null, 2, "ON_SITE",
                LocalDate.of(2023, 7, 3)));
        publish(Topics.DEMAND_EVENTS, demand, closed);
        String unlisted = uuid();
        closeSlip(slipClosed(unlisted, uuid(), STREET, COMMUNITY, uuid(), uuid(), null, 1, "ON_SITE",
                LocalDate.of(2023, 7, 4)));
        awaitConsumed("ledger.demand-list", Topics.DEMAND_EVENTS);

        assertThat(slipEntries(slip).getList("items")).as("one service and one hours entry, once").hasSize(2);
        assertThat(count("SELECT count(*) FROM applied_event WHERE event_id = '" + closed.id() + "' AND generation = "
                + "(SELECT generation FROM ledger_generation WHERE status = 'CURRENT')")).isEqualTo(1);
        JsonPath orphan = slipEntries(unlisted);
        assertThat(orphan.getList("items.category")).containsOnly("OTHER");
        assertThat(orphan.getInt("items[0].residentsServed")).isEqualTo(1);
    }

    @Test
    void a_malformed_closed_slip_goes_to_the_dlq_and_the_next_one_is_recorded() {
        String demand = uuid();
        String slip = uuid();
        Map<String, Object> data = new LinkedHashMap<>(slipClosed(slip, demand, STREET, COMMUNITY, uuid(), uuid(), null,
                30, "ON_SITE", LocalDate.of(2023, 8, 1)));
        KafkaProbe.send(Topics.DEMAND_EVENTS, demand, demandListEvent("slip.closed", demand, data).json());
        String next = uuid();
        closeSlip(slipClosed(next, uuid(), STREET, COMMUNITY, uuid(), uuid(), null, 1, "ONLINE", LocalDate.of(2023, 8, 2)));

        await(() -> slipEntries(next), page -> page.getList("items").size() == 2);
        var dead = KafkaProbe.await(Topics.DEMAND_EVENTS + ".dlq", r -> demand.equals(r.key()), 1, Duration.ofSeconds(30));
        assertThat(KafkaProbe.header(dead.get(0), "dlq.reason")).contains("schema");
        assertThat(KafkaProbe.header(dead.get(0), "dlq.consumer-group")).isEqualTo("ledger.demand-list");
        assertThat(slipEntries(slip).getList("items")).as("24 hours at most: nothing recorded").isEmpty();
    }

    @Test
    void the_monthly_municipal_summary_counts_slip_hours_and_a_slip_closed_after_it_is_a_correction_needed()
            throws Exception {
        String demand = uuid();
        demandSubmitted(demand, STREET, COMMUNITY, "SAFETY", 4);
        closeSlip(slipClosed(uuid(), demand, STREET, COMMUNITY, uuid(), uuid(), null, 2, "ON_SITE",
                LocalDate.of(2023, 9, 8)));
        awaitConsumed("ledger.demand-list", Topics.DEMAND_EVENTS);

        as(DESK).body(Map.of("month", "2023-09")).post("/ledger/municipal-summaries").then().statusCode(201)
                .body("figures.hours", equalTo(2)).body("figures.activities", equalTo(1))
                .body("figures.residentsServed", equalTo(4)).body("figures.volunteers", equalTo(1));
        var record = KafkaProbe.await(Topics.SERVICE_RECORDS, r -> (STREET + ":2023-09").equals(r.key()), 1,
                Duration.ofSeconds(30));
        assertThat(Json.mapper().readTree(record.get(0).value()).path("data").path("hours").decimalValue())
                .isEqualByComparingTo("2");

        String late = uuid();
        String lateDemand = uuid();
        demandSubmitted(lateDemand, STREET, COMMUNITY, "SAFETY", 1);
        var closed = closeSlip(slipClosed(late, lateDemand, STREET, COMMUNITY, uuid(), uuid(), null, 1.5, "ON_SITE",
                LocalDate.of(2023, 9, 20)));
        JsonPath needed = await(() -> as(DESK).get("/ledger/municipal-summaries/corrections-needed").then()
                .statusCode(200).extract().jsonPath(), j -> j.getList("findAll { it.projectId == '" + late + "' }")
                .size() == 1);
        String item = "find { it.projectId == '" + late + "' }.";
        assertThat(needed.getString(item + "reason")).isEqualTo("DELIVERED_AFTER_SUMMARY");
        assertThat(needed.getString(item + "deliveryEventId")).isEqualTo(closed.id());
        assertThat(needed.getDouble(item + "hours")).isEqualTo(1.5);
    }

    private JsonPath slipEntries(String slip) {
        return as(DESK).queryParam("slip", slip).queryParam("size", 10).get("/ledger/entries").then().statusCode(200)
                .extract().jsonPath();
    }

    private static JsonPath report(String groupBy, String from, String to) {
        return as(DESK).queryParam("groupBy", groupBy).queryParam("from", from).queryParam("to", to)
                .get("/ledger/reports").then().statusCode(200).extract().jsonPath();
    }

    private static Map<String, Object> row(JsonPath report, String key) {
        return report.getMap("rows.find { it.key == '" + key + "' }");
    }

    private long count(String sql) {
        return QuarkusTransaction.requiringNew().call(() -> {
            try (Connection c = dataSource.getConnection(); PreparedStatement q = c.prepareStatement(sql);
                 ResultSet rs = q.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }
}
