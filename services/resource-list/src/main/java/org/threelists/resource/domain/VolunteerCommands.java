package org.threelists.resource.domain;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.List;

/** Commands of the {@link Volunteer} aggregate. Personal data arrives sealed; the masked name in clear. */
public final class VolunteerCommands {

    private VolunteerCommands() {
    }

    public record RegisterVolunteer(@TargetAggregateIdentifier String volunteerId, String unitId, String homeCommunity,
            List<String> skills, String sealedPerson, String maskedName, Instant consentGivenAt, String actor) {
    }

    public record AmendVolunteer(@TargetAggregateIdentifier String volunteerId, String homeCommunity,
            List<String> skills, String actor) {
    }

    public record VolunteerLeaves(@TargetAggregateIdentifier String volunteerId, String reason, String actor) {
    }

    public record EraseVolunteerData(@TargetAggregateIdentifier String volunteerId, String actor) {
    }
}
