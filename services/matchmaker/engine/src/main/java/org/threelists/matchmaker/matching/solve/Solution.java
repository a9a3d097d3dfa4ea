package org.threelists.matchmaker.matching.solve;

/**
 * What the {@link Solver} found: the chosen pair of each demand (−1 unmatched), the proven bound and the LP bound
 * (in score units of {@link org.threelists.matchmaker.matching.Scoring#RESOLUTION}), how, and how many components
 * are proven optimal; the proven bound of each component, score units; per resource, whether its one-resource
 * re-pack is known not to gain in the plan (a warm start after it skips those: {@link WarmStart}).
 */
public record Solution(int[] choice, long boundScaled, long lpBoundScaled, String method, int provenComponents,
                       int components, long[] componentBoundScaled, boolean[] pullStable) {
}
