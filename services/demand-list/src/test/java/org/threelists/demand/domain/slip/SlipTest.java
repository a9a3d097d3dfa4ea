package org.threelists.demand.domain.slip;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.threelists.contracts.Urgency;
import org.threelists.demand.domain.slip.SlipCommands.AcceptSlip;
import org.threelists.demand.domain.slip.SlipCommands.DeclineSlip;
import org.threelists.demand.domain.slip.SlipCommands.DispatchSlip;
import org.threelists.demand.domain.slip.SlipCommands.RecordSatisfaction;
import org.threelists.demand.domain.slip.SlipCommands.ReportSlip;
import org.threelists.demand.domain.slip.SlipEvents.SlipAccepted;
import org.threelists.demand.domain.slip.SlipEvents.SlipDeclined;
import org.threelists.demand.domain.slip.SlipEvents.SlipDispatched;
import org.threelists.demand.domain.slip.SlipEvents.SlipEscalated;
import org.threelists.demand.domain.slip.SlipEvents.SlipReopened;
import org.threelists.demand.domain.slip.SlipEvents.SlipReported;
import org.threelists.demand.domain.slip.SlipEvents.SlipSatisfactionRecorded;
import org.threelists.platform.domain.DomainException.Kind;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;

import static org.threelists.testing.RefusalMatchers.refusalOf;
import static org.threelists.testing.RefusalMatchers.ruleBrokenOn;

/** The three-part slip (三联单): dispatch, accept or decline in time, report, satisfaction, and escalation. */
class SlipTest {

    static final String SLIP = "s-1";
    static final String DEMAND = "d-1";
    static final String GROUP = "g-1";
    static final String LEADER = "m-leader";
    static final String MEMBER = "m-1";
    static final String UNIT = "unit-court";
    static final String PROBLEM = "楼道堆放杂物，需清理";
    static final SlipTimes TIMES = SlipTimes.DEFAULTS;
    static final Duration NORMAL = TIMES.resolutionFor(Urgency.NORMAL);

