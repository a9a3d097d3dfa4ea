package org.threelists.demand.api;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.threelists.demand.domain.DemandLimits;
import org.threelists.demand.domain.ResidentContact;

/**
 * The resident's contact as submitted, and as shown back: a part of {@link SubmitDemandRequest},
 * {@link AmendDemandRequest} and {@link DemandResponse}. Stored only sealed, shown only to callers entitled to it.
 */
@Schema(name = "ResidentContact", description = "居民联系方式 — personal data, encrypted at rest, never published")
public record ResidentContactPart(@Size(max = DemandLimits.RESIDENT_NAME_MAX) String name,
        @Pattern(regexp = "^[0-9+\\- ]{5," + DemandLimits.PHONE_MAX + "}$", message = "must be a phone number")
        String phone,
        @Size(max = DemandLimits.ADDRESS_MAX) String address) {

    ResidentContact toDomain() {
        return new ResidentContact(name, phone, address);
    }

    static ResidentContactPart of(ResidentContact contact) {
        return new ResidentContactPart(contact.name(), contact.phone(), contact.address());
    }
}
