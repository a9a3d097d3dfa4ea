package org.threelists.resource.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.threelists.resource.domain.UnitContact;
import org.threelists.resource.domain.UnitKind;
import org.threelists.resource.domain.UnitProfile;

import java.util.List;

/** Request bodies of {@code /units}. */
public final class UnitRequests {

    private UnitRequests() {
    }

    @Schema(name = "UnitContact", description = "The unit's organisational contact")
    public record Contact(@Size(max = 100) String person,
            @Pattern(regexp = "^[0-9+\\- ]{5,30}$", message = "must be a phone number") String phone,
            @Email @Size(max = 200) String email) {

        UnitContact toDomain() {
            return new UnitContact(person, phone, email);
        }
    }

    @Schema(name = "RegisterUnitRequest", description = "A unit joins the street's alliance (by the street's desk)")
    public record Register(
            @NotBlank @Pattern(regexp = "^unit-[a-z0-9-]{2,60}$", message = "must look like unit-<lowercase letters, digits, dashes>")
            String unitId,
            @NotBlank @Size(max = 200) String name,
            @NotNull UnitKind kind,
            @Size(max = 200) String partyOrganisation,
            @Schema(uniqueItems = true) @NotEmpty @Size(max = 50) List<@NotBlank @Size(max = 64) String> communities,
            @Valid Contact contact) {

        UnitProfile profile() {
            return new UnitProfile(name, kind, partyOrganisation, communities, contact == null ? null : contact.toDomain());
        }
    }

    @Schema(name = "AmendUnitRequest")
    public record Amend(
            @NotBlank @Size(max = 200) String name,
            @NotNull UnitKind kind,
            @Size(max = 200) String partyOrganisation,
            @Schema(uniqueItems = true) @NotEmpty @Size(max = 50) List<@NotBlank @Size(max = 64) String> communities,
            @Valid Contact contact) {

        UnitProfile profile() {
            return new UnitProfile(name, kind, partyOrganisation, communities, contact == null ? null : contact.toDomain());
        }
    }
}
