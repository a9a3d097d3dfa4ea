package org.threelists.resource.domain;

/** Events of the {@link MemberUnit} aggregate. */
public final class MemberUnitEvents {

    private MemberUnitEvents() {
    }

    public record UnitRegistered(String unitId, String streetCode, UnitProfile profile, String actor) {
    }

    public record UnitAmended(String unitId, String streetCode, UnitProfile profile, MembershipStatus status,
            String actor) {
    }

    public record UnitLeft(String unitId, String reason, String actor) {
    }

    public record UnitRejoined(String unitId, String actor) {
    }
}
