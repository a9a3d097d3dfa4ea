package org.threelists.matchmaker.api;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.threelists.matchmaker.projection.OpenDemandView;
import org.threelists.matchmaker.projection.ResourceRemainingView;
import org.threelists.testing.RealInfrastructure;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.threelists.matchmaker.Fixtures.DIANQIAN_DESK;
import static org.threelists.matchmaker.Fixtures.JIAFU_WORKER;
import static org.threelists.matchmaker.Fixtures.PROBLEMS;
import static org.threelists.matchmaker.Fixtures.as;
import static org.threelists.matchmaker.Fixtures.await;
import static org.threelists.matchmaker.Fixtures.change;
import static org.threelists.matchmaker.Fixtures.demandEvent;
import static org.threelists.matchmaker.Fixtures.newDemandId;
import static org.threelists.matchmaker.Fixtures.newUnitId;
import static org.threelists.matchmaker.Fixtures.offered;
import static org.threelists.matchmaker.Fixtures.publish;
import static org.threelists.matchmaker.Fixtures.reserved;
import static org.threelists.matchmaker.Fixtures.resourceEvent;
import static org.threelists.matchmaker.Fixtures.submitted;
import static org.threelists.matchmaker.Fixtures.unitEvent;
import static org.threelists.matchmaker.Fixtures.unitRegistered;
import static org.threelists.matchmaker.Fixtures.with;
import static org.threelists.matchmaker.messaging.Topics.DEMAND_EVENTS;
import static org.threelists.matchmaker.messaging.Topics.RESOURCE_EVENTS;

