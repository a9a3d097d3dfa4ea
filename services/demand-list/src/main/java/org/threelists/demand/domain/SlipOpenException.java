package org.threelists.demand.domain;

import org.threelists.platform.domain.DomainException;

import java.util.Map;

/**
 * The demand has a slip open: a second slip, or sending the demand back to the joint meeting, waits until that slip is
 * declined or closed, so a demand is never answered twice at once.
 */
public class SlipOpenException extends DomainException {

    public SlipOpenException(String demandId, String slipId, String action) {
        super(Kind.ILLEGAL_TRANSITION, "Cannot " + action + " demand " + demandId + ": slip " + slipId + " is open",
                Map.of("state", "IN_PARTY_GROUP", "slipId", slipId, "action", action));
    }
}
