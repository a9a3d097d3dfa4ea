package org.threelists.demand.pipeline;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.threelists.demand.Fixtures;
import org.threelists.demand.messaging.Topics;
import org.threelists.platform.axon.AxonRuntime;
import org.threelists.platform.json.Json;
import org.threelists.testing.KafkaProbe;
import org.threelists.testing.RealInfrastructure;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The relay after a start or a hand-over skips an event exactly when it is on Kafka: an event committed late, below
 * positions already published, is published once; a batch whose token did not commit after its Kafka transaction
 * did is not published again (libs/platform/README.md, "Relay").
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class RelayExactnessTest {

    @Inject
    AxonRuntime axon;
    @Inject
    CommandGateway commands;

    @Test
    void an_event_committed_late_is_published_once_after_the_relay_restarts() throws Exception {
        String held = UUID.randomUUID().toString();
        CountDownLatch appended = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        // A writer whose transaction stays open after its event got its position in the store.
        CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> QuarkusTransaction.requiringNew().run(() -> {
            commands.sendAndWait(Fixtures.submitDemand(held));
            appended.countDown();
            awaitLatch(commit);
        }));
        assertThat(appended.await(30, TimeUnit.SECONDS)).isTrue();
        String later = Fixtures.submitted();
        KafkaProbe.await(Topics.DEMAND_EVENTS, r -> later.equals(r.key()), 1, Duration.ofSeconds(30));

        restartRelayAsAfterAProcessRestart();
        commit.countDown();
        writer.get(30, TimeUnit.SECONDS);
        String after = Fixtures.submitted();

        KafkaProbe.await(Topics.DEMAND_EVENTS, r -> after.equals(r.key()), 1, Duration.ofSeconds(30));
        KafkaProbe.await(Topics.DEMAND_EVENTS, r -> held.equals(r.key()), 1, Duration.ofSeconds(30));
        assertEachEventOnceFor(List.of(held, later, after), 1);
    }

    @Test
    void a_batch_whose_token_fails_to_commit_after_its_kafka_commit_is_not_published_again() throws Exception {
        assertEachEventOnceFor(RelayTokenFault.submitThroughRetriedBatches(), 1);
    }

    /** A restarted process has a new relay that knows nothing: its processor resumes from the stored token. */
    private void restartRelayAsAfterAProcessRestart() {
        PooledStreamingEventProcessor relay = axon.configuration().eventProcessingConfiguration()
                .eventProcessor(org.threelists.platform.relay.EventRelay.PROCESSOR, PooledStreamingEventProcessor.class)
                .orElseThrow();
        relay.shutDown();
        TrackingToken stored = QuarkusTransaction.requiringNew().call(() -> axon.configuration()
                .eventProcessingConfiguration().tokenStore(org.threelists.platform.relay.EventRelay.PROCESSOR)
                .fetchToken(org.threelists.platform.relay.EventRelay.PROCESSOR, 0));
        QuarkusTransaction.requiringNew().run(() -> axon.configuration().eventProcessingConfiguration()
                .tokenStore(org.threelists.platform.relay.EventRelay.PROCESSOR)
                .releaseClaim(org.threelists.platform.relay.EventRelay.PROCESSOR, 0));
        // Resetting to where it stood replays nothing, but makes the relay forget what it had read from Kafka.
        relay.resetTokens(stored);
        relay.start();
    }

    static void assertEachEventOnceFor(List<String> demandIds, int minimumPerDemand) {
        List<ConsumerRecord<String, String>> records = KafkaProbe.readAll(Topics.DEMAND_EVENTS).stream()
                .filter(r -> demandIds.contains(r.key())).toList();
        Map<String, Long> copies = records.stream().map(r -> eventId(r.value()))
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        assertThat(copies).allSatisfy((eventId, count) -> assertThat(count).as(eventId).isEqualTo(1L));
        for (String demandId : demandIds) {
            assertThat(records.stream().filter(r -> demandId.equals(r.key())).count()).as(demandId)
                    .isGreaterThanOrEqualTo(minimumPerDemand);
        }
    }

    private static String eventId(String cloudEvent) {
        try {
            return Json.mapper().readTree(cloudEvent).path("id").asText();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void awaitLatch(CountDownLatch latch) {
        try {
            if (!latch.await(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("The held transaction was never released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
