package org.threelists.resource.domain;

import java.time.Instant;
import java.util.List;

/** Events of the {@link Volunteer} aggregate. */
public final class VolunteerEvents {

    private VolunteerEvents() {
    }

    public record VolunteerRegistered(String volunteerId, String unitId, String homeCommunity, List<String> skills,
            String sealedPerson, String maskedName, Instant consentGivenAt, String actor) {
    }

    public record VolunteerAmended(String volunteerId, String unitId, String homeCommunity, List<String> skills,
            MembershipStatus status, String actor) {
    }

    public record VolunteerLeft(String volunteerId, String unitId, String reason, String actor) {
    }

    public record VolunteerDataErased(String volunteerId, String unitId, String actor) {
    }
}
