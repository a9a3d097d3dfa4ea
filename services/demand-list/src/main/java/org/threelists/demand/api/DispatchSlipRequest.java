package org.threelists.demand.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.hibernate.validator.constraints.CodePointLength;

import static org.threelists.demand.domain.DemandLimits.DESCRIPTION_MAX;

/** The leader's part of a slip: for which demand, who is responsible (a member of the group) and, optionally, the problem in words. */
@Schema(name = "DispatchSlipRequest")
public record DispatchSlipRequest(
        @Schema(description = "The demand the slip answers; the caller's group holds it", maxLength = 36)
        @NotBlank @Size(max = 36) String demandId,
        @Schema(description = "The member of the group the slip goes to (their member id)", maxLength = 36)
        @NotBlank @Size(max = 36) String memberId,
        @Schema(description = "The problem as the leader puts it; the demand's public description when left out. "
                + "No resident's name, phone or address", maxLength = DESCRIPTION_MAX)
        @CodePointLength(max = DESCRIPTION_MAX) String problem) {
}
