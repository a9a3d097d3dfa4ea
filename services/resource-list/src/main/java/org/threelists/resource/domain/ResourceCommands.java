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

    public record ReleaseCapacity(@TargetAggregateIdentifier String resourceId, String projectId, String reason,
            String actor) {
    }

    public record ConsumeCapacity(@TargetAggregateIdentifier String resourceId, String projectId, BigDecimal amount,
            String actor) {
    }
}
