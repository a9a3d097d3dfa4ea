package org.threelists.demand.domain.slip;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.threelists.demand.domain.slip.SlipCommands.AcceptSlip;
import org.threelists.demand.domain.slip.SlipCommands.CheckInSlip;
import org.threelists.demand.domain.slip.SlipCommands.CheckOutSlip;
import org.threelists.demand.domain.slip.SlipCommands.ConfirmSlipHours;
import org.threelists.demand.domain.slip.SlipCommands.DeclineSlip;
import org.threelists.demand.domain.slip.SlipCommands.DispatchSlip;
import org.threelists.demand.domain.slip.SlipCommands.PassSlipDeadline;
import org.threelists.demand.domain.slip.SlipCommands.RecallSlip;
import org.threelists.demand.domain.slip.SlipCommands.RecordSatisfaction;
import org.threelists.demand.domain.slip.SlipCommands.ReportSlip;
import org.threelists.demand.domain.slip.SlipEvents.SlipAccepted;
import org.threelists.demand.domain.slip.SlipEvents.SlipCheckedIn;
import org.threelists.demand.domain.slip.SlipEvents.SlipCheckedOut;
import org.threelists.demand.domain.slip.SlipEvents.SlipHoursConfirmed;
import org.threelists.demand.domain.slip.SlipEvents.SlipClosed;
import org.threelists.demand.domain.slip.SlipEvents.SlipDeclined;
import org.threelists.demand.domain.slip.SlipEvents.SlipDispatched;
import org.threelists.demand.domain.slip.SlipEvents.SlipRecalled;
import org.threelists.demand.domain.slip.SlipEvents.SlipEscalated;
import org.threelists.demand.domain.slip.SlipEvents.SlipReopened;
import org.threelists.demand.domain.slip.SlipEvents.SlipReported;
import org.threelists.demand.domain.slip.SlipEvents.SlipSatisfactionRecorded;
import org.threelists.platform.checkin.CheckedHours;
import org.threelists.platform.domain.IllegalTransitionException;
import org.threelists.platform.domain.NotPermittedException;
import org.threelists.platform.domain.RuleBrokenException;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A three-part slip (三联单) of the second lane: the problem, who is responsible, the service given. The group
 * leader dispatches it to a member, who accepts or declines within the acceptance time, then resolves it within the
 * resolution time of its urgency and reports the service; the community records the resident's satisfaction, and a
 * low one reopens it. A slip not accepted or not resolved in time is brought to the leader, then to the community,
 * who may take it back ({@link RecallSlip}) so that it no longer holds its demand (services/demand-list/README.md,
 * "The slip"). The clock is outside: the deadline poller passes the slip's current deadline
 * ({@link PassSlipDeadline}), and the slip alone decides whether that is news — so each level is told at most once per
 * deadline, however often the poller calls.
 *
 * <p>Hours come from the member's check-in and check-out with the leader's codes, not from the member's say-so: the
 * checked time of all rounds, rounded ({@link CheckedHours}), is what a closed slip credits; a member who did not
 * check in gets hours only when the leader confirms them. The member's own figure is kept beside them
 * (services/demand-list/README.md, "Check-in and check-out").
 */
public class Slip {

    /** A satisfaction at or below this reopens the slip, as a rating of 1–2 reopens a demand. */
    static final int REOPENING_SCORE = 2;
    static final BigDecimal MAX_HOURS = new BigDecimal("24");
    public static final String CLOCK = "system:slip-clock";

    @AggregateIdentifier
    private String slipId;
    private String demandId;
    private String streetCode;
    private String communityCode;
    private String groupId;
    private String memberId;
    private MemberKind memberKind;
    private String homeUnitId;
    private SlipStatus status;
    private Duration resolveWithin;
    private Duration escalateAfter;
    /** The time now running (to accept while dispatched, to resolve while accepted); null when none runs. */
    private Instant deadline;
    /** How far the current deadline has been escalated; null until it passes. */
    private EscalationLevel escalated;
    /** The member's own figure, from the report. */
    private BigDecimal reportedHours;
    /** What the slip credits: the checked or the confirmed hours; null while neither is known. */
    private BigDecimal hours;
    private HoursSource hoursSource;
    /** The open check-in, null when the member is not checked in. */
    private Instant checkedInAt;
    /** The hours of the rounds checked out so far; null before the first check-out. */
    private BigDecimal checkedHours;
    private Duration checkedTime = Duration.ZERO;
    /** The nonces of the codes used: a code opens its purpose once. */
    private final Set<String> usedCodes = new HashSet<>();
    private ServiceMode mode;
    private LocalDate serviceDate;

