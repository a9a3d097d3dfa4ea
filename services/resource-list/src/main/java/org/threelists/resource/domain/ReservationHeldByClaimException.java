package org.threelists.resource.domain;

import org.threelists.platform.domain.DomainException;

import java.util.Map;

/**
 * A reservation that the project list's claim holds belongs to the capacity saga (services/resource-list/README.md,
 * "Consumes"): releasing or consuming it over REST is refused, in the state {@value #STATE}.
 */
public class ReservationHeldByClaimException extends DomainException {

    public static final String STATE = "HELD_BY_CLAIM";

    public ReservationHeldByClaimException(String resourceId, String action) {
        super(Kind.ILLEGAL_TRANSITION, "The reservation of resource " + resourceId + " for this project is held by the "
                + "project list's claim; only the project list can " + action + " it",
                Map.of("state", STATE, "action", action));
    }
}
