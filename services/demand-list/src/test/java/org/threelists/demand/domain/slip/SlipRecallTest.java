package org.threelists.demand.domain.slip;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.threelists.contracts.Urgency;
import org.threelists.demand.domain.slip.SlipCommands.CheckOutSlip;
import org.threelists.demand.domain.slip.SlipCommands.RecallSlip;
import org.threelists.demand.domain.slip.SlipEvents.SlipAccepted;
import org.threelists.demand.domain.slip.SlipEvents.SlipCheckedIn;
import org.threelists.demand.domain.slip.SlipEvents.SlipDeclined;
import org.threelists.demand.domain.slip.SlipEvents.SlipDispatched;
import org.threelists.demand.domain.slip.SlipEvents.SlipEscalated;
import org.threelists.demand.domain.slip.SlipEvents.SlipRecalled;
import org.threelists.demand.domain.slip.SlipEvents.SlipReported;
import org.threelists.demand.domain.slip.SlipCommands.PassSlipDeadline;
import org.threelists.platform.domain.DomainException.Kind;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import static org.threelists.demand.domain.slip.SlipTest.DAY;
import static org.threelists.demand.domain.slip.SlipTest.DEMAND;
import static org.threelists.demand.domain.slip.SlipTest.GROUP;
import static org.threelists.demand.domain.slip.SlipTest.LEADER;
import static org.threelists.demand.domain.slip.SlipTest.MEMBER;
import static org.threelists.demand.domain.slip.SlipTest.NORMAL;
import static org.threelists.demand.domain.slip.SlipTest.PROBLEM;
import static org.threelists.demand.domain.slip.SlipTest.SLIP;
import static org.threelists.demand.domain.slip.SlipTest.TIMES;
import static org.threelists.demand.domain.slip.SlipTest.UNIT;
import static org.threelists.testing.RefusalMatchers.refusalOf;
import static org.threelists.testing.RefusalMatchers.ruleBrokenOn;

/**
 * Recalling a slip (撤回派单, services/demand-list/README.md, "The slip"): the leader takes back a dispatched slip at
 * any time and an accepted one once it is overdue; the community (or the desk) once it was escalated to them; nobody
 * a slip whose service was given, whose member is at the service, or that has ended.
 */
class SlipRecallTest {

    static final String LEADER_ACTOR = "member:" + LEADER;
    static final String COMMUNITY_ACTOR = "community:wang-fang";
    static final String REASON = "派错了人，改派楼长";

