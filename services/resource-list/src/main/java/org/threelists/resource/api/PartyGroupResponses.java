package org.threelists.resource.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.threelists.resource.domain.PartyMemberKind;
import org.threelists.resource.projection.PartyGroupView;
import org.threelists.resource.projection.PartyMemberView;

import java.time.Instant;
import java.util.List;

/** Response bodies of {@code /party-groups}. */
public final class PartyGroupResponses {

    private PartyGroupResponses() {
    }

    @Schema(name = "PartyMember")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Member(String memberId, PartyMemberKind kind, String kindLabel, String homeUnitId, String maskedName,
            List<String> skills, boolean leader, VolunteerRequests.Person person, Instant addedAt) {

        static Member of(PartyMemberView m, String leaderId, VolunteerRequests.Person person) {
            return new Member(m.memberId, m.kind, m.kind.zh(), m.homeUnitId, m.maskedName, List.of(m.skills),
                    m.memberId.equals(leaderId), person, m.addedAt);
        }
    }

    @Schema(name = "PartyGroup")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Group(String groupId, String streetCode, String communityCode, String name, String compound,
            List<String> buildings, String leaderId, List<Member> members, Instant createdAt, String createdBy,
            Instant updatedAt, String updatedBy, long version) {

        static Group of(PartyGroupView g, List<Member> members) {
            return new Group(g.groupId, g.streetCode, g.communityCode, g.name, g.compound, List.of(g.buildings),
                    g.leaderId, members, g.createdAt, g.createdBy, g.updatedAt, g.updatedBy, g.version);
        }
    }

    @Schema(name = "PartyGroupList")
    public record Groups(List<Group> items) {
    }
}
