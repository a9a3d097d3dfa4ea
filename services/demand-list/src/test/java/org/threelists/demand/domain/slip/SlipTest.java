package org.threelists.demand.domain.slip;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.threelists.contracts.Urgency;
import org.threelists.demand.domain.slip.SlipCommands.AcceptSlip;
import org.threelists.demand.domain.slip.SlipCommands.CheckInSlip;
import org.threelists.demand.domain.slip.SlipCommands.CheckOutSlip;
import org.threelists.demand.domain.slip.SlipCommands.ConfirmSlipHours;
import org.threelists.demand.domain.slip.SlipCommands.DeclineSlip;
import org.threelists.demand.domain.slip.SlipCommands.DispatchSlip;
import org.threelists.demand.domain.slip.SlipCommands.PassSlipDeadline;
import org.threelists.demand.domain.slip.SlipCommands.RecordSatisfaction;
import org.threelists.demand.domain.slip.SlipCommands.ReportSlip;
import org.threelists.demand.domain.slip.SlipEvents.SlipAccepted;
import org.threelists.demand.domain.slip.SlipEvents.SlipCheckedIn;
import org.threelists.demand.domain.slip.SlipEvents.SlipCheckedOut;
import org.threelists.demand.domain.slip.SlipEvents.SlipHoursConfirmed;
import org.threelists.demand.domain.slip.SlipEvents.SlipClosed;
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
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

import static org.threelists.testing.RefusalMatchers.refusalOf;
import static org.threelists.testing.RefusalMatchers.ruleBrokenOn;

/**
 * The three-part slip (三联单): dispatch, accept or decline in time, report, satisfaction, and escalation when the
 * deadline poller passes a time limit (once per level and limit, whatever the poller repeats).
 */
class SlipTest {

    static final String SLIP = "s-1";
    static final String DEMAND = "d-1";
    static final String GROUP = "g-1";
    static final String LEADER = "m-leader";
    static final String MEMBER = "m-1";
    static final String UNIT = "unit-court";
    static final String PROBLEM = "楼道堆放杂物，需清理";
    static final LocalDate DAY = LocalDate.of(2026, 12, 4);
    static final SlipTimes TIMES = SlipTimes.DEFAULTS;
    static final Duration NORMAL = TIMES.resolutionFor(Urgency.NORMAL);
    static final Duration MINUTES_80 = Duration.ofMinutes(80);

