package org.threelists.resource.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.threelists.resource.Fixtures;
import org.threelists.testing.KafkaProbe;
import org.threelists.testing.PublishedContracts;
import org.threelists.testing.RealInfrastructure;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.threelists.resource.Fixtures.DIANQIAN_DESK;
import static org.threelists.resource.Fixtures.as;
import static org.threelists.resource.messaging.ResourceListEventMapper.TOPIC;

/** Every message resource-list produces validates against contracts/, is keyed by its unit, and names no person. */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class ProducedMessagesConformTest {

    @Test
    void every_kind_of_message_conforms_is_keyed_by_unit_and_carries_no_personal_data() {
        String unitId = Fixtures.registeredUnit();
        String unitToken = Fixtures.unitToken(unitId);
        as(unitToken).body(Map.of("name", "湖里区人民法院", "kind", "GOVERNMENT_BODY", "communities", List.of("jiafu")))
                .post("/units/{id}/amend", unitId).then().statusCode(200);
        String resourceId = Fixtures.offered(unitId, 20);
        Map<String, Object> amended = Fixtures.legalAdvice(unitId, 24, "TOTAL");
        amended.remove("unitId");
        amended.remove("type");
        as(unitToken).body(amended).post("/resources/{id}/amend", resourceId).then().statusCode(200);
        as(unitToken).body(Map.of("projectId", "p-kept", "amount", 4)).post("/resources/{id}/reservations", resourceId)
                .then().statusCode(201);
        as(unitToken).body(Map.of("projectId", "p-released", "amount", 2)).post("/resources/{id}/reservations", resourceId)
                .then().statusCode(201);
        as(unitToken).delete("/resources/{id}/reservations/{p}", resourceId, "p-released").then().statusCode(200);
        as(unitToken).body(Map.of("amount", 3.5)).post("/resources/{id}/reservations/{p}/consume", resourceId, "p-kept")
                .then().statusCode(200);
        String refusedClaim = ProjectListMessages.newClaimId();
        ProjectListMessages.publish(ProjectListMessages.claimRequested(ProjectListMessages.newProjectId(), refusedClaim,
                unitId, resourceId, 100, "TOTAL"));
        ProjectListMessages.awaitAnswer("capacity.refused", refusedClaim);
        as(unitToken).body(Map.of("reason", "法官轮岗")).post("/resources/{id}/withdraw", resourceId).then().statusCode(200);
        String volunteerId = as(unitToken).body(Map.of("unitId", unitId, "homeCommunity", "jiafu",
                        "skills", List.of("法律咨询"), "person", Map.of("name", "王小明", "phone", "13900000007"), "consent", true))
                .post("/volunteers").then().statusCode(201).extract().path("volunteerId");
        as(unitToken).body(Map.of("homeCommunity", "jiafu", "skills", List.of("法律咨询", "调解")))
                .post("/volunteers/{id}/amend", volunteerId).then().statusCode(200);
        as(unitToken).delete("/volunteers/{id}/personal-data", volunteerId).then().statusCode(200);
        as(unitToken).body(Map.of("reason", "调离")).post("/volunteers/{id}/leave", volunteerId).then().statusCode(200);
        as(DIANQIAN_DESK).body(Map.of("reason", "单位搬迁")).post("/units/{id}/leave", unitId).then().statusCode(200);
        as(DIANQIAN_DESK).post("/units/{id}/rejoin", unitId).then().statusCode(200);

        List<ConsumerRecord<String, String>> records = KafkaProbe.await(TOPIC,
                r -> unitId.equals(r.key()) && r.value().contains("threelists.unit.rejoined.v1"), 1, Duration.ofSeconds(30));
        assertThat(records).isNotEmpty();
        List<JsonNode> messages = PublishedContracts.assertEveryMessageConforms(TOPIC);

        List<ConsumerRecord<String, String>> ofUnit = KafkaProbe.readAll(TOPIC).stream()
                .filter(r -> r.value().contains(unitId)).toList();
        assertThat(ofUnit).allSatisfy(r -> assertThat(r.key()).isEqualTo(unitId));
        assertThat(ofUnit).extracting(ConsumerRecord::value)
                .allSatisfy(v -> assertThat(v).doesNotContain("王小明").doesNotContain("13900000007").doesNotContain("0592-5600000"));
        // reasons are typed by people and may name one: kept in resource-list (its API shows them), never published
        assertThat(ofUnit).extracting(ConsumerRecord::value)
                .allSatisfy(v -> assertThat(v).doesNotContain("法官轮岗").doesNotContain("调离").doesNotContain("单位搬迁"));
        as(unitToken).get("/resources/{id}", resourceId).then().statusCode(200)
                .body("statusReason", org.hamcrest.Matchers.equalTo("法官轮岗"));
        Set<String> types = messages.stream().filter(m -> m.path("data").path("unitId").asText().equals(unitId))
                .map(m -> m.path("type").asText()).collect(Collectors.toSet());
        assertThat(types).containsExactlyInAnyOrderElementsOf(List.of("unit.registered", "unit.amended", "unit.left",
                "unit.rejoined", "resource.offered", "resource.amended", "resource.withdrawn", "capacity.reserved",
                "capacity.released", "capacity.consumed", "capacity.refused", "volunteer.registered", "volunteer.amended",
                "volunteer.left", "volunteer.data-erased").stream().map(t -> "threelists." + t + ".v1").toList());
        assertThat(ofUnit).extracting(ConsumerRecord::value)
                .anySatisfy(v -> assertThat(v).contains("\"maskedName\":\"王*明\""));
    }
}
