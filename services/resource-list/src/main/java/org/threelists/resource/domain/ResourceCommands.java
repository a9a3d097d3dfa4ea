package org.threelists.resource.domain;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.math.BigDecimal;

/** Commands of the {@link Resource} aggregate: the offer's lifecycle and its capacity. */
public final class ResourceCommands {

    private ResourceCommands() {
    }

    public record OfferResource(@TargetAggregateIdentifier String resourceId, String unitId, ResourceType type,
            ResourceDetails details, String actor) {
    }

    public record AmendResource(@TargetAggregateIdentifier String resourceId, ResourceDetails details, String actor) {
    }

    public record WithdrawResource(@TargetAggregateIdentifier String resourceId, String reason, String actor) {
    }

    /** {@code period}: the month ("2026-12") for a monthly capacity; ignored for a total one. */
    public record ReserveCapacity(@TargetAggregateIdentifier String resourceId, String projectId, BigDecimal amount,
            String period, String actor) {
    }

    /**
     * The project list's request for capacity (threelists.project.claim-requested.v1): unlike {@link ReserveCapacity}
     * it is never refused with an error, but answered with {@code CapacityReserved} or {@code CapacityRefused}, both
     * carrying {@code claimId}, because the claim waits for that answer. {@code unitId} is the claiming unit;
     * {@code unitStatus} its membership as the unit list knows it (null when the unit is unknown).
     */
    public record RequestReservation(@TargetAggregateIdentifier String resourceId, String projectId, String claimId,
            String unitId, MembershipStatus unitStatus, BigDecimal amount, String period, String actor) {
    }

    /**
     * {@code claimId}: when the project list releases a claim, only the reservation that claim made is released;
     * null (REST) releases whatever the project holds.
     */
    public record ReleaseCapacity(@TargetAggregateIdentifier String resourceId, String projectId, String reason,
            String actor, String claimId) {
    }

    /** {@code claimId}: as for {@link ReleaseCapacity}, the reservation of that claim only; null for the project's. */
    public record ConsumeCapacity(@TargetAggregateIdentifier String resourceId, String projectId, BigDecimal amount,
            String actor, String claimId) {
    }
}
