package org.threelists.matchmaker.deadline;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.threelists.matchmaker.ProjectWorld.Unit;
import org.threelists.matchmaker.projection.EscalationView;
import org.threelists.matchmaker.projection.ProjectDeadline;
import org.threelists.matchmaker.projection.ProjectView;
import org.threelists.testing.RealInfrastructure;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.threelists.matchmaker.Fixtures.as;
import static org.threelists.matchmaker.Fixtures.await;
import static org.threelists.matchmaker.Fixtures.sleep;
import static org.threelists.matchmaker.ProjectWorld.DESK;
import static org.threelists.matchmaker.ProjectWorld.assigned;
import static org.threelists.matchmaker.ProjectWorld.claim;
import static org.threelists.matchmaker.ProjectWorld.claimConfirmed;
import static org.threelists.matchmaker.ProjectWorld.claimRequested;
import static org.threelists.matchmaker.ProjectWorld.listedDemand;
import static org.threelists.matchmaker.ProjectWorld.messages;
import static org.threelists.matchmaker.ProjectWorld.publishedProposal;
import static org.threelists.matchmaker.ProjectWorld.refuse;
import static org.threelists.matchmaker.ProjectWorld.stored;
import static org.threelists.matchmaker.ProjectWorld.uniqueSkill;
import static org.threelists.matchmaker.ProjectWorld.unit;

