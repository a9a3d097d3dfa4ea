package org.threelists.matchmaker.matching;

import java.util.List;

/**
 * The engine's answer.
 *
 * @param objective  Σ score of the matched demands (scores at the engine's resolution of 1e-4)
 * @param upperBound a proven upper bound on the best possible objective (the smaller of CP-SAT's bound and the
 *                   min-cost-flow LP bound); equals objective when the plan is proven optimal
 * @param gap        (upperBound − objective) / upperBound, 0 when upperBound is 0
 * @param method     how it was solved, e.g. "cp-sat:OPTIMAL", "cp-sat:FEASIBLE(time limit)", "flow-rounding"
 * @param projects   the assignments bundled into proposed projects
 * @param flowBound  the min-cost-flow (LP relaxation) bound alone, ≥ upperBound
 */
public record MatchingPlan(List<Assignment> assignments, List<String> unmatchedDemandIds, double objective,
                           double upperBound, double gap, long solveMillis, String method,
                           List<ProposedProject> projects, double flowBound) {
}
