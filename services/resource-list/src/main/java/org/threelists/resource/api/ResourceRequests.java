package org.threelists.resource.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.threelists.contracts.Category;
import org.threelists.resource.domain.Availability;
import org.threelists.resource.domain.Capacity;
import org.threelists.resource.domain.CapacityPeriod;
import org.threelists.resource.domain.ResourceDetails;
import org.threelists.resource.domain.ResourceType;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** Request bodies of {@code /resources}. */
public final class ResourceRequests {

    private ResourceRequests() {
    }

    @Schema(name = "CapacityRequest")
    public record CapacityBody(@NotNull @Positive @DecimalMax("100000000") @Digits(integer = 9, fraction = 2) BigDecimal amount, @NotNull CapacityPeriod period) {
    }

    @Schema(name = "OfferResourceRequest", description = "A unit's offer; capacity is counted in the type's unit")
    public record Offer(
            @NotBlank @Size(max = 70) String unitId,
            @NotNull ResourceType type,
            @NotBlank @Size(max = 200) String title,
            @Schema(description = "What is offered and on which terms. Published: a phone number, ID-card number or "
                    + "e-mail address in it (or in the title) is refused, 400; the unit's contact is kept apart")
            @Size(max = 4000) String description,
            @Schema(uniqueItems = true) @NotEmpty @Size(max = 13) List<@NotNull Category> categories,
            @Size(max = 30) List<@NotBlank @Size(max = 100) String> skills,
            @Schema(uniqueItems = true) @NotEmpty @Size(max = 50) List<@NotBlank @Size(max = 64) String> serviceArea,
            @Valid Availability availability,
            @NotNull @Valid CapacityBody capacity,
            @NotNull LocalDate validFrom,
            LocalDate validUntil) {

        ResourceDetails details() {
            return new ResourceDetails(title, description, categories, skills, serviceArea, availability,
                    new Capacity(capacity.amount(), capacity.period()), validFrom, validUntil);
        }
    }

    @Schema(name = "AmendResourceRequest", description = "The new offer; the type cannot change")
    public record Amend(
            @NotBlank @Size(max = 200) String title,
            @Schema(description = "What is offered and on which terms. Published: a phone number, ID-card number or "
                    + "e-mail address in it (or in the title) is refused, 400; the unit's contact is kept apart")
            @Size(max = 4000) String description,
            @Schema(uniqueItems = true) @NotEmpty @Size(max = 13) List<@NotNull Category> categories,
            @Size(max = 30) List<@NotBlank @Size(max = 100) String> skills,
            @Schema(uniqueItems = true) @NotEmpty @Size(max = 50) List<@NotBlank @Size(max = 64) String> serviceArea,
            @Valid Availability availability,
            @NotNull @Valid CapacityBody capacity,
            @NotNull LocalDate validFrom,
            LocalDate validUntil) {

        ResourceDetails details() {
            return new ResourceDetails(title, description, categories, skills, serviceArea, availability,
                    new Capacity(capacity.amount(), capacity.period()), validFrom, validUntil);
        }
    }

    @Schema(name = "ReserveCapacityRequest")
    public record Reserve(@NotBlank @Size(max = 100) String projectId,
            @NotNull @Positive @DecimalMax("100000000") @Digits(integer = 9, fraction = 2) BigDecimal amount,
            @Schema(description = "The month (2026-12) of a monthly capacity; ignored for a total one") @Size(max = 10) String period) {
    }

    @Schema(name = "ConsumeCapacityRequest", description = "What the delivery used; the rest of the reservation returns")
    public record Consume(@NotNull @PositiveOrZero @DecimalMax("100000000") @Digits(integer = 9, fraction = 2) BigDecimal amount) {
    }
}
