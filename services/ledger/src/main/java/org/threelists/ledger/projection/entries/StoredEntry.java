package org.threelists.ledger.projection.entries;

import org.threelists.ledger.domain.LedgerCorrection;
import org.threelists.ledger.domain.LedgerEntry;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * An entry and its corrections, oldest first, and its project's completion as confirmed (null: a slip's entry, or a
 * project not confirmed yet, whose hours do not count).
 */
public record StoredEntry(LedgerEntry entry, List<LedgerCorrection> corrections, Confirmed confirmed) {

    /**
     * Who confirmed the project's completion and when; {@code onBehalf}: the street's desk, on the community's behalf,
     * once the confirmation wait passed (services/ledger/README.md, "Confirmed on the community's behalf").
     */
    public record Confirmed(Instant at, String by, boolean onBehalf) {
    }

    /** The hours after the last correction; the entry's own when there is none. */
    public BigDecimal hoursInForce() {
        return corrections.isEmpty() ? entry.hours() : corrections.get(corrections.size() - 1).hours();
    }
}
