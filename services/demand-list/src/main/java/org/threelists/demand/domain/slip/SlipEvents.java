package org.threelists.demand.domain.slip;

import org.threelists.contracts.Urgency;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

/** Events of the {@link Slip} aggregate; each names the demand, so the demand's events and its slips stay together. */
public final class SlipEvents {

    private SlipEvents() {
    }

    /**
     * {@code resolveWithin}: the resolution time of the slip's urgency, counted from acceptance;
     * {@code escalateAfter}: how long after the leader the community is told of an overdue slip.
     */
    public record SlipDispatched(String slipId, String demandId, String streetCode, String communityCode,
            String groupId, String leaderId, String memberId, MemberKind memberKind, String homeUnitId, String problem,
            Urgency urgency, Instant acceptBy, Duration resolveWithin, Duration escalateAfter, String actor) {
    }

    public record SlipAccepted(String slipId, String demandId, String memberId, Instant resolveBy, String actor) {
    }

    public record SlipDeclined(String slipId, String demandId, String memberId, String reason, String actor) {
    }

    /**
     * The slip was taken back from {@code memberId} before any service was given: {@code by} who took it back (the
     * group's leader, or the community or desk), {@code level} how far its time limit had been escalated (null: not
     * at all), {@code at} when. The demand stays with the group, free for another slip.
     */
    public record SlipRecalled(String slipId, String demandId, String memberId, EscalationLevel by,
            EscalationLevel level, String reason, Instant at, String actor) {
    }

    /**
     * {@code overdue}: what was not done in time — accepting, or resolving; {@code due}: the time that passed;
     * {@code next}: when the community is told if the slip still does not move (null once it has been).
     */
    public record SlipEscalated(String slipId, String demandId, String memberId, EscalationLevel level,
            SlipStatus overdue, Instant due, Instant next, String actor) {
    }

    /** The member checked in with the code of nonce {@code codeNonce}, at {@code at}. */
    public record SlipCheckedIn(String slipId, String demandId, String memberId, Instant at, String codeNonce,
            boolean atPlace, String actor) {
    }

    /**
     * The member checked out: {@code checkedInAt}–{@code at} is this round's time; {@code checkedHours} the hours of
     * all the slip's rounds together ({@link org.threelists.platform.checkin.CheckedHours}).
     */
    public record SlipCheckedOut(String slipId, String demandId, String memberId, Instant checkedInAt, Instant at,
            String codeNonce, boolean atPlace, BigDecimal checkedHours, String actor) {
    }

    /**
     * {@code hours}: the member's own figure (the reported hours); {@code checkedHours}: the checked time, when the
     * member checked in and out; {@code hoursSource}: CHECKED when the checked time is what counts, null while the
     * hours await the leader's confirmation.
     */
    public record SlipReported(String slipId, String demandId, String memberId, String homeUnitId, String service,
            BigDecimal hours, ServiceMode mode, LocalDate serviceDate, BigDecimal checkedHours,
            HoursSource hoursSource, String actor) {
    }

    /** The leader confirmed {@code hours} for a member who did not check in; {@code reportedHours} is the member's. */
    public record SlipHoursConfirmed(String slipId, String demandId, String memberId, String leaderId,
            BigDecimal hours, BigDecimal reportedHours, String reason, String actor) {
    }

    public record SlipSatisfactionRecorded(String slipId, String demandId, int score, SlipStatus status,
            String actor) {
    }

    /** A low satisfaction sends the slip back to its member, with a new resolution time. */
    public record SlipReopened(String slipId, String demandId, String memberId, Instant resolveBy, String reason,
            String actor) {
    }

    /**
     * The slip is done: the service was reported and the resident satisfied. Carries what the hours are credited by
     * (the member, their kind and home unit, the place, the day, the mode) so that no reader needs the earlier events.
     * {@code hours} is what is credited — the checked or the leader's confirmed hours, as {@code hoursSource} says;
     * the member's own figure and the checked time go beside it, so a difference stays visible.
     */
    public record SlipClosed(String slipId, String demandId, String streetCode, String communityCode, String groupId,
            String memberId, MemberKind memberKind, String homeUnitId, BigDecimal hours, ServiceMode mode,
            LocalDate serviceDate, int satisfaction, BigDecimal reportedHours, BigDecimal checkedHours,
            HoursSource hoursSource, String actor) {
    }
}
