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

    /** {@code claimId}: the project list's claim this reservation answers; null when it was made over REST. */
    public record CapacityReserved(String resourceId, String unitId, String projectId, BigDecimal amount,
            String period, BigDecimal remaining, String actor, String claimId) {
    }

    /** {@code claimId}: the claim that made the reservation, null when it was made over REST. */
    public record CapacityReleased(String resourceId, String unitId, String projectId, BigDecimal amount,
            String period, BigDecimal remaining, String reason, String actor, String claimId) {
    }

    /**
     * {@code returned}: the part of the reservation not used, given back to the period's capacity. {@code claimId}:
     * the claim that made the reservation, null when it was made over REST.
     */
    public record CapacityConsumed(String resourceId, String unitId, String projectId, BigDecimal amount,
            BigDecimal returned, String period, BigDecimal remaining, String actor, String claimId) {
    }

    /**
     * The project list asked for capacity and nothing was reserved. {@code unitId} is the resource's unit (the
     * topic's key), {@code period} the period as asked, {@code remaining} what was left in it, null when the
     * request named no period of this resource or came from another unit.
     */
    public record CapacityRefused(String resourceId, String unitId, String projectId, String claimId,
            BigDecimal amount, String period, BigDecimal remaining, RefusalReason reason, String detail,
            String actor) {
    }
}
