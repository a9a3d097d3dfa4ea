package org.threelists.platform.inbox;

import java.time.Duration;

/** Capped exponential backoff: {@code first}, twice that, four times… never more than {@code max}. */
record Backoff(Duration first, Duration max) {

    Duration after(int failures) {
        int doublings = Math.min(Math.max(failures - 1, 0), 30);
        long millis = first.toMillis() << doublings;
        return millis <= 0 || millis > max.toMillis() ? max : Duration.ofMillis(millis);
    }
}
