package org.threelists.matchmaker.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.threelists.matchmaker.ProjectWorld;
import org.threelists.matchmaker.ProjectWorld.Unit;
import org.threelists.platform.json.ContractSchemas;
import org.threelists.platform.json.Json;
import org.threelists.testing.KafkaProbe;
import org.threelists.testing.PublishedContracts;
import org.threelists.testing.RealInfrastructure;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.threelists.matchmaker.Fixtures.as;
import static org.threelists.matchmaker.ProjectWorld.COMMUNITY_WORKER;
import static org.threelists.matchmaker.ProjectWorld.DESK;
import static org.threelists.matchmaker.ProjectWorld.assigned;
import static org.threelists.matchmaker.ProjectWorld.claimConfirmed;
import static org.threelists.matchmaker.ProjectWorld.claimRequested;
import static org.threelists.matchmaker.ProjectWorld.listedDemand;
import static org.threelists.matchmaker.ProjectWorld.messages;
import static org.threelists.matchmaker.ProjectWorld.publishedProposal;
import static org.threelists.matchmaker.ProjectWorld.refuse;
import static org.threelists.matchmaker.ProjectWorld.uniqueSkill;
import static org.threelists.matchmaker.ProjectWorld.unit;

/**
 * Every message the matchmaker produces on project-list.events.v1 — all fourteen types — validates against
 * contracts/schemas/project-list.events.v1.schema.json, names its project as subject and Kafka key, and comes from
 * /threelists/matchmaker.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class ProducedMessagesConformTest {

    static final List<String> TYPES = List.of("proposed", "published", "claim-requested", "claim-refused", "pledged",
            "claimed", "claim-released", "claim-expired", "scheduled", "delivered", "completed", "rated", "cancelled",
            "escalated");

    @Test
    void every_produced_message_of_every_type_validates_against_its_schema() {
        produceEveryKindOfMessage();

        List<JsonNode> messages = PublishedContracts.assertEveryMessageConforms(Topics.PROJECT_EVENTS);
        assertThat(KafkaProbe.readAll(Topics.PROJECT_EVENTS)).allSatisfy(r -> assertThat(r.value())
                .contains("\"subject\":\"" + r.key() + "\"").contains("\"projectId\":\"" + r.key() + "\""));
        assertThat(messages).allSatisfy(m -> assertThat(m.path("source").asText()).isEqualTo("/threelists/matchmaker"));
        Set<String> types = messages.stream().map(m -> m.path("type").asText()).collect(Collectors.toSet());
        assertThat(types).containsAll(TYPES.stream().map(t -> "threelists.project." + t + ".v1").toList());
    }

    @Test
    void a_message_that_breaks_the_contract_is_caught() throws IOException {
        JsonNode broken = Json.mapper().readTree("""
                {"specversion":"1.0","id":"%s","source":"/threelists/matchmaker","type":"threelists.project.rated.v1",
                 "subject":"%s","time":"2026-11-22T10:00:00Z","datacontenttype":"application/json",
                 "data":{"projectId":"%s","demandId":"%s","score":6,"allRated":true,"actor":"x"}}
                """.formatted(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID()));
        assertThat(ContractSchemas.violations(Topics.PROJECT_EVENTS, broken)).isNotEmpty();
    }

    private static void produceEveryKindOfMessage() {
        // proposed, published, claim-requested, claim-refused, then claim-expired and escalated (CRITICAL: 3 s in tests)
        String expiring = publishedProposal("OTHER", uniqueSkill(), "CRITICAL", 1, "CLAIM");
        Unit refused = unit("OTHER", List.of(), 5);
        String refusedClaim = as(refused.token()).body(Map.of("resourceId", refused.resourceId()))
                .post("/projects/{id}/claims", expiring).then().statusCode(202).extract().path("claimId");
        refuse(claimRequested(expiring, refusedClaim), "unit-not-active", "The unit has left the alliance");

        // pledged, claimed, claim-released, cancelled
        String pledged = publishedProposal("OTHER", uniqueSkill(), "NORMAL", 2, "PLEDGE");
        Unit pledger = unit("OTHER", List.of(), 5);
        String pledge = as(pledger.token()).body(Map.of("resourceId", pledger.resourceId(), "amount", 2))
                .post("/projects/{id}/pledges", pledged).then().statusCode(202).extract().path("claimId");
        claimConfirmed(pledged, pledge, 3);
        as(DESK).body(Map.of("reason", "改派")).post("/projects/{id}/release", pledged).then().statusCode(200);
        as(DESK).body(Map.of("reason", "需求已撤回")).post("/projects/{id}/cancel", pledged).then().statusCode(200);

        // scheduled, delivered, completed, rated
        Unit holder = unit("OTHER", List.of(), 5);
        String demand = listedDemand("OTHER", null, "LOW", 1);
        JsonPath created = assigned(holder, List.of(demand));
        String delivered = created.getString("projectId");
        claimConfirmed(delivered, created.getString("claims[0].claimId"), 4);
        String day = LocalDate.now().plusDays(1).toString();
        as(holder.token()).body(Map.of("date", day, "place", "嘉福社区活动室")).post("/projects/{id}/schedule", delivered)
                .then().statusCode(200);
        String today = LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).toString();
        as(holder.token()).body(Map.of("date", today, "place", "嘉福社区活动室", "residentsServed", 3,
                        "volunteers", List.of(Map.of("volunteerId", ProjectWorld.volunteer(holder), "hours", 1)),
                        "usedByClaim", Map.of(created.getString("claims[0].claimId"), 0.5)))
                .post("/projects/{id}/delivery", delivered).then().statusCode(200);
        as(COMMUNITY_WORKER).post("/projects/{id}/completion", delivered).then().statusCode(200);
        as(COMMUNITY_WORKER).body(Map.of("demandId", demand, "score", 4)).post("/projects/{id}/ratings", delivered)
                .then().statusCode(200);

        messages(expiring, "escalated", 1);
        messages(expiring, "claim-expired", 1);
        messages(pledged, "cancelled", 1);
        messages(delivered, "rated", 1);
        assertThat(messages(delivered, "delivered", 1).get(0).path("data").path("consumptions").get(0)
                .path("amount").asDouble()).isEqualTo(0.5);
    }
}
