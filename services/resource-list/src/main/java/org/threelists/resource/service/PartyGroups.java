package org.threelists.resource.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.threelists.contracts.CommunityDirectory;
import org.threelists.platform.domain.DomainException;
import org.threelists.platform.domain.IllegalTransitionException;
import org.threelists.platform.domain.NotFoundException;
import org.threelists.platform.domain.RuleBrokenException;
import org.threelists.platform.pii.PersonalDataVault;
import org.threelists.resource.domain.MembershipStatus;
import org.threelists.resource.domain.PartyGroupCommands.AddPartyMember;
import org.threelists.resource.domain.PartyGroupCommands.CreatePartyGroup;
import org.threelists.resource.domain.PartyGroupCommands.NamePartyGroupLeader;
import org.threelists.resource.domain.PartyGroupCommands.RemovePartyMember;
import org.threelists.resource.domain.PartyMemberKind;
import org.threelists.resource.domain.VolunteerPerson;
import org.threelists.resource.projection.PartyGroupQueries;
import org.threelists.resource.projection.PartyGroupView;
import org.threelists.resource.projection.PartyMemberView;
import org.threelists.resource.projection.ResourceListQueries;
import org.threelists.resource.projection.VolunteerView;

import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Building Party groups (楼栋党小组): the community worker creates them, adds and removes members and names the
 * leader. A member is a volunteer who registered at this community through 双报到 (their id is the volunteer's, their
 * home unit the volunteer's unit) or a Party member living in the community, whose name and phone are sealed with
 * their own key like a volunteer's. One person belongs to at most one group of a community
 * (services/resource-list/README.md, "Party groups").
 */
@ApplicationScoped
public class PartyGroups {

    private static final String UNIQUE_VIOLATION = "23505";

    private final CommandGateway commands;
    private final PartyGroupQueries groups;
    private final ResourceListQueries queries;
    private final PersonalDataVault vault;

    PartyGroups(CommandGateway commands, PartyGroupQueries groups, ResourceListQueries queries, PersonalDataVault vault) {
        this.commands = commands;
        this.groups = groups;
        this.queries = queries;
        this.vault = vault;
    }

    /** Returns the new group's id. The compound, if named, must be one of the community's. */
    @Transactional
    public String create(String communityCode, String name, String compound, List<String> buildings, String actor) {
        var community = CommunityDirectory.standard().find(communityCode)
                .orElseThrow(() -> new RuleBrokenException("communityCode", "unknown community '" + communityCode + "'"));
        if (compound != null && !community.compounds().contains(compound)) {
            throw new RuleBrokenException("compound", "'" + compound + "' is not a compound of " + community.name());
        }
        String groupId = UUID.randomUUID().toString();
        commands.sendAndWait(new CreatePartyGroup(groupId, community.streetCode(), communityCode, name, compound,
                buildings, actor));
        return groupId;
    }

    /** Adds an active volunteer who calls the group's community home; returns the member id (the volunteer's). */
    @Transactional
    public String addVolunteer(PartyGroupView group, String volunteerId, String actor) {
        VolunteerView volunteer = queries.volunteer(volunteerId)
                .orElseThrow(() -> new RuleBrokenException("volunteerId", "no volunteer " + volunteerId));
        if (volunteer.status != MembershipStatus.ACTIVE) {
            throw new IllegalTransitionException("add volunteer " + volunteerId + " to a Party group", volunteer.status);
        }
        if (!volunteer.homeCommunity.equals(group.communityCode)) {
            throw new RuleBrokenException("volunteerId", "volunteer " + volunteerId
                    + " is registered at community " + volunteer.homeCommunity + ", not " + group.communityCode);
        }
        requireInNoOtherGroup(volunteerId, group);
        try {
            commands.sendAndWait(new AddPartyMember(group.groupId, volunteerId, PartyMemberKind.VOLUNTEER,
                    volunteer.unitId, volunteer.maskedName, List.of(volunteer.skills), null, actor));
        } catch (RuntimeException e) {
            if (addedToAnotherGroupMeanwhile(e)) {
                // The check above read the view before another add of this volunteer committed; the view's unique
                // index refused this one, and its event is rolled back with the transaction.
                throw new DomainException(DomainException.Kind.CONFLICT, volunteerId + " was added to another Party "
                        + "group of community " + group.communityCode + " at the same time");
            }
            throw e;
        }
        return volunteerId;
    }

    /** Adds a Party member living in the community; returns the new member id. */
    @Transactional
    public String addResident(PartyGroupView group, VolunteerPerson person, List<String> skills, String actor) {
        String memberId = UUID.randomUUID().toString();
        commands.sendAndWait(new AddPartyMember(group.groupId, memberId, PartyMemberKind.RESIDENT, null,
                person.maskedName(), skills, vault.sealJson(subject(memberId), person), actor));
        return memberId;
    }

    @Transactional
    public void remove(String groupId, String memberId, String reason, String actor) {
        commands.sendAndWait(new RemovePartyMember(groupId, memberId, reason, actor));
    }

    @Transactional
    public void nameLeader(String groupId, String memberId, String actor) {
        commands.sendAndWait(new NamePartyGroupLeader(groupId, memberId, actor));
    }

    /** A resident member's person; a volunteer's is read from the volunteer record by those entitled to it. */
    public Optional<VolunteerPerson> residentPerson(PartyMemberView member) {
        if (member.kind != PartyMemberKind.RESIDENT || member.sealedPerson == null) {
            return Optional.empty();
        }
        return vault.openJson(subject(member.memberId), member.sealedPerson, VolunteerPerson.class);
    }

    public PartyGroupView require(String groupId) {
        return groups.group(groupId).orElseThrow(() -> new NotFoundException("Party group", groupId));
    }

    private void requireInNoOtherGroup(String memberId, PartyGroupView group) {
        List<String> others = groups.groupsOf(memberId, group.communityCode);
        if (!others.isEmpty()) {
            throw new RuleBrokenException("volunteerId", memberId + " is already a member of Party group " + others.get(0));
        }
    }

    private static boolean addedToAnotherGroupMeanwhile(Throwable failure) {
        int depth = 0;
        for (Throwable cause = failure; cause != null && depth < 20; cause = cause.getCause(), depth++) {
            if (cause instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())
                    && String.valueOf(sql.getMessage()).contains(PartyMemberView.ONE_GROUP_PER_COMMUNITY)) {
                return true;
            }
        }
        return false;
    }

    private static String subject(String memberId) {
        return "party-member:" + memberId;
    }
}
