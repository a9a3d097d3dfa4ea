package org.threelists.resource.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** Request bodies of {@code /party-groups}. */
public final class PartyGroupRequests {

    private PartyGroupRequests() {
    }

    @Schema(name = "CreatePartyGroupRequest", description = "A building Party group (楼栋党小组) of the caller's community: "
            + "a compound of the community, or some buildings, or both")
    public record Create(@NotBlank @Size(max = 100) String name, @Size(max = 100) String compound,
            @NotNull @Size(max = 50) List<@NotBlank @Size(max = 50) String> buildings) {
    }

    @Schema(name = "AddPartyMemberRequest", description = "Either volunteerId (a volunteer registered at the community "
            + "through 双报到) or person (a Party member living in the community, with consent), not both")
    public record AddMember(@Size(max = 36) String volunteerId, @Valid VolunteerRequests.Person person,
            @Size(max = 30) List<@NotBlank @Size(max = 100) String> skills, Boolean consent) {

        @AssertTrue(message = "name either a volunteerId or a person, not both")
        @Schema(hidden = true)
        public boolean isOneKind() {
            return (volunteerId == null) != (person == null);
        }

        @AssertTrue(message = "a resident member must consent to the processing of their data")
        @Schema(hidden = true)
        public boolean isConsentGivenForAPerson() {
            return person == null || Boolean.TRUE.equals(consent);
        }
    }

    @Schema(name = "NamePartyGroupLeaderRequest")
    public record NameLeader(@NotBlank @Size(max = 36) String memberId) {
    }
}
