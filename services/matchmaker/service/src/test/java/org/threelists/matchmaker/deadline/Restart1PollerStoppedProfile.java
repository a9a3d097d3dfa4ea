package org.threelists.matchmaker.deadline;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.Map;

/**
 * The service before the restart: NORMAL claim deadlines of two seconds, and no deadline poller, as if the service
 * went down before the deadline passed. Profiles are ordered by name, so this one runs before
 * {@link Restart2PollerRunningProfile}, on the same embedded PostgreSQL (RealInfrastructure keeps one per JVM).
 */
public class Restart1PollerStoppedProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("threelists.deadlines.enabled", "false", "threelists.deadlines.claim.NORMAL", "PT2S");
    }
}
