package org.threelists.demand.api;

import jakarta.enterprise.context.RequestScoped;
import org.threelists.demand.projection.DemandView;
import org.threelists.demand.projection.PartyGroupDirectory;
import org.threelists.demand.projection.SlipQueries;
import org.threelists.demand.projection.SlipView;
import org.threelists.demand.domain.slip.EscalationLevel;
import org.threelists.demand.domain.slip.SlipStatus;
import org.threelists.platform.domain.NotPermittedException;
import org.threelists.platform.security.Caller;
import org.threelists.platform.security.Roles;

import java.util.Optional;

/**
 * Who may do what with a slip (services/demand-list/README.md, "The slip"). A member's token names them (subject =
 * member id) and their community: the leader of the group holding a demand dispatches its slips and follows the
 * group's; the member a slip names answers and reports it, and sees their own; the community worker of the slip's
 * community records the resident's satisfaction (or the street's desk); the leader, or once it is escalated to them
 * the community or the desk, recall a slip; the community, the desk and auditors of the street read. Units see no
 * slips. The group's leader is the one resource-list last named ({@code party-group.leader-named}, kept in
 * {@link PartyGroupDirectory}).
 */
@RequestScoped
public class SlipAccess {

    private final Caller caller;
    private final PartyGroupDirectory groups;

    SlipAccess(Caller caller, PartyGroupDirectory groups) {
        this.caller = caller;
        this.groups = groups;
    }

    /** The caller leads the group that holds the demand now, in the demand's community. */
    public void requireLeaderOf(DemandView demand) {
        if (demand.partyGroupId == null || !leads(demand.communityCode, demand.partyGroupId)) {
            throw new NotPermittedException("Only the leader of the Party group holding demand " + demand.demandId
                    + " may dispatch its slips or send it back");
        }
    }

    /**
     * The caller leads the slip's group now: they show its check-in codes and confirm the hours of a member who could
     * not check in (services/demand-list/README.md, "Check-in and check-out").
     */
    public void requireLeaderOf(SlipView slip) {
        if (!leads(slip.communityCode, slip.groupId)) {
            throw new NotPermittedException("Only the leader of Party group " + slip.groupId
                    + " shows the check-in codes of slip " + slip.slipId + " and confirms its hours");
        }
    }

    /** The caller is the member the slip is dispatched to. */
    public void requireMemberOf(SlipView slip) {
        if (!isOwn(slip)) {
            throw new NotPermittedException("Slip " + slip.slipId + " was dispatched to another member");
        }
    }

    /** The community worker of the slip's community, or the street's desk, records the resident's satisfaction. */
    public void requireRecorder(SlipView slip) {
        if (!isRecorder(slip)) {
            throw new NotPermittedException("Only the community " + slip.communityCode + " or the desk of street "
                    + slip.streetCode + " records the resident's satisfaction");
        }
    }

    /**
     * Who may take the slip back (撤回派单), and at which standing: the leader of its group now (GROUP_LEADER), or the
     * community worker of its community or the street's desk (COMMUNITY). When each may is the slip's rule.
     */
    public EscalationLevel requireRecaller(SlipView slip) {
        if (leads(slip.communityCode, slip.groupId)) {
            return EscalationLevel.GROUP_LEADER;
        }
        if (isRecorder(slip)) {
            return EscalationLevel.COMMUNITY;
        }
        throw new NotPermittedException("Only the leader of Party group " + slip.groupId + ", the community "
                + slip.communityCode + " or the desk of street " + slip.streetCode + " recalls slip " + slip.slipId);
    }

    public void requireRead(SlipView slip) {
        if (!mayRead(slip)) {
            throw new NotPermittedException("You may not read slip " + slip.slipId);
        }
    }

    /** The listing the caller is confined to, with the caller's own filters. */
    public SlipQueries.Filter listing(String groupId, String demandId, SlipStatus status) {
        if (caller.hasRole(Roles.MEMBER)) {
            return new SlipQueries.Filter(null, requiredClaim(caller.community(), Caller.COMMUNITY_CLAIM),
                    caller.subject(), groupId, demandId, status);
        }
        if (caller.hasRole(Roles.COMMUNITY)) {
            return new SlipQueries.Filter(null, requiredClaim(caller.community(), Caller.COMMUNITY_CLAIM), null,
                    groupId, demandId, status);
        }
        if (caller.hasRole(Roles.DESK) || caller.hasRole(Roles.AUDITOR)) {
            return new SlipQueries.Filter(requiredClaim(caller.street(), Caller.STREET_CLAIM), null, null, groupId,
                    demandId, status);
        }
        throw new NotPermittedException("Your role sees no slips");
    }

    private boolean mayRead(SlipView slip) {
        if (caller.hasRole(Roles.MEMBER)) {
            return isOwn(slip) || leads(slip.communityCode, slip.groupId);
        }
        if (caller.hasRole(Roles.COMMUNITY)) {
            return caller.community().filter(slip.communityCode::equals).isPresent();
        }
        return (caller.hasRole(Roles.DESK) || caller.hasRole(Roles.AUDITOR))
                && caller.street().filter(slip.streetCode::equals).isPresent();
    }

    private boolean isRecorder(SlipView slip) {
        boolean community = caller.hasRole(Roles.COMMUNITY)
                && caller.community().filter(slip.communityCode::equals).isPresent();
        return community || caller.hasRole(Roles.DESK) && caller.street().filter(slip.streetCode::equals).isPresent();
    }

    private boolean isOwn(SlipView slip) {
        return caller.hasRole(Roles.MEMBER) && slip.memberId.equals(caller.subject())
                && caller.community().filter(slip.communityCode::equals).isPresent();
    }

    private boolean leads(String communityCode, String groupId) {
        return caller.hasRole(Roles.MEMBER) && caller.community().filter(communityCode::equals).isPresent()
                && groups.group(groupId).map(g -> caller.subject().equals(g.leaderId)).orElse(false);
    }

    private static String requiredClaim(Optional<String> claim, String name) {
        return claim.orElseThrow(() -> new NotPermittedException("Your token carries no '" + name + "' claim"));
    }
}
