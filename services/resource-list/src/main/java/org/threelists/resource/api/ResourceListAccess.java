package org.threelists.resource.api;

import jakarta.enterprise.context.RequestScoped;
import org.threelists.platform.problem.ProblemException;
import org.threelists.platform.security.Caller;
import org.threelists.platform.security.Roles;
import org.threelists.resource.projection.MemberUnitView;

import java.util.Optional;

/**
 * Who may do what on the resource list (README "Roles"): a unit manages only its own offers and volunteers; the desk
 * manages everything of the units in its street; everyone reads the list of their own street.
 */
@RequestScoped
public class ResourceListAccess {

    private final Caller caller;

    ResourceListAccess(Caller caller) {
        this.caller = caller;
    }

    /** The street every read is confined to: the one the caller's token names. */
    public String street() {
        return caller.street().orElseThrow(() -> ProblemException.forbidden("Your token carries no 'street' claim"));
    }

    public boolean isDesk(String streetCode) {
        return caller.hasRole(Roles.DESK) && caller.street().filter(streetCode::equals).isPresent();
    }

    public boolean isUnit(String unitId) {
        return caller.hasRole(Roles.UNIT) && caller.unit().filter(unitId::equals).isPresent();
    }

    /**
     * Whether the caller is shown a unit's contact person and phone: the unit itself, and its street's desk and
     * community workers, who coordinate with it; not an auditor (its role reads no contact data: docs/roles in
     * DESIGN) and not another unit of the alliance.
     */
    public boolean seesContactOf(MemberUnitView unit) {
        return isUnit(unit.unitId) || isDesk(unit.streetCode)
                || caller.hasRole(Roles.COMMUNITY) && caller.street().filter(unit.streetCode::equals).isPresent();
    }

    /** The unit itself or its street's desk. */
    public void requireManage(MemberUnitView unit) {
        if (!isUnit(unit.unitId) && !isDesk(unit.streetCode)) {
            throw ProblemException.forbidden("Only unit " + unit.unitId + " or the desk of street " + unit.streetCode
                    + " may do this");
        }
    }

    /**
     * The unit a new offer or volunteer is for: it must exist (400 otherwise: the body names it) and be the caller's
     * own or in the desk's street (403). Whether it is in the alliance is the use case's rule (409).
     */
    public MemberUnitView requireManaged(Optional<MemberUnitView> found, String unitId) {
        MemberUnitView unit = found.orElseThrow(() -> ProblemException.invalid("unitId", "no unit " + unitId));
        requireManage(unit);
        return unit;
    }

    public void requireDesk(String streetCode) {
        if (!isDesk(streetCode)) {
            throw ProblemException.forbidden("Only the desk of street " + streetCode + " may do this");
        }
    }

    public void requireReadStreet(String streetCode) {
        if (!street().equals(streetCode)) {
            throw ProblemException.forbidden("This belongs to street " + streetCode + ", outside your scope");
        }
    }

    public String actor() {
        return caller.actor();
    }

    public Caller caller() {
        return caller;
    }
}
