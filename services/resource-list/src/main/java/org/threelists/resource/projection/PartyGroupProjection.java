package org.threelists.resource.projection;

import jakarta.inject.Singleton;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.threelists.resource.domain.PartyGroupEvents.PartyGroupCreated;
import org.threelists.resource.domain.PartyGroupEvents.PartyGroupLeaderNamed;
import org.threelists.resource.domain.PartyGroupEvents.PartyMemberAdded;
import org.threelists.resource.domain.PartyGroupEvents.PartyMemberRemoved;

import java.time.Instant;

/** Keeps {@link PartyGroupView} and {@link PartyMemberView}, in the transaction that appends the group's events. */
@Singleton
@ProcessingGroup(Views.PROCESSOR)
public class PartyGroupProjection {

    @EventHandler
    void on(PartyGroupCreated event, @Timestamp Instant at, @SequenceNumber long sequence) {
        PartyGroupView view = new PartyGroupView();
        view.groupId = event.groupId();
        view.streetCode = event.streetCode();
        view.communityCode = event.communityCode();
        view.name = event.name();
        view.compound = event.compound();
        view.buildings = event.buildings().toArray(String[]::new);
        view.createdAt = at;
        view.createdBy = event.actor();
        view.touch(event.actor(), at, sequence);
        view.save();
    }

    @EventHandler
    void on(PartyMemberAdded event, @Timestamp Instant at, @SequenceNumber long sequence) {
        PartyMemberView member = new PartyMemberView();
        member.groupId = event.groupId();
        member.memberId = event.memberId();
        member.communityCode = event.communityCode();
        member.kind = event.kind();
        member.homeUnitId = event.homeUnitId();
        member.maskedName = event.maskedName();
        member.skills = event.skills().toArray(String[]::new);
        member.sealedPerson = event.sealedPerson();
        member.addedAt = at;
        member.addedBy = event.actor();
        member.save();
        touch(event.groupId(), event.actor(), at, sequence);
    }

    @EventHandler
    void on(PartyMemberRemoved event, @Timestamp Instant at, @SequenceNumber long sequence) {
        Views.delete(PartyMemberView.TABLE, event.groupId(), event.memberId());
        touch(event.groupId(), event.actor(), at, sequence);
    }

    @EventHandler
    void on(PartyGroupLeaderNamed event, @Timestamp Instant at, @SequenceNumber long sequence) {
        PartyGroupView view = Views.require(PartyGroupView.TABLE, event.groupId());
        view.leaderId = event.memberId();
        view.touch(event.actor(), at, sequence);
        view.save();
    }

    /** A change of the group's members is a change of the group: its row records the event too. */
    private static void touch(String groupId, String actor, Instant at, long sequence) {
        PartyGroupView group = Views.require(PartyGroupView.TABLE, groupId);
        group.touch(actor, at, sequence);
        group.save();
    }
}
