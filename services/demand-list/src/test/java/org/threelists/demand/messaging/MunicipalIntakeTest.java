package org.threelists.demand.messaging;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.threelists.demand.Fixtures;
import org.threelists.demand.domain.DemandSource;
import org.threelists.demand.projection.DemandView;
import org.threelists.demand.service.MunicipalIntake;
import org.threelists.platform.inbox.MessageIds;
import org.threelists.testing.KafkaProbe;
import org.threelists.testing.RealInfrastructure;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.threelists.demand.Fixtures.JIAFU_WORKER;
import static org.threelists.demand.Fixtures.as;

/** The 12345 hotline's tickets become demands exactly once; bad tickets go to the DLQ and the partition moves on. */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class MunicipalIntakeTest {

    static String ticket(String id, String community) {
        return """
                {"service_request_id":"%s","service_code":"facility_repair","service_name":"楼道照明",
                 "description":"2栋楼道灯坏了一个月，老人夜里上下楼不安全","address":"嘉福盐业小区2栋",
                 "lat":24.52,"long":118.13,"requested_datetime":"2026-11-20T09:30:00+08:00",
                 "community_code":"%s","first_name":"建国","last_name":"林","phone":"13700000003",
                 "urgency":"HIGH","platform_extension":"ignored"}
                """.formatted(id, community);
    }

    @Test
    void the_same_ticket_delivered_twice_gives_one_demand() {
        String ticketId = "12345-" + UUID.randomUUID();
        KafkaProbe.send(Topics.MUNICIPAL_REQUESTS, ticketId, ticket(ticketId, "jiafu"));
        KafkaProbe.send(Topics.MUNICIPAL_REQUESTS, ticketId, ticket(ticketId, "jiafu"));
        String demandId = MunicipalIntake.demandIdOf(ticketId);

        List<ConsumerRecord<String, String>> feedback = KafkaProbe.await(Topics.MUNICIPAL_FEEDBACK,
                r -> ticketId.equals(r.key()), 1, Duration.ofSeconds(30));
        // A later ticket proves both deliveries of the first were consumed before we count.
        String marker = "12345-" + UUID.randomUUID();
        KafkaProbe.send(Topics.MUNICIPAL_REQUESTS, marker, ticket(marker, "jiafu"));
        KafkaProbe.await(Topics.MUNICIPAL_FEEDBACK, r -> marker.equals(r.key()), 1, Duration.ofSeconds(30));

        assertThat(QuarkusTransaction.requiringNew().call(() -> DemandView.TABLE.count("municipal_ticket_id = ?", ticketId))).isEqualTo(1);
        DemandView demand = Fixtures.stored(demandId);
        assertThat(demand.source).isEqualTo(DemandSource.MUNICIPAL_PLATFORM);
        assertThat(demand.category.name()).isEqualTo("FACILITY_REPAIR");
        assertThat(demand.streetCode).isEqualTo("dianqian");
        assertThat(demand.description).startsWith("【楼道照明】");
        assertThat(KafkaProbe.readAll(Topics.DEMAND_EVENTS).stream().filter(r -> demandId.equals(r.key()))).hasSize(1);
        assertThat(KafkaProbe.readAll(Topics.MUNICIPAL_FEEDBACK).stream().filter(r -> ticketId.equals(r.key()))).hasSize(1);
        assertThat(feedback.get(0).value()).contains("\"detailed_status\":\"received\"").doesNotContain("13700000003");
        as(JIAFU_WORKER).get("/demands/{id}", demandId).then().statusCode(200)
                .body("resident.name", equalTo("林建国")).body("resident.phone", equalTo("13700000003"));
    }

    @Test
    void a_ticket_dead_lettered_once_and_sent_again_corrected_becomes_its_demand() {
        String ticketId = "12345-" + UUID.randomUUID();
        KafkaProbe.send(Topics.MUNICIPAL_REQUESTS, ticketId, ticket(ticketId, "atlantis"));
        KafkaProbe.await(Topics.MUNICIPAL_REQUESTS + ".dlq", r -> ticketId.equals(r.key()), 1, Duration.ofSeconds(30));

        KafkaProbe.send(Topics.MUNICIPAL_REQUESTS, ticketId, ticket(ticketId, "jiafu"));

        List<ConsumerRecord<String, String>> feedback = KafkaProbe.await(Topics.MUNICIPAL_FEEDBACK,
                r -> ticketId.equals(r.key()), 1, Duration.ofSeconds(30));
        assertThat(feedback.get(0).value()).contains("\"detailed_status\":\"received\"");
        DemandView demand = Fixtures.stored(MunicipalIntake.demandIdOf(ticketId));
        assertThat(demand).isNotNull();
        assertThat(demand.communityCode).isEqualTo("jiafu");
        assertThat(demand.municipalTicketId).isEqualTo(ticketId);
        assertThat(KafkaProbe.readAll(Topics.MUNICIPAL_REQUESTS + ".dlq").stream().filter(r -> ticketId.equals(r.key())))
                .as("only the first version was dead-lettered").hasSize(1);
    }

    @Test
    void a_ticket_taken_in_and_sent_again_with_other_content_leaves_its_demand_as_it_was() {
        String ticketId = "12345-" + UUID.randomUUID();
        String demandId = MunicipalIntake.demandIdOf(ticketId);
        KafkaProbe.send(Topics.MUNICIPAL_REQUESTS, ticketId, ticket(ticketId, "jiafu"));
        KafkaProbe.await(Topics.MUNICIPAL_FEEDBACK, r -> ticketId.equals(r.key()), 1, Duration.ofSeconds(30));

        String resent = ticket(ticketId, "jiafu").replace("13700000003", "13700000099")
                .replace("\"urgency\":\"HIGH\"", "\"urgency\":\"LOW\"");
        KafkaProbe.send(Topics.MUNICIPAL_REQUESTS, ticketId, resent);

        assertThat(InboxRows.awaitOutcome("demand-list.municipal-intake", MessageIds.withContent("ticket:" + ticketId,
                resent.getBytes(StandardCharsets.UTF_8)))).as("the resend was dealt with, not dead-lettered")
                .isEqualTo("PROCESSED");
        DemandView demand = Fixtures.stored(demandId);
        assertThat(demand.urgency.name()).isEqualTo("HIGH");
        assertThat(KafkaProbe.readAll(Topics.DEMAND_EVENTS).stream().filter(r -> demandId.equals(r.key()))).hasSize(1);
        as(JIAFU_WORKER).get("/demands/{id}", demandId).then().statusCode(200)
                .body("resident.phone", equalTo("13700000003"));
    }

    @Test
    void status_changes_go_back_to_the_platform() {
        String ticketId = "12345-" + UUID.randomUUID();
        KafkaProbe.send(Topics.MUNICIPAL_REQUESTS, ticketId, ticket(ticketId, "jiafu"));
        String demandId = MunicipalIntake.demandIdOf(ticketId);
        KafkaProbe.await(Topics.MUNICIPAL_FEEDBACK, r -> ticketId.equals(r.key()), 1, Duration.ofSeconds(30));

        as(JIAFU_WORKER).body(Fixtures.REVIEWED).post("/demands/{id}/verify", demandId).then().statusCode(200);
        as(JIAFU_WORKER).body("{\"reason\":\"已转物业维修\"}").post("/demands/{id}/reject", demandId).then().statusCode(200);

        List<ConsumerRecord<String, String>> feedback = KafkaProbe.await(Topics.MUNICIPAL_FEEDBACK,
                r -> ticketId.equals(r.key()), 3, Duration.ofSeconds(30));
        assertThat(feedback).extracting(ConsumerRecord::value)
                .anySatisfy(v -> assertThat(v).contains("\"status\":\"open\"", "\"detailed_status\":\"accepted\""))
                .anySatisfy(v -> assertThat(v).contains("\"status\":\"closed\"", "\"detailed_status\":\"rejected\"",
                        "not accepted after review by the community or the street; the community can tell the "
                                + "resident why"))
                // the rejection's words stay with the community (README "Reasons stay here")
                .noneSatisfy(v -> assertThat(v).contains("已转物业维修"));
    }

    @Test
    void malformed_tickets_go_to_the_dlq_with_the_reason_and_the_next_ticket_is_still_processed() {
        String notJson = "broken-" + UUID.randomUUID();
        String missingFields = "incomplete-" + UUID.randomUUID();
        String unknownCommunity = "12345-" + UUID.randomUUID();
        String good = "12345-" + UUID.randomUUID();
        KafkaProbe.send(Topics.MUNICIPAL_REQUESTS, notJson, "{this is not json");
        KafkaProbe.send(Topics.MUNICIPAL_REQUESTS, missingFields, "{\"service_request_id\":\"" + missingFields + "\"}");
        KafkaProbe.send(Topics.MUNICIPAL_REQUESTS, unknownCommunity, ticket(unknownCommunity, "atlantis"));
        KafkaProbe.send(Topics.MUNICIPAL_REQUESTS, good, ticket(good, "jiafu"));

        KafkaProbe.await(Topics.MUNICIPAL_FEEDBACK, r -> good.equals(r.key()), 1, Duration.ofSeconds(30));
        List<ConsumerRecord<String, String>> dead = KafkaProbe.await(Topics.MUNICIPAL_REQUESTS + ".dlq",
                r -> List.of(notJson, missingFields, unknownCommunity).contains(r.key()), 3, Duration.ofSeconds(30));

        assertThat(dead).hasSize(3);
        ConsumerRecord<String, String> broken = dead.stream().filter(r -> notJson.equals(r.key())).findFirst().orElseThrow();
        assertThat(broken.value()).isEqualTo("{this is not json");
        assertThat(KafkaProbe.header(broken, "dlq.reason")).startsWith("Not JSON");
        assertThat(KafkaProbe.header(broken, "dlq.original-topic")).isEqualTo(Topics.MUNICIPAL_REQUESTS);
        assertThat(KafkaProbe.header(broken, "dlq.consumer-group")).isEqualTo("demand-list.municipal-intake");
        assertThat(KafkaProbe.header(broken, "dlq.original-offset")).isNotBlank();
        assertThat(Instant.parse(KafkaProbe.header(broken, "dlq.failed-at"))).isBefore(Instant.now().plusSeconds(1));
        ConsumerRecord<String, String> incomplete = dead.stream().filter(r -> missingFields.equals(r.key())).findFirst().orElseThrow();
        assertThat(KafkaProbe.header(incomplete, "dlq.reason")).contains("schema").contains("community_code");
        ConsumerRecord<String, String> nowhere = dead.stream().filter(r -> unknownCommunity.equals(r.key())).findFirst().orElseThrow();
        assertThat(KafkaProbe.header(nowhere, "dlq.reason")).contains("atlantis");
        assertThat(Fixtures.stored(MunicipalIntake.demandIdOf(good))).isNotNull();
        assertThat(Fixtures.stored(MunicipalIntake.demandIdOf(unknownCommunity))).isNull();
    }
}
