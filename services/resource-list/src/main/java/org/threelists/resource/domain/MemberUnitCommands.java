package org.threelists.resource.domain;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Commands of the {@link MemberUnit} aggregate. */
public final class MemberUnitCommands {

    private MemberUnitCommands() {
    }

    public record RegisterUnit(@TargetAggregateIdentifier String unitId, String streetCode, UnitProfile profile,
            String actor) {
    }

    public record AmendUnit(@TargetAggregateIdentifier String unitId, UnitProfile profile, String actor) {
    }

    public record LeaveAlliance(@TargetAggregateIdentifier String unitId, String reason, String actor) {
    }

    public record RejoinAlliance(@TargetAggregateIdentifier String unitId, String actor) {
    }
}
