package org.threelists.demand.messaging;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.threelists.demand.Fixtures;
import org.threelists.platform.axon.AxonRuntime;
import org.threelists.platform.relay.EventRelay;
import org.threelists.testing.KafkaProbe;
import org.threelists.testing.RealInfrastructure;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.threelists.demand.Fixtures.JIAFU_WORKER;
import static org.threelists.demand.Fixtures.as;

/** The event store is the outbox: committed events reach Kafka exactly once, also across a relay restart. */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class EventRelayTest {

    @Inject
    AxonRuntime axon;
    @Inject
    CommandGateway commands;

    @Test
    void a_committed_event_is_on_kafka_once_keyed_by_the_demand_without_personal_data() {
        String id = Fixtures.submitted();
        as(JIAFU_WORKER).post("/demands/{id}/verify", id).then().statusCode(200);

        List<ConsumerRecord<String, String>> records = KafkaProbe.await(Topics.DEMAND_EVENTS,
                r -> id.equals(r.key()), 2, Duration.ofSeconds(30));

        assertThat(records).hasSize(2);
        assertThat(records).extracting(ConsumerRecord::value)
                .anySatisfy(v -> assertThat(v).contains("\"type\":\"threelists.demand.submitted.v1\""))
                .anySatisfy(v -> assertThat(v).contains("\"type\":\"threelists.demand.verified.v1\""))
                .allSatisfy(v -> assertThat(v).doesNotContain("陈阿姨").doesNotContain("13800000001").doesNotContain("v1."));
        assertThat(KafkaProbe.header(records.get(0), "content-type")).startsWith("application/cloudevents+json");
        assertThat(records.get(0).partition()).isEqualTo(records.get(1).partition());
    }

    @Test
    void an_event_rolled_back_never_reaches_kafka() {
        String rolledBack = Fixtures.submittedAndRolledBack(commands);

        String committed = Fixtures.submitted();
        KafkaProbe.await(Topics.DEMAND_EVENTS, r -> committed.equals(r.key()), 1, Duration.ofSeconds(30));
        assertThat(KafkaProbe.readAll(Topics.DEMAND_EVENTS)).noneMatch(r -> rolledBack.equals(r.key()));
    }

    @Test
    void after_the_relay_restarts_from_the_start_of_the_store_nothing_is_published_twice() {
        String before = Fixtures.submitted();
        KafkaProbe.await(Topics.DEMAND_EVENTS, r -> before.equals(r.key()), 1, Duration.ofSeconds(30));

        // Simulate the worst case: the relay lost its token and replays the whole event store.
        PooledStreamingEventProcessor relay = axon.configuration().eventProcessingConfiguration()
                .eventProcessor(EventRelay.PROCESSOR, PooledStreamingEventProcessor.class).orElseThrow();
        relay.shutDown();
        relay.resetTokens();
        relay.start();

        String after = Fixtures.submitted();
        KafkaProbe.await(Topics.DEMAND_EVENTS, r -> after.equals(r.key()), 1, Duration.ofSeconds(30));
        Map<String, Long> copiesPerEvent = KafkaProbe.readAll(Topics.DEMAND_EVENTS).stream()
                .map(r -> eventId(r.value()))
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        assertThat(copiesPerEvent).allSatisfy((eventId, copies) -> assertThat(copies).as(eventId).isEqualTo(1L));
        assertThat(KafkaProbe.readAll(Topics.DEMAND_EVENTS).stream().filter(r -> before.equals(r.key()))).hasSize(1);
    }

    private static String eventId(String cloudEvent) {
        try {
            return org.threelists.platform.json.Json.mapper().readTree(cloudEvent).path("id").asText();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
