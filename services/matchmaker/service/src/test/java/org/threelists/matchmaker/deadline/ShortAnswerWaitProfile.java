package org.threelists.matchmaker.deadline;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.Map;

/**
 * Claims wait 4 s for resource-list's answer (the default's five minutes would outlast a test; the other tests keep
 * it, so that a slow machine never refuses their claims behind their back).
 */
public class ShortAnswerWaitProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("threelists.deadlines.claim-pending", "PT4S");
    }
}
