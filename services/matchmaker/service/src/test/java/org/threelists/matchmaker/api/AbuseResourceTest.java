package org.threelists.matchmaker.api;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.threelists.devkit.DevTokens;
import org.threelists.matchmaker.ProjectWorld;
import org.threelists.matchmaker.ProjectWorld.Unit;
import org.threelists.matchmaker.projection.ProjectView;
import org.threelists.testing.RealInfrastructure;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.threelists.matchmaker.Fixtures.DIANQIAN_DESK;
import static org.threelists.matchmaker.Fixtures.PROBLEMS;
import static org.threelists.matchmaker.Fixtures.as;
import static org.threelists.matchmaker.ProjectWorld.DESK;
import static org.threelists.matchmaker.ProjectWorld.OTHER_DESK;
import static org.threelists.matchmaker.ProjectWorld.assigned;
import static org.threelists.matchmaker.ProjectWorld.claimedBy;
import static org.threelists.matchmaker.ProjectWorld.listedDemand;
import static org.threelists.matchmaker.ProjectWorld.messages;
import static org.threelists.matchmaker.ProjectWorld.publishedProposal;
import static org.threelists.matchmaker.ProjectWorld.stored;
import static org.threelists.matchmaker.ProjectWorld.uniqueSkill;
import static org.threelists.matchmaker.ProjectWorld.unit;

