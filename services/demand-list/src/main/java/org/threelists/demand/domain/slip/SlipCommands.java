package org.threelists.demand.domain.slip;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.threelists.contracts.Urgency;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** Commands of the {@link Slip} aggregate (三联单). {@code at}: when the command was given, for the slip's clock. */
public final class SlipCommands {

    private SlipCommands() {
    }

    /**
     * The leader's part of the slip: the problem, who is responsible (a member of the group, of {@code memberKind},
     * with their home unit if they registered through 双报到), how urgent; the demand's street and community go with
     * it so that the slip's closing names where the hours were served.
     */
    public record DispatchSlip(@TargetAggregateIdentifier String slipId, String demandId, String streetCode,
            String communityCode, String groupId, String leaderId, String memberId, MemberKind memberKind,
            String homeUnitId, String problem, Urgency urgency, SlipTimes times, Instant at, String actor) {
    }

    public record AcceptSlip(@TargetAggregateIdentifier String slipId, String memberId, Instant at, String actor) {
    }

    public record DeclineSlip(@TargetAggregateIdentifier String slipId, String memberId, String reason, String actor) {
    }

    /**
     * The slip is taken back from its member (撤回派单), saying why: {@code by} is the caller's standing, checked at
     * the call — GROUP_LEADER for the leader of the slip's group, COMMUNITY for the community worker of its community
     * or the street's desk (services/demand-list/README.md, "The slip").
     */
    public record RecallSlip(@TargetAggregateIdentifier String slipId, EscalationLevel by, String reason, Instant at,
            String actor) {
    }

    /** The member's part: what was done, the hours, online or on site, and the day served (Beijing time). */
    public record ReportSlip(@TargetAggregateIdentifier String slipId, String memberId, String service,
            BigDecimal hours, ServiceMode mode, LocalDate serviceDate, String actor) {
    }

    /**
     * The member checks in (签到) with a code the leader showed; {@code codeNonce} names that code (verified already:
     * signature, lifetime, purpose, slip, place), so that it opens the check-in once. {@code atPlace}: the code named
     * a place and the member's position lay within its radius.
     */
    public record CheckInSlip(@TargetAggregateIdentifier String slipId, String memberId, String codeNonce,
            boolean atPlace, Instant at, String actor) {
    }

    /** The member checks out (签退) with a check-out code; the time since the check-in is the slip's checked time. */
    public record CheckOutSlip(@TargetAggregateIdentifier String slipId, String memberId, String codeNonce,
            boolean atPlace, Instant at, String actor) {
    }

    /**
     * The group's leader confirms the hours of a reported slip whose member did not check in and out, saying why;
     * only then are they credited.
     */
    public record ConfirmSlipHours(@TargetAggregateIdentifier String slipId, String leaderId, BigDecimal hours,
            String reason, String actor) {
    }

    /** The resident's satisfaction, 1–5, as the community asked and recorded it. */
    public record RecordSatisfaction(@TargetAggregateIdentifier String slipId, int score, Instant at, String actor) {
    }

    /**
     * The deadline poller's call: {@code deadline} (the acceptance or resolution time it holds) has passed by
     * {@code at}. The slip escalates if that deadline is still its current one and the next level is due.
     */
    public record PassSlipDeadline(@TargetAggregateIdentifier String slipId, Instant deadline, Instant at,
            String actor) {
    }
}
