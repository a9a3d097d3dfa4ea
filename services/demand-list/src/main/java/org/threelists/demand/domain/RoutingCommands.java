package org.threelists.demand.domain;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Commands that move a listed demand between the two lanes and follow its slips in the second lane
 * (services/demand-list/README.md, "The second lane").
 */
public final class RoutingCommands {

    private RoutingCommands() {
    }

    /** {@code groupCommunity}: the community the group belongs to, as the caller found it. */
    public record RouteToPartyGroup(@TargetAggregateIdentifier String demandId, String groupId, String groupCommunity,
            String actor) {
    }

    public record SendToJointMeeting(@TargetAggregateIdentifier String demandId, String reason, String actor) {
    }

    /** The group holding the demand dispatches slip {@code slipId} for it: at most one slip is open at a time. */
    public record OpenSlip(@TargetAggregateIdentifier String demandId, String slipId, String groupId, String actor) {
    }

    /** The open slip was declined or recalled: the group may dispatch another, or send the demand back. */
    public record ReleaseSlip(@TargetAggregateIdentifier String demandId, String slipId, String actor) {
    }

    /** The open slip closed with the resident's satisfaction {@code score} (3–5): the demand is done in the lane. */
    public record CloseBySlip(@TargetAggregateIdentifier String demandId, String slipId, int score, String actor) {
    }
}
