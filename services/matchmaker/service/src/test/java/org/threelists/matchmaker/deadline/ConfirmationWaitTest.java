package org.threelists.matchmaker.deadline;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.threelists.devkit.DevTokens;
import org.threelists.matchmaker.ProjectWorld;
import org.threelists.matchmaker.ProjectWorld.Unit;
import org.threelists.matchmaker.projection.ProjectDeadline;
import org.threelists.matchmaker.projection.ProjectView;
import org.threelists.testing.RealInfrastructure;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.threelists.matchmaker.Fixtures.PROBLEMS;
import static org.threelists.matchmaker.Fixtures.as;
import static org.threelists.matchmaker.Fixtures.await;
import static org.threelists.matchmaker.Fixtures.sleep;
import static org.threelists.matchmaker.ProjectWorld.COMMUNITY_WORKER;
import static org.threelists.matchmaker.ProjectWorld.DESK;
import static org.threelists.matchmaker.ProjectWorld.OTHER_DESK;
import static org.threelists.matchmaker.ProjectWorld.assigned;
import static org.threelists.matchmaker.ProjectWorld.claimConfirmed;
import static org.threelists.matchmaker.ProjectWorld.listedDemand;
import static org.threelists.matchmaker.ProjectWorld.messages;
import static org.threelists.matchmaker.ProjectWorld.types;
import static org.threelists.matchmaker.ProjectWorld.stored;
import static org.threelists.matchmaker.ProjectWorld.unit;

