package org.threelists.demand.slip;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.threelists.demand.domain.slip.EscalationLevel;
import org.threelists.demand.domain.slip.SlipStatus;
import org.threelists.demand.projection.SlipView;
import org.threelists.demand.service.SlipDeadlinePoller;
import org.threelists.devkit.DevTokens;
import org.threelists.testing.RealInfrastructure;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.threelists.demand.Fixtures.as;

/**
 * Second half of the restart test: a new Quarkus instance, with the poller running, on the database the first half
 * left. The acceptance time that passed while the service was "down" fires: the leader is told, then (three seconds
 * after the time) the community — each once, however often the poller runs; the member may still accept.
 */
@QuarkusTest
@TestProfile(SlipRestart2PollerRunningProfile.class)
@QuarkusTestResource(RealInfrastructure.class)
class SlipDeadlineAfterRestartTest {

    @Inject
    SlipDeadlinePoller poller;

    @Test
    void the_time_that_passed_before_the_restart_escalates_after_it_once_per_level() throws InterruptedException {
        String slipId = System.getProperty(SlipDeadlineBeforeRestartTest.SLIP);
        assertThat(slipId).as("SlipDeadlineBeforeRestartTest runs first, in the same JVM (profiles are ordered by name)")
                .isNotNull();

        SlipView escalated = awaitEscalations(slipId, 2);
        assertThat(escalated.escalationLevel).isEqualTo(EscalationLevel.COMMUNITY);
        assertThat(escalated.status).isEqualTo(SlipStatus.DISPATCHED);
        assertThat(SlipWorld.deadline(slipId)).as("nothing more to fire for this acceptance time").isNull();
        assertThat(poller.poll()).isZero();

        List<JsonNode> messages = SlipWorld.published(slipId, "escalated", 2);
        assertThat(messages).hasSize(2);
        assertThat(messages).extracting(m -> m.path("data").path("level").asText())
                .containsExactly("GROUP_LEADER", "COMMUNITY");
        assertThat(messages).extracting(m -> m.path("data").path("overdue").asText())
                .containsOnly("DISPATCHED");
        assertThat(SlipWorld.stored(slipId).escalations).isEqualTo(2);

        SlipView slip = SlipWorld.stored(slipId);
        String member = DevTokens.member(slip.memberId, "dianqian", "jiafu");
        as(member).post("/slips/{id}/accept", slipId).then().statusCode(200);
        SlipView accepted = SlipWorld.stored(slipId);
        assertThat(accepted.escalationLevel).isNull();
        assertThat(SlipWorld.deadline(slipId).deadline).isEqualTo(accepted.resolveBy);
    }

    private static SlipView awaitEscalations(String slipId, int count) throws InterruptedException {
        Instant until = Instant.now().plus(Duration.ofSeconds(30));
        SlipView slip = SlipWorld.stored(slipId);
        while (slip.escalations < count && Instant.now().isBefore(until)) {
            Thread.sleep(200);
            slip = SlipWorld.stored(slipId);
        }
        assertThat(slip.escalations).as("escalations of slip " + slipId).isEqualTo(count);
        return slip;
    }
}