    FixtureConfiguration<Slip> fixture;
    Instant now;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Slip.class);
        now = Instant.now();
    }

    SlipDispatched dispatched() {
        return new SlipDispatched(SLIP, DEMAND, GROUP, LEADER, MEMBER, UNIT, PROBLEM, Urgency.NORMAL,
                now.plus(TIMES.acceptance()), NORMAL, TIMES.toCommunity(), "member:" + LEADER);
    }

    DispatchSlip dispatch() {
        return new DispatchSlip(SLIP, DEMAND, GROUP, LEADER, MEMBER, UNIT, PROBLEM, Urgency.NORMAL, TIMES, now,
                "member:" + LEADER);
    }

    SlipAccepted accepted() {
        return new SlipAccepted(SLIP, DEMAND, MEMBER, now.plus(NORMAL), "member:" + MEMBER);
    }

    SlipReported reported() {
        return new SlipReported(SLIP, DEMAND, MEMBER, UNIT, "清理了楼道杂物", new BigDecimal("1.5"), ServiceMode.ON_SITE,
                "member:" + MEMBER);
    }

    @Test
    void the_leader_dispatches_a_slip_with_an_acceptance_time_and_the_leader_is_told_if_it_passes() {
        fixture.givenNoPriorActivity()
                .when(new DispatchSlip(SLIP, DEMAND, GROUP, LEADER, MEMBER, UNIT, " " + PROBLEM + " ", Urgency.NORMAL,
                        TIMES, now, "member:" + LEADER))
                .expectEvents(dispatched())
                .expectScheduledDeadline(now.plus(TIMES.acceptance()),
                        new Slip.Due(EscalationLevel.GROUP_LEADER, SlipStatus.DISPATCHED, now.plus(TIMES.acceptance()), 0));
    }

    @Test
    void a_slip_not_accepted_in_time_goes_to_the_leader_then_to_the_community() {
        Instant acceptBy = now.plus(TIMES.acceptance());
        fixture.givenCommands(dispatch())
                .whenThenTimeElapses(TIMES.acceptance().plusMinutes(1))
                .expectEvents(new SlipEscalated(SLIP, DEMAND, MEMBER, EscalationLevel.GROUP_LEADER,
                        SlipStatus.DISPATCHED, acceptBy, Slip.CLOCK))
                .expectScheduledDeadline(acceptBy.plus(TIMES.toCommunity()),
                        new Slip.Due(EscalationLevel.COMMUNITY, SlipStatus.DISPATCHED, acceptBy, 0));
        fixture = new AggregateTestFixture<>(Slip.class);
        now = Instant.now();
        Instant due = now.plus(TIMES.acceptance());
        fixture.givenCommands(dispatch())
                .whenThenTimeElapses(TIMES.acceptance().plus(TIMES.toCommunity()).plusMinutes(1))
                .expectEvents(new SlipEscalated(SLIP, DEMAND, MEMBER, EscalationLevel.GROUP_LEADER,
                                SlipStatus.DISPATCHED, due, Slip.CLOCK),
                        new SlipEscalated(SLIP, DEMAND, MEMBER, EscalationLevel.COMMUNITY,
                                SlipStatus.DISPATCHED, due, Slip.CLOCK));
    }

    @Test
    void the_member_accepts_in_time_and_has_the_resolution_time_of_the_urgency() {
        fixture.given(dispatched())
                .when(new AcceptSlip(SLIP, MEMBER, now, "member:" + MEMBER))
                .expectEvents(accepted())
                .expectScheduledDeadline(now.plus(NORMAL),
                        new Slip.Due(EscalationLevel.GROUP_LEADER, SlipStatus.ACCEPTED, now.plus(NORMAL), 1));
    }

    @Test
    void an_accepted_slip_is_not_escalated_for_acceptance() {
        fixture.givenCommands(dispatch(), new AcceptSlip(SLIP, MEMBER, now, "member:" + MEMBER))
                .whenThenTimeElapses(TIMES.acceptance().plusMinutes(1))
                .expectNoEvents();
    }

    @Test
    void an_overdue_accepted_slip_goes_to_the_leader() {
        fixture.givenCommands(dispatch(), new AcceptSlip(SLIP, MEMBER, now, "member:" + MEMBER))
                .whenThenTimeElapses(NORMAL.plusMinutes(1))
                .expectEvents(new SlipEscalated(SLIP, DEMAND, MEMBER, EscalationLevel.GROUP_LEADER,
                        SlipStatus.ACCEPTED, now.plus(NORMAL), Slip.CLOCK));
    }

    @Test
    void only_the_member_the_slip_names_answers_it() {
        fixture.given(dispatched())
                .when(new AcceptSlip(SLIP, "m-2", now, "member:m-2"))
                .expectNoEvents().expectException(refusalOf(Kind.NOT_PERMITTED));
    }

    @Test
    void the_member_declines_saying_why_and_the_clock_stops() {
        fixture.given(dispatched())
                .when(new DeclineSlip(SLIP, MEMBER, " 出差在外 ", "member:" + MEMBER))
                .expectEvents(new SlipDeclined(SLIP, DEMAND, MEMBER, "出差在外", "member:" + MEMBER))
                .expectNoScheduledDeadlines();
        fixture.given(dispatched())
                .when(new DeclineSlip(SLIP, MEMBER, " ", "member:" + MEMBER))
                .expectNoEvents().expectException(ruleBrokenOn("reason"));
    }

    @Test
    void the_member_reports_what_was_done_the_hours_and_how() {
        fixture.given(dispatched(), accepted())
                .when(new ReportSlip(SLIP, MEMBER, " 清理了楼道杂物 ", new BigDecimal("1.5"), ServiceMode.ON_SITE,
                        "member:" + MEMBER))
                .expectEvents(reported());
        fixture.given(dispatched(), accepted())
                .when(new ReportSlip(SLIP, MEMBER, "清理", BigDecimal.ZERO, ServiceMode.ONLINE, "member:" + MEMBER))
                .expectNoEvents().expectException(ruleBrokenOn("hours"));
        fixture.given(dispatched())
                .when(new ReportSlip(SLIP, MEMBER, "清理", BigDecimal.ONE, ServiceMode.ONLINE, "member:" + MEMBER))
                .expectNoEvents().expectException(refusalOf(Kind.ILLEGAL_TRANSITION));
    }

    @Test
    void a_satisfied_resident_closes_the_slip() {
        fixture.given(dispatched(), accepted(), reported())
                .when(new RecordSatisfaction(SLIP, 5, now, "community:wang-fang"))
                .expectEvents(new SlipSatisfactionRecorded(SLIP, DEMAND, 5, SlipStatus.CLOSED, "community:wang-fang"))
                .expectNoScheduledDeadlines();
    }

    @Test
    void a_low_satisfaction_reopens_the_slip_with_a_new_resolution_time() {
        fixture.given(dispatched(), accepted(), reported())
                .when(new RecordSatisfaction(SLIP, 2, now, "community:wang-fang"))
                .expectEvents(new SlipSatisfactionRecorded(SLIP, DEMAND, 2, SlipStatus.ACCEPTED, "community:wang-fang"),
                        new SlipReopened(SLIP, DEMAND, MEMBER, now.plus(NORMAL), "resident's satisfaction 2 of 5",
                                "community:wang-fang"))
                .expectScheduledDeadline(now.plus(NORMAL),
                        new Slip.Due(EscalationLevel.GROUP_LEADER, SlipStatus.ACCEPTED, now.plus(NORMAL), 3));
        fixture.given(dispatched(), accepted(), reported())
                .when(new RecordSatisfaction(SLIP, 6, now, "community:wang-fang"))
                .expectNoEvents().expectException(ruleBrokenOn("score"));
    }
}
