package org.threelists.matchmaker;

import org.threelists.testing.architecture.LayeredServiceArchitecture;

/** This service keeps the layering of docs/architecture.md ("The services"); the rules are in libs/testing. */
class ArchitectureTest extends LayeredServiceArchitecture {

    ArchitectureTest() {
        super("org.threelists.matchmaker");
    }
}
