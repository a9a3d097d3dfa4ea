package org.threelists.matchmaker.matching;

import java.util.List;
import java.util.Map;

/** One matched demand: the chosen resource, the score with its terms, and up to 3 alternatives with why they lost. */
public record Assignment(String demandId, String resourceId, String unitId, double score,
                         Map<String, Double> terms, List<Alternative> alternatives) {
}
