package org.threelists.demand;

import org.junit.jupiter.api.Test;
import org.threelists.testing.architecture.ArchitectureRules;
import org.threelists.testing.architecture.LayeredServiceArchitecture;

/** This service keeps the layering of docs/architecture.md ("The services"); the rules are in libs/testing. */
class ArchitectureTest extends LayeredServiceArchitecture {

    ArchitectureTest() {
        super("org.threelists.demand");
    }

    /** Once for the whole build: the platform and the test library serve every service and know none of them. */
    @Test
    void the_platform_and_the_test_library_know_no_service_nor_tool() {
        ArchitectureRules.librariesKnowNoServiceNorTool().check(ArchitectureRules.libraryClasses());
    }
}
