package org.threelists.demand.pipeline;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;
import org.threelists.testing.KafkaProbe;
import org.threelists.testing.RealInfrastructure;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.threelists.demand.pipeline.PipelineProbes.sleep;

/**
 * A consumer whose thread dies is restarted and goes on with later messages; one that cannot recover within the
 * recovery bound turns liveness DOWN, and readiness never leaves the load balancer for it
 * (libs/platform/README.md, "Supervision").
 */
@QuarkusTest
@TestProfile(ConsumerSupervisionTest.ShortBounds.class)
@QuarkusTestResource(RealInfrastructure.class)
class ConsumerSupervisionTest {

    private static final String CONSUMER = "consumer " + ProbeHandler.TOPIC;

    public static class ShortBounds implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("threelists.inbound.restart-backoff", "PT0.2S",
                    "threelists.inbound.restart-backoff-max", "PT0.5S",
                    "threelists.inbound.recovery-bound", "PT10S");
        }
    }

    @Test
    void a_consumer_killed_by_an_error_is_restarted_and_processes_later_messages() {
        String dying = "dying-" + UUID.randomUUID();
        String later = "later-" + UUID.randomUUID();
        long restartsBefore = restarts();
        KafkaProbe.send(ProbeHandler.TOPIC, dying, "error-once");
        KafkaProbe.send(ProbeHandler.TOPIC, later, "ok");

        await(() -> ProbeHandler.APPLIED.contains(dying) && ProbeHandler.APPLIED.contains(later), Duration.ofSeconds(60));

        assertThat(restarts()).isGreaterThan(restartsBefore);
        live().statusCode(200).body("status", equalTo("UP"))
                .body("checks.find { it.name == 'inbound-consumers' }.data.'" + CONSUMER + "'", equalTo("running"));
    }

    @Test
    void a_consumer_that_cannot_recover_within_the_bound_turns_liveness_down_but_not_readiness() {
        ProbeHandler.hold();
        String stuck = "stuck-" + UUID.randomUUID();
        try {
            KafkaProbe.send(ProbeHandler.TOPIC, stuck, "error-until-released");

            await(() -> live().extract().statusCode() == 503, Duration.ofSeconds(60));
            live().body("checks.find { it.name == 'inbound-consumers' }.data.'" + CONSUMER + "'",
                    startsWith("failed since"));
            given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        } finally {
            ProbeHandler.release();
        }
        await(() -> ProbeHandler.APPLIED.contains(stuck), Duration.ofSeconds(30));
        await(() -> live().extract().statusCode() == 200, Duration.ofSeconds(30));
    }

    private static ValidatableResponse live() {
        return given().get("/q/health/live").then();
    }

    private static long restarts() {
        Number restarts = live().extract().path("checks.find { it.name == 'inbound-consumers' }.data.'restarts "
                + ProbeHandler.TOPIC + "'");
        return restarts == null ? 0 : restarts.longValue();
    }

    private static void await(BooleanSupplier condition, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("Not within " + timeout);
            }
            sleep(200);
        }
    }
}
