package org.threelists.demand.api;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.hibernate.validator.constraints.CodePointLength;
import org.threelists.contracts.Category;
import org.threelists.contracts.Urgency;
import org.threelists.demand.domain.DemandDetails;
import org.threelists.demand.domain.DemandSource;
import org.threelists.demand.domain.TimeWindow;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.threelists.demand.domain.DemandLimits.*;

/**
 * What a community worker or the desk submits: the demand's details and, optionally, the resident's contact.
 * Bounds: {@link org.threelists.demand.domain.DemandLimits}, counted in code points as JSON Schema counts;
 * {@code @Schema(maxLength)} states them in the OpenAPI document, which would otherwise count UTF-16 units.
 */
@Schema(name = "SubmitDemandRequest")
public record SubmitDemandRequest(
        @NotBlank @Size(max = 64) String communityCode,
        @Schema(description = "Empty means none", maxLength = COMPOUND_MAX)
        @CodePointLength(max = COMPOUND_MAX) String compound,
        @Schema(description = "Empty means none", maxLength = BUILDING_MAX)
        @CodePointLength(max = BUILDING_MAX) String building,
        @NotNull Category category,
        @Schema(maxLength = DESCRIPTION_MAX) @NotBlank @CodePointLength(max = DESCRIPTION_MAX) String description,
        @NotNull @Min(BENEFICIARIES_MIN) @Max(BENEFICIARIES_MAX) @JsonDeserialize(using = WholeNumber.class)
        Integer beneficiaries,
        @NotNull Urgency urgency,
        TimeWindow window,
        LocalDate deadline,
        @NotNull @Positive @DecimalMax(HOURS_MAX) @Digits(integer = HOURS_INTEGER_DIGITS, fraction = HOURS_FRACTION_DIGITS)
        BigDecimal estimatedHours,
        @Schema(description = "Each skill at most " + SKILL_MAX + " characters") @Size(max = SKILLS_MAX)
        List<@NotBlank @CodePointLength(max = SKILL_MAX) String> requiredSkills,
        @Schema(description = "Defaults to COMMUNITY_WORKER; MUNICIPAL_PLATFORM is reserved for the 12345 intake")
        DemandSource source,
        @Valid ResidentContactPart resident) {

    DemandDetails details() {
        return new DemandDetails(compound, building, category, description, beneficiaries, urgency, window,
                deadline, estimatedHours, requiredSkills);
    }
}