    FixtureConfiguration<Slip> fixture;
    Instant now;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Slip.class);
        now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    SlipDispatched dispatched() {
        return new SlipDispatched(SLIP, DEMAND, "dianqian", "jiafu", GROUP, LEADER, MEMBER, MemberKind.VOLUNTEER, UNIT,
                PROBLEM, Urgency.NORMAL, now.plus(TIMES.acceptance()), NORMAL, TIMES.toCommunity(), "member:" + LEADER);
    }

    DispatchSlip dispatch(String problem) {
        return new DispatchSlip(SLIP, DEMAND, "dianqian", "jiafu", GROUP, LEADER, MEMBER, MemberKind.VOLUNTEER, UNIT,
                problem, Urgency.NORMAL, TIMES, now, "member:" + LEADER);
    }

    SlipAccepted accepted() {
        return new SlipAccepted(SLIP, DEMAND, MEMBER, now.plus(NORMAL), "member:" + MEMBER);
    }

    SlipReported reported() {
        return new SlipReported(SLIP, DEMAND, MEMBER, UNIT, "清理了楼道杂物", new BigDecimal("1.5"), ServiceMode.ON_SITE,
                DAY, null, null, "member:" + MEMBER);
    }

    SlipEscalated toLeader(SlipStatus overdue, Instant due) {
        return new SlipEscalated(SLIP, DEMAND, MEMBER, EscalationLevel.GROUP_LEADER, overdue, due,
                due.plus(TIMES.toCommunity()), Slip.CLOCK);
    }

    PassSlipDeadline pass(Instant deadline, Instant at) {
        return new PassSlipDeadline(SLIP, deadline, at, Slip.CLOCK);
    }

    @Test
    void the_leader_dispatches_a_slip_with_an_acceptance_time() {
        fixture.givenNoPriorActivity()
                .when(dispatch(" " + PROBLEM + " "))
                .expectEvents(dispatched());
        fixture.givenNoPriorActivity()
                .when(dispatch(" "))
                .expectNoEvents().expectException(ruleBrokenOn("problem"));
    }

    @Test
    void a_slip_not_accepted_in_time_goes_to_the_leader_then_to_the_community_each_once() {
        Instant acceptBy = now.plus(TIMES.acceptance());
        fixture.given(dispatched())
                .when(pass(acceptBy, acceptBy.plusSeconds(1)))
                .expectEvents(toLeader(SlipStatus.DISPATCHED, acceptBy));
        fixture.given(dispatched(), toLeader(SlipStatus.DISPATCHED, acceptBy))
                .when(pass(acceptBy, acceptBy.plusSeconds(2)))
                .expectNoEvents();
        fixture.given(dispatched(), toLeader(SlipStatus.DISPATCHED, acceptBy))
                .when(pass(acceptBy, acceptBy.plus(TIMES.toCommunity())))
                .expectEvents(new SlipEscalated(SLIP, DEMAND, MEMBER, EscalationLevel.COMMUNITY, SlipStatus.DISPATCHED,
                        acceptBy, null, Slip.CLOCK));
        fixture.given(dispatched(), toLeader(SlipStatus.DISPATCHED, acceptBy), new SlipEscalated(SLIP, DEMAND, MEMBER,
                        EscalationLevel.COMMUNITY, SlipStatus.DISPATCHED, acceptBy, null, Slip.CLOCK))
                .when(pass(acceptBy, acceptBy.plus(Duration.ofDays(9))))
                .expectNoEvents();
    }

    @Test
    void a_deadline_not_yet_passed_or_no_longer_the_slips_changes_nothing() {
        Instant acceptBy = now.plus(TIMES.acceptance());
        fixture.given(dispatched())
                .when(pass(acceptBy, acceptBy.minusSeconds(1)))
                .expectNoEvents();
        fixture.given(dispatched(), accepted())
                .when(pass(acceptBy, acceptBy.plusSeconds(1)))
                .expectNoEvents();
    }

    @Test
    void the_member_accepts_in_time_and_has_the_resolution_time_of_the_urgency() {
        fixture.given(dispatched())
                .when(new AcceptSlip(SLIP, MEMBER, now, "member:" + MEMBER))
                .expectEvents(accepted());
    }

    @Test
    void an_overdue_accepted_slip_goes_to_the_leader() {
        Instant resolveBy = now.plus(NORMAL);
        fixture.given(dispatched(), accepted())
                .when(pass(resolveBy, resolveBy.plusSeconds(1)))
                .expectEvents(toLeader(SlipStatus.ACCEPTED, resolveBy));
    }

    @Test
    void only_the_member_the_slip_names_answers_it() {
        fixture.given(dispatched())
                .when(new AcceptSlip(SLIP, "m-2", now, "member:m-2"))
                .expectNoEvents().expectException(refusalOf(Kind.NOT_PERMITTED));
    }

    @Test
    void the_member_declines_saying_why_and_the_clock_stops() {
        Instant acceptBy = now.plus(TIMES.acceptance());
        fixture.given(dispatched())
                .when(new DeclineSlip(SLIP, MEMBER, " 出差在外 ", "member:" + MEMBER))
                .expectEvents(new SlipDeclined(SLIP, DEMAND, MEMBER, "出差在外", "member:" + MEMBER));
        fixture.given(dispatched(), new SlipDeclined(SLIP, DEMAND, MEMBER, "出差在外", "member:" + MEMBER))
                .when(pass(acceptBy, acceptBy.plusSeconds(1)))
                .expectNoEvents();
        fixture.given(dispatched())
                .when(new DeclineSlip(SLIP, MEMBER, " ", "member:" + MEMBER))
                .expectNoEvents().expectException(ruleBrokenOn("reason"));
    }

    @Test
    void the_member_reports_what_was_done_the_hours_and_how() {
        fixture.given(dispatched(), accepted())
                .when(new ReportSlip(SLIP, MEMBER, " 清理了楼道杂物 ", new BigDecimal("1.5"), ServiceMode.ON_SITE, DAY,
                        "member:" + MEMBER))
                .expectEvents(reported());
        fixture.given(dispatched(), accepted())
                .when(new ReportSlip(SLIP, MEMBER, "清理", BigDecimal.ZERO, ServiceMode.ONLINE, DAY, "member:" + MEMBER))
                .expectNoEvents().expectException(ruleBrokenOn("hours"));
        fixture.given(dispatched(), accepted())
                .when(new ReportSlip(SLIP, MEMBER, "清理", new BigDecimal("24.5"), ServiceMode.ONLINE, DAY,
                        "member:" + MEMBER))
                .expectNoEvents().expectException(ruleBrokenOn("hours"));
        fixture.given(dispatched())
                .when(new ReportSlip(SLIP, MEMBER, "清理", BigDecimal.ONE, ServiceMode.ONLINE, DAY, "member:" + MEMBER))
                .expectNoEvents().expectException(refusalOf(Kind.ILLEGAL_TRANSITION));
    }

    @Test
    void a_reported_slip_is_no_longer_overdue() {
        Instant resolveBy = now.plus(NORMAL);
        fixture.given(dispatched(), accepted(), reported())
                .when(pass(resolveBy, resolveBy.plusSeconds(1)))
                .expectNoEvents();
    }

    @Test
    void a_satisfied_resident_closes_the_slip_with_what_the_ledger_credits() {
        fixture.given(dispatched(), accepted(), checkedIn("c-1", now), checkedOut("c-2", now, now.plus(MINUTES_80),
                        "1.25"), reportedChecked("1.25"))
                .when(new RecordSatisfaction(SLIP, 5, now, "community:wang-fang"))
                .expectEvents(new SlipSatisfactionRecorded(SLIP, DEMAND, 5, SlipStatus.CLOSED, "community:wang-fang"),
                        new SlipClosed(SLIP, DEMAND, "dianqian", "jiafu", GROUP, MEMBER, MemberKind.VOLUNTEER, UNIT,
                                new BigDecimal("1.25"), ServiceMode.ON_SITE, DAY, 5, new BigDecimal("1.5"),
                                new BigDecimal("1.25"), HoursSource.CHECKED, "community:wang-fang"));
    }

    @Test
    void the_member_checks_in_and_out_with_the_leaders_codes_and_the_time_counts_in_quarter_hours() {
        fixture.given(dispatched(), accepted())
                .when(new CheckInSlip(SLIP, MEMBER, "c-1", true, now, "member:" + MEMBER))
                .expectEvents(new SlipCheckedIn(SLIP, DEMAND, MEMBER, now, "c-1", true, "member:" + MEMBER));
        fixture.given(dispatched(), accepted(), checkedIn("c-1", now))
                .when(new CheckOutSlip(SLIP, MEMBER, "c-2", false, now.plus(MINUTES_80), "member:" + MEMBER))
                .expectEvents(checkedOut("c-2", now, now.plus(MINUTES_80), "1.25"));
    }

    @Test
    void the_checked_time_of_every_round_adds_up_before_it_is_rounded() {
        Instant second = now.plus(Duration.ofHours(2));
        fixture.given(dispatched(), accepted(), checkedIn("c-1", now),
                        checkedOut("c-2", now, now.plus(Duration.ofMinutes(40)), "0.75"), checkedIn("c-3", second))
                .when(new CheckOutSlip(SLIP, MEMBER, "c-4", false, second.plus(Duration.ofMinutes(40)),
                        "member:" + MEMBER))
                .expectEvents(checkedOut("c-4", second, second.plus(Duration.ofMinutes(40)), "1.25"));
    }

    @Test
    void a_code_opens_its_purpose_once_and_only_in_order() {
        fixture.given(dispatched(), accepted(), checkedIn("c-1", now))
                .when(new CheckInSlip(SLIP, MEMBER, "c-1", false, now.plusSeconds(60), "member:" + MEMBER))
                .expectNoEvents().expectException(ruleBrokenOn("code"));
        fixture.given(dispatched(), accepted(), checkedIn("c-1", now), checkedOut("c-2", now, now.plus(MINUTES_80),
                        "1.25"))
                .when(new CheckOutSlip(SLIP, MEMBER, "c-2", false, now.plus(MINUTES_80), "member:" + MEMBER))
                .expectNoEvents().expectException(ruleBrokenOn("code"));
        fixture.given(dispatched(), accepted(), checkedIn("c-1", now))
                .when(new CheckInSlip(SLIP, MEMBER, "c-3", false, now.plusSeconds(60), "member:" + MEMBER))
                .expectNoEvents().expectException(refusalOf(Kind.ILLEGAL_TRANSITION));
        fixture.given(dispatched(), accepted())
                .when(new CheckOutSlip(SLIP, MEMBER, "c-2", false, now, "member:" + MEMBER))
                .expectNoEvents().expectException(refusalOf(Kind.ILLEGAL_TRANSITION));
    }

    @Test
    void only_the_member_checks_in_and_only_to_an_accepted_slip() {
        fixture.given(dispatched(), accepted())
                .when(new CheckInSlip(SLIP, "m-2", "c-1", false, now, "member:m-2"))
                .expectNoEvents().expectException(refusalOf(Kind.NOT_PERMITTED));
        fixture.given(dispatched())
                .when(new CheckInSlip(SLIP, MEMBER, "c-1", false, now, "member:" + MEMBER))
                .expectNoEvents().expectException(refusalOf(Kind.ILLEGAL_TRANSITION));
        fixture.given(dispatched(), accepted(), reported())
                .when(new CheckInSlip(SLIP, MEMBER, "c-1", false, now, "member:" + MEMBER))
                .expectNoEvents().expectException(refusalOf(Kind.ILLEGAL_TRANSITION));
    }

    @Test
    void the_report_counts_the_checked_time_and_keeps_the_members_own_figure_beside_it() {
        fixture.given(dispatched(), accepted(), checkedIn("c-1", now), checkedOut("c-2", now, now.plus(MINUTES_80),
                        "1.25"))
                .when(new ReportSlip(SLIP, MEMBER, "清理了楼道杂物", new BigDecimal("1.5"), ServiceMode.ON_SITE, DAY,
                        "member:" + MEMBER))
                .expectEvents(reportedChecked("1.25"));
        fixture.given(dispatched(), accepted(), checkedIn("c-1", now))
                .when(new ReportSlip(SLIP, MEMBER, "清理了楼道杂物", new BigDecimal("1.5"), ServiceMode.ON_SITE, DAY,
                        "member:" + MEMBER))
                .expectNoEvents().expectException(refusalOf(Kind.ILLEGAL_TRANSITION));
    }

    @Test
    void hours_nobody_checked_are_credited_only_once_the_leader_confirms_them() {
        fixture.given(dispatched(), accepted(), reported())
                .when(new RecordSatisfaction(SLIP, 4, now, "community:wang-fang"))
                .expectNoEvents().expectException(refusalOf(Kind.ILLEGAL_TRANSITION));
        fixture.given(dispatched(), accepted(), reported())
                .when(new ConfirmSlipHours(SLIP, LEADER, new BigDecimal("1"), " 手机没电，未能签到 ", "member:" + LEADER))
                .expectEvents(confirmed("1"));
        fixture.given(dispatched(), accepted(), reported(), confirmed("1"))
                .when(new RecordSatisfaction(SLIP, 4, now, "community:wang-fang"))
                .expectEvents(new SlipSatisfactionRecorded(SLIP, DEMAND, 4, SlipStatus.CLOSED, "community:wang-fang"),
                        new SlipClosed(SLIP, DEMAND, "dianqian", "jiafu", GROUP, MEMBER, MemberKind.VOLUNTEER, UNIT,
                                BigDecimal.ONE, ServiceMode.ON_SITE, DAY, 4, new BigDecimal("1.5"), null,
                                HoursSource.CONFIRMED_BY_LEADER, "community:wang-fang"));
    }

    @Test
    void the_leader_confirms_only_the_hours_of_a_reported_slip_nobody_checked() {
        fixture.given(dispatched(), accepted(), checkedIn("c-1", now), checkedOut("c-2", now, now.plus(MINUTES_80),
                        "1.25"), reportedChecked("1.25"))
                .when(new ConfirmSlipHours(SLIP, LEADER, new BigDecimal("1.5"), "按上报时长", "member:" + LEADER))
                .expectNoEvents().expectException(refusalOf(Kind.ILLEGAL_TRANSITION));
        fixture.given(dispatched(), accepted())
                .when(new ConfirmSlipHours(SLIP, LEADER, BigDecimal.ONE, "手机没电", "member:" + LEADER))
                .expectNoEvents().expectException(refusalOf(Kind.ILLEGAL_TRANSITION));
        fixture.given(dispatched(), accepted(), reported())
                .when(new ConfirmSlipHours(SLIP, LEADER, new BigDecimal("24.25"), "手机没电", "member:" + LEADER))
                .expectNoEvents().expectException(ruleBrokenOn("hours"));
        fixture.given(dispatched(), accepted(), reported())
                .when(new ConfirmSlipHours(SLIP, LEADER, BigDecimal.ONE, " ", "member:" + LEADER))
                .expectNoEvents().expectException(ruleBrokenOn("reason"));
    }

    @Test
    void a_reopened_slip_credits_again_only_what_is_checked_or_confirmed_anew() {
        SlipReopened reopened = new SlipReopened(SLIP, DEMAND, MEMBER, now.plus(NORMAL), "low", "community:wang-fang");
        fixture.given(dispatched(), accepted(), reported(), confirmed("1"),
                        new SlipSatisfactionRecorded(SLIP, DEMAND, 2, SlipStatus.ACCEPTED, "community:wang-fang"),
                        reopened, reported())
                .when(new RecordSatisfaction(SLIP, 5, now, "community:wang-fang"))
                .expectNoEvents().expectException(refusalOf(Kind.ILLEGAL_TRANSITION));
    }

    SlipCheckedIn checkedIn(String nonce, Instant at) {
        return new SlipCheckedIn(SLIP, DEMAND, MEMBER, at, nonce, false, "member:" + MEMBER);
    }

    SlipCheckedOut checkedOut(String nonce, Instant in, Instant out, String hours) {
        return new SlipCheckedOut(SLIP, DEMAND, MEMBER, in, out, nonce, false, new BigDecimal(hours),
                "member:" + MEMBER);
    }

    SlipReported reportedChecked(String checked) {
        return new SlipReported(SLIP, DEMAND, MEMBER, UNIT, "清理了楼道杂物", new BigDecimal("1.5"), ServiceMode.ON_SITE,
                DAY, new BigDecimal(checked), HoursSource.CHECKED, "member:" + MEMBER);
    }

    SlipHoursConfirmed confirmed(String hours) {
        return new SlipHoursConfirmed(SLIP, DEMAND, MEMBER, LEADER, new BigDecimal(hours), new BigDecimal("1.5"),
                "手机没电，未能签到", "member:" + LEADER);
    }

    @Test
    void a_low_satisfaction_reopens_the_slip_with_a_new_resolution_time_that_escalates_afresh() {
        Instant later = now.plus(Duration.ofDays(1));
        Instant resolveBy = later.plus(NORMAL);
        SlipReopened reopened = new SlipReopened(SLIP, DEMAND, MEMBER, resolveBy, "resident's satisfaction 2 of 5",
                "community:wang-fang");
        fixture.given(dispatched(), accepted(), reported())
                .when(new RecordSatisfaction(SLIP, 2, later, "community:wang-fang"))
                .expectEvents(new SlipSatisfactionRecorded(SLIP, DEMAND, 2, SlipStatus.ACCEPTED, "community:wang-fang"),
                        reopened);
        fixture.given(dispatched(), accepted(), toLeader(SlipStatus.ACCEPTED, now.plus(NORMAL)), reported(),
                        new SlipSatisfactionRecorded(SLIP, DEMAND, 2, SlipStatus.ACCEPTED, "community:wang-fang"), reopened)
                .when(pass(resolveBy, resolveBy.plusSeconds(1)))
                .expectEvents(toLeader(SlipStatus.ACCEPTED, resolveBy));
        fixture.given(dispatched(), accepted(), reported())
                .when(new RecordSatisfaction(SLIP, 6, now, "community:wang-fang"))
                .expectNoEvents().expectException(ruleBrokenOn("score"));
    }
}
