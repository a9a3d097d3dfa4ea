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
}
