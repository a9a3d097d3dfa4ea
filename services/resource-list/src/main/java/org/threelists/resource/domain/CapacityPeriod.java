package org.threelists.resource.domain;

import org.threelists.platform.domain.RuleBrokenException;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;

/**
 * Whether a capacity is one amount for the whole offer (funds, materials) or renews every month (volunteer hours
 * per month, a venue's hours per month). A reservation of a monthly capacity names its month.
 */
public enum CapacityPeriod {
    TOTAL,
    MONTHLY;

    /** The key a reservation is counted under: "TOTAL", or the month ("2026-12"). */
    public String keyFor(String requested) {
        if (this == TOTAL) {
            return TOTAL.name();
        }
        if (requested == null || requested.isBlank()) {
            throw new RuleBrokenException("period", "a monthly capacity is reserved for a month, e.g. 2026-12");
        }
        if (!requested.trim().matches("\\d{4}-\\d{2}")) {
            throw new RuleBrokenException("period", "'" + requested + "' is not a month like 2026-12");
        }
        try {
            return YearMonth.parse(requested.trim()).toString();
        } catch (DateTimeParseException e) {
            throw new RuleBrokenException("period", "'" + requested + "' is not a month like 2026-12");
        }
    }
}