/**
 * The smaller holes an attacker or a confused user would find: who won a project is not told to the loser; a unit
 * whose claim awaits its reservation is told so; a caller outside its scope gets 403 whatever its body; plan requests
 * are bounded; dates outside the records' years and amounts finer than two decimals are refused.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class AbuseResourceTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Test
    void a_losing_claimant_is_not_told_which_unit_won() {
        String projectId = publishedProposal("HEALTH", uniqueSkill(), "NORMAL", 2, "CLAIM");
        Unit first = unit("HEALTH", List.of(), 10);
        Unit second = unit("HEALTH", List.of(), 10);
        as(first.token()).body(Map.of("resourceId", first.resourceId())).post("/projects/{id}/claims", projectId)
                .then().statusCode(202);
        as(second.token()).body(Map.of("resourceId", second.resourceId())).post("/projects/{id}/claims", projectId)
                .then().statusCode(409).body("detail", not(containsString(first.unitId())))
                .body("detail", containsString("another unit"));
    }

    @Test
    void a_unit_whose_claim_awaits_its_reservation_is_told_so() {
        Unit unit = unit("HEALTH", List.of(), 10);
        String projectId = assigned(unit, List.of(listedDemand("HEALTH", null, "NORMAL", 2))).getString("projectId");
        as(unit.token()).body(Map.of("date", LocalDate.now().plusDays(3).toString(), "place", "嘉福社区"))
                .post("/projects/{id}/schedule", projectId).then().statusCode(409)
                .body("type", equalTo(PROBLEMS + "claim-pending"));
        as(unit.token()).body(Map.of("date", LocalDate.now().toString(), "place", "嘉福社区", "volunteers", List.of(),
                        "residentsServed", 1)).post("/projects/{id}/delivery", projectId).then().statusCode(409)
                .body("type", equalTo(PROBLEMS + "claim-pending"));
        Unit stranger = unit("HEALTH", List.of(), 10);
        as(stranger.token()).body(Map.of("date", LocalDate.now().plusDays(3).toString(), "place", "嘉福社区"))
                .post("/projects/{id}/schedule", projectId).then().statusCode(403);
    }

    @Test
    void a_caller_outside_its_scope_gets_403_whatever_its_body() {
        Unit unit = unit("HEALTH", List.of(), 10);
        String projectId = assigned(unit, List.of(listedDemand("HEALTH", null, "NORMAL", 2))).getString("projectId");
        long version = stored(projectId).version;
        Unit bystander = unit("HEALTH", List.of(), 10);
        String otherStreetUnit = DevTokens.unit("staff-x", bystander.unitId(), "heping");

        as(OTHER_DESK).body(Map.of("reason", "")).post("/projects/{id}/cancel", projectId).then().statusCode(403)
                .body("type", equalTo(PROBLEMS + "forbidden"));
        as(OTHER_DESK).body(Map.of("mode", "PLEDGE", "note", "x".repeat(3000))).post("/projects/{id}/publish", projectId)
                .then().statusCode(403);
        as(otherStreetUnit).body(Map.of("resourceId", "not-a-uuid")).post("/projects/{id}/claims", projectId)
                .then().statusCode(403);
        as(otherStreetUnit).body(Map.of("resourceId", "nope", "amount", -1)).post("/projects/{id}/pledges", projectId)
                .then().statusCode(403);
        as(bystander.token()).body(Map.of("place", "")).post("/projects/{id}/schedule", projectId).then().statusCode(403);
        as(bystander.token()).body(Map.of("volunteers", List.of(Map.of("hours", 99)))).post("/projects/{id}/delivery",
                projectId).then().statusCode(403);
        as(DevTokens.community("li-ming", ProjectWorld.STREET, "other")).body(Map.of("score", 9))
                .post("/projects/{id}/ratings", projectId).then().statusCode(403);

        as(DESK).body(Map.of("reason", "")).post("/projects/{id}/cancel", projectId).then().statusCode(400)
                .body("violations[0].field", equalTo("reason"));
        assertThat(stored(projectId).version).isEqualTo(version);
        assertThat(stored(projectId).status).isEqualTo(org.threelists.matchmaker.domain.ProjectStatus.CLAIM_PENDING);
    }

    @Test
    void a_schedule_dated_outside_the_records_years_is_refused_and_changes_nothing() {
        Unit holder = unit("HEALTH", List.of(), 10);
        String projectId = claimedBy(holder, "HEALTH");
        long version = stored(projectId).version;

        // Jackson reads all of these as dates; a year of more than four digits cannot travel on the topics, and
        // one beyond PostgreSQL's range could not even be stored.
        for (String date : List.of("+10000-01-01", "-0001-01-01", "+999999999-12-31", "1999-12-31")) {
            as(holder.token()).body(Map.of("date", date, "place", "嘉福社区党群服务中心"))
                    .post("/projects/{id}/schedule", projectId).then().statusCode(400)
                    .body("type", equalTo(PROBLEMS + "invalid-input"))
                    .body("violations[0].field", equalTo("date"));
            as(holder.token()).body(Map.of("date", date, "place", "嘉福社区党群服务中心", "residentsServed", 1,
                            "volunteers", List.of())).post("/projects/{id}/delivery", projectId).then().statusCode(400)
                    .body("violations[0].field", equalTo("report.date"));
        }
        assertThat(stored(projectId).version).isEqualTo(version);
        assertThat(stored(projectId).scheduledDate).isNull();

        // The one schedule that stood is the only one published (the relay sends a project's events in order).
        String day = LocalDate.now(SHANGHAI).plusDays(2).toString();
        as(holder.token()).body(Map.of("date", day, "place", "嘉福社区党群服务中心"))
                .post("/projects/{id}/schedule", projectId).then().statusCode(200);
        assertThat(messages(projectId, "scheduled", 1)).extracting(m -> m.path("data").path("date").asText())
                .containsExactly(day);
    }

    @Test
    void an_amount_with_more_than_two_decimals_is_refused_and_changes_nothing() {
        Unit unit = unit("HEALTH", List.of(), 10);
        String demand = listedDemand("HEALTH", null, "NORMAL", 2);
        as(DESK).body(Map.of("demandIds", List.of(demand), "unitId", unit.unitId(), "resourceId", unit.resourceId(),
                        "need", Map.of("amount", new BigDecimal("2.125"), "unit", "SERVICE_HOURS")))
                .post("/projects").then().statusCode(400)
                .body("type", equalTo(PROBLEMS + "invalid-input"))
                .body("violations[0].field", equalTo("need.amount"));
        assertThat(QuarkusTransaction.requiringNew().call(() -> ProjectView.TABLE.count("? = any(demand_ids)", demand)))
                .isZero();

        String projectId = publishedProposal("HEALTH", uniqueSkill(), "NORMAL", 4, "PLEDGE");
        long version = stored(projectId).version;
        as(unit.token()).body(Map.of("resourceId", unit.resourceId(), "amount", new BigDecimal("1.125")))
                .post("/projects/{id}/pledges", projectId).then().statusCode(400)
                .body("violations[0].field", equalTo("amount"));
        assertThat(stored(projectId).version).isEqualTo(version);
        assertThat(stored(projectId).covered).isEqualByComparingTo("0");

        String held = claimedBy(unit, "HEALTH");
        String claimId = as(unit.token()).get("/projects/{id}", held).then().statusCode(200).extract()
                .path("claims[0].claimId");
        long heldVersion = stored(held).version;
        as(unit.token()).body(Map.of("date", LocalDate.now(SHANGHAI).toString(), "place", "嘉福社区",
                        "residentsServed", 1, "volunteers", List.of(), "usedByClaim", Map.of(claimId,
                                new BigDecimal("1.005")))).post("/projects/{id}/delivery", held).then().statusCode(400)
                .body("violations[0].field", startsWith("usedByClaim"));
        assertThat(stored(held).version).isEqualTo(heldVersion);
    }

    @Test
    void a_ten_mebibyte_plan_request_is_refused_before_it_is_read() throws Exception {
        byte[] body = ("{\"demands\":[" + "{\"id\":\"d\",\"communityCode\":\"jiafu\"},".repeat(10 * 1024 * 1024 / 40)
                + "{}]}").getBytes(StandardCharsets.UTF_8);
        String head = "POST /plans HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + DIANQIAN_DESK
                + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length + "\r\nConnection: close\r\n\r\n";
        // A raw connection: the body is sent from another thread, and the server may answer (and close) before it
        // has read it all, which is the point.
        try (Socket socket = new Socket("localhost", io.restassured.RestAssured.port)) {
            socket.setSoTimeout(60_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            Thread writer = new Thread(() -> {
                try {
                    out.write(body);
                    out.flush();
                } catch (IOException refusedMidway) {
                    // the server answered and closed before the whole body was sent
                }
            });
            writer.start();
            String status = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
                    .readLine();
            assertThat(status).startsWith("HTTP/1.1 413");
            writer.join(30_000);
        }
    }

    @Test
    void a_plan_with_more_demands_than_one_plan_takes_is_refused() {
        List<Map<String, Object>> demands = new ArrayList<>();
        for (int i = 0; i <= MatchingInstanceSchema.MAX_DEMANDS; i++) {
            demands.add(PlanResourceTest.demand("d" + i, "HEALTH", 1));
        }
        JsonPath problem = as(DIANQIAN_DESK).body(Map.of("demands", demands, "resources",
                        List.of(PlanResourceTest.resource("r", "unit-a", "HEALTH", 4))))
                .post("/plans").then().statusCode(400).extract().jsonPath();
        assertThat(problem.getString("violations[0].field")).isEqualTo("demands");
        assertThat(problem.getString("detail")).contains("at most 5000");
    }
}
