package org.threelists.demand.domain;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.threelists.demand.domain.DemandCommands.WithdrawDemand;
import org.threelists.demand.domain.DemandEvents.DemandRated;
import org.threelists.demand.domain.DemandEvents.DemandWithdrawn;
import org.threelists.demand.domain.RoutingCommands.CloseBySlip;
import org.threelists.demand.domain.RoutingCommands.OpenSlip;
import org.threelists.demand.domain.RoutingCommands.ReleaseSlip;
import org.threelists.demand.domain.RoutingCommands.SendToJointMeeting;
import org.threelists.demand.domain.RoutingEvents.DemandSentToJointMeeting;
import org.threelists.demand.domain.RoutingEvents.DemandSlipOpened;
import org.threelists.demand.domain.RoutingEvents.DemandSlipReleased;
import org.threelists.platform.domain.DomainException.Kind;

import static org.assertj.core.api.Assertions.assertThat;
import static org.threelists.demand.domain.DemandRoutingTest.ACTOR;
import static org.threelists.demand.domain.DemandRoutingTest.GROUP;
import static org.threelists.demand.domain.DemandRoutingTest.ID;
import static org.threelists.demand.domain.DemandRoutingTest.ROUTED;
import static org.threelists.demand.domain.DemandRoutingTest.SUBMITTED;
import static org.threelists.demand.domain.DemandRoutingTest.VERIFIED;
import static org.threelists.testing.RefusalMatchers.refusalOf;
import static org.threelists.testing.RefusalMatchers.ruleBrokenOn;

/**
 * A demand held by a Party group follows its slip: one open at a time, freed by a decline or a recall, rated by a
 * closing; withdrawn only when none is open.
 */
class DemandFollowsSlipTest {

    static final String LEADER = "member:m-leader";
    static final DemandSlipOpened OPENED = new DemandSlipOpened(ID, "s-1", GROUP, LEADER);

    FixtureConfiguration<Demand> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Demand.class);
    }

    @Test
    void the_holding_group_opens_one_slip_at_a_time() {
        fixture.given(SUBMITTED, VERIFIED, ROUTED)
                .when(new OpenSlip(ID, "s-1", GROUP, LEADER))
                .expectEvents(OPENED);
        fixture.given(SUBMITTED, VERIFIED, ROUTED, OPENED)
                .when(new OpenSlip(ID, "s-2", GROUP, LEADER))
                .expectNoEvents().expectException(refusalOf(Kind.ILLEGAL_TRANSITION));
        fixture.given(SUBMITTED, VERIFIED, ROUTED)
                .when(new OpenSlip(ID, "s-1", "g-2", LEADER))
                .expectNoEvents().expectException(ruleBrokenOn("groupId"));
        fixture.given(SUBMITTED, VERIFIED)
                .when(new OpenSlip(ID, "s-1", GROUP, LEADER))
                .expectNoEvents().expectException(refusalOf(Kind.ILLEGAL_TRANSITION));
    }

    @Test
    void a_demand_goes_back_to_the_joint_meeting_only_when_no_slip_is_open() {
        fixture.given(SUBMITTED, VERIFIED, ROUTED, OPENED)
                .when(new SendToJointMeeting(ID, "需要单位资源", LEADER))
                .expectNoEvents().expectException(refusalOf(Kind.ILLEGAL_TRANSITION));
        fixture.given(SUBMITTED, VERIFIED, ROUTED, OPENED, new DemandSlipReleased(ID, "s-1", "member:m-1"))
                .when(new SendToJointMeeting(ID, "需要单位资源", LEADER))
                .expectEvents(new DemandSentToJointMeeting(ID, GROUP, "需要单位资源", LEADER));
    }

    @Test
    void a_demand_is_withdrawn_only_when_no_slip_is_open() {
        fixture.given(SUBMITTED, VERIFIED, ROUTED, OPENED)
                .when(new WithdrawDemand(ID, "居民已自行解决", LEADER))
                .expectNoEvents().expectException(refusalOf(Kind.ILLEGAL_TRANSITION));
        fixture.given(SUBMITTED, VERIFIED, ROUTED, OPENED, new DemandSlipReleased(ID, "s-1", "community:wang-fang"))
                .when(new WithdrawDemand(ID, "居民已自行解决", "community:wang-fang"))
                .expectEvents(new DemandWithdrawn(ID, "居民已自行解决", "community:wang-fang"));
    }

    @Test
    void a_declined_slip_frees_the_demand_for_another() {
        fixture.given(SUBMITTED, VERIFIED, ROUTED, OPENED)
                .when(new ReleaseSlip(ID, "s-1", "member:m-1"))
                .expectEvents(new DemandSlipReleased(ID, "s-1", "member:m-1"));
        fixture.given(SUBMITTED, VERIFIED, ROUTED, OPENED, new DemandSlipReleased(ID, "s-1", "member:m-1"))
                .when(new OpenSlip(ID, "s-2", GROUP, LEADER))
                .expectEvents(new DemandSlipOpened(ID, "s-2", GROUP, LEADER));
        fixture.given(SUBMITTED, VERIFIED, ROUTED, OPENED)
                .when(new ReleaseSlip(ID, "s-9", "member:m-1"))
                .expectNoEvents();
    }

    @Test
    void a_closed_slip_rates_the_demand_as_done_in_the_lane() {
        fixture.given(SUBMITTED, VERIFIED, ROUTED, OPENED)
                .when(new CloseBySlip(ID, "s-1", 4, ACTOR))
                .expectEvents(new DemandRated(ID, 4, ACTOR))
                .expectState(demand -> assertThat(demand).extracting("status").isEqualTo(DemandStatus.RATED));
        fixture.given(SUBMITTED, VERIFIED, ROUTED, OPENED)
                .when(new CloseBySlip(ID, "s-2", 4, ACTOR))
                .expectNoEvents().expectSuccessfulHandlerExecution();
        fixture.given(SUBMITTED, VERIFIED, ROUTED, OPENED, new DemandEvents.DemandWithdrawn(ID, "居民已自行解决", ACTOR))
                .when(new CloseBySlip(ID, "s-1", 4, ACTOR))
                .expectNoEvents().expectSuccessfulHandlerExecution();
        fixture.given(SUBMITTED, VERIFIED, ROUTED, OPENED)
                .when(new CloseBySlip(ID, "s-1", 2, ACTOR))
                .expectNoEvents().expectException(ruleBrokenOn("score"));
    }
}
