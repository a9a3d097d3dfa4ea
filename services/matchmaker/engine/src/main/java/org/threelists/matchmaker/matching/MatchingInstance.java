package org.threelists.matchmaker.matching;

import java.util.List;

/**
 * What the engine plans: open demands, available resources, optionally the candidate pairs with their scores
 * (then only those pairs are feasible) and the score weights. JSON schema: contracts/matching-instance.schema.json.
 */
public record MatchingInstance(List<DemandInput> demands, List<ResourceInput> resources,
                               List<CandidatePair> candidates, Weights weights) {

    public MatchingInstance {
        demands = demands == null ? List.of() : List.copyOf(demands);
        resources = resources == null ? List.of() : List.copyOf(resources);
        candidates = candidates == null ? null : List.copyOf(candidates);
        weights = weights == null ? Weights.DEFAULTS : weights;
    }

    public MatchingInstance(List<DemandInput> demands, List<ResourceInput> resources) {
        this(demands, resources, null, null);
    }
}
