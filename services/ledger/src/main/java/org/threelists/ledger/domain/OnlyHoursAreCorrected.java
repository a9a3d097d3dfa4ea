package org.threelists.ledger.domain;

import org.threelists.platform.domain.DomainException;

import java.util.Map;

/**
 * The desk corrects a volunteer's hours; a delivery or a pledge honoured is never corrected (services/ledger/README.md,
 * "Entries and the hash chains").
 */
public class OnlyHoursAreCorrected extends DomainException {

    public OnlyHoursAreCorrected(LedgerEntry.Kind kind) {
        super(Kind.ILLEGAL_TRANSITION, "Only a volunteer's hours (HOURS entries) are corrected; this is a " + kind
                + " entry", Map.of("state", kind.name(), "action", "correct"));
    }
}
