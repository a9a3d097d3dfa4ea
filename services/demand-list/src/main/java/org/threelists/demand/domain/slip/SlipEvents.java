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
     * {@code overdue}: what was not done in time — accepting, or resolving; {@code due}: the time that passed;
     * {@code next}: when the community is told if the slip still does not move (null once it has been).
     */
    public record SlipEscalated(String slipId, String demandId, String memberId, EscalationLevel level,
            SlipStatus overdue, Instant due, Instant next, String actor) {
    }

    public record SlipReported(String slipId, String demandId, String memberId, String homeUnitId, String service,
            BigDecimal hours, ServiceMode mode, LocalDate serviceDate, String actor) {
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
     */
    public record SlipClosed(String slipId, String demandId, String streetCode, String communityCode, String groupId,
            String memberId, MemberKind memberKind, String homeUnitId, BigDecimal hours, ServiceMode mode,
            LocalDate serviceDate, int satisfaction, String actor) {
    }
}
