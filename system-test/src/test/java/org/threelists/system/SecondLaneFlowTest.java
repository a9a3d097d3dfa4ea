package org.threelists.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.threelists.devkit.DevTokens;
import org.threelists.testing.KafkaProbe;
import org.threelists.testing.PublishedContracts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.threelists.localstack.LocalStack.DEMAND_LIST;
import static org.threelists.localstack.LocalStack.LEDGER;
import static org.threelists.localstack.LocalStack.RESOURCE_LIST;
import static org.threelists.system.Api.eventually;
import static org.threelists.system.DemoWorld.COMMUNITY;
import static org.threelists.system.DemoWorld.COMMUNITY_WORKER;
import static org.threelists.system.DemoWorld.DESK;
import static org.threelists.system.DemoWorld.STREET;

/**
 * The second lane end to end across the four services as separate processes, over REST and Kafka
 * (services/demand-list/README.md, "The second lane", "The slip", "Check-in and check-out"; services/ledger/README.md,
 * "Slips"): a door-knocking volunteer's need (敲门问需) of a small category is routed by default to the building Party
 * group covering its building; the leader dispatches a slip to a member registered through 双报到; the member accepts,
 * checks in and out with the leader's codes, and reports; the community records the resident's satisfaction and the
 * slip closes; the ledger credits the checked time to the member and to the member's home unit. A second slip, never
 * accepted, escalates to the leader and then to the community. Every message published meanwhile follows its topic's
 * schema and names no one, and no public answer of any service names the people of this test.
 */
@Order(7) // junit-platform.properties: the shared system's classes first
class SecondLaneFlowTest {

    private static final String RUN = UUID.randomUUID().toString().substring(0, 6);
    /** A building of 嘉福盐业小区 that only this test's group covers: the default routing finds exactly it. */
    private static final String BUILDING = RUN + "号楼";
    private static final Map<String, String> LEADER = Map.of("name", "吴卫东", "phone", "13800003401", "skill", "政策咨询");
    private static final Map<String, String> RESIDENT_MEMBER = Map.of("name", "郑美兰", "phone", "13800003402",
            "skill", "困难帮扶");
    private static final Map<String, String> VOLUNTEER = Map.of("name", "陈志强", "phone", "13800003403");
    private static final Map<String, String> RESIDENT = Map.of("name", "方桂英", "phone", "13800003409");
    /** Where the leader stands when showing the check-in code (嘉福社区, 厦门湖里区), and the member beside them. */
    private static final Map<String, Object> PLACE = Map.of("latitude", 24.5120, "longitude", 118.1230,
            "radiusMetres", 200);
    private static final Map<String, Object> BESIDE = Map.of("latitude", 24.5121, "longitude", 118.1231);

