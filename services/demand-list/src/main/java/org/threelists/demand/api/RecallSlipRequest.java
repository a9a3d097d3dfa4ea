package org.threelists.demand.api;

import jakarta.validation.constraints.NotBlank;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.hibernate.validator.constraints.CodePointLength;

import static org.threelists.demand.domain.DemandLimits.REASON_MAX;

/** Why the slip is taken back (撤回派单): the member and the group read it; bounded as a decline's reason. */
@Schema(name = "RecallSlipRequest")
public record RecallSlipRequest(@Schema(maxLength = REASON_MAX) @NotBlank @CodePointLength(max = REASON_MAX)
        String reason) {
}