/** POST /plans (offline planning of an instance) and POST /plans/street (the desk's street from the read models). */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class PlanResourceTest {

    static Map<String, Object> demand(String id, String category, double hours) {
        return Map.of("id", id, "communityCode", "jiafu", "category", category, "urgency", "NORMAL", "estimatedHours", hours);
    }

    static Map<String, Object> resource(String id, String unitId, String category, double capacity) {
        return Map.of("id", id, "unitId", unitId, "categories", List.of(category), "serviceArea", List.of("jiafu"),
                "remainingCapacity", capacity);
    }

    static Map<String, String> assignments(JsonPath plan) {
        List<Map<String, Object>> list = plan.getList("assignments");
        return list.stream().collect(Collectors.toMap(a -> (String) a.get("demandId"), a -> (String) a.get("resourceId")));
    }

    @Test
    void a_desk_plans_an_instance_and_gets_the_optimal_assignment_not_the_greedy_one() {
        // R1 has 10 h: greedy gives it to A (0.9) and C falls back to R2 (0.3), 1.2 in all; B + C on R1 make 1.6.
        Map<String, Object> instance = Map.of(
                "demands", List.of(demand("A", "HEALTH", 10), demand("B", "HEALTH", 5), demand("C", "HEALTH", 5)),
                "resources", List.of(resource("R1", "unit-a", "HEALTH", 10), resource("R2", "unit-b", "HEALTH", 5)),
                "candidates", List.of(
                        Map.of("demandId", "A", "resourceId", "R1", "score", 0.9),
                        Map.of("demandId", "B", "resourceId", "R1", "score", 0.8),
                        Map.of("demandId", "C", "resourceId", "R1", "score", 0.8),
                        Map.of("demandId", "C", "resourceId", "R2", "score", 0.3)));

        JsonPath plan = as(DIANQIAN_DESK).body(instance).post("/plans").then().statusCode(200).extract().jsonPath();

        assertThat(assignments(plan)).containsExactlyInAnyOrderEntriesOf(Map.of("B", "R1", "C", "R1"));
        assertThat(plan.getList("unmatchedDemandIds")).containsExactly("A");
        assertThat(plan.getDouble("objective")).isEqualTo(1.6);
        assertThat(plan.getDouble("upperBound")).isEqualTo(1.6);
        assertThat(plan.getDouble("gap")).isZero();
        assertThat(plan.getString("method")).isEqualTo("cp-sat:OPTIMAL");
        assertThat(plan.getLong("solveMillis")).isNotNegative();
        assertThat(plan.getList("projects.demandIds.flatten()")).containsExactlyInAnyOrder("B", "C");
    }

    @Test
    void without_candidates_the_engine_pairs_by_category_and_explains_the_score() {
        Map<String, Object> instance = Map.of(
                "demands", List.of(demand("health", "HEALTH", 2), demand("legal", "LEGAL_ADVICE", 2)),
                "resources", List.of(resource("clinic", "unit-clinic", "HEALTH", 4), resource("court", "unit-court", "LEGAL_ADVICE", 4)));

        JsonPath plan = as(DIANQIAN_DESK).body(instance).post("/plans").then().statusCode(200).extract().jsonPath();

        assertThat(assignments(plan)).containsExactlyInAnyOrderEntriesOf(Map.of("health", "clinic", "legal", "court"));
        assertThat(plan.getMap("assignments[0].terms")).containsKeys("urgency", "skillFit", "proximity", "rating", "fairness");
    }

    @Test
    void an_instance_that_violates_the_schema_is_refused_with_every_violation() {
        Map<String, Object> bad = Map.of("demands", List.of(Map.of("id", "d", "communityCode", "jiafu",
                "category", "KARAOKE", "urgency", "HIGH", "estimatedHours", 0)), "extra", true);

        JsonPath problem = as(DIANQIAN_DESK).body(bad).post("/plans").then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo(PROBLEMS + "invalid-input"))
                .extract().jsonPath();

        assertThat(problem.getList("violations.field", String.class))
                .contains("demands[0].category", "demands[0].estimatedHours", "resources", "extra");
    }

    @Test
    void an_instance_the_schema_allows_but_the_engine_cannot_plan_is_refused() {
        Map<String, Object> instance = Map.of("demands", List.of(demand("d", "HEALTH", 1)),
                "resources", List.of(resource("r", "unit-a", "HEALTH", 4)),
                "candidates", List.of(Map.of("demandId", "d", "resourceId", "nowhere", "score", 0.5)));

        as(DIANQIAN_DESK).body(instance).post("/plans").then().statusCode(400)
                .body("type", equalTo(PROBLEMS + "invalid-input"))
                .body("violations[0].field", equalTo("instance"));
    }

    @Test
    void planning_needs_a_token() {
        given().contentType(ContentType.JSON).body(Map.of("demands", List.of(), "resources", List.of()))
                .post("/plans").then().statusCode(401).body("type", equalTo(PROBLEMS + "unauthenticated"));
        given().post("/plans/street").then().statusCode(401).body("type", equalTo(PROBLEMS + "unauthenticated"));
    }

    @Test
    void only_the_desk_plans() {
        as(JIAFU_WORKER).body(Map.of("demands", List.of(), "resources", List.of()))
                .post("/plans").then().statusCode(403).body("type", equalTo(PROBLEMS + "forbidden"));
        as(JIAFU_WORKER).post("/plans/street").then().statusCode(403).body("type", equalTo(PROBLEMS + "forbidden"));
    }

    @Test
    void the_street_plan_pairs_listed_demands_with_active_offers_within_this_months_remaining_capacity() {
        // A skill no other test uses, so that only this test's demands and offer can meet in 嘉福社区.
        String skill = "听力筛查-" + UUID.randomUUID().toString().substring(0, 6);
        String unitId = newUnitId();
        String resourceId = UUID.randomUUID().toString();
        String month = YearMonth.now(ZoneId.of("Asia/Shanghai")).toString();
        publish(RESOURCE_EVENTS, unitId, unitEvent("registered", unitRegistered(unitId, "dianqian", "jiafu")));
        publish(RESOURCE_EVENTS, unitId, resourceEvent("resource.offered",
                offered(resourceId, unitId, "LEGAL_ADVICE", List.of(skill), "jiafu", 8)));
        publish(RESOURCE_EVENTS, unitId, resourceEvent("capacity.reserved", reserved(resourceId, unitId, 3, month, 5)));
        String urgent = listedDemand(skill, "HIGH", 4.5);
        String lessUrgent = listedDemand(skill, "LOW", 3);      // 4.5 + 3 > the 5 hours left this month
        String unverified = newDemandId();
        publish(DEMAND_EVENTS, unverified, demandEvent("submitted", street(unverified, skill, "CRITICAL", 1)));
        await(() -> ResourceRemainingView.TABLE.count("resource_id = ?", resourceId), n -> n == 1);
        await(() -> OpenDemandView.TABLE.count("demand_id = any(?) and status = ?", List.of(urgent, lessUrgent), OpenDemandView.LISTED), n -> n == 2);
        await(() -> OpenDemandView.<OpenDemandView>findById(unverified), d -> true);

        JsonPath plan = as(DIANQIAN_DESK).post("/plans/street").then().statusCode(200).extract().jsonPath();

        assertThat(assignments(plan)).containsEntry(urgent, resourceId).doesNotContainKeys(lessUrgent, unverified);
        assertThat(plan.getList("unmatchedDemandIds")).contains(lessUrgent).doesNotContain(unverified);
        assertThat(plan.getList("projects.unitId")).contains(unitId);
    }

    private static String listedDemand(String skill, String urgency, double hours) {
        String id = newDemandId();
        publish(DEMAND_EVENTS, id, demandEvent("submitted", street(id, skill, urgency, hours)));
        publish(DEMAND_EVENTS, id, demandEvent("verified", change(id, "LISTED")));
        return id;
    }

    private static Map<String, Object> street(String id, String skill, String urgency, double hours) {
        Map<String, Object> data = with(with(with(with(submitted(id), "streetCode", "dianqian"), "communityCode", "jiafu"),
                "category", "LEGAL_ADVICE"), "requiredSkills", List.of(skill));
        data = with(with(data, "urgency", urgency), "estimatedHours", hours);
        return with(with(data, "compound", "嘉福盐业小区"), "window",
                Map.of("start", LocalDate.now().plusDays(3).toString(), "end", LocalDate.now().plusDays(20).toString()));
    }
}
