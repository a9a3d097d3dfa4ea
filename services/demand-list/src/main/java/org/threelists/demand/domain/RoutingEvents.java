package org.threelists.demand.domain;

/** Events of a demand's lane: the joint meeting (the list, the default) or a building Party group. */
public final class RoutingEvents {

    private RoutingEvents() {
    }

    public record DemandRoutedToPartyGroup(String demandId, String groupId, String actor) {
    }

    /** {@code groupId}: the group that held the demand. */
    public record DemandSentToJointMeeting(String demandId, String groupId, String reason, String actor) {
    }

    /** Internal: the demand's open slip; not published (the slip's own events are). */
    public record DemandSlipOpened(String demandId, String slipId, String groupId, String actor) {
    }

    /** Internal: the open slip was declined or recalled and no longer holds the demand. */
    public record DemandSlipReleased(String demandId, String slipId, String actor) {
    }
}
