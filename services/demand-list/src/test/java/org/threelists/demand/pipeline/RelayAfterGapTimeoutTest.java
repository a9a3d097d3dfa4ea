package org.threelists.demand.pipeline;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.threelists.demand.Fixtures;
import org.threelists.testing.RealInfrastructure;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A relay that reads back, after the store's gap timeout, a batch already on Kafka does not send it again, although
 * the tokens Axon then gives its events have lost their gaps (libs/platform/README.md, "Relay"). The gap timeout is
 * a second here instead of a minute, so that the retries of a batch whose token cannot commit are "after a broker
 * outage" within the test.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
@TestProfile(RelayAfterGapTimeoutTest.ShortGapTimeout.class)
class RelayAfterGapTimeoutTest {

    public static class ShortGapTimeout implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("threelists.axon.gap-timeout", "PT1S");
        }
    }

    @Inject
    CommandGateway commands;

    @Test
    void a_batch_read_back_after_the_gap_timeout_is_not_published_again() throws Exception {
        String rolledBack = Fixtures.submittedAndRolledBack(commands);
        assertThat(Fixtures.stored(rolledBack)).as("the rolled-back demand, a gap in the store").isNull();
        // Each retry reads the batch back after the gap timeout, with a token that no longer holds the gap, while the
        // coverage on Kafka still does.
        RelayExactnessTest.assertEachEventOnceFor(RelayTokenFault.submitThroughRetriedBatches(), 1);
    }
}
