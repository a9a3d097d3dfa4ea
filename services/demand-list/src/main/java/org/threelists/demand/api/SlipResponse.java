package org.threelists.demand.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.threelists.contracts.Category;
import org.threelists.contracts.Urgency;
import org.threelists.demand.domain.slip.EscalationLevel;
import org.threelists.demand.domain.slip.HoursSource;
import org.threelists.demand.domain.slip.MemberKind;
import org.threelists.demand.domain.slip.ServiceMode;
import org.threelists.demand.domain.slip.SlipStatus;
import org.threelists.demand.projection.DemandView;
import org.threelists.demand.projection.SlipView;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A slip (三联单): the problem (leader), who is responsible (member), the service given (member's report). It carries
 * the demand's category and place (compound, building) — what the member needs to go there, since a member other than
 * the leader may not read the demand — and never the resident's name, phone or address (README "The slip").
 */
@Schema(name = "Slip")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SlipResponse(String slipId, String demandId,
        @Schema(description = "The demand's category") Category category, String categoryLabel,
        @Schema(description = "The demand's compound (小区), where the service is given; absent when none")
        String compound,
        @Schema(description = "The demand's building (楼栋); absent when none") String building,
        String streetCode, String communityCode, String groupId,
        String leaderId, String memberId, MemberKind memberKind, String homeUnitId, String problem, Urgency urgency,
        SlipStatus status, String statusLabel, Instant dispatchedAt,
        @Schema(description = "Accept or decline by then") Instant acceptBy, Instant acceptedAt,
        @Schema(description = "Resolve and report by then") Instant resolveBy, String declineReason, String service,
        @Schema(description = "The hours the slip credits: the checked or the leader's confirmed hours "
                + "(hoursSource); absent while neither is known") BigDecimal hours,
        @Schema(description = "The member's own figure, from the report") BigDecimal reportedHours,
        @Schema(description = "The time between check-in and check-out, all rounds, to the nearest quarter hour")
        BigDecimal checkedHours,
        HoursSource hoursSource, String hoursSourceLabel,
        @Schema(description = "reportedHours − hours: what the member reported beyond (or below) what counts")
        BigDecimal hoursDifference,
        @Schema(description = "The member is checked in now") boolean checkedIn, Instant checkedInAt,
        Instant checkedOutAt,
        @Schema(description = "The last check-in or check-out was within the code's place") Boolean atPlace,
        String hoursConfirmedBy, String hoursConfirmationReason,
        ServiceMode mode, LocalDate serviceDate, Instant reportedAt, Integer satisfaction,
        Instant closedAt,
        @Schema(description = "When the slip was recalled (撤回派单)") Instant recalledAt,
        @Schema(description = "Who recalled it (the actor)") String recalledBy, String recallReason,
        @Schema(description = "How far its time limit had been escalated when it was recalled; absent: not at all")
        EscalationLevel recallLevel,
        @Schema(description = "How far the running time limit has been escalated: GROUP_LEADER, then COMMUNITY")
        EscalationLevel escalationLevel, int escalations, Instant updatedAt, String updatedBy, long version) {

    /** {@code demand}: the slip's demand, for its category and place (null only if it were not on the list). */
    static SlipResponse of(SlipView v, DemandView demand) {
        Category category = demand == null ? null : demand.category;
        return new SlipResponse(v.slipId, v.demandId, category, category == null ? null : category.zh(),
                demand == null ? null : demand.compound, demand == null ? null : demand.building, v.streetCode, v.communityCode, v.groupId, v.leaderId,
                v.memberId, v.memberKind, v.homeUnitId, v.problem, v.urgency, v.status, v.status.zh(), v.dispatchedAt,
                v.acceptBy, v.acceptedAt, v.resolveBy, v.declineReason, v.service, v.hours, v.reportedHours,
                v.checkedHours, v.hoursSource, v.hoursSource == null ? null : v.hoursSource.zh(),
                v.reportedHours == null || v.hours == null ? null : v.reportedHours.subtract(v.hours), v.checkedIn,
                v.checkedInAt, v.checkedOutAt, v.atPlace, v.hoursConfirmedBy, v.hoursConfirmationReason, v.mode,
                v.serviceDate,
                v.reportedAt, v.satisfaction, v.closedAt, v.recalledAt, v.recalledBy, v.recallReason, v.recallLevel,
                v.escalationLevel, v.escalations, v.updatedAt, v.updatedBy,
                v.version);
    }
}
