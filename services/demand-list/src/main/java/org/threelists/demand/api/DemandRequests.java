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
 * The request bodies of the demand list's REST API. Their bounds are {@link org.threelists.demand.domain.DemandLimits}:
 * text is counted in code points (as JSON Schema counts), and {@code @Schema(maxLength)} states the same bound in the
 * OpenAPI document, which would otherwise count UTF-16 units from {@code @Size}.
 */
public final class DemandRequests {

    private DemandRequests() {
    }

    @Schema(name = "SubmitDemandRequest")
    public record Submit(
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
            @Valid ResidentContactDto resident) {

        DemandDetails details() {
            return new DemandDetails(compound, building, category, description, beneficiaries, urgency, window,
                    deadline, estimatedHours, requiredSkills);
        }
    }

    @Schema(name = "AmendDemandRequest", description = "The new details; a resident contact, if given, replaces the old one")
    public record Amend(
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
            @Valid ResidentContactDto resident) {

        DemandDetails details() {
            return new DemandDetails(compound, building, category, description, beneficiaries, urgency, window,
                    deadline, estimatedHours, requiredSkills);
        }
    }

    @Schema(name = "VerifyDemandRequest", description = "Optional; required for a demand from a hotline ticket whose "
            + "text was not reviewed yet")
    public record Verify(
            @Schema(description = "The public description, reviewed: no resident's name, phone or address",
                    maxLength = DESCRIPTION_MAX)
            @NotBlank @CodePointLength(max = DESCRIPTION_MAX)
            String description) {
    }

    @Schema(name = "ReasonRequest")
    public record Reason(@Schema(maxLength = REASON_MAX) @CodePointLength(max = REASON_MAX) String reason) {
    }

    @Schema(name = "RejectDemandRequest")
    public record Reject(@Schema(maxLength = REASON_MAX) @NotBlank @CodePointLength(max = REASON_MAX) String reason) {
    }

    @Schema(name = "MergeDemandRequest")
    public record Merge(@NotBlank @Size(max = 36) @Schema(description = "The demand this one duplicates") String duplicateOf) {
    }
}
