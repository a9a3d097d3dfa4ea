package org.threelists.demand.api;

import jakarta.enterprise.context.RequestScoped;
import org.threelists.demand.domain.DemandStatus;
import org.threelists.demand.projection.DemandView;
import org.threelists.platform.problem.ProblemException;
import org.threelists.platform.security.Caller;
import org.threelists.platform.security.Roles;

import java.util.Collection;
import java.util.Optional;

/**
 * Who may do what with a demand (DESIGN.md §5): a community worker within its community, the desk within its
 * street; auditors read within their street; units read the vetted, public part of the list.
 * The resident's contact is seen by the community workers and the desk of the demand's own place, and by the member
 * units holding the project that serves it, while they serve it (matched or in progress) — no other unit, ever.
 */
@RequestScoped
public class DemandAccess {

    private final Caller caller;

    DemandAccess(Caller caller) {
        this.caller = caller;
    }

    public void requireWrite(String streetCode, String communityCode) {
        if (!mayWrite(streetCode, communityCode)) {
            throw ProblemException.forbidden("Only the community " + communityCode + " or the desk of street "
                    + streetCode + " may change its demands");
        }
    }

    public void requireRead(DemandView demand) {
        if (!mayRead(demand)) {
            throw ProblemException.forbidden("You may not read demand " + demand.demandId);
        }
    }

    public boolean maySeeResident(DemandView demand) {
        return mayWrite(demand.streetCode, demand.communityCode) || serves(demand);
    }

    /** The scope a listing is confined to: the caller's street or community, and what units may see. */
    public Scope listingScope() {
        if (caller.hasRole(Roles.DESK) || caller.hasRole(Roles.AUDITOR)) {
            return new Scope(requiredClaim(caller.street(), Caller.STREET_CLAIM), null, null);
        }
        if (caller.hasRole(Roles.COMMUNITY)) {
            return new Scope(null, requiredClaim(caller.community(), Caller.COMMUNITY_CLAIM), null);
        }
        return new Scope(null, null, DemandStatus.PUBLIC);
    }

    public record Scope(String street, String community, Collection<DemandStatus> statuses) {
    }

    private boolean mayWrite(String streetCode, String communityCode) {
        if (caller.hasRole(Roles.COMMUNITY)) {
            return caller.community().filter(communityCode::equals).isPresent();
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
        return caller.hasRole(Roles.UNIT) && DemandStatus.PUBLIC.contains(demand.status);
    }

    /** The caller is a unit holding the project that serves the demand, and the service is under way. */
    private boolean serves(DemandView demand) {
        return caller.hasRole(Roles.UNIT) && DemandStatus.BEING_SERVED.contains(demand.status)
                && caller.unit().filter(demand.servingUnitIds()::contains).isPresent();
    }

    private static String requiredClaim(Optional<String> claim, String name) {
        return claim.orElseThrow(() -> ProblemException.forbidden("Your token carries no '" + name + "' claim"));
    }
}
