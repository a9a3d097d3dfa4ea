package org.threelists.platform.checkin;

import java.math.BigDecimal;
import java.time.Duration;

/**
 * The hours a checked time (from check-in to check-out, all rounds together) counts for, as every service that keeps
 * check-ins counts them (libs/platform/README.md, "Check-in codes"): to the nearest quarter hour (7½ minutes and more
 * round up), at least a quarter — a check-out is a service given — and at most the 24 hours one day's report may state.
 */
public final class CheckedHours {

    public static final BigDecimal MAX_HOURS = BigDecimal.valueOf(24);
    static final long QUARTER_SECONDS = 15 * 60;
    static final BigDecimal QUARTER = new BigDecimal("0.25");

    private CheckedHours() {
    }

    public static BigDecimal of(Duration checked) {
        if (checked.isNegative()) {
            throw new IllegalArgumentException("a checked time is not negative");
        }
        long quarters = Math.max(1, (checked.getSeconds() + QUARTER_SECONDS / 2) / QUARTER_SECONDS);
        return QUARTER.multiply(BigDecimal.valueOf(quarters)).min(MAX_HOURS).setScale(2);
    }
}
