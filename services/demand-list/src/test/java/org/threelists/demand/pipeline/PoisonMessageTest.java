package org.threelists.demand.pipeline;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.threelists.demand.service.MunicipalIntake;
import org.threelists.demand.messaging.Topics;
import org.threelists.demand.projection.DemandView;
import org.threelists.testing.KafkaProbe;
import org.threelists.testing.RealInfrastructure;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.threelists.demand.pipeline.PipelineProbes.deadLetters;
import static org.threelists.demand.pipeline.PipelineProbes.sleep;
import static org.threelists.demand.pipeline.PipelineProbes.ticket;

/**
 * A message whose id the inbox cannot store as it is (too long, a NUL character) is dead-lettered once and the
 * partition moves on: the inbox keys such ids by their SHA-256 (libs/platform/README.md, "Inbox").
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class PoisonMessageTest {

    private static final String INTAKE_GROUP = "demand-list.municipal-intake";
    private static final String PROJECT_GROUP = "demand-list.project-list";

    @Test
    void a_ticket_with_a_400_character_or_nul_id_is_dead_lettered_once_and_the_next_ticket_applies() {
        // One Kafka key for the three tickets: one partition, so the last applies only if the first two let it pass.
        String key = "poison-" + UUID.randomUUID();
        String longId = "12345-" + "9".repeat(394);
        String nulId = "12345-" + UUID.randomUUID() + "\\u0000x";
        String next = "12345-" + UUID.randomUUID();
        KafkaProbe.sendAll(Topics.MUNICIPAL_REQUESTS, List.of(Map.entry(key, ticket(longId)),
                Map.entry(key, ticket(nulId)), Map.entry(key, ticket(next))));

        awaitDemand(next, Duration.ofSeconds(60));
        KafkaProbe.awaitConsumed(INTAKE_GROUP, Topics.MUNICIPAL_REQUESTS, Duration.ofSeconds(30));
        // A consumer stuck on the poison wrote a new DLQ copy every few seconds: wait long enough to see a second one.
        sleep(5_000);

        List<ConsumerRecord<String, String>> dead = deadLetters(Topics.MUNICIPAL_REQUESTS, key);
        assertThat(dead).hasSize(2);
        assertThat(dead).extracting(ConsumerRecord::value)
                .anySatisfy(v -> assertThat(v).contains(longId))
                .anySatisfy(v -> assertThat(v).contains(nulId));
        assertThat(dead).allSatisfy(r -> assertThat(KafkaProbe.header(r, "dlq.reason")).isNotBlank());
        assertThat(QuarkusTransaction.requiringNew().call(() -> DemandView.TABLE.count("municipal_ticket_id = ?", next))).isEqualTo(1);
        assertThat(QuarkusTransaction.requiringNew().call(() -> DemandView.TABLE.count("municipal_ticket_id LIKE ?", "12345-9999%")))
                .isZero();
    }

    @Test
    void an_event_with_a_400_character_or_nul_cloudevents_id_is_dead_lettered_once_and_the_partition_moves_on() {
        String key = UUID.randomUUID().toString();
        String longId = "a".repeat(400);
        String nulId = UUID.randomUUID() + "\\u0000";
        KafkaProbe.sendAll(Topics.PROJECT_EVENTS, List.of(Map.entry(key, projectEvent(longId, key)),
                Map.entry(key, projectEvent(nulId, key))));

        KafkaProbe.awaitConsumed(PROJECT_GROUP, Topics.PROJECT_EVENTS, Duration.ofSeconds(60));
        sleep(5_000);

        List<ConsumerRecord<String, String>> dead = deadLetters(Topics.PROJECT_EVENTS, key);
        assertThat(dead).hasSize(2);
        assertThat(dead).extracting(r -> KafkaProbe.header(r, "dlq.original-offset")).doesNotHaveDuplicates();
        KafkaProbe.awaitConsumed(PROJECT_GROUP, Topics.PROJECT_EVENTS, Duration.ofSeconds(5));
    }

    private static String projectEvent(String idJson, String projectId) {
        return """
                {"specversion":"1.0","id":"%s","source":"/threelists/matchmaker","type":"threelists.project.cancelled.v1",
                 "subject":"%s","time":"2026-12-01T08:00:00Z","datacontenttype":"application/json",
                 "data":{"projectId":"%s","actor":"desk-dianqian","reason":"poison"}}
                """.formatted(idJson, projectId, projectId);
    }

    private static void awaitDemand(String ticketId, Duration timeout) {
        String demandId = MunicipalIntake.demandIdOf(ticketId);
        Instant deadline = Instant.now().plus(timeout);
        while (QuarkusTransaction.requiringNew().call(() -> DemandView.findById(demandId)) == null) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("Ticket " + ticketId + " was not applied within " + timeout);
            }
            sleep(200);
        }
    }
}
