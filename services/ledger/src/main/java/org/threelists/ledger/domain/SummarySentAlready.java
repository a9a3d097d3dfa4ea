package org.threelists.ledger.domain;

import org.threelists.platform.domain.DomainException;

/** A street's month is summarised for the municipal platform exactly once. */
public class SummarySentAlready extends DomainException {

    public SummarySentAlready(String streetCode, String month) {
        super(Kind.ALREADY_EXISTS, "The summary of " + month + " for street " + streetCode + " was sent already");
    }
}
