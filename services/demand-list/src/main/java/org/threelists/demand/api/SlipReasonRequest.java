package org.threelists.demand.api;

import jakarta.validation.constraints.NotBlank;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.hibernate.validator.constraints.CodePointLength;

import static org.threelists.demand.domain.DemandLimits.REASON_MAX;

/**
 * Why a slip ends unserved: the member's decline (the leader reads it to choose another member) or the leader's or
 * community's recall (the member and the group read it). Required, bounded as every reason of the demand list.
 */
@Schema(name = "SlipReasonRequest")
public record SlipReasonRequest(@Schema(maxLength = REASON_MAX) @NotBlank @CodePointLength(max = REASON_MAX)
        String reason) {
}
