package org.threelists.demand.api;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.hibernate.validator.constraints.CodePointLength;
import org.threelists.demand.domain.slip.ServiceMode;

import java.math.BigDecimal;
import java.time.LocalDate;

import static org.threelists.demand.domain.DemandLimits.DESCRIPTION_MAX;

/** The member's part of a slip, the service given. */
@Schema(name = "ReportSlipRequest")
public record ReportSlipRequest(
        @Schema(description = "What was done", maxLength = DESCRIPTION_MAX)
        @NotBlank @CodePointLength(max = DESCRIPTION_MAX) String service,
        @Schema(description = "Hours given: more than 0, at most 24, two decimals")
        @NotNull @Positive @DecimalMax("24") @Digits(integer = 2, fraction = 2) BigDecimal hours,
        @NotNull ServiceMode mode,
        @Schema(description = "The day served (Beijing time); today when left out") LocalDate date) {
}
