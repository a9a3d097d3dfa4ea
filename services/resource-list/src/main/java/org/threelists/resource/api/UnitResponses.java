package org.threelists.resource.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.threelists.resource.domain.MembershipStatus;
import org.threelists.resource.domain.UnitKind;
import org.threelists.resource.projection.MemberUnitView;

import java.time.Instant;
import java.util.List;

/** Response bodies of {@code /units}. */
public final class UnitResponses {

    private UnitResponses() {
    }

    @Schema(name = "MemberUnit")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record UnitResponse(String unitId, String streetCode, String name, UnitKind kind, String kindLabel,
            String partyOrganisation, List<String> communities,
            @Schema(description = "The unit's contact person; shown to the unit itself and to its street's desk and "
                    + "community workers only") UnitRequests.Contact contact, MembershipStatus status,
            String statusLabel, String statusReason, Instant registeredAt, String registeredBy, Instant updatedAt,
            String updatedBy, long version) {

        /** The unit as the caller may see it: its contact only {@code withContact} ({@code ResourceListAccess.seesContactOf}). */
        static UnitResponse of(MemberUnitView v, boolean withContact) {
            UnitRequests.Contact contact = !withContact || v.contactPerson == null && v.contactPhone == null
                    && v.contactEmail == null ? null : new UnitRequests.Contact(v.contactPerson, v.contactPhone, v.contactEmail);
            return new UnitResponse(v.unitId, v.streetCode, v.name, v.kind, v.kind.zh(), v.partyOrganisation,
                    List.of(v.communities), contact, v.status, v.status.zh(), v.statusReason, v.registeredAt,
                    v.registeredBy, v.updatedAt, v.updatedBy, v.version);
        }
    }

    @Schema(name = "UnitPage")
    public record Page(List<UnitResponse> items, int page, int size, long total) {
    }
}
