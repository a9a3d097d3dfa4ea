package org.threelists.resource.domain;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/** Commands of the {@link PartyGroup} aggregate. A resident member's person arrives sealed; the masked name in clear. */
public final class PartyGroupCommands {

    private PartyGroupCommands() {
    }

    /** {@code compound} may be null for a community without compounds; then the group covers {@code buildings}. */
    public record CreatePartyGroup(@TargetAggregateIdentifier String groupId, String streetCode, String communityCode,
            String name, String compound, List<String> buildings, String actor) {
    }

    /**
     * {@code homeUnitId} is the unit a volunteer registered with (双报到); null for a resident. {@code sealedPerson}
     * only for a resident: a volunteer's person stays with the volunteer record.
     */
    public record AddPartyMember(@TargetAggregateIdentifier String groupId, String memberId, PartyMemberKind kind,
            String homeUnitId, String maskedName, List<String> skills, String sealedPerson, String actor) {
    }

    public record RemovePartyMember(@TargetAggregateIdentifier String groupId, String memberId, String reason,
            String actor) {
    }

    public record NamePartyGroupLeader(@TargetAggregateIdentifier String groupId, String memberId, String actor) {
    }
}
