package org.threelists.matchmaker.matching.relaxation;

import java.util.Arrays;
import org.threelists.matchmaker.matching.model.Problem;

/**
 * A component's bound in one pass over its pairs, for a time limit too short for its flow
 * (services/matchmaker/engine/README.md, "Time limit"): the smaller of two relaxations, each a proven upper bound,
 * both weaker than the LP.
 * The second costs a sort per resource; past the deadline only the first is computed (the time limit bounds the
 * starts too).
 * <ul>
 *   <li>every demand on its best resource, capacity ignored: Σ of each demand's best profit;</li>
 *   <li>"each demand at most once" dropped (the Lagrangian bound at prices 0) and each resource's knapsack relaxed
 *       to its LP (Dantzig): every resource filled by its candidates in order of profit per hour, the last one in
 *       part.</li>
 * </ul>
 */
final class QuickBound {

    private QuickBound() {
    }

    static long of(Problem p, int comp, long deadlineNanos) {
        long everyDemandBest = 0;
        for (int d : p.componentDemands[comp]) {
            everyDemandBest += p.pairProfit[p.byDemand[d][0]]; // best profit first
        }
        long resourcesFilled = 0;
        int[] resources = p.componentResources[comp];
        for (int i = 0; i < resources.length; i++) {
            if (i % 16 == 0 && System.nanoTime() >= deadlineNanos) {
                return everyDemandBest; // the knapsacks so far bound part of the resources only: not a proof
            }
            resourcesFilled += fractionalKnapsack(p, resources[i]);
            if (resourcesFilled >= everyDemandBest) {
                break;
            }
        }
        return Math.min(everyDemandBest, resourcesFilled);
    }

    /** r's capacity filled by its candidates, best profit per hour first, the last in part (rounded up). */
    private static long fractionalKnapsack(Problem p, int r) {
        int[] list = p.byResource[r];
        double[] density = new double[list.length];
        Integer[] idx = new Integer[list.length];
        for (int i = 0; i < list.length; i++) {
            density[i] = p.pairProfit[list[i]] / (double) p.hours[p.pairDemand[list[i]]];
            idx[i] = i;
        }
        Arrays.sort(idx, (a, b) -> Double.compare(density[b], density[a]));
        long left = p.capacity[r];
        long total = 0;
        for (int i : idx) {
            int k = list[i];
            long h = p.hours[p.pairDemand[k]];
            if (h <= left) {
                total += p.pairProfit[k];
                left -= h;
            } else {
                total += (p.pairProfit[k] * left + h - 1) / h;
                break;
            }
        }
        return total;
    }
}