    @Test
    void aDoorKnockNeedIsDispatchedServedCheckedAndCreditedAndAnUnacceptedSlipEscalates() {
        RunningSystem.stack();
        Instant began = Instant.now();
        String unit = DemoWorld.registerUnit("嘉福物业服务中心 " + RUN);
        String volunteer = Api.post(RESOURCE_LIST, DemoWorld.unitToken(unit), "/volunteers", Map.of("unitId", unit,
                "homeCommunity", COMMUNITY, "skills", List.of("环境整治"), "person", VOLUNTEER, "consent", true), 201)
                .extract().path("volunteerId");
        TestPartyGroup group = TestPartyGroup.register("嘉福派单测试楼栋党小组 " + RUN, BUILDING, "SANITATION", LEADER,
                RESIDENT_MEMBER);
        // 双报到: the unit's volunteer, living in 嘉福社区, joins the group; the member id is the volunteer id
        Api.post(RESOURCE_LIST, COMMUNITY_WORKER, "/party-groups/" + group.groupId() + "/members",
                Map.of("volunteerId", volunteer), 200);
        String member = DevTokens.member(volunteer, STREET, COMMUNITY);

        // the second slip first, so that its acceptance time runs while the first one is served
        String overdueDemand = doorKnockNeed("HARDSHIP_HELP", "独居老人家中断粮，需要帮扶 " + RUN);
        Duration acceptance = Duration.ofSeconds(RunningSystem.SLIP_ACCEPTANCE_SECONDS);
        Instant asked = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        JsonNode overdue = dispatch(group, overdueDemand, group.memberId(), "为独居老人联系社区救助 " + RUN);
        Instant acceptBy = Instant.parse(overdue.path("acceptBy").asText());
        // the acceptance time runs from the dispatch (demand-list's clock, on this machine)
        assertThat(acceptBy).isBetween(asked.plus(acceptance), Instant.now().plus(acceptance));

        // 群众点单: the need is verified and, of a small category, goes to the group covering its building
        String demand = doorKnockNeed("SANITATION", "敲门问需：楼道堆放杂物，老人出行不便 " + RUN);
        JsonNode routed = demand(demand);
        assertThat(routed.path("status").asText()).isEqualTo("IN_PARTY_GROUP");
        assertThat(routed.path("partyGroupId").asText()).isEqualTo(group.groupId());

        // 党小组派单: the leader dispatches the slip to the 双报到 member, once demand-list has heard they joined
        String problem = "为" + RESIDENT.get("name") + "（" + RESIDENT.get("phone") + "）清理楼道杂物 " + RUN;
        JsonNode dispatched = eventually("the slip dispatched once demand-list knows the volunteer as a member",
                () -> Api.as(DEMAND_LIST, group.leaderToken()).body(Map.of("demandId", demand, "memberId", volunteer,
                        "problem", problem)).post("/slips").then().extract(), answer -> answer.statusCode() == 201)
                .as(JsonNode.class);
        String slip = dispatched.path("slipId").asText();
        assertThat(dispatched.path("status").asText()).isEqualTo("DISPATCHED");
        assertThat(dispatched.path("memberKind").asText()).isEqualTo("VOLUNTEER");
        assertThat(dispatched.path("homeUnitId").asText()).isEqualTo(unit);
        assertThat(dispatched.path("leaderId").asText()).isEqualTo(group.leaderId());
        assertThat(demand(demand).path("openSlipId").asText()).isEqualTo(slip);

        // 党员接单
        JsonNode accepted = Api.post(DEMAND_LIST, member, "/slips/" + slip + "/accept", null, 200).extract()
                .as(JsonNode.class);
        assertThat(accepted.path("status").asText()).isEqualTo("ACCEPTED");
        assertThat(Instant.parse(accepted.path("resolveBy").asText())).isAfter(Instant.now());

        // 签到 / 签退 with the leader's codes; the check-in code names the place, and the member stands in it
        String checkInCode = code(group, slip, Map.of("purpose", "CHECK_IN", "place", PLACE));
        JsonNode checkedIn = Api.post(DEMAND_LIST, member, "/slips/" + slip + "/check-in",
                Map.of("code", checkInCode, "position", BESIDE), 200).extract().as(JsonNode.class);
        assertThat(checkedIn.path("checkedIn").asBoolean()).isTrue();
        assertThat(checkedIn.path("atPlace").asBoolean()).isTrue();
        // a code opens its purpose once
        Api.post(DEMAND_LIST, member, "/slips/" + slip + "/check-in", Map.of("code", checkInCode, "position", BESIDE), 400);
        String checkOutCode = code(group, slip, Map.of("purpose", "CHECK_OUT"));
        JsonNode checkedOut = Api.post(DEMAND_LIST, member, "/slips/" + slip + "/check-out",
                Map.of("code", checkOutCode), 200).extract().as(JsonNode.class);
        assertThat(checkedOut.path("checkedIn").asBoolean()).isFalse();
        Duration checkedTime = Duration.between(Instant.parse(checkedOut.path("checkedInAt").asText()),
                Instant.parse(checkedOut.path("checkedOutAt").asText()));
        BigDecimal checkedHours = quarterHours(checkedTime);
        assertThat(checkedOut.path("checkedHours").decimalValue()).isEqualByComparingTo(checkedHours);

        // the member reports their own figure; what counts is the checked time
        JsonNode reported = Api.post(DEMAND_LIST, member, "/slips/" + slip + "/report", Map.of("service",
                "上门帮" + RESIDENT.get("name") + "清理楼道杂物，联系物业清运 " + RUN, "hours", 1.5, "mode", "ON_SITE"), 200)
                .extract().as(JsonNode.class);
        assertThat(reported.path("status").asText()).isEqualTo("REPORTED");
        assertThat(reported.path("hours").decimalValue()).isEqualByComparingTo(checkedHours);
        assertThat(reported.path("hoursSource").asText()).isEqualTo("CHECKED");
        assertThat(reported.path("reportedHours").decimalValue()).isEqualByComparingTo("1.5");
        assertThat(reported.path("hoursDifference").decimalValue())
                .isEqualByComparingTo(new BigDecimal("1.5").subtract(checkedHours));

        // the resident's satisfaction closes the slip and rates the demand
        JsonNode closed = Api.post(DEMAND_LIST, COMMUNITY_WORKER, "/slips/" + slip + "/satisfaction",
                Map.of("score", 5), 200).extract().as(JsonNode.class);
        assertThat(closed.path("status").asText()).isEqualTo("CLOSED");
        JsonNode rated = demand(demand);
        assertThat(rated.path("status").asText()).isEqualTo("RATED");
        assertThat(rated.path("rating").asInt()).isEqualTo(5);

        // the ledger credits the checked time to the member and, through 双报到, to the home unit
        List<JsonNode> entries = eventually("the ledger's entries of the closed slip", () -> List.copyOf(
                toList(Api.get(LEDGER, DESK, "/ledger/entries?slip=" + slip).extract().as(JsonNode.class).path("items"))),
                items -> items.size() == 2);
        JsonNode hours = entries.stream().filter(e -> "HOURS".equals(e.path("kind").asText())).findFirst().orElseThrow();
        assertThat(hours.path("origin").asText()).isEqualTo("SLIP");
        assertThat(hours.path("volunteerId").asText()).isEqualTo(volunteer);
        assertThat(hours.path("unitId").asText()).isEqualTo(unit);
        assertThat(hours.path("groupId").asText()).isEqualTo(group.groupId());
        assertThat(hours.path("category").asText()).isEqualTo("SANITATION");
        assertThat(hours.path("mode").asText()).isEqualTo("ON_SITE");
        assertThat(hours.path("hours").decimalValue()).isEqualByComparingTo(checkedHours);
        JsonNode delivery = entries.stream().filter(e -> "DELIVERY".equals(e.path("kind").asText())).findFirst()
                .orElseThrow();
        assertThat(delivery.path("residentsServed").asInt()).isEqualTo(2);
        int year = DemoWorld.today().getYear();
        Map<String, Object> unitRow = Api.get(LEDGER, DESK, "/ledger/reports?groupBy=unit&from=" + year + "-01-01&to="
                + year + "-12-31").extract().<List<Map<String, Object>>>path("rows").stream()
                .filter(row -> unit.equals(row.get("key"))).findFirst().orElseThrow();
        assertThat(new BigDecimal(unitRow.get("hours").toString())).isEqualByComparingTo(checkedHours);
        assertThat(unitRow).containsEntry("volunteers", 1);
        JsonNode summary = Api.get(LEDGER, DemoWorld.unitToken(unit), "/ledger/units/" + unit + "/yearly-summary?year="
                + year).extract().as(JsonNode.class);
        assertThat(summary.path("memberHours").decimalValue()).isEqualByComparingTo(checkedHours);
        JsonNode statement = Api.post(LEDGER, DESK, "/ledger/statements", Map.of("volunteerId", volunteer,
                "from", year + "-01-01", "to", year + "-12-31"), 201).extract().as(JsonNode.class);
        assertThat(statement.path("hours").decimalValue()).isEqualByComparingTo(checkedHours);
        assertThat(statement.path("content").asText()).contains("三联单");
        PublicAnswers.Statement printed = new PublicAnswers.Statement(statement.path("number").asText(),
                statement.path("verificationCode").asText());
        JsonNode verified = RestAssured.given().baseUri(RunningSystem.url(LEDGER)).queryParam("code", printed.code())
                .get("/ledger/statements/" + printed.number() + "/verification").then().statusCode(200).extract()
                .as(JsonNode.class);
        assertThat(verified.path("status").asText()).isEqualTo("VALID");
        assertThat(verified.path("hours").decimalValue()).isEqualByComparingTo(checkedHours);
        assertThat(Api.get(LEDGER, DESK, "/ledger/verification").extract().<Boolean>path("valid")).isTrue();

        // the unaccepted slip: overdue, the group's leader is told, then the community
        String overdueSlip = overdue.path("slipId").asText();
        JsonNode escalated = eventually("the unaccepted slip escalated to the community", () -> Api.get(DEMAND_LIST,
                COMMUNITY_WORKER, "/slips/" + overdueSlip).extract().as(JsonNode.class),
                s -> "COMMUNITY".equals(s.path("escalationLevel").asText()));
        assertThat(escalated.path("status").asText()).isEqualTo("DISPATCHED");
        assertThat(escalated.path("escalations").asInt()).isEqualTo(2);

        // on Kafka (the relay publishes a moment after the commit): every message follows its topic's schema; the
        // lane's steps in order; no one named
        KafkaProbe.await("demand-list.events.v1", r -> demand.equals(r.key())
                && "threelists.demand.rated.v1".equals(parse(r.value()).path("type").asText()), 1, Duration.ofSeconds(60));
        KafkaProbe.await("demand-list.events.v1", r -> overdueDemand.equals(r.key())
                && "COMMUNITY".equals(parse(r.value()).path("data").path("level").asText()), 1, Duration.ofSeconds(60));
        List<JsonNode> published = PublishedContracts.assertEveryMessageConforms("demand-list.events.v1");
        List<JsonNode> resourceList = PublishedContracts.assertEveryMessageConforms("resource-list.events.v1");
        assertThat(types(published, demand)).containsSubsequence("threelists.demand.submitted.v1",
                "threelists.demand.verified.v1", "threelists.demand.routed-to-party-group.v1",
                "threelists.slip.dispatched.v1",
                "threelists.slip.accepted.v1", "threelists.slip.checked-in.v1", "threelists.slip.checked-out.v1",
                "threelists.slip.reported.v1", "threelists.slip.satisfaction-recorded.v1",
                "threelists.slip.closed.v1", "threelists.demand.rated.v1");
        JsonNode closedEvent = one(published, demand, "threelists.slip.closed.v1").path("data");
        assertThat(closedEvent.path("hours").decimalValue()).isEqualByComparingTo(checkedHours);
        assertThat(closedEvent.path("checkedHours").decimalValue()).isEqualByComparingTo(checkedHours);
        assertThat(closedEvent.path("hoursSource").asText()).isEqualTo("CHECKED");
        assertThat(closedEvent.path("memberId").asText()).isEqualTo(volunteer);
        assertThat(closedEvent.path("homeUnitId").asText()).isEqualTo(unit);
        assertThat(closedEvent.path("satisfaction").asInt()).isEqualTo(5);
        List<JsonNode> escalations = published.stream().filter(m -> overdueDemand.equals(m.path("subject").asText())
                && "threelists.slip.escalated.v1".equals(m.path("type").asText())).toList();
        assertThat(escalations).extracting(m -> m.path("data").path("level").asText())
                .containsExactly("GROUP_LEADER", "COMMUNITY");
        for (JsonNode escalation : escalations) {
            assertThat(Instant.parse(escalation.path("data").path("due").asText())).isEqualTo(acceptBy);
        }
        assertThat(Instant.parse(escalations.get(0).path("time").asText())).isAfterOrEqualTo(acceptBy);
        assertThat(Instant.parse(escalations.get(1).path("time").asText()))
                .isAfterOrEqualTo(acceptBy.plusSeconds(RunningSystem.SLIP_TO_COMMUNITY_SECONDS));
        assertNamesNoOne(published.toString(), "demand-list.events.v1");
        assertNamesNoOne(resourceList.toString(), "resource-list.events.v1");

        // no public answer of any service names them, though the slip's problem and report name the resident
        for (String answer : PublicAnswers.all(year, List.of(printed))) {
            assertNamesNoOne(answer, "a public answer");
        }
        System.out.printf("the second lane end to end in %.1f s%n", Duration.between(began, Instant.now()).toMillis() / 1e3);
    }

