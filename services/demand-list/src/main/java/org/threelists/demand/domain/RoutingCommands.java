package org.threelists.demand.domain;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Commands that move a listed demand between the two lanes (services/demand-list/README.md, "The second lane"). */
public final class RoutingCommands {

    private RoutingCommands() {
    }

    /** {@code groupCommunity}: the community the group belongs to, as the caller found it. */
    public record RouteToPartyGroup(@TargetAggregateIdentifier String demandId, String groupId, String groupCommunity,
            String actor) {
    }

    public record SendToJointMeeting(@TargetAggregateIdentifier String demandId, String reason, String actor) {
    }
}
