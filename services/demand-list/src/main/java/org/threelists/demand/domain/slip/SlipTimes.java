package org.threelists.demand.domain.slip;

import org.threelists.contracts.Urgency;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/**
 * The times a slip runs on: how long a member has to accept, how long to resolve by urgency, and how long after the
 * leader is told of an overdue slip the community is. Configured in application.properties
 * ({@code threelists.slip.*}); the defaults are services/demand-list/README.md's, "The slip".
 */
public record SlipTimes(Duration acceptance, Map<Urgency, Duration> resolution, Duration toCommunity) {

    public static final SlipTimes DEFAULTS = new SlipTimes(Duration.ofHours(2), Map.of(
            Urgency.CRITICAL, Duration.ofHours(4),
            Urgency.HIGH, Duration.ofHours(24),
            Urgency.NORMAL, Duration.ofHours(72),
            Urgency.LOW, Duration.ofDays(7)), Duration.ofHours(24));

    public SlipTimes {
        if (acceptance == null || acceptance.isNegative() || acceptance.isZero()) {
            throw new IllegalArgumentException("the acceptance time must be positive");
        }
        if (toCommunity == null || toCommunity.isNegative() || toCommunity.isZero()) {
            throw new IllegalArgumentException("the time before the community is told must be positive");
        }
        Map<Urgency, Duration> copy = new EnumMap<>(Urgency.class);
        for (Urgency urgency : Urgency.values()) {
            Duration d = resolution == null ? null : resolution.get(urgency);
            if (d == null || d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("a positive resolution time is needed for urgency " + urgency);
            }
            copy.put(urgency, d);
        }
        resolution = Map.copyOf(copy);
    }

    public Duration resolutionFor(Urgency urgency) {
        return resolution.get(urgency);
    }
}
