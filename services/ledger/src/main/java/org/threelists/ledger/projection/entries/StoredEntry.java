package org.threelists.ledger.projection.entries;

import org.threelists.ledger.domain.LedgerCorrection;
import org.threelists.ledger.domain.LedgerEntry;

import java.math.BigDecimal;
import java.util.List;

/** An entry and its corrections, oldest first. */
public record StoredEntry(LedgerEntry entry, List<LedgerCorrection> corrections) {

    /** The hours after the last correction; the entry's own when there is none. */
    public BigDecimal hoursInForce() {
        return corrections.isEmpty() ? entry.hours() : corrections.get(corrections.size() - 1).hours();
    }
}
