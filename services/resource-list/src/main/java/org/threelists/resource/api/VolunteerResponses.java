package org.threelists.resource.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.threelists.resource.domain.MembershipStatus;
import org.threelists.resource.projection.VolunteerView;

import java.time.Instant;
import java.util.List;

/** Response bodies of {@code /volunteers}. */
public final class VolunteerResponses {

    private VolunteerResponses() {
    }

    @Schema(name = "Volunteer")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record VolunteerResponse(String volunteerId, String unitId, String streetCode, String homeCommunity,
            List<String> skills, String maskedName, VolunteerRequests.Person person, boolean personalDataErased,
            MembershipStatus status, String statusLabel, String statusReason, Instant consentGivenAt,
            Instant registeredAt, String registeredBy, Instant updatedAt, String updatedBy, long version) {

        static VolunteerResponse of(VolunteerView v, VolunteerRequests.Person person) {
            return new VolunteerResponse(v.volunteerId, v.unitId, v.streetCode, v.homeCommunity, List.of(v.skills),
                    v.maskedName, person, v.personErased, v.status, v.status.zh(), v.statusReason, v.consentGivenAt,
                    v.registeredAt, v.registeredBy, v.updatedAt, v.updatedBy, v.version);
        }
    }

    @Schema(name = "VolunteerPage")
    public record Page(List<VolunteerResponse> items, int page, int size, long total) {
    }
}
