package org.threelists.matchmaker.matching;

import java.util.List;

/**
 * Another feasible resource for a matched demand, and why it lost.
 *
 * @param reason      {@link Reason}
 * @param blockingDemandIds for CAPACITY_TAKEN: the demands the plan gave that resource's capacity to
 * @param explanation a sentence for the coordination desk
 */
public record Alternative(String resourceId, String unitId, double score, Reason reason,
                          List<String> blockingDemandIds, String explanation) {

    public enum Reason {
        /** Its score for this demand is lower than the chosen resource's. */
        LOWER_SCORE,
        /** It scores at least as well, but its remaining capacity went to other demands (a better total). */
        CAPACITY_TAKEN,
        /** Same score; the tie went to the unit with less load (fairness). */
        TIE_FAIRNESS,
        /** It scores better and has room: the solver stopped at its time limit before finding the move. */
        NOT_IMPROVED_IN_TIME
    }
}