/**
 * The confirmation wait (README "Confirmation wait"; the test profile gives CRITICAL deliveries 3 seconds and polls
 * every 0.5 s): a delivery its community leaves unconfirmed escalates to the desk once, which may then confirm it on
 * the community's behalf with a reason — published as the completion consumers count — while the community may still
 * confirm it itself. Refusals change nothing.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class ConfirmationWaitTest {

    static final String TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
    static final String DESK_ACCOUNT = "desk:desk-dianqian";
    static final String REASON = "协调台已电话联系嘉福社区王书记，确认调解已于本周完成";

    @Test
    void an_unconfirmed_delivery_escalates_once_and_the_desk_confirms_it_for_the_community_with_a_reason() {
        Unit holder = unit("DISPUTE_MEDIATION", List.of(), 10);
        String projectId = delivered(holder, "DISPUTE_MEDIATION", "CRITICAL");
        ProjectView delivered = stored(projectId);
        assertThat(delivered.confirmationDeadline).isNotNull();

        String item = "items.find { it.projectId == '" + projectId + "' }";
        await(() -> escalatedConfirmations().getList("items.projectId", String.class),
                ids -> ids.contains(projectId));
        JsonPath escalation = escalatedConfirmations();
        assertThat(Instant.parse(escalation.getString(item + ".dueAt"))).isEqualTo(delivered.confirmationDeadline);
        assertThat(escalation.getList(item + ".unitIds")).containsExactly(holder.unitId());
        assertThat(escalation.getString(item + ".projectStatus")).isEqualTo("DELIVERED");
        assertThat(escalation.getString(item + ".escalatedBy")).isEqualTo("matchmaker");
        JsonNode escalated = messages(projectId, "escalated", 1).stream()
                .filter(m -> m.path("data").path("deadline").asText().equals("CONFIRMATION")).findFirst().orElseThrow()
                .path("data");
        assertThat(Instant.parse(escalated.path("dueAt").asText())).isEqualTo(delivered.confirmationDeadline);
        // the poller keeps polling: the wait escalated once, and its row is gone
        sleep(1500);
        assertThat(DeadlineTest.escalations(projectId, "CONFIRMATION")).isEqualTo(1);
        assertThat(confirmationDeadline(projectId)).isNull();
        assertThat(stored(projectId).status.name()).isEqualTo("DELIVERED");

        long version = stored(projectId).version;
        as(DESK).body(Map.of()).post("/projects/{id}/completion-on-behalf", projectId).then().statusCode(400)
                .body("type", equalTo(PROBLEMS + "invalid-input")).body("violations[0].field", equalTo("reason"));
        as(DESK).body(Map.of("reason", "  ")).post("/projects/{id}/completion-on-behalf", projectId).then()
                .statusCode(400).body("violations[0].field", equalTo("reason"));
        as(holder.token()).body(Map.of("reason", REASON)).post("/projects/{id}/completion-on-behalf", projectId)
                .then().statusCode(403).body("type", equalTo(PROBLEMS + "forbidden"));
        as(OTHER_DESK).body(Map.of("reason", REASON)).post("/projects/{id}/completion-on-behalf", projectId)
                .then().statusCode(403);
        assertThat(stored(projectId).version).isEqualTo(version);
        assertThat(types(projectId)).doesNotContain("completed");

        JsonPath confirmed = as(DESK).body(Map.of("reason", REASON))
                .post("/projects/{id}/completion-on-behalf", projectId).then().statusCode(200).extract().jsonPath();
        assertThat(confirmed.getString("status")).isEqualTo("COMPLETED");
        assertThat(confirmed.getBoolean("completion.onBehalfOfCommunity")).isTrue();
        assertThat(confirmed.getString("completion.confirmedBy")).isEqualTo(DESK_ACCOUNT);
        assertThat(confirmed.getString("completion.reason")).isEqualTo(REASON);
        ProjectView completed = stored(projectId);
        assertThat(completed.status.name()).isEqualTo("COMPLETED");
        assertThat(completed.completedBy).isEqualTo(DESK_ACCOUNT);
        assertThat(completed.confirmedOnBehalf).isTrue();
        assertThat(completed.onBehalfReason).isEqualTo(REASON);

        JsonNode completion = messages(projectId, "completed", 1).get(0).path("data");
        assertThat(completion.path("confirmedBy").asText()).isEqualTo(DESK_ACCOUNT);
        assertThat(completion.path("confirmedOnBehalf").asBoolean()).isTrue();
        assertThat(completion.path("demandIds")).hasSize(1);
        assertThat(completion.toString()).as("the reason may name residents: it stays in the matchmaker")
                .doesNotContain("王书记");
        // the holder reads that the desk confirmed, not why; the auditor reads why
        JsonPath seenByHolder = as(holder.token()).get("/projects/{id}", projectId).then().statusCode(200).extract()
                .jsonPath();
        assertThat(seenByHolder.getBoolean("completion.onBehalfOfCommunity")).isTrue();
        assertThat(seenByHolder.getString("completion.reason")).isNull();
        assertThat(as(DevTokens.auditor("auditor-dianqian", ProjectWorld.STREET)).get("/projects/{id}", projectId)
                .then().statusCode(200).extract().jsonPath().getString("completion.reason")).isEqualTo(REASON);
        // still in the desk's queue, now shown as handled; confirming again is refused
        as(DESK).queryParam("deadline", "CONFIRMATION").queryParam("size", 100).get("/escalations").then()
                .statusCode(200).body(item + ".projectStatus", equalTo("COMPLETED"));
        as(DESK).body(Map.of("reason", REASON)).post("/projects/{id}/completion-on-behalf", projectId).then()
                .statusCode(409).body("type", equalTo(PROBLEMS + "illegal-transition"));
        assertThat(messages(projectId, "completed", 1)).hasSize(1);
    }

    @Test
    void the_community_still_confirms_an_escalated_delivery_itself() {
        Unit holder = unit("SANITATION", List.of(), 10);
        String projectId = delivered(holder, "SANITATION", "CRITICAL");
        await(() -> DeadlineTest.escalations(projectId, "CONFIRMATION"), n -> n == 1);

        as(COMMUNITY_WORKER).post("/projects/{id}/completion", projectId).then().statusCode(200)
                .body("status", equalTo("COMPLETED")).body("completion.onBehalfOfCommunity", equalTo(false));
        JsonNode completion = messages(projectId, "completed", 1).get(0).path("data");
        assertThat(completion.path("confirmedBy").asText()).isEqualTo("community:wang-fang");
        assertThat(completion.has("confirmedOnBehalf")).isFalse();
        assertThat(stored(projectId).confirmedOnBehalf).isFalse();
    }

    @Test
    void before_the_wait_has_passed_the_desk_is_refused_and_the_community_confirms() {
        Unit holder = unit("LEGAL_ADVICE", List.of(), 10);
        String projectId = delivered(holder, "LEGAL_ADVICE", "NORMAL");
        ProjectView delivered = stored(projectId);
        // a week from the delivery, in whole milliseconds
        assertThat(Duration.between(delivered.updatedAt, delivered.confirmationDeadline))
                .isBetween(Duration.ofDays(7).minusMillis(1), Duration.ofDays(7));
        assertThat(confirmationDeadline(projectId)).as("the delivery starts its confirmation wait").isNotNull()
                .extracting(row -> row.dueAt).isEqualTo(delivered.confirmationDeadline);

        as(DESK).body(Map.of("reason", REASON)).post("/projects/{id}/completion-on-behalf", projectId).then()
                .statusCode(409).body("type", equalTo(PROBLEMS + "illegal-transition"))
                .body("detail", org.hamcrest.Matchers.containsString("awaits its community's confirmation"));
        assertThat(stored(projectId).version).isEqualTo(delivered.version);

        as(COMMUNITY_WORKER).post("/projects/{id}/completion", projectId).then().statusCode(200)
                .body("completion.confirmedBy", equalTo("community:wang-fang"));
        assertThat(confirmationDeadline(projectId)).as("a confirmed delivery waits for nothing").isNull();
        messages(projectId, "completed", 1);
        assertThat(DeadlineTest.escalations(projectId, "CONFIRMATION")).isZero();
    }

    private static JsonPath escalatedConfirmations() {
        return as(DESK).queryParam("deadline", "CONFIRMATION").queryParam("size", 100).get("/escalations").then()
                .statusCode(200).extract().jsonPath();
    }

    /** A project the desk assigned to {@code holder}, claimed, and delivered today by one of its volunteers. */
    static String delivered(Unit holder, String category, String urgency) {
        String demand = listedDemand(category, null, urgency, 2);
        JsonPath created = assigned(holder, List.of(demand));
        String projectId = created.getString("projectId");
        claimConfirmed(projectId, created.getString("claims[0].claimId"), 8);
        String volunteer = ProjectWorld.volunteer(holder);
        as(holder.token()).body(Map.of("date", TODAY, "place", "嘉福社区调解室", "residentsServed", 3,
                        "volunteers", List.of(Map.of("volunteerId", volunteer, "hours", 2))))
                .post("/projects/{id}/delivery", projectId).then().statusCode(200).body("status", equalTo("DELIVERED"));
        return projectId;
    }

    private static ProjectDeadline confirmationDeadline(String projectId) {
        return io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() ->
                ProjectDeadline.findById(new ProjectDeadline.Key(projectId, "CONFIRMATION")));
    }

}