    FixtureConfiguration<Slip> fixture;
    Instant now;
    Instant acceptBy;
    Instant resolveBy;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Slip.class);
        now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        acceptBy = now.plus(TIMES.acceptance());
        resolveBy = now.plus(NORMAL);
    }

    SlipDispatched dispatched() {
        return new SlipDispatched(SLIP, DEMAND, "dianqian", "jiafu", GROUP, LEADER, MEMBER, MemberKind.VOLUNTEER, UNIT,
                PROBLEM, Urgency.NORMAL, acceptBy, NORMAL, TIMES.toCommunity(), LEADER_ACTOR);
    }

    SlipAccepted accepted() {
        return new SlipAccepted(SLIP, DEMAND, MEMBER, resolveBy, "member:" + MEMBER);
    }

    SlipEscalated escalated(EscalationLevel level, SlipStatus overdue, Instant due) {
        return new SlipEscalated(SLIP, DEMAND, MEMBER, level, overdue, due,
                level == EscalationLevel.GROUP_LEADER ? due.plus(TIMES.toCommunity()) : null, Slip.CLOCK);
    }

    RecallSlip recall(EscalationLevel by, String actor) {
        return new RecallSlip(SLIP, by, " " + REASON + " ", now, actor);
    }

    SlipRecalled recalled(EscalationLevel by, EscalationLevel level, String actor) {
        return new SlipRecalled(SLIP, DEMAND, MEMBER, by, level, REASON, now, actor);
    }

    @Test
    void the_leader_recalls_a_dispatched_slip_at_any_time_and_its_clock_stops() {
        fixture.given(dispatched())
                .when(recall(EscalationLevel.GROUP_LEADER, LEADER_ACTOR))
                .expectSuccessfulHandlerExecution()
                .expectEvents(recalled(EscalationLevel.GROUP_LEADER, null, LEADER_ACTOR));
        fixture.given(dispatched(), recalled(EscalationLevel.GROUP_LEADER, null, LEADER_ACTOR))
                .when(new PassSlipDeadline(SLIP, acceptBy, acceptBy.plusSeconds(1), Slip.CLOCK))
                .expectNoEvents();
        fixture.given(dispatched(), escalated(EscalationLevel.GROUP_LEADER, SlipStatus.DISPATCHED, acceptBy))
                .when(recall(EscalationLevel.GROUP_LEADER, LEADER_ACTOR))
                .expectEvents(recalled(EscalationLevel.GROUP_LEADER, EscalationLevel.GROUP_LEADER, LEADER_ACTOR));
    }

    @Test
    void the_leader_recalls_an_accepted_slip_only_once_it_is_overdue() {
        fixture.given(dispatched(), accepted())
                .when(recall(EscalationLevel.GROUP_LEADER, LEADER_ACTOR))
                .expectNoEvents().expectException(refusalOf(Kind.ILLEGAL_TRANSITION));
        // a deadline escalated before acceptance no longer counts: acceptance starts a new time limit
        fixture.given(dispatched(), escalated(EscalationLevel.GROUP_LEADER, SlipStatus.DISPATCHED, acceptBy),
                        accepted())
                .when(recall(EscalationLevel.GROUP_LEADER, LEADER_ACTOR))
                .expectNoEvents().expectException(refusalOf(Kind.ILLEGAL_TRANSITION));
        fixture.given(dispatched(), accepted(),
                        escalated(EscalationLevel.GROUP_LEADER, SlipStatus.ACCEPTED, resolveBy))
                .when(recall(EscalationLevel.GROUP_LEADER, LEADER_ACTOR))
                .expectEvents(recalled(EscalationLevel.GROUP_LEADER, EscalationLevel.GROUP_LEADER, LEADER_ACTOR));
    }

    @Test
    void the_community_recalls_only_once_the_slip_was_escalated_to_it() {
        fixture.given(dispatched())
                .when(recall(EscalationLevel.COMMUNITY, COMMUNITY_ACTOR))
                .expectNoEvents().expectException(refusalOf(Kind.ILLEGAL_TRANSITION));
        fixture.given(dispatched(), accepted(),
                        escalated(EscalationLevel.GROUP_LEADER, SlipStatus.ACCEPTED, resolveBy))
                .when(recall(EscalationLevel.COMMUNITY, COMMUNITY_ACTOR))
                .expectNoEvents().expectException(refusalOf(Kind.ILLEGAL_TRANSITION));
        fixture.given(dispatched(), accepted(),
                        escalated(EscalationLevel.GROUP_LEADER, SlipStatus.ACCEPTED, resolveBy),
                        escalated(EscalationLevel.COMMUNITY, SlipStatus.ACCEPTED, resolveBy))
                .when(recall(EscalationLevel.COMMUNITY, COMMUNITY_ACTOR))
                .expectEvents(recalled(EscalationLevel.COMMUNITY, EscalationLevel.COMMUNITY, COMMUNITY_ACTOR));
        fixture.given(dispatched(), escalated(EscalationLevel.GROUP_LEADER, SlipStatus.DISPATCHED, acceptBy),
                        escalated(EscalationLevel.COMMUNITY, SlipStatus.DISPATCHED, acceptBy))
                .when(recall(EscalationLevel.COMMUNITY, COMMUNITY_ACTOR))
                .expectEvents(recalled(EscalationLevel.COMMUNITY, EscalationLevel.COMMUNITY, COMMUNITY_ACTOR));
    }

    @Test
    void a_slip_served_at_the_service_or_ended_is_never_recalled() {
        SlipEscalated overdue = escalated(EscalationLevel.GROUP_LEADER, SlipStatus.ACCEPTED, resolveBy);
        SlipEscalated toCommunity = escalated(EscalationLevel.COMMUNITY, SlipStatus.ACCEPTED, resolveBy);
        SlipReported reported = new SlipReported(SLIP, DEMAND, MEMBER, UNIT, "清理了楼道杂物", new BigDecimal("1.5"),
                ServiceMode.ON_SITE, DAY, null, null, "member:" + MEMBER);
        fixture.given(dispatched(), accepted(), overdue, toCommunity, reported)
                .when(recall(EscalationLevel.GROUP_LEADER, LEADER_ACTOR))
                .expectNoEvents().expectException(refusalOf(Kind.ILLEGAL_TRANSITION));
        fixture.given(dispatched(), accepted(), overdue, toCommunity, reported)
                .when(recall(EscalationLevel.COMMUNITY, COMMUNITY_ACTOR))
                .expectNoEvents().expectException(refusalOf(Kind.ILLEGAL_TRANSITION));
        SlipCheckedIn checkedIn = new SlipCheckedIn(SLIP, DEMAND, MEMBER, now, "c-1", false, "member:" + MEMBER);
        fixture.given(dispatched(), accepted(), overdue, toCommunity, checkedIn)
                .when(recall(EscalationLevel.GROUP_LEADER, LEADER_ACTOR))
                .expectNoEvents().expectException(refusalOf(Kind.ILLEGAL_TRANSITION));
        fixture.given(dispatched(), accepted(), overdue, checkedIn)
                .when(recall(EscalationLevel.GROUP_LEADER, LEADER_ACTOR))
                .expectNoEvents().expectException(refusalOf(Kind.ILLEGAL_TRANSITION));
        fixture.given(dispatched(), new SlipDeclined(SLIP, DEMAND, MEMBER, "出差在外", "member:" + MEMBER))
                .when(recall(EscalationLevel.GROUP_LEADER, LEADER_ACTOR))
                .expectNoEvents().expectException(refusalOf(Kind.ILLEGAL_TRANSITION));
        fixture.given(dispatched(), recalled(EscalationLevel.GROUP_LEADER, null, LEADER_ACTOR))
                .when(recall(EscalationLevel.GROUP_LEADER, LEADER_ACTOR))
                .expectNoEvents().expectException(refusalOf(Kind.ILLEGAL_TRANSITION));
    }

    /**
     * Only the member checks out; a check-in nobody ends (a lost phone, a member taken ill) would hold the slip and its
     * demand for ever. Once the slip is escalated to the community, the community recalls it; the time is not
     * credited, and the member can no longer check out of it.
     */
    @Test
    void a_check_in_nobody_ended_does_not_hold_the_slip_once_the_community_is_told() {
        SlipEscalated overdue = escalated(EscalationLevel.GROUP_LEADER, SlipStatus.ACCEPTED, resolveBy);
        SlipEscalated toCommunity = escalated(EscalationLevel.COMMUNITY, SlipStatus.ACCEPTED, resolveBy);
        SlipCheckedIn checkedIn = new SlipCheckedIn(SLIP, DEMAND, MEMBER, now, "c-1", false, "member:" + MEMBER);
        fixture.given(dispatched(), accepted(), checkedIn, overdue)
                .when(recall(EscalationLevel.COMMUNITY, COMMUNITY_ACTOR))
                .expectNoEvents().expectException(refusalOf(Kind.ILLEGAL_TRANSITION));
        fixture.given(dispatched(), accepted(), checkedIn, overdue, toCommunity)
                .when(recall(EscalationLevel.COMMUNITY, COMMUNITY_ACTOR))
                .expectSuccessfulHandlerExecution()
                .expectEvents(recalled(EscalationLevel.COMMUNITY, EscalationLevel.COMMUNITY, COMMUNITY_ACTOR));
        fixture.given(dispatched(), accepted(), checkedIn, overdue, toCommunity,
                        recalled(EscalationLevel.COMMUNITY, EscalationLevel.COMMUNITY, COMMUNITY_ACTOR))
                .when(new CheckOutSlip(SLIP, MEMBER, "c-2", false, now.plusSeconds(3_600), "member:" + MEMBER))
                .expectNoEvents().expectException(refusalOf(Kind.ILLEGAL_TRANSITION));
    }

    @Test
    void a_recall_says_why() {
        fixture.given(dispatched())
                .when(new RecallSlip(SLIP, EscalationLevel.GROUP_LEADER, " ", now, LEADER_ACTOR))
                .expectNoEvents().expectException(ruleBrokenOn("reason"));
    }
}
