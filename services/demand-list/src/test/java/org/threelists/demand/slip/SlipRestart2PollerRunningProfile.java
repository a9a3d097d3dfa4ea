package org.threelists.demand.slip;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.Map;

/** The service after the restart: the slips' deadline poller runs, every half second. */
public class SlipRestart2PollerRunningProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("threelists.slip.deadlines.enabled", "true", "threelists.slip.poll-interval", "PT0.5S");
    }
}
