package org.threelists.matchmaker.matching;

/** A pair given by the caller: when an instance lists candidates, only these pairs are feasible, scored as given. */
public record CandidatePair(String demandId, String resourceId, double score) {
}
