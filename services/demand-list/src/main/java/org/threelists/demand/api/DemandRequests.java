package org.threelists.demand.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.threelists.contracts.Category;
import org.threelists.contracts.Urgency;
import org.threelists.demand.domain.DemandDetails;
import org.threelists.demand.domain.DemandSource;
import org.threelists.demand.domain.TimeWindow;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** The request bodies of the demand list's REST API. */
public final class DemandRequests {

    private DemandRequests() {
    }

    @Schema(name = "SubmitDemandRequest")
    public record Submit(
            @NotBlank @Size(max = 64) String communityCode,
            @Size(max = 200) String compound,
            @Size(max = 100) String building,
            @NotNull Category category,
            @NotBlank @Size(max = 4000) String description,
            @NotNull @Min(1) @Max(100000) Integer beneficiaries,
            @NotNull Urgency urgency,
            TimeWindow window,
            LocalDate deadline,
            @NotNull @Positive @DecimalMax("10000") BigDecimal estimatedHours,
            @Size(max = 20) List<@NotBlank @Size(max = 100) String> requiredSkills,
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
            @Size(max = 200) String compound,
            @Size(max = 100) String building,
            @NotNull Category category,
            @NotBlank @Size(max = 4000) String description,
            @NotNull @Min(1) @Max(100000) Integer beneficiaries,
            @NotNull Urgency urgency,
            TimeWindow window,
            LocalDate deadline,
            @NotNull @Positive @DecimalMax("10000") BigDecimal estimatedHours,
            @Size(max = 20) List<@NotBlank @Size(max = 100) String> requiredSkills,
            @Valid ResidentContactDto resident) {

        DemandDetails details() {
            return new DemandDetails(compound, building, category, description, beneficiaries, urgency, window,
                    deadline, estimatedHours, requiredSkills);
        }
    }

    @Schema(name = "ReasonRequest")
    public record Reason(@Size(max = 2000) String reason) {
    }

    @Schema(name = "RejectDemandRequest")
    public record Reject(@NotBlank @Size(max = 2000) String reason) {
    }

    @Schema(name = "MergeDemandRequest")
    public record Merge(@NotBlank @Size(max = 36) @Schema(description = "The demand this one duplicates") String duplicateOf) {
    }
}