    protected Slip() {
    }

    @CommandHandler
    public Slip(DispatchSlip command) {
        if (blank(command.memberId()) || command.memberKind() == null) {
            throw new RuleBrokenException("memberId", "a slip is dispatched to a member of the group");
        }
        if (blank(command.problem())) {
            throw new RuleBrokenException("problem", "a slip states the problem");
        }
        if (command.urgency() == null) {
            throw new RuleBrokenException("urgency", "is required");
        }
        SlipTimes times = command.times();
        apply(new SlipDispatched(command.slipId(), command.demandId(), command.streetCode(), command.communityCode(),
                command.groupId(), command.leaderId(), command.memberId(), command.memberKind(),
                command.homeUnitId(), command.problem().strip(), command.urgency(),
                command.at().plus(times.acceptance()), times.resolutionFor(command.urgency()), times.toCommunity(),
                command.actor()));
    }

    @CommandHandler
    public void handle(AcceptSlip command) {
        requireMember(command.memberId());
        require("accept", EnumSet.of(SlipStatus.DISPATCHED));
        apply(new SlipAccepted(slipId, demandId, memberId, command.at().plus(resolveWithin), command.actor()));
    }

    @CommandHandler
    public void handle(DeclineSlip command) {
        requireMember(command.memberId());
        require("decline", EnumSet.of(SlipStatus.DISPATCHED));
        if (blank(command.reason())) {
            throw new RuleBrokenException("reason", "a member who declines says why, so the leader can choose another");
        }
        apply(new SlipDeclined(slipId, demandId, memberId, command.reason().strip(), command.actor()));
    }

    /**
     * Taking a slip back from its member (撤回派单), so that a slip nobody answers no longer holds its demand: the
     * leader at any time while it is dispatched (the wrong member was named, say), an accepted one only once it is
     * overdue (escalated); the community (or the desk) once it was escalated to them. Never once the service was
     * given (reported: its hours go through the confirmation), nor while the member is checked in, at the service —
     * unless the community recalls it once escalated to them: a check-in nobody ended (a lost phone, a member taken
     * ill) must not hold the slip and its demand for ever, and only the member can check out. Such a check-in's time
     * is not credited: the recall closes the slip without hours (services/demand-list/README.md, "The slip").
     */
    @CommandHandler
    public void handle(RecallSlip command) {
        if (command.by() == null) {
            throw new RuleBrokenException("by", "is required");
        }
        require("recall", EnumSet.of(SlipStatus.DISPATCHED, SlipStatus.ACCEPTED));
        boolean byCommunityOnceEscalated = command.by() == EscalationLevel.COMMUNITY
                && escalated == EscalationLevel.COMMUNITY;
        if (checkedInAt != null && !byCommunityOnceEscalated) {
            throw new IllegalTransitionException("recall slip " + slipId + " while its member is checked in", status);
        }
        if (command.by() == EscalationLevel.COMMUNITY && escalated != EscalationLevel.COMMUNITY) {
            throw new IllegalTransitionException("recall slip " + slipId + " before it is escalated to the community",
                    status);
        }
        if (command.by() == EscalationLevel.GROUP_LEADER && status == SlipStatus.ACCEPTED && escalated == null) {
            throw new IllegalTransitionException("recall slip " + slipId
                    + ", accepted and not overdue (the member has until its resolution time)", status);
        }
        if (blank(command.reason())) {
            throw new RuleBrokenException("reason", "say why the slip is recalled");
        }
        apply(new SlipRecalled(slipId, demandId, memberId, command.by(), escalated, command.reason().strip(),
                command.at(), command.actor()));
    }