    /** A community worker submits a need met while door-knocking at the group's building, and verifies it. */
    private static String doorKnockNeed(String category, String description) {
        Map<String, Object> need = new LinkedHashMap<>();
        need.put("communityCode", COMMUNITY);
        need.put("compound", "嘉福盐业小区");
        need.put("building", BUILDING);
        need.put("category", category);
        need.put("description", description);
        need.put("beneficiaries", 2);
        need.put("urgency", "HIGH");
        need.put("window", Map.of("start", DemoWorld.today().toString(), "end", DemoWorld.today().plusDays(7).toString()));
        need.put("estimatedHours", 1);
        need.put("resident", RESIDENT);
        String demandId = Api.post(DEMAND_LIST, COMMUNITY_WORKER, "/demands", need, 201).extract().path("demandId");
        Api.post(DEMAND_LIST, COMMUNITY_WORKER, "/demands/" + demandId + "/verify", null, 200);
        return demandId;
    }

    private static JsonNode dispatch(TestPartyGroup group, String demand, String memberId, String problem) {
        return Api.post(DEMAND_LIST, group.leaderToken(), "/slips", Map.of("demandId", demand, "memberId", memberId,
                "problem", problem), 201).extract().as(JsonNode.class);
    }

    private static String code(TestPartyGroup group, String slip, Map<String, Object> request) {
        return Api.post(DEMAND_LIST, group.leaderToken(), "/slips/" + slip + "/check-in-code", request, 200)
                .extract().path("code");
    }

