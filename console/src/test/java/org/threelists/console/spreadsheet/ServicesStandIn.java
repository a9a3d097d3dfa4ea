package org.threelists.console.spreadsheet;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;

/** The spreadsheet tests' own profile: the console talks to {@link ServicesUpstream}, whatever the other tests use. */
public class ServicesStandIn implements QuarkusTestProfile {

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(ServicesUpstream.class));
    }
}
