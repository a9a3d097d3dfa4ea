package org.threelists.resource.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.threelists.resource.domain.MembershipStatus;
import org.threelists.resource.domain.UnitContact;
import org.threelists.resource.domain.UnitKind;
import org.threelists.resource.domain.UnitProfile;
import org.threelists.resource.projection.UnitView;

import java.time.Instant;
import java.util.List;

/** Request and response bodies of {@code /units}. */
public final class UnitDtos {

    private UnitDtos() {
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
            @Schema(uniqueItems = true) @NotEmpty @Size(max = 50) List<@NotBlank String> communities,
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
            @Schema(uniqueItems = true) @NotEmpty @Size(max = 50) List<@NotBlank String> communities,
            @Valid Contact contact) {

        UnitProfile profile() {
            return new UnitProfile(name, kind, partyOrganisation, communities, contact == null ? null : contact.toDomain());
        }
    }

    @Schema(name = "MemberUnit")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record UnitResponse(String unitId, String streetCode, String name, UnitKind kind, String kindLabel,
            String partyOrganisation, List<String> communities, Contact contact, MembershipStatus status,
            String statusLabel, String statusReason, Instant registeredAt, String registeredBy, Instant updatedAt,
            String updatedBy, long version) {

        static UnitResponse of(UnitView v) {
            Contact contact = v.contactPerson == null && v.contactPhone == null && v.contactEmail == null
                    ? null : new Contact(v.contactPerson, v.contactPhone, v.contactEmail);
            return new UnitResponse(v.unitId, v.streetCode, v.name, v.kind, v.kind.zh(), v.partyOrganisation,
                    List.of(v.communities), contact, v.status, v.status.zh(), v.statusReason, v.registeredAt,
                    v.registeredBy, v.updatedAt, v.updatedBy, v.version);
        }
    }

    @Schema(name = "UnitPage")
    public record Page(List<UnitResponse> items, int page, int size, long total) {
    }
}
