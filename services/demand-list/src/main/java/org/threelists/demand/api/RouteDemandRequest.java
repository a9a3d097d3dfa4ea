package org.threelists.demand.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.hibernate.validator.constraints.CodePointLength;
import org.threelists.demand.domain.DemandLane;

import static org.threelists.demand.domain.DemandLimits.REASON_MAX;

/**
 * Which lane a listed demand goes to: a building Party group (name it) or back to the joint meeting (say why).
 * Bounds: {@link org.threelists.demand.domain.DemandLimits}.
 */
@Schema(name = "RouteDemandRequest")
public record RouteDemandRequest(@NotNull DemandLane lane,
        @Schema(description = "The Party group, for lane PARTY_GROUP", maxLength = 36) @Size(max = 36) String groupId,
        @Schema(description = "Why it goes back, for lane JOINT_MEETING", maxLength = REASON_MAX)
        @CodePointLength(max = REASON_MAX) String reason) {
}
