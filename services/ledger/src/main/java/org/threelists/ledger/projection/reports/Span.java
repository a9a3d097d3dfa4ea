package org.threelists.ledger.projection.reports;

import java.time.LocalDate;
import java.util.Optional;

/**
 * A period that is one calendar month or one calendar year, which the span roll-ups ({@code ledger_rollup_span},
 * kept by {@code LedgerRollups}) hold whole, distinct volunteers included.
 */
record Span(String kind, LocalDate start) {

    static Optional<Span> of(LocalDate from, LocalDate to) {
        if (from.getDayOfMonth() == 1 && to.equals(from.withDayOfMonth(from.lengthOfMonth()))) {
            return Optional.of(new Span("MONTH", from));
        }
        if (from.getDayOfYear() == 1 && to.equals(from.withDayOfYear(from.lengthOfYear()))) {
            return Optional.of(new Span("YEAR", from));
        }
        return Optional.empty();
    }
}