    private static JsonNode demand(String demandId) {
        return Api.get(DEMAND_LIST, COMMUNITY_WORKER, "/demands/" + demandId).extract().as(JsonNode.class);
    }

    /** The hours a checked time counts for: the nearest quarter hour, at least one quarter (CheckedTime's rule). */
    private static BigDecimal quarterHours(Duration checked) {
        long quarters = Math.max(1, Math.round(checked.getSeconds() / 900.0));
        return new BigDecimal("0.25").multiply(BigDecimal.valueOf(quarters));
    }

    private static List<String> types(List<JsonNode> messages, String demandId) {
        return messages.stream().filter(m -> demandId.equals(m.path("subject").asText()))
                .map(m -> m.path("type").asText()).toList();
    }

    private static JsonNode one(List<JsonNode> messages, String demandId, String type) {
        List<JsonNode> found = messages.stream().filter(m -> demandId.equals(m.path("subject").asText())
                && type.equals(m.path("type").asText())).toList();
        assertThat(found).as(type + " of " + demandId).hasSize(1);
        return found.get(0);
    }

    private static JsonNode parse(String json) {
        try {
            return new ObjectMapper().readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<JsonNode> toList(JsonNode array) {
        List<JsonNode> items = new java.util.ArrayList<>();
        array.forEach(items::add);
        return items;
    }

    private static void assertNamesNoOne(String text, String what) {
        for (Map<String, String> person : List.of(LEADER, RESIDENT_MEMBER, VOLUNTEER, RESIDENT)) {
            assertThat(text).as(what).doesNotContain(person.get("name")).doesNotContain(person.get("phone"));
        }
    }
}
