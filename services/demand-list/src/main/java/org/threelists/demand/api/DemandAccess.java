package org.threelists.demand.api;

import jakarta.enterprise.context.RequestScoped;
import org.threelists.contracts.CommunityDirectory;
import org.threelists.demand.domain.DemandLane;
import org.threelists.demand.domain.DemandStatus;
import org.threelists.demand.projection.DemandView;
import org.threelists.demand.projection.PartyGroupDirectory;
import org.threelists.demand.service.ContactDisclosure.Entitlement;
import org.threelists.platform.domain.NotPermittedException;
import org.threelists.platform.security.Caller;
import org.threelists.platform.security.Roles;

import java.util.Collection;
import java.util.Optional;

/**
 * Who may do what with a demand (README "Roles"): a community worker within its community, the desk within its
 * street; auditors read within their street; units read the vetted, public part of the list.
 * The resident's contact is seen by the community workers and the desk of the demand's own place, and by the member
 * units holding the project that serves it, while they serve it (matched or in progress) — no other unit, ever.
 * The leader of a building Party group (a member's token) reads the demands the group holds and sends them back to
 * the joint meeting; members are never shown a resident's contact.
 */
@RequestScoped
public class DemandAccess {

    private final Caller caller;
    private final PartyGroupDirectory groups;

    DemandAccess(Caller caller, PartyGroupDirectory groups) {
        this.caller = caller;
        this.groups = groups;
    }

    /** Who may change the demand's lane: the community or the desk, or the leader of the group holding it. */
    public void requireMayRoute(DemandView demand) {
        if (caller.hasRole(Roles.MEMBER)) {
            if (!leadsHoldingGroup(demand)) {
                throw new NotPermittedException("Only the leader of the Party group holding demand " + demand.demandId
                        + " may send it back");
            }
            return;
        }
        requireWrite(demand.streetCode, demand.communityCode);
    }

    /** A group's leader sends a demand back to the joint meeting; where it goes otherwise is the community's say. */
    public void requireMayRouteTo(DemandLane lane) {
        if (caller.hasRole(Roles.MEMBER) && lane != DemandLane.JOINT_MEETING) {
            throw new NotPermittedException("A Party group's leader may only send a demand back to the joint meeting");
        }
    }

    /**
     * A community worker submits only for their own community, and learns nothing about the body before that is
     * settled; the desk's community is checked against its street once the body is read.
     */
    public void requireMaySubmit(String communityCode) {
        if (caller.hasRole(Roles.COMMUNITY) && !ownCommunity().filter(c -> c.equals(communityCode)).isPresent()) {
            throw new NotPermittedException("A community worker submits demands of their own community only");
        }
    }

    public void requireWrite(String streetCode, String communityCode) {
        if (!mayWrite(streetCode, communityCode)) {
            throw new NotPermittedException("Only the community " + communityCode + " or the desk of street "
                    + streetCode + " may change its demands");
        }
    }

    public void requireRead(DemandView demand) {
        if (!mayRead(demand)) {
            throw new NotPermittedException("You may not read demand " + demand.demandId);
        }
    }

    /** What of the demand's personal data the caller may be shown ({@code service.ContactDisclosure} opens it). */
    public Entitlement entitlement(DemandView demand) {
        return new Entitlement(maySeeResident(demand), mayReviewTicket(demand), servingUnit(demand), caller.subject());
    }

    private boolean maySeeResident(DemandView demand) {
        return mayWrite(demand.streetCode, demand.communityCode) || serves(demand);
    }

    /** A hotline ticket's own words are for the community and the desk who review them, no one else. */
    private boolean mayReviewTicket(DemandView demand) {
        return mayWrite(demand.streetCode, demand.communityCode);
    }

