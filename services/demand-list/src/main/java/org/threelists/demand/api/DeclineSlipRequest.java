package org.threelists.demand.api;

import jakarta.validation.constraints.NotBlank;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.hibernate.validator.constraints.CodePointLength;

import static org.threelists.demand.domain.DemandLimits.REASON_MAX;

/** Why the member declines: the leader reads it to choose another member. */
@Schema(name = "DeclineSlipRequest")
public record DeclineSlipRequest(@Schema(maxLength = REASON_MAX) @NotBlank @CodePointLength(max = REASON_MAX)
        String reason) {
}
