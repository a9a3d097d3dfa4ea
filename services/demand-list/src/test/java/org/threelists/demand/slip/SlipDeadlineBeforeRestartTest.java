package org.threelists.demand.slip;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;
import org.threelists.demand.domain.slip.SlipStatus;
import org.threelists.demand.projection.SlipDeadline;
import org.threelists.demand.projection.SlipView;
import org.threelists.testing.RealInfrastructure;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * First half of "a slip's deadline fires after a restart": a slip is dispatched with a two-second acceptance time
 * while no poller runs; the time passes and nothing happens — the service is, in effect, down. The second half,
 * {@link SlipDeadlineAfterRestartTest}, runs in a new Quarkus instance on the same database.
 */
@QuarkusTest
@TestProfile(SlipRestart1PollerStoppedProfile.class)
@QuarkusTestResource(RealInfrastructure.class)
class SlipDeadlineBeforeRestartTest {

    static final String SLIP = "threelists.test.restart-slip";

    @Test
    void an_acceptance_time_passes_while_no_poller_runs() throws InterruptedException {
        SlipWorld world = new SlipWorld();
        String slipId = world.dispatched(world.heldDemand(), world.volunteerId);
        Instant acceptBy = SlipWorld.stored(slipId).acceptBy;
        assertThat(acceptBy).isBefore(Instant.now().plusSeconds(3));

        Thread.sleep(Math.max(0, acceptBy.toEpochMilli() - System.currentTimeMillis()) + 1500);

        SlipDeadline deadline = SlipWorld.deadline(slipId);
        assertThat(deadline.deadline).isEqualTo(acceptBy).isBefore(Instant.now());
        assertThat(deadline.dueAt).isEqualTo(acceptBy);
        SlipView slip = SlipWorld.stored(slipId);
        assertThat(slip.status).isEqualTo(SlipStatus.DISPATCHED);
        assertThat(slip.escalations).isZero();
        assertThat(slip.escalationLevel).isNull();
        System.setProperty(SLIP, slipId);
    }
}
