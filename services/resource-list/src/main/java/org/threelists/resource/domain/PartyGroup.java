package org.threelists.resource.domain;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.threelists.platform.domain.RuleBrokenException;
import org.threelists.resource.domain.PartyGroupCommands.AddPartyMember;
import org.threelists.resource.domain.PartyGroupCommands.CreatePartyGroup;
import org.threelists.resource.domain.PartyGroupCommands.NamePartyGroupLeader;
import org.threelists.resource.domain.PartyGroupCommands.RemovePartyMember;
import org.threelists.resource.domain.PartyGroupEvents.PartyGroupCreated;
import org.threelists.resource.domain.PartyGroupEvents.PartyGroupLeaderNamed;
import org.threelists.resource.domain.PartyGroupEvents.PartyMemberAdded;
import org.threelists.resource.domain.PartyGroupEvents.PartyMemberRemoved;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A building Party group (楼栋党小组) of a community: it covers a compound or some buildings, has members — volunteers
 * registered at the community through 双报到 or Party members living there — and a leader chosen among them, who
 * dispatches the slips of the second lane (services/resource-list/README.md, "Party groups").
 */
public class PartyGroup {

    @AggregateIdentifier
    private String groupId;
    private String communityCode;
    private final Set<String> members = new HashSet<>();
    private String leaderId;

    protected PartyGroup() {
    }

    @CommandHandler
    public PartyGroup(CreatePartyGroup command) {
        if (command.name() == null || command.name().isBlank()) {
            throw new RuleBrokenException("name", "is required");
        }
        if (command.buildings() != null && command.buildings().stream().anyMatch(b -> b == null || b.isBlank())) {
            throw new RuleBrokenException("buildings", "must be a list of non-blank buildings");
        }
        List<String> buildings = command.buildings() == null ? List.of() : List.copyOf(command.buildings());
        boolean noCompound = command.compound() == null || command.compound().isBlank();
        if (noCompound && buildings.isEmpty()) {
            throw new RuleBrokenException("compound", "a group covers a compound or at least one building");
        }
        apply(new PartyGroupCreated(command.groupId(), command.streetCode(), command.communityCode(),
                command.name().strip(), noCompound ? null : command.compound(), buildings, command.actor()));
    }

    @CommandHandler
    public void handle(AddPartyMember command) {
        if (members.contains(command.memberId())) {
            throw new RuleBrokenException("memberId", command.memberId() + " is already a member of this group");
        }
        if (command.kind() == PartyMemberKind.VOLUNTEER && command.homeUnitId() == null) {
            throw new RuleBrokenException("homeUnitId", "a dual-registered volunteer has a home unit");
        }
        if (command.kind() == PartyMemberKind.RESIDENT && command.sealedPerson() == null) {
            throw new RuleBrokenException("person", "is required for a resident member");
        }
        List<String> skills = command.skills() == null ? List.of() : List.copyOf(command.skills());
        apply(new PartyMemberAdded(groupId, communityCode, command.memberId(), command.kind(),
                command.kind() == PartyMemberKind.VOLUNTEER ? command.homeUnitId() : null, command.maskedName(), skills,
                command.kind() == PartyMemberKind.RESIDENT ? command.sealedPerson() : null, command.actor()));
    }

    /** The leader stays until another is named: a group is never without the one who dispatches its slips. */
    @CommandHandler
    public void handle(RemovePartyMember command) {
        requireMember(command.memberId());
        if (command.memberId().equals(leaderId)) {
            throw new RuleBrokenException("memberId", "name another leader before removing the leader");
        }
        String reason = command.reason() == null || command.reason().isBlank() ? "no reason given" : command.reason().strip();
        apply(new PartyMemberRemoved(groupId, communityCode, command.memberId(), reason, command.actor()));
    }

    /** Naming the present leader again changes nothing and records nothing. */
    @CommandHandler
    public void handle(NamePartyGroupLeader command) {
        requireMember(command.memberId());
        if (!command.memberId().equals(leaderId)) {
            apply(new PartyGroupLeaderNamed(groupId, communityCode, command.memberId(), command.actor()));
        }
    }

    @EventSourcingHandler
    void on(PartyGroupCreated event) {
        groupId = event.groupId();
        communityCode = event.communityCode();
    }

    @EventSourcingHandler
    void on(PartyMemberAdded event) {
        members.add(event.memberId());
    }

    @EventSourcingHandler
    void on(PartyMemberRemoved event) {
        members.remove(event.memberId());
    }

    @EventSourcingHandler
    void on(PartyGroupLeaderNamed event) {
        leaderId = event.memberId();
    }

    private void requireMember(String memberId) {
        if (!members.contains(memberId)) {
            throw new RuleBrokenException("memberId", memberId + " is not a member of this group");
        }
    }
}
