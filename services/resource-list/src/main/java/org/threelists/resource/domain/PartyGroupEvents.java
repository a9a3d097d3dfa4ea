package org.threelists.resource.domain;

import java.util.List;

/** Events of the {@link PartyGroup} aggregate. Each names the group's community, where its scope is decided. */
public final class PartyGroupEvents {

    private PartyGroupEvents() {
    }

    public record PartyGroupCreated(String groupId, String streetCode, String communityCode, String name,
            String compound, List<String> buildings, String actor) {
    }

    public record PartyMemberAdded(String groupId, String communityCode, String memberId, PartyMemberKind kind,
            String homeUnitId, String maskedName, List<String> skills, String sealedPerson, String actor) {
    }

    public record PartyMemberRemoved(String groupId, String communityCode, String memberId, String reason,
            String actor) {
    }

    public record PartyGroupLeaderNamed(String groupId, String communityCode, String memberId, String actor) {
    }
}
