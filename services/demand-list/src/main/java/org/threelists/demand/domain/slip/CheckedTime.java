package org.threelists.demand.domain.slip;

import java.math.BigDecimal;
import java.time.Duration;

/**
 * The hours a checked time counts for (services/demand-list/README.md, "Check-in and check-out"): to the nearest
 * quarter hour (7½ minutes and more round up), at least a quarter — a check-out is a service given — and at most
 * the 24 hours a report may state.
 */
public final class CheckedTime {

    static final long QUARTER_SECONDS = 15 * 60;
    static final BigDecimal QUARTER = new BigDecimal("0.25");

    private CheckedTime() {
    }

    public static BigDecimal hours(Duration checked) {
        if (checked.isNegative()) {
            throw new IllegalArgumentException("a checked time is not negative");
        }
        long quarters = Math.max(1, (checked.getSeconds() + QUARTER_SECONDS / 2) / QUARTER_SECONDS);
        BigDecimal hours = QUARTER.multiply(BigDecimal.valueOf(quarters));
        return hours.min(Slip.MAX_HOURS).setScale(2);
    }
}
