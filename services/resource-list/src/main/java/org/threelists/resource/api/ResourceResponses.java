package org.threelists.resource.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.threelists.contracts.Category;
import org.threelists.platform.json.Json;
import org.threelists.resource.domain.Availability;
import org.threelists.resource.domain.CapacityPeriod;
import org.threelists.resource.domain.CapacityUnit;
import org.threelists.resource.domain.ResourceStatus;
import org.threelists.resource.domain.ResourceType;
import org.threelists.resource.projection.ReservationView;
import org.threelists.resource.projection.ResourceListQueries.Usage;
import org.threelists.resource.projection.ResourceView;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/** Response bodies of {@code /resources}. */
public final class ResourceResponses {

    private ResourceResponses() {
    }

    @Schema(name = "CapacityUsage")
    public record UsageResponse(String period, BigDecimal reserved, BigDecimal consumed, BigDecimal remaining) {
    }

    @Schema(name = "Capacity")
    public record CapacityResponse(BigDecimal amount, CapacityUnit unit, String unitLabel, CapacityPeriod period,
            List<UsageResponse> usage) {
    }

    @Schema(name = "Reservation")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ReservationResponse(String resourceId, String projectId, String period, BigDecimal amount,
            ReservationView.Status status, String reason, BigDecimal remaining, Instant updatedAt, String updatedBy) {

        static ReservationResponse of(ReservationView r, BigDecimal remaining) {
            return new ReservationResponse(r.resourceId, r.projectId, r.period, r.amount, r.status, r.reason,
                    remaining, r.updatedAt, r.updatedBy);
        }
    }

    @Schema(name = "Resource")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ResourceResponse(String resourceId, String unitId, String streetCode, ResourceType type,
            String typeLabel, String title, String description, List<Category> categories, List<String> skills,
            List<String> serviceArea, Availability availability, CapacityResponse capacity, LocalDate validFrom,
            LocalDate validUntil, ResourceStatus status, String statusLabel, String statusReason,
            List<ReservationResponse> reservations, Instant offeredAt, String offeredBy, Instant updatedAt,
            String updatedBy, long version) {

        /** {@code reservations} null leaves them out: only the unit itself and the desk see which projects hold what. */
        static ResourceResponse of(ResourceView v, List<Usage> usage, List<ReservationView> reservations) {
            List<UsageResponse> periods = usage.stream()
                    .map(u -> new UsageResponse(u.period(), u.reserved(), u.consumed(), u.remaining(v.capacityAmount)))
                    .toList();
            if (periods.isEmpty() && v.capacityPeriod == CapacityPeriod.TOTAL) {
                periods = List.of(new UsageResponse("TOTAL", BigDecimal.ZERO, BigDecimal.ZERO, v.capacityAmount));
            }
            CapacityResponse capacity = new CapacityResponse(v.capacityAmount, v.capacityUnit, v.capacityUnit.zh(),
                    v.capacityPeriod, periods);
            return new ResourceResponse(v.resourceId, v.unitId, v.streetCode, v.type, v.type.zh(), v.title, v.description,
                    Arrays.stream(v.categories).map(Category::valueOf).toList(), List.of(v.skills), List.of(v.serviceArea),
                    availability(v.availability), capacity, v.validFrom, v.validUntil, v.status, v.status.zh(),
                    v.statusReason, reservations == null ? null
                            : reservations.stream().map(r -> ReservationResponse.of(r, null)).toList(),
                    v.offeredAt, v.offeredBy, v.updatedAt, v.updatedBy, v.version);
        }

        private static Availability availability(String json) {
            try {
                return Json.mapper().readValue(json, Availability.class);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    @Schema(name = "ResourcePage")
    public record Page(List<ResourceResponse> items, int page, int size, long total) {
    }
}
