package org.threelists.demand.service;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.Config;
import org.threelists.contracts.Urgency;
import org.threelists.demand.domain.slip.SlipTimes;

import java.time.Duration;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.Map;

/**
 * The slip's times from configuration (ISO-8601 durations, so tests and the system test shorten them through the
 * environment, e.g. THREELISTS_SLIP_ACCEPTANCE=PT2S): {@code threelists.slip.acceptance},
 * {@code threelists.slip.resolution.<URGENCY>}, {@code threelists.slip.to-community}. A time left out keeps its
 * documented default ({@link SlipTimes#DEFAULTS}; services/demand-list/README.md, "The slip").
 */
@ApplicationScoped
public class SlipSettings {

    /** Days are counted in Beijing time: a slip's service date is the day in China it was reported. */
    public static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    private final SlipTimes times;

    SlipSettings(Config config) {
        SlipTimes defaults = SlipTimes.DEFAULTS;
        Map<Urgency, Duration> resolution = new EnumMap<>(Urgency.class);
        for (Urgency urgency : Urgency.values()) {
            resolution.put(urgency, config.getOptionalValue("threelists.slip.resolution." + urgency.name(),
                    Duration.class).orElse(defaults.resolutionFor(urgency)));
        }
        times = new SlipTimes(
                config.getOptionalValue("threelists.slip.acceptance", Duration.class).orElse(defaults.acceptance()),
                resolution,
                config.getOptionalValue("threelists.slip.to-community", Duration.class).orElse(defaults.toCommunity()));
    }

    public SlipTimes times() {
        return times;
    }
}
