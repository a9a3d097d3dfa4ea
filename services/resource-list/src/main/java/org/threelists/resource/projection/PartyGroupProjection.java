package org.threelists.resource.projection;

import io.quarkus.hibernate.orm.panache.Panache;
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
        view.persist();
    }

    @EventHandler
    void on(PartyMemberAdded event, @Timestamp Instant at, @SequenceNumber long sequence) {
        PartyMemberView member = new PartyMemberView();
        member.key = new PartyMemberView.Key(event.groupId(), event.memberId());
        member.kind = event.kind();
        member.homeUnitId = event.homeUnitId();
        member.maskedName = event.maskedName();
        member.skills = event.skills().toArray(String[]::new);
        member.sealedPerson = event.sealedPerson();
        member.addedAt = at;
        member.addedBy = event.actor();
        member.persist();
        Views.require(PartyGroupView.class, event.groupId()).touch(event.actor(), at, sequence);
    }

    @EventHandler
    void on(PartyMemberRemoved event, @Timestamp Instant at, @SequenceNumber long sequence) {
        Panache.getEntityManager().remove(Views.require(PartyMemberView.class,
                new PartyMemberView.Key(event.groupId(), event.memberId())));
        Views.require(PartyGroupView.class, event.groupId()).touch(event.actor(), at, sequence);
    }

    @EventHandler
    void on(PartyGroupLeaderNamed event, @Timestamp Instant at, @SequenceNumber long sequence) {
        PartyGroupView view = Views.require(PartyGroupView.class, event.groupId());
        view.leaderId = event.memberId();
        view.touch(event.actor(), at, sequence);
    }
}