    @CommandHandler
    public void handle(ReportSlip command) {
        requireMember(command.memberId());
        require("report", EnumSet.of(SlipStatus.ACCEPTED));
        if (blank(command.service())) {
            throw new RuleBrokenException("service", "the report says what was done");
        }
        if (command.hours() == null || command.hours().signum() <= 0 || command.hours().compareTo(MAX_HOURS) > 0) {
            throw new RuleBrokenException("hours", "must be more than 0 and at most " + MAX_HOURS);
        }
        if (command.mode() == null) {
            throw new RuleBrokenException("mode", "say whether the service was given online or on site");
        }
        if (command.serviceDate() == null) {
            throw new RuleBrokenException("serviceDate", "is required");
        }
        if (checkedInAt != null) {
            throw new IllegalTransitionException("report slip " + slipId + " while checked in (check out first)",
                    status);
        }
        apply(new SlipReported(slipId, demandId, memberId, homeUnitId, command.service().strip(), command.hours(),
                command.mode(), command.serviceDate(), checkedHours, checkedHours == null ? null : HoursSource.CHECKED,
                command.actor()));
    }

    @CommandHandler
    public void handle(CheckInSlip command) {
        requireMember(command.memberId());
        require("check in to", EnumSet.of(SlipStatus.ACCEPTED));
        requireUnused(command.codeNonce());
        if (checkedInAt != null) {
            throw new IllegalTransitionException("check in to slip " + slipId + " again before checking out", status);
        }
        apply(new SlipCheckedIn(slipId, demandId, memberId, command.at(), command.codeNonce(), command.atPlace(),
                command.actor()));
    }

    @CommandHandler
    public void handle(CheckOutSlip command) {
        requireMember(command.memberId());
        require("check out of", EnumSet.of(SlipStatus.ACCEPTED));
        requireUnused(command.codeNonce());
        if (checkedInAt == null) {
            throw new IllegalTransitionException("check out of slip " + slipId + " without checking in", status);
        }
        if (command.at().isBefore(checkedInAt)) {
            throw new RuleBrokenException("at", "a check-out comes after its check-in");
        }
        BigDecimal total = CheckedHours.of(checkedTime.plus(Duration.between(checkedInAt, command.at())));
        apply(new SlipCheckedOut(slipId, demandId, memberId, checkedInAt, command.at(), command.codeNonce(),
                command.atPlace(), total, command.actor()));
    }

    /**
     * The leader vouches for hours nobody checked: only for a reported slip whose member has no checked time (a
     * checked time is never overruled by a say-so).
     */
    @CommandHandler
    public void handle(ConfirmSlipHours command) {
        require("confirm the hours of", EnumSet.of(SlipStatus.REPORTED));
        if (checkedHours != null) {
            throw new IllegalTransitionException("confirm the hours of slip " + slipId
                    + ", whose member checked in and out (the checked time counts)", status);
        }
        if (command.hours() == null || command.hours().signum() <= 0 || command.hours().compareTo(MAX_HOURS) > 0) {
            throw new RuleBrokenException("hours", "must be more than 0 and at most " + MAX_HOURS);
        }
        if (blank(command.reason())) {
            throw new RuleBrokenException("reason", "say why the member could not check in");
        }
        apply(new SlipHoursConfirmed(slipId, demandId, memberId, command.leaderId(), command.hours(), reportedHours,
                command.reason().strip(), command.actor()));
    }

    @CommandHandler
    public void handle(RecordSatisfaction command) {
        require("record the satisfaction of", EnumSet.of(SlipStatus.REPORTED));
        if (command.score() < 1 || command.score() > 5) {
            throw new RuleBrokenException("score", "must be between 1 and 5");
        }
        boolean reopens = command.score() <= REOPENING_SCORE;
        if (!reopens && hours == null) {
            throw new IllegalTransitionException("close slip " + slipId + " before its hours are checked or "
                    + "confirmed by the group's leader", status);
        }
        apply(new SlipSatisfactionRecorded(slipId, demandId, command.score(),
                reopens ? SlipStatus.ACCEPTED : SlipStatus.CLOSED, command.actor()));
        if (reopens) {
            apply(new SlipReopened(slipId, demandId, memberId, command.at().plus(resolveWithin),
                    "resident's satisfaction " + command.score() + " of 5", command.actor()));
        } else {
            apply(new SlipClosed(slipId, demandId, streetCode, communityCode, groupId, memberId, memberKind,
                    homeUnitId, hours, mode, serviceDate, command.score(), reportedHours, checkedHours, hoursSource,
                    command.actor()));
        }
    }

