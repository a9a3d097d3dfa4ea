package org.threelists.matchmaker.planning;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.Map;

/** Incremental re-planning switched on (the test profile switches it off), with the service's own debounce. */
public class ReplanProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("threelists.matchmaker.replan.enabled", "true");
    }
}
