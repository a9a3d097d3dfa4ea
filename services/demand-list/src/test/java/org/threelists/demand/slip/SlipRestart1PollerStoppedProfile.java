package org.threelists.demand.slip;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.Map;

/**
 * The service before the restart: two seconds to accept a slip, the community told three seconds after the leader,
 * and no deadline poller, as if the service went down before the time passed. Profiles are ordered by name, so this
 * one runs before {@link SlipRestart2PollerRunningProfile}, on the same embedded PostgreSQL (RealInfrastructure keeps
 * one per JVM).
 */
public class SlipRestart1PollerStoppedProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("threelists.slip.deadlines.enabled", "false", "threelists.slip.acceptance", "PT2S",
                "threelists.slip.to-community", "PT3S");
    }
}
