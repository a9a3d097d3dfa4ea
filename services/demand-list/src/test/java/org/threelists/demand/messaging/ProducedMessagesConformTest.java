package org.threelists.demand.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.threelists.demand.Fixtures;
import org.threelists.demand.service.MunicipalIntake;
import org.threelists.platform.json.ContractSchemas;
import org.threelists.platform.json.Json;
import org.threelists.testing.KafkaProbe;
import org.threelists.testing.PublishedContracts;
import org.threelists.testing.RealInfrastructure;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.threelists.demand.Fixtures.JIAFU_WORKER;
import static org.threelists.demand.Fixtures.as;

/** Every message the service produces validates against its topic's JSON Schema in contracts/. */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class ProducedMessagesConformTest {

    @Test
    void every_produced_message_of_every_type_validates_against_its_schema() {
        produceEveryKindOfMessage();

        List<JsonNode> events = PublishedContracts.assertEveryMessageConforms(Topics.DEMAND_EVENTS);
        List<JsonNode> feedback = PublishedContracts.assertEveryMessageConforms(Topics.MUNICIPAL_FEEDBACK);
        assertThat(KafkaProbe.readAll(Topics.DEMAND_EVENTS)).allSatisfy(r -> assertThat(r.value()).contains(
                "\"subject\":\"" + r.key() + "\""));
        Set<String> types = events.stream().map(m -> m.path("type").asText()).collect(Collectors.toSet());
        assertThat(types).containsAll(List.of("submitted", "amended", "verified", "merged", "withdrawn", "rejected",
                "matched", "reopened", "work-started", "fulfilled", "rated", "resident-data-erased").stream()
                .map(t -> "threelists.demand." + t + ".v1").toList());
        assertThat(feedback).isNotEmpty();
    }

    @Test
    void a_message_that_breaks_the_contract_is_caught() throws IOException {
        JsonNode broken = Json.mapper().readTree("""
                {"specversion":"1.0","id":"%s","source":"/threelists/demand-list","type":"threelists.demand.rated.v1",
                 "subject":"%s","time":"2026-11-22T10:00:00Z","datacontenttype":"application/json",
                 "data":{"demandId":"%s","status":"RATED","actor":"x","score":9}}
                """.formatted(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID()));
        assertThat(ContractSchemas.violations(Topics.DEMAND_EVENTS, broken)).isNotEmpty();
    }

    private void produceEveryKindOfMessage() {
        String withdrawn = Fixtures.listed();
        as(JIAFU_WORKER).body(Map.of("reason", "已解决")).post("/demands/{id}/withdraw", withdrawn).then().statusCode(200);
        String rejected = Fixtures.submitted();
        as(JIAFU_WORKER).body(Map.of("reason", "不属于社区事务")).post("/demands/{id}/reject", rejected).then().statusCode(200);
        String original = Fixtures.listed();
        String merged = Fixtures.submitted();
        as(JIAFU_WORKER).body(Map.of("duplicateOf", original)).post("/demands/{id}/merge", merged).then().statusCode(200);
        Map<String, Object> amendment = Fixtures.with(Fixtures.legalAdviceDemand(), "communityCode", null);
        as(JIAFU_WORKER).body(amendment).post("/demands/{id}/amend", original).then().statusCode(200);
        as(JIAFU_WORKER).delete("/demands/{id}/resident", original).then().statusCode(200);

        String ticket = "12345-" + UUID.randomUUID();
        KafkaProbe.send(Topics.MUNICIPAL_REQUESTS, ticket, MunicipalIntakeTest.ticket(ticket, "jiafu"));
        String served = MunicipalIntake.demandIdOf(ticket);
        KafkaProbe.await(Topics.MUNICIPAL_FEEDBACK, r -> ticket.equals(r.key()), 1, Duration.ofSeconds(30));
        as(JIAFU_WORKER).body(Fixtures.REVIEWED).post("/demands/{id}/verify", served).then().statusCode(200);
        // The project list moves the demand on, as the matchmaker will.
        String project = ProjectListMessages.newProjectId();
        List<String> demands = List.of(served);
        ProjectListMessages.claimed(project, "jiafu", demands, List.of(ProjectListMessages.Holder.of(
                ProjectListMessages.COURT))).sendAndAwait();
        ProjectListMessages.scheduled(project, demands).sendAndAwait();
        ProjectListMessages.completed(project, demands).sendAndAwait();
        ProjectListMessages.rated(project, served, 2).sendAndAwait();

        KafkaProbe.await(Topics.DEMAND_EVENTS,
                r -> served.equals(r.key()) && r.value().contains("threelists.demand.reopened.v1"), 1, Duration.ofSeconds(30));
        KafkaProbe.await(Topics.MUNICIPAL_FEEDBACK,
                r -> ticket.equals(r.key()) && r.value().contains("\"reopened\""), 1, Duration.ofSeconds(30));
    }
}
