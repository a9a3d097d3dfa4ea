package org.threelists.resource.domain;

import java.math.BigDecimal;

/**
 * Events of the {@link Resource} aggregate. Capacity events say what is {@code remaining} in their period after
 * them, so that no reader has to recompute the resource's books.
 */
public final class ResourceEvents {

    private ResourceEvents() {
    }

    public record ResourceOffered(String resourceId, String unitId, ResourceType type, ResourceDetails details,
            String actor) {
    }

    public record ResourceAmended(String resourceId, String unitId, ResourceType type, ResourceDetails details,
            ResourceStatus status, String actor) {
    }

    public record ResourceWithdrawn(String resourceId, String unitId, String reason, String actor) {
    }

    public record CapacityReserved(String resourceId, String unitId, String projectId, BigDecimal amount,
            String period, BigDecimal remaining, String actor) {
    }

    public record CapacityReleased(String resourceId, String unitId, String projectId, BigDecimal amount,
            String period, BigDecimal remaining, String reason, String actor) {
    }

    /** {@code returned}: the part of the reservation not used, given back to the period's capacity. */
    public record CapacityConsumed(String resourceId, String unitId, String projectId, BigDecimal amount,
            BigDecimal returned, String period, BigDecimal remaining, String actor) {
    }
}