    /**
     * The leader is told once the current deadline has passed; the community {@code escalateAfter} later, if the
     * slip has still not moved. A deadline that is no longer the slip's (it was accepted, reported, reopened since)
     * or a level already told changes nothing.
     */
    @CommandHandler
    public void handle(PassSlipDeadline command) {
        if (deadline == null || !deadline.equals(command.deadline())) {
            return;
        }
        Instant toCommunity = deadline.plus(escalateAfter);
        if (escalated == null && !command.at().isBefore(deadline)) {
            apply(new SlipEscalated(slipId, demandId, memberId, EscalationLevel.GROUP_LEADER, status, deadline,
                    toCommunity, command.actor()));
        } else if (escalated == EscalationLevel.GROUP_LEADER && !command.at().isBefore(toCommunity)) {
            apply(new SlipEscalated(slipId, demandId, memberId, EscalationLevel.COMMUNITY, status, deadline, null,
                    command.actor()));
        }
    }

    @EventSourcingHandler
    void on(SlipDispatched event) {
        slipId = event.slipId();
        demandId = event.demandId();
        streetCode = event.streetCode();
        communityCode = event.communityCode();
        groupId = event.groupId();
        memberId = event.memberId();
        memberKind = event.memberKind();
        homeUnitId = event.homeUnitId();
        resolveWithin = event.resolveWithin();
        escalateAfter = event.escalateAfter();
        status = SlipStatus.DISPATCHED;
        runs(event.acceptBy());
    }

    @EventSourcingHandler
    void on(SlipAccepted event) {
        status = SlipStatus.ACCEPTED;
        runs(event.resolveBy());
    }

    @EventSourcingHandler
    void on(SlipDeclined event) {
        status = SlipStatus.DECLINED;
        runs(null);
    }

    @EventSourcingHandler
    void on(SlipRecalled event) {
        status = SlipStatus.RECALLED;
        checkedInAt = null;
        runs(null);
    }

    @EventSourcingHandler
    void on(SlipEscalated event) {
        escalated = event.level();
    }

    @EventSourcingHandler
    void on(SlipCheckedIn event) {
        checkedInAt = event.at();
        usedCodes.add(event.codeNonce());
    }

    @EventSourcingHandler
    void on(SlipCheckedOut event) {
        checkedTime = checkedTime.plus(Duration.between(event.checkedInAt(), event.at()));
        checkedHours = event.checkedHours();
        checkedInAt = null;
        usedCodes.add(event.codeNonce());
    }

    @EventSourcingHandler
    void on(SlipReported event) {
        status = SlipStatus.REPORTED;
        reportedHours = event.hours();
        hoursSource = event.hoursSource();
        hours = event.hoursSource() == null ? null : event.checkedHours();
        mode = event.mode();
        serviceDate = event.serviceDate();
        runs(null);
    }

    @EventSourcingHandler
    void on(SlipHoursConfirmed event) {
        hours = event.hours();
        hoursSource = HoursSource.CONFIRMED_BY_LEADER;
    }

    @EventSourcingHandler
    void on(SlipSatisfactionRecorded event) {
        status = event.status();
    }

    /** Served again: the next report counts the checked time of every round, or awaits a new confirmation. */
    @EventSourcingHandler
    void on(SlipReopened event) {
        status = SlipStatus.ACCEPTED;
        hours = null;
        hoursSource = null;
        runs(event.resolveBy());
    }

    private void runs(Instant next) {
        deadline = next;
        escalated = null;
    }

    private void require(String action, Set<SlipStatus> allowed) {
        if (!allowed.contains(status)) {
            throw new IllegalTransitionException(action + " slip " + slipId, status);
        }
    }

    /** Only the member the slip was dispatched to answers it: a slip names who is responsible. */
    private void requireMember(String caller) {
        if (!memberId.equals(caller)) {
            throw new NotPermittedException("slip " + slipId + " was dispatched to another member");
        }
    }

    private void requireUnused(String codeNonce) {
        if (blank(codeNonce)) {
            throw new RuleBrokenException("code", "is required");
        }
        if (usedCodes.contains(codeNonce)) {
            throw new RuleBrokenException("code", "this code has been used already; ask for a new one");
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
