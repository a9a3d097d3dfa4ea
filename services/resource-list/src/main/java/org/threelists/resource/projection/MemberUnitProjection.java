package org.threelists.resource.projection;

import jakarta.inject.Singleton;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.threelists.resource.domain.MemberUnitEvents.UnitAmended;
import org.threelists.resource.domain.MemberUnitEvents.UnitLeft;
import org.threelists.resource.domain.MemberUnitEvents.UnitRegistered;
import org.threelists.resource.domain.MemberUnitEvents.UnitRejoined;
import org.threelists.resource.domain.MembershipStatus;
import org.threelists.resource.domain.UnitProfile;

import java.time.Instant;

/** Keeps {@link MemberUnitView}, in the transaction that appends the unit's events. */
@Singleton
@ProcessingGroup(Views.PROCESSOR)
public class MemberUnitProjection {

    @EventHandler
    void on(UnitRegistered event, @Timestamp Instant at, @SequenceNumber long sequence) {
        MemberUnitView view = new MemberUnitView();
        view.unitId = event.unitId();
        view.streetCode = event.streetCode();
        view.status = MembershipStatus.ACTIVE;
        view.registeredAt = at;
        view.registeredBy = event.actor();
        copy(event.profile(), view);
        view.touch(event.actor(), at, sequence);
        view.save();
    }

    @EventHandler
    void on(UnitAmended event, @Timestamp Instant at, @SequenceNumber long sequence) {
        MemberUnitView view = Views.require(MemberUnitView.TABLE, event.unitId());
        copy(event.profile(), view);
        view.touch(event.actor(), at, sequence);
        view.save();
    }

    @EventHandler
    void on(UnitLeft event, @Timestamp Instant at, @SequenceNumber long sequence) {
        MemberUnitView view = Views.require(MemberUnitView.TABLE, event.unitId());
        view.status = MembershipStatus.LEFT;
        view.statusReason = event.reason();
        view.touch(event.actor(), at, sequence);
        view.save();
    }

    @EventHandler
    void on(UnitRejoined event, @Timestamp Instant at, @SequenceNumber long sequence) {
        MemberUnitView view = Views.require(MemberUnitView.TABLE, event.unitId());
        view.status = MembershipStatus.ACTIVE;
        view.statusReason = null;
        view.touch(event.actor(), at, sequence);
        view.save();
    }

    private static void copy(UnitProfile profile, MemberUnitView view) {
        view.name = profile.name();
        view.kind = profile.kind();
        view.partyOrganisation = profile.partyOrganisation();
        view.communities = profile.communities().toArray(String[]::new);
        view.contactPerson = profile.contact() == null ? null : profile.contact().person();
        view.contactPhone = profile.contact() == null ? null : profile.contact().phone();
        view.contactEmail = profile.contact() == null ? null : profile.contact().email();
    }
}
