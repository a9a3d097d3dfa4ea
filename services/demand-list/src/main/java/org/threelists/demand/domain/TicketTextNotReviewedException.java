package org.threelists.demand.domain;

import org.threelists.platform.domain.DomainException;

/**
 * A demand from a hotline ticket cannot be listed with the ticket's own words, which may name, call or locate the
 * resident (services/demand-list/README.md, "Personal data"): a reviewed public description comes first.
 */
public class TicketTextNotReviewedException extends DomainException {

    public TicketTextNotReviewedException(String demandId) {
        super(Kind.ILLEGAL_TRANSITION, "Demand " + demandId + " came from a hotline ticket whose text may name the "
                + "resident: verify it with a reviewed public description (personal data removed), or amend it first");
    }
}
