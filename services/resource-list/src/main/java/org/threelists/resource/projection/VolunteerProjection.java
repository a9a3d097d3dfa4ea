package org.threelists.resource.projection;

import jakarta.inject.Singleton;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.threelists.resource.domain.MembershipStatus;
import org.threelists.resource.domain.VolunteerEvents.VolunteerAmended;
import org.threelists.resource.domain.VolunteerEvents.VolunteerDataErased;
import org.threelists.resource.domain.VolunteerEvents.VolunteerLeft;
import org.threelists.resource.domain.VolunteerEvents.VolunteerRegistered;

import java.time.Instant;

/** Keeps {@link VolunteerView}, in the transaction that appends the volunteer's events. */
@Singleton
@ProcessingGroup(Views.PROCESSOR)
public class VolunteerProjection {

    @EventHandler
    void on(VolunteerRegistered event, @Timestamp Instant at, @SequenceNumber long sequence) {
        VolunteerView view = new VolunteerView();
        view.volunteerId = event.volunteerId();
        view.unitId = event.unitId();
        view.streetCode = Views.require(MemberUnitView.TABLE, event.unitId()).streetCode;
        view.homeCommunity = event.homeCommunity();
        view.skills = event.skills().toArray(String[]::new);
        view.maskedName = event.maskedName();
        view.sealedPerson = event.sealedPerson();
        view.status = MembershipStatus.ACTIVE;
        view.consentGivenAt = event.consentGivenAt();
        view.registeredAt = at;
        view.registeredBy = event.actor();
        view.touch(event.actor(), at, sequence);
        view.save();
    }

    @EventHandler
    void on(VolunteerAmended event, @Timestamp Instant at, @SequenceNumber long sequence) {
        VolunteerView view = Views.require(VolunteerView.TABLE, event.volunteerId());
        view.homeCommunity = event.homeCommunity();
        view.skills = event.skills().toArray(String[]::new);
        view.touch(event.actor(), at, sequence);
        view.save();
    }

    @EventHandler
    void on(VolunteerLeft event, @Timestamp Instant at, @SequenceNumber long sequence) {
        VolunteerView view = Views.require(VolunteerView.TABLE, event.volunteerId());
        view.status = MembershipStatus.LEFT;
        view.statusReason = event.reason();
        view.touch(event.actor(), at, sequence);
        view.save();
    }

    @EventHandler
    void on(VolunteerDataErased event, @Timestamp Instant at, @SequenceNumber long sequence) {
        VolunteerView view = Views.require(VolunteerView.TABLE, event.volunteerId());
        view.personErased = true;
        view.touch(event.actor(), at, sequence);
        view.save();
    }
}