    /** The scope a listing is confined to: the caller's street or community, and what units may see. */
    public Scope listingScope() {
        if (caller.hasRole(Roles.MEMBER)) {
            return new Scope(null, requiredClaim(caller.community(), Caller.COMMUNITY_CLAIM), null, caller.subject());
        }
        if (caller.hasRole(Roles.DESK) || caller.hasRole(Roles.AUDITOR)) {
            return new Scope(requiredClaim(caller.street(), Caller.STREET_CLAIM), null, null, null);
        }
        if (caller.hasRole(Roles.COMMUNITY)) {
            requiredClaim(caller.community(), Caller.COMMUNITY_CLAIM);
            return new Scope(null, ownCommunity().orElseThrow(DemandAccess::communityOutsideStreet), null, null);
        }
        return new Scope(requiredClaim(caller.street(), Caller.STREET_CLAIM), null, DemandStatus.PUBLIC, null);
    }

    /** {@code ledBy}: a group leader's member id, confining the listing to the demands the groups they lead hold. */
    public record Scope(String street, String community, Collection<DemandStatus> statuses, String ledBy) {
    }

    /** A community the caller names in a listing lies within its scope. */
    public void requireInScope(Scope scope, String community) {
        if (!inScope(scope, community)) {
            throw new NotPermittedException("Community " + community + " is outside your scope");
        }
    }

    private static boolean inScope(Scope scope, String community) {
        if (scope.community() != null) {
            return scope.community().equals(community);
        }
        if (scope.street() != null) {
            return CommunityDirectory.standard().find(community).map(c -> c.streetCode().equals(scope.street()))
                    .orElse(false);
        }
        return true;
    }

    private boolean mayWrite(String streetCode, String communityCode) {
        if (caller.hasRole(Roles.COMMUNITY)) {
            return ownCommunity().filter(communityCode::equals).isPresent();
        }
        return caller.hasRole(Roles.DESK) && caller.street().filter(streetCode::equals).isPresent();
    }

    private boolean mayRead(DemandView demand) {
        if (mayWrite(demand.streetCode, demand.communityCode)) {
            return true;
        }
        if (caller.hasRole(Roles.AUDITOR)) {
            return caller.street().filter(demand.streetCode::equals).isPresent();
        }
        if (caller.hasRole(Roles.MEMBER)) {
            return leadsHoldingGroup(demand);
        }
        // A member unit serves the street whose alliance it joined; other streets' lists are not its business.
        return caller.hasRole(Roles.UNIT) && DemandStatus.PUBLIC.contains(demand.status)
                && caller.street().filter(demand.streetCode::equals).isPresent();
    }

    /**
     * The community a community worker's token names. The platform's {@code Caller} has already refused a token whose
     * community is not in its street (contracts/reference/communities.json), so this needs no check of its own.
     */
    private Optional<String> ownCommunity() {
        return caller.community();
    }

    private static NotPermittedException communityOutsideStreet() {
        return new NotPermittedException("Your token names no community");
    }

    /** The unit the caller reads for, when it is shown the resident's contact as a holder serving the demand. */
    private Optional<String> servingUnit(DemandView demand) {
        return serves(demand) && !mayWrite(demand.streetCode, demand.communityCode) ? caller.unit() : Optional.empty();
    }

    /**
     * The caller is a unit holding the project that serves the demand, the service is under way, and the unit
     * belongs to the demand's street: a holder confirmed elsewhere never reaches another street's residents.
     */
    private boolean serves(DemandView demand) {
        return caller.hasRole(Roles.UNIT) && DemandStatus.BEING_SERVED.contains(demand.status)
                && caller.unit().filter(demand.servingUnitIds()::contains).isPresent()
                && caller.street().filter(demand.streetCode::equals).isPresent();
    }

    /** The caller is a member of the demand's community who leads the group holding it now. */
    private boolean leadsHoldingGroup(DemandView demand) {
        return caller.hasRole(Roles.MEMBER) && demand.partyGroupId != null
                && caller.community().filter(demand.communityCode::equals).isPresent()
                && groups.group(demand.partyGroupId).map(g -> caller.subject().equals(g.leaderId)).orElse(false);
    }

    private static String requiredClaim(Optional<String> claim, String name) {
        return claim.orElseThrow(() -> new NotPermittedException("Your token carries no '" + name + "' claim"));
    }
}
