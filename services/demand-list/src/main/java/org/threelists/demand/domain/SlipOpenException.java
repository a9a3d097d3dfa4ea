package org.threelists.demand.domain;

import org.threelists.platform.domain.DomainException;

import java.util.Map;

/**
 * The demand has a slip open: a second slip, sending the demand back to the joint meeting, or withdrawing it waits
 * until that slip is declined, recalled or closed, so a demand is never answered twice at once and no slip works a
 * demand that is gone.
 */
public class SlipOpenException extends DomainException {

    public SlipOpenException(String demandId, String slipId, String action) {
        super(Kind.ILLEGAL_TRANSITION, "Cannot " + action + " demand " + demandId + ": slip " + slipId + " is open",
                Map.of("state", "IN_PARTY_GROUP", "slipId", slipId, "action", action));
    }
}
