package org.threelists.demand.api;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.hibernate.validator.constraints.CodePointLength;

import java.math.BigDecimal;

import static org.threelists.demand.domain.DemandLimits.REASON_MAX;

/** The leader vouches for the hours of a member who could not check in, and says why. */
@Schema(name = "ConfirmHoursRequest")
public record ConfirmHoursRequest(
        @Schema(description = "Hours to credit: more than 0, at most 24, two decimals")
        @NotNull @Positive @DecimalMax("24") @Digits(integer = 2, fraction = 2) BigDecimal hours,
        @Schema(description = "Why the member did not check in and out", maxLength = REASON_MAX)
        @NotBlank @CodePointLength(max = REASON_MAX) String reason) {
}