/**
 * The time limits fire (the test profile gives CRITICAL projects 3-second deadlines and polls every 0.5 s): a claim
 * deadline nobody met escalates to the desk and puts the project back on the list; a completion deadline escalates
 * once with the holders; a claim deadline that passes while a claim awaits resource-list's answer waits for it; a
 * project a unit gives back after its claim deadline escalates at once; a unit's 揭榜 nobody approved or refused
 * escalates once and stays for the desk's decision.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class DeadlineTest {

    @Test
    void a_claim_deadline_nobody_met_escalates_to_the_desk_and_the_project_is_claimable_again() {
        String projectId = publishedProposal("SAFETY", uniqueSkill(), "CRITICAL", 2, "CLAIM");
        Instant firstDeadline = stored(projectId).claimDeadline;
        Unit patrol = unit("SAFETY", List.of(), 10);

        JsonPath escalation = await(() -> as(DESK).queryParam("deadline", "CLAIM").queryParam("size", 100)
                .get("/escalations").then().statusCode(200).extract().jsonPath(),
                page -> page.getList("items.projectId").contains(projectId));
        int index = escalation.getList("items.projectId").lastIndexOf(projectId);
        assertThat(Instant.parse(escalation.getString("items[" + index + "].dueAt"))).isEqualTo(firstDeadline);
        assertThat(escalation.getString("items[" + index + "].escalatedBy")).isEqualTo("matchmaker");
        ProjectView back = await(() -> ProjectView.<ProjectView>findById(projectId), p -> p.claimDeadline.isAfter(firstDeadline));
        assertThat(back.status.name()).isEqualTo("PUBLISHED");
        assertThat(back.escalations).isPositive();
        JsonNode expired = messages(projectId, "claim-expired", 1).get(0).path("data");
        assertThat(Instant.parse(expired.path("claimDeadline").asText())).isAfter(firstDeadline);
        assertThat(messages(projectId, "escalated", 1).get(0).path("data").path("deadline").asText()).isEqualTo("CLAIM");
        assertThat(as(patrol.token()).get("/projects/claimable?size=100").then().statusCode(200).extract().jsonPath()
                .getList("items.projectId")).contains(projectId);
        // the next claim deadline (3 s here) can pass at the moment the claim arrives: the loser of that race is
        // told 409 "changed concurrently" and retries, as a client would
        int claimed = await(() -> as(patrol.token()).body(Map.of("resourceId", patrol.resourceId()))
                .post("/projects/{id}/claims", projectId).then().extract().statusCode(), status -> status != 409);
        assertThat(claimed).isEqualTo(202);
        assertThat(stored(projectId).status.name()).isEqualTo("CLAIM_PENDING");
    }

    @Test
    void a_claim_deadline_that_passes_while_a_claim_awaits_its_reservation_waits_for_the_answer() {
        String projectId = publishedProposal("HARDSHIP_HELP", uniqueSkill(), "CRITICAL", 2, "CLAIM");
        Unit helper = unit("HARDSHIP_HELP", List.of(), 10);
        String claimId = claim(helper, projectId);

        sleep(4500);
        assertThat(stored(projectId).status.name()).isEqualTo("CLAIM_PENDING");
        assertThat(escalations(projectId, "CLAIM")).isZero();

        refuse(claimRequested(projectId, claimId), "resource-withdrawn", "The offer was withdrawn");
        messages(projectId, "claim-expired", 1);
        assertThat(await(() -> escalations(projectId, "CLAIM"), n -> n >= 1)).isPositive();
    }

    @Test
    void a_completion_deadline_escalates_once_with_the_holders() {
        Unit holder = unit("DISPUTE_MEDIATION", List.of(), 10);
        String demand = listedDemand("DISPUTE_MEDIATION", null, "CRITICAL", 2);
        JsonPath created = assigned(holder, List.of(demand));
        String projectId = created.getString("projectId");
        ProjectView claimed = claimConfirmed(projectId, created.getString("claims[0].claimId"), 8);

        JsonNode escalated = await(() -> messages(projectId, "escalated", 1).stream()
                .filter(m -> m.path("data").path("deadline").asText().equals("COMPLETION")).findFirst().orElse(null),
                m -> true).path("data");
        assertThat(Instant.parse(escalated.path("dueAt").asText())).isEqualTo(claimed.completionDeadline);
        assertThat(escalated.path("unitIds").get(0).asText()).isEqualTo(holder.unitId());
        sleep(2000);
        assertThat(escalations(projectId, "COMPLETION")).isEqualTo(1);
        assertThat(stored(projectId).status.name()).isEqualTo("CLAIMED");
        as(DESK).queryParam("deadline", "COMPLETION").queryParam("size", 100).get("/escalations").then().statusCode(200)
                .body("items.find { it.projectId == '" + projectId + "' }.unitIds[0]", equalTo(holder.unitId()));
    }

    @Test
    void a_project_a_unit_gives_back_after_its_claim_deadline_escalates_at_the_next_poll() {
        Unit holder = unit("SAFETY", List.of(), 10);
        String projectId = publishedProposal("SAFETY", uniqueSkill(), "CRITICAL", 2, "CLAIM");
        String claimId = claim(holder, projectId);
        Instant deadline = stored(projectId).claimDeadline;
        claimConfirmed(projectId, claimId, 8);
        sleep(Math.max(0, Duration.between(Instant.now(), deadline).toMillis()) + 500);
        assertThat(escalations(projectId, "CLAIM")).isZero();

        // giving back does not buy a new wait: the deadline it was taken under has passed, so the desk is told at once
        as(holder.token()).body(Map.of("reason", "人手不足")).post("/projects/{id}/release", projectId).then()
                .statusCode(200).body("status", equalTo("PUBLISHED"));
        JsonNode escalated = await(() -> messages(projectId, "escalated", 1).stream()
                .filter(m -> m.path("data").path("deadline").asText().equals("CLAIM")).findFirst().orElse(null),
                m -> true).path("data");
        assertThat(Instant.parse(escalated.path("dueAt").asText())).isEqualTo(deadline);
        ProjectView back = await(() -> ProjectView.<ProjectView>findById(projectId), p -> p.claimDeadline.isAfter(deadline));
        assertThat(back.status.name()).isEqualTo("PUBLISHED");
    }

    @Test
    void a_volunteering_nobody_decided_on_escalates_once_and_the_desk_refuses_it_with_a_reason() {
        Unit agency = unit("ELDER_CARE", List.of(), 10);
        String demand = listedDemand("ELDER_CARE", null, "CRITICAL", 2);
        String projectId = as(agency.token()).body(Map.of("resourceId", agency.resourceId(), "note", "我们来揭榜"))
                .post("/demands/{id}/volunteer", demand).then().statusCode(201).extract().path("projectId");
        ProjectDeadline wait = QuarkusTransaction.requiringNew().call(() ->
                ProjectDeadline.findById(new ProjectDeadline.Key(projectId, "APPROVAL")));
        assertThat(wait.dueAt).isEqualTo(stored(projectId).proposedAt.plusSeconds(3).truncatedTo(ChronoUnit.MILLIS));

        JsonNode escalated = await(() -> messages(projectId, "escalated", 1).get(0), m -> true).path("data");
        assertThat(escalated.path("deadline").asText()).isEqualTo("APPROVAL");
        assertThat(Instant.parse(escalated.path("dueAt").asText())).isEqualTo(wait.dueAt);
        assertThat(escalated.path("unitIds").get(0).asText()).isEqualTo(agency.unitId());
        as(DESK).queryParam("deadline", "APPROVAL").queryParam("size", 100).get("/escalations").then().statusCode(200)
                .body("items.find { it.projectId == '" + projectId + "' }.projectStatus", equalTo("PROPOSED"));
        sleep(1500);
        assertThat(escalations(projectId, "APPROVAL")).isEqualTo(1);
        assertThat(stored(projectId).status.name()).isEqualTo("PROPOSED");

        // the desk's exit: refused with a reason, the demand is free for the engine and other units again
        as(DESK).body(Map.of("reason", "该单位服务区域与需求不符")).post("/projects/{id}/cancel", projectId).then()
                .statusCode(200).body("status", equalTo("CANCELLED"));
        assertThat(messages(projectId, "cancelled", 1).get(0).path("data").path("reason").asText())
                .isEqualTo("该单位服务区域与需求不符");
        as(agency.token()).body(Map.of("resourceId", agency.resourceId())).post("/demands/{id}/volunteer", demand)
                .then().statusCode(201);
    }

    static long escalations(String projectId, String kind) {
        return io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() ->
                EscalationView.TABLE.count("project_id = ? and deadline = ?", projectId, kind));
    }
}
