package org.threelists.matchmaker.matching.explain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.threelists.matchmaker.matching.Alternative;
import org.threelists.matchmaker.matching.Assignment;
import org.threelists.matchmaker.matching.DemandInput;
import org.threelists.matchmaker.matching.ResourceInput;
import org.threelists.matchmaker.matching.Scoring;
import org.threelists.matchmaker.matching.model.Problem;

/**
 * Why the plan is what it is: every assignment reports its score terms (services/matchmaker/engine/README.md,
 * "Score") and up to {@value #MAX_ALTERNATIVES} better-ranked alternatives, each with the reason it lost — a lower
 * score, its capacity taken by the listed demands, a tie that went to the unit with less load, or the time limit.
 */
public final class Explainer {

    private static final int MAX_ALTERNATIVES = 3;
    private static final int MAX_BLOCKING_LISTED = 10;

    private Explainer() {
    }

    /** The assignments of the plan, each with its score terms and its best alternatives. */
    public static List<Assignment> explain(Problem p, int[] choice) {
        long[] residual = p.capacity.clone();
        List<List<Integer>> assignedTo = new ArrayList<>();
        for (int r = 0; r < p.resources.size(); r++) {
            assignedTo.add(new ArrayList<>());
        }
        for (int d = 0; d < choice.length; d++) {
            if (choice[d] >= 0) {
                int r = p.pairResource[choice[d]];
                residual[r] -= p.hours[d];
                assignedTo.get(r).add(choice[d]);
            }
        }
        for (List<Integer> list : assignedTo) {
            list.sort(Comparator.comparingLong((Integer k) -> -p.pairScaled[k]).thenComparingInt(k -> k));
        }
        List<Assignment> out = new ArrayList<>();
        for (int d = 0; d < choice.length; d++) {
            int chosen = choice[d];
            if (chosen < 0) {
                continue;
            }
            DemandInput demand = p.demands.get(d);
            ResourceInput resource = p.resources.get(p.pairResource[chosen]);
            List<Alternative> alternatives = new ArrayList<>();
            for (int k : p.byDemand[d]) { // best profit first
                if (k == chosen) {
                    continue;
                }
                if (alternatives.size() == MAX_ALTERNATIVES) {
                    break;
                }
                alternatives.add(alternative(p, d, chosen, k, residual, assignedTo));
            }
            Map<String, Double> terms = p.given
                    ? Map.of("given", p.pairScaled[chosen] / (double) Scoring.SCALE)
                    : Scoring.terms(demand, resource, p.weights);
            out.add(new Assignment(demand.id(), resource.id(), resource.unitId(),
                    p.pairScaled[chosen] / (double) Scoring.SCALE, terms, alternatives));
        }
        return out;
    }

    private static Alternative alternative(Problem p, int d, int chosen, int k, long[] residual,
                                           List<List<Integer>> assignedTo) {
        int r = p.pairResource[k];
        ResourceInput res = p.resources.get(r);
        double score = p.pairScaled[k] / (double) Scoring.SCALE;
        double chosenScore = p.pairScaled[chosen] / (double) Scoring.SCALE;
        if (p.pairScaled[k] < p.pairScaled[chosen]) {
            return new Alternative(res.id(), res.unitId(), score, Alternative.Reason.LOWER_SCORE, List.of(),
                    String.format("scores %.4f, below the chosen %.4f", score, chosenScore));
        }
        if (residual[r] < p.hours[d]) {
            List<String> blocking = assignedTo.get(r).stream().limit(MAX_BLOCKING_LISTED)
                    .map(j -> p.demands.get(p.pairDemand[j]).id()).toList();
            return new Alternative(res.id(), res.unitId(), score, Alternative.Reason.CAPACITY_TAKEN, blocking,
                    String.format("scores %.4f but has %.1f h left of the %.1f h needed: its capacity went to %s",
                            score, residual[r] / 10.0, p.hours[d] / 10.0, String.join(", ", blocking)));
        }
        if (p.pairScaled[k] == p.pairScaled[chosen] && p.pairProfit[k] <= p.pairProfit[chosen]) {
            return new Alternative(res.id(), res.unitId(), score, Alternative.Reason.TIE_FAIRNESS, List.of(),
                    String.format("same score %.4f; the tie went to the unit with less load", score));
        }
        return new Alternative(res.id(), res.unitId(), score, Alternative.Reason.NOT_IMPROVED_IN_TIME, List.of(),
                String.format("scores %.4f and has room: the solver stopped at its time limit", score));
    }
}
