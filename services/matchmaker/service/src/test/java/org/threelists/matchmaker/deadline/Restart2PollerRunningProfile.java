package org.threelists.matchmaker.deadline;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.Map;

/** The service after the restart: the poller runs, and a project back on the list gets an hour to be claimed. */
public class Restart2PollerRunningProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("threelists.deadlines.enabled", "true", "threelists.deadlines.claim.NORMAL", "PT1H",
                "threelists.deadlines.poll-interval", "PT0.5S");
    }
}
