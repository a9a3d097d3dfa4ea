package org.threelists.demand.messaging;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.threelists.contracts.Urgency;
import org.threelists.demand.domain.slip.EscalationLevel;
import org.threelists.demand.domain.slip.HoursSource;
import org.threelists.demand.domain.slip.MemberKind;
import org.threelists.demand.domain.slip.ServiceMode;
import org.threelists.demand.domain.slip.SlipStatus;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The {@code data} of the slip events on demand-list.events.v1 (contracts/schemas/demand-list.events.v1.schema.json,
 * {@code threelists.slip.*}). Each carries the slip id, its demand, the slip's status after the event and the actor.
 * No free text leaves the service — not the problem, the decline's or the recall's reason nor the report's words,
 * which people write and may name a resident — only ids, times, figures and codes; members appear by their member id.
 */
public final class SlipEventData {

    private SlipEventData() {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Dispatched(String slipId, String demandId, SlipStatus status, String actor, String streetCode,
            String communityCode, String groupId, String leaderId, String memberId, MemberKind memberKind,
            String homeUnitId, Urgency urgency, Instant acceptBy) {
    }

    public record Accepted(String slipId, String demandId, SlipStatus status, String actor, String memberId,
            Instant resolveBy) {
    }

    public record Declined(String slipId, String demandId, SlipStatus status, String actor, String memberId) {
    }

    /**
     * {@code recalledBy}: GROUP_LEADER (the group's leader) or COMMUNITY (the community or the desk); {@code level}:
     * how far the slip had been escalated, absent when not at all. The reason stays in the service.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Recalled(String slipId, String demandId, SlipStatus status, String actor, String memberId,
            EscalationLevel recalledBy, EscalationLevel level, Instant at) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Escalated(String slipId, String demandId, SlipStatus status, String actor, String memberId,
            EscalationLevel level, SlipStatus overdue, Instant due, Instant next) {
    }

    /** {@code at}: when the member checked in; {@code atPlace}: within the place the leader's code named. */
    public record CheckedIn(String slipId, String demandId, SlipStatus status, String actor, String memberId,
            Instant at, boolean atPlace) {
    }

    /** {@code checkedHours}: the checked time of all the slip's rounds so far, to the nearest quarter hour. */
    public record CheckedOut(String slipId, String demandId, SlipStatus status, String actor, String memberId,
            Instant checkedInAt, Instant at, boolean atPlace, BigDecimal checkedHours) {
    }

    /**
     * {@code hours}: the member's own figure; {@code checkedHours} and {@code hoursSource} (CHECKED) when the member
     * checked in and out — absent, the hours await the leader's confirmation.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Reported(String slipId, String demandId, SlipStatus status, String actor, String memberId,
            String homeUnitId, BigDecimal hours, ServiceMode mode, LocalDate serviceDate, BigDecimal checkedHours,
            HoursSource hoursSource) {
    }

    /** The leader confirmed {@code hours} for a member who did not check in; the reason stays in the service. */
    public record HoursConfirmed(String slipId, String demandId, SlipStatus status, String actor, String memberId,
            BigDecimal hours, BigDecimal reportedHours) {
    }

    public record SatisfactionRecorded(String slipId, String demandId, SlipStatus status, String actor, int score) {
    }

    public record Reopened(String slipId, String demandId, SlipStatus status, String actor, String memberId,
            Instant resolveBy) {
    }

    /**
     * What the ledger credits the hours by: the member and their home unit (双报到), the place, the day, the mode.
     * {@code hours} is what is credited (the checked or the confirmed hours, as {@code hoursSource} says); the
     * member's figure and the checked time go beside it, so that a difference stays visible.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Closed(String slipId, String demandId, SlipStatus status, String actor, String streetCode,
            String communityCode, String groupId, String memberId, MemberKind memberKind, String homeUnitId,
            BigDecimal hours, ServiceMode mode, LocalDate serviceDate, int satisfaction, BigDecimal reportedHours,
            BigDecimal checkedHours, HoursSource hoursSource) {
    }
}
