package org.threelists.matchmaker.matching;

import java.util.List;

/** Hand-made demands and resources for the engine's tests (and tools/matching-lab's, through the test jar). */
public final class TestInstances {

    private TestInstances() {
    }

    /** A demand of NORMAL urgency without skills or window. */
    public static DemandInput demand(String id, String community, String category, double hours) {
        return new DemandInput(id, community, "s", category, List.of(), Urgency.NORMAL, hours, null, null, null, false);
    }

    /** A resource of one category in one community, always available, without skills. */
    public static ResourceInput resource(String id, String unit, String category, String community, double capacity) {
        return new ResourceInput(id, unit, List.of(category), List.of(), List.of(community), null, null, capacity,
                null, null);
    }
}
