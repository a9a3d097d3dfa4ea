package org.threelists.demand.domain;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.threelists.contracts.Category;
import org.threelists.contracts.Urgency;
import org.threelists.demand.domain.DemandCommands.WithdrawDemand;
import org.threelists.demand.domain.DemandEvents.DemandSubmitted;
import org.threelists.demand.domain.DemandEvents.DemandVerified;
import org.threelists.demand.domain.DemandEvents.DemandWithdrawn;
import org.threelists.demand.domain.RoutingCommands.RouteToPartyGroup;
import org.threelists.demand.domain.RoutingCommands.SendToJointMeeting;
import org.threelists.demand.domain.RoutingEvents.DemandRoutedToPartyGroup;
import org.threelists.demand.domain.RoutingEvents.DemandSentToJointMeeting;
import org.threelists.platform.domain.DomainException.Kind;

import java.math.BigDecimal;
import java.util.List;

import static org.threelists.testing.RefusalMatchers.refusalOf;
import static org.threelists.testing.RefusalMatchers.ruleBrokenOn;

/** A demand's lane: listed ones go to a building Party group and come back; never both lanes at once. */
class DemandRoutingTest {

    static final String ID = "d-1";
    static final String GROUP = "g-1";
    static final String ACTOR = "community:wang-fang";
    static final DemandSubmitted SUBMITTED = new DemandSubmitted(ID, "dianqian", "jiafu",
            new DemandDetails("嘉福盐业小区", "1栋", Category.SANITATION, "楼道堆放杂物，需清理", 6, Urgency.NORMAL, null,
                    null, new BigDecimal("2"), List.of()),
            DemandSource.COMMUNITY_WORKER, null, null, null, ACTOR);
    static final DemandVerified VERIFIED = new DemandVerified(ID, ACTOR);
    static final DemandRoutedToPartyGroup ROUTED = new DemandRoutedToPartyGroup(ID, GROUP, ACTOR);

    FixtureConfiguration<Demand> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Demand.class);
    }

    @Test
    void a_listed_demand_goes_to_a_party_group_of_its_community() {
        fixture.given(SUBMITTED, VERIFIED)
                .when(new RouteToPartyGroup(ID, GROUP, "jiafu", ACTOR))
                .expectEvents(ROUTED)
                .expectState(demand -> org.assertj.core.api.Assertions.assertThat(demand).extracting("status")
                        .isEqualTo(DemandStatus.IN_PARTY_GROUP));
    }

    @Test
    void a_group_of_another_community_is_refused() {
        fixture.given(SUBMITTED, VERIFIED)
                .when(new RouteToPartyGroup(ID, GROUP, "lianqiao", ACTOR))
                .expectNoEvents().expectException(ruleBrokenOn("groupId"));
    }

    @Test
    void only_a_listed_demand_changes_lane() {
        fixture.given(SUBMITTED)
                .when(new RouteToPartyGroup(ID, GROUP, "jiafu", ACTOR))
                .expectNoEvents().expectException(refusalOf(Kind.ILLEGAL_TRANSITION));
        fixture.given(SUBMITTED, VERIFIED, ROUTED)
                .when(new RouteToPartyGroup(ID, "g-2", "jiafu", ACTOR))
                .expectNoEvents().expectException(refusalOf(Kind.ILLEGAL_TRANSITION));
        fixture.given(SUBMITTED, VERIFIED)
                .when(new SendToJointMeeting(ID, "需要单位资源", ACTOR))
                .expectNoEvents().expectException(refusalOf(Kind.ILLEGAL_TRANSITION));
    }

    @Test
    void the_group_sends_it_back_to_the_joint_meeting_and_it_is_listed_again() {
        fixture.given(SUBMITTED, VERIFIED, ROUTED)
                .when(new SendToJointMeeting(ID, "需要单位资源", ACTOR))
                .expectEvents(new DemandSentToJointMeeting(ID, GROUP, "需要单位资源", ACTOR))
                .expectState(demand -> org.assertj.core.api.Assertions.assertThat(demand).extracting("status")
                        .isEqualTo(DemandStatus.LISTED));
        fixture.given(SUBMITTED, VERIFIED, ROUTED, new DemandSentToJointMeeting(ID, GROUP, "需要单位资源", ACTOR))
                .when(new RouteToPartyGroup(ID, "g-2", "jiafu", ACTOR))
                .expectEvents(new DemandRoutedToPartyGroup(ID, "g-2", ACTOR));
    }

    @Test
    void a_demand_with_a_group_may_be_withdrawn() {
        fixture.given(SUBMITTED, VERIFIED, ROUTED)
                .when(new WithdrawDemand(ID, "已自行解决", ACTOR))
                .expectEvents(new DemandWithdrawn(ID, "已自行解决", ACTOR));
    }

    @Test
    void a_demand_with_a_group_is_not_matched_by_the_joint_meeting() {
        fixture.given(SUBMITTED, VERIFIED, ROUTED)
                .when(new DemandCommands.MatchDemand(ID, "p-1", "jiafu",
                        List.of(new ProjectHolder("c-1", "unit-court")), null, "matchmaker"))
                .expectNoEvents()
                .expectResultMessagePayload(ProjectStepOutcome.NOT_APPLICABLE);
    }
}
