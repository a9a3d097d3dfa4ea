package org.threelists.matchmaker.matching.relaxation;

import com.google.ortools.graph.MinCostFlow;
import com.google.ortools.graph.MinCostFlowBase;
import java.util.Arrays;
import org.threelists.matchmaker.matching.model.Problem;
import org.threelists.matchmaker.matching.model.Trace;

/**
 * Upper bounds on the best plan, per connected component, in lexicographic profit units.
 *
 * <ol>
 *   <li><b>LP relaxation as a min-cost flow.</b> Every demand sends its hours, splittable, to its resources at a
 *       profit of ceil(profit / hours) per tenth of an hour, or leaves them unmatched at no profit; resources take at
 *       most their capacity. This is the LP relaxation of the assignment (x = flow / hours), rounded up, so its
 *       optimum is a proven upper bound. The flow also gives the start plan (the demands it does not split).</li>
 *   <li><b>Lagrangian bound with knapsack sub-problems.</b> Prices of capacity λ (per tenth of an hour) come from
 *       the flow's node potentials (shortest distances in the residual graph of the optimal flow, which has no
 *       negative cycle); they price each demand at u = max(0, max over its pairs of profit − λ·hours). Relaxing
 *       "each demand at most once" with prices u ≥ 0 leaves one 0/1 knapsack per resource: for every u ≥ 0,
 *       Σ u + Σ<sub>resources</sub> knapsack(profit − u) is an upper bound (weak duality), at least as tight as the LP
 *       bound at the LP's own prices, and tighter where the LP fills a resource with a fraction of a demand.
 *       Knapsacks are solved exactly by dynamic programming in integers (tenths divided by their gcd), so the bound
 *       is exact arithmetic; subgradient steps on u tighten it within a time budget.</li>
 * </ol>
 */
public final class Relaxation {

    private final Problem p;
    /** Flow of each pair, in tenths of an hour. */
    public final long[] pairFlow;
    /** The LP bound of each component. */
    public final long[] componentLpBound;
    /** The best bound found so far for each component (LP or Lagrangian). */
    public final long[] componentBound;
    /** Capacity price per tenth of an hour, ≥ 0; null when the potentials could not be computed. */
    double[] lambda;

    public Relaxation(Problem p) {
        this.p = p;
        this.pairFlow = new long[p.pairCount()];
        this.componentLpBound = new long[p.componentCount()];
        this.componentBound = new long[p.componentCount()];
    }

    public long lpBound() {
        return Arrays.stream(componentLpBound).sum();
    }

    /** Solves the flow, fills the LP bounds and the prices; returns the plan of the unsplit demands. */
    public int[] solveFlow() {
        int nD = p.demands.size();
        int nR = p.resources.size();
        int[] choice = new int[nD];
        Arrays.fill(choice, -1);
        if (p.pairCount() == 0) {
            lambda = new double[nR];
            return choice;
        }
        long[] unitProfit = new long[p.pairCount()];
        long c = 0;
        for (int k = 0; k < p.pairCount(); k++) {
            long h = p.hours[p.pairDemand[k]];
            unitProfit[k] = (p.pairProfit[k] + h - 1) / h; // ceil: the relaxation may only overestimate
            c = Math.max(c, unitProfit[k]);
        }
        int sink = nD + nR;
        MinCostFlow flow = new MinCostFlow(nD + nR + 1, p.pairCount() + nD + nR);
        int[] pairArc = new int[p.pairCount()];
        int[] unmatchedArc = new int[nD];
        int[] resourceArc = new int[nR];
        Arrays.fill(unmatchedArc, -1);
        Arrays.fill(resourceArc, -1);
        long totalHours = 0;
        for (int k = 0; k < p.pairCount(); k++) {
            pairArc[k] = flow.addArcWithCapacityAndUnitCost(p.pairDemand[k], nD + p.pairResource[k],
                    p.hours[p.pairDemand[k]], c - unitProfit[k]);
        }
        for (int d = 0; d < nD; d++) {
            if (p.byDemand[d].length > 0) {
                unmatchedArc[d] = flow.addArcWithCapacityAndUnitCost(d, sink, p.hours[d], c);
                flow.setNodeSupply(d, p.hours[d]);
                totalHours += p.hours[d];
            }
        }
        for (int r = 0; r < nR; r++) {
            if (p.byResource[r].length > 0) {
                resourceArc[r] = flow.addArcWithCapacityAndUnitCost(nD + r, sink, p.capacity[r], 0);
            }
        }
        flow.setNodeSupply(sink, -totalHours);
        Trace.log("flow network built");
        MinCostFlowBase.Status status = flow.solve();
        Trace.log("flow solved");
        if (status != MinCostFlowBase.Status.OPTIMAL) {
            throw new IllegalStateException("min-cost flow relaxation failed: " + status);
        }
        long[] unmatchedFlow = new long[nD];
        long[] resourceFlow = new long[nR];
        for (int k = 0; k < p.pairCount(); k++) {
            pairFlow[k] = flow.getFlow(pairArc[k]);
            componentLpBound[p.resourceComponent[p.pairResource[k]]] += pairFlow[k] * unitProfit[k];
        }
        for (int d = 0; d < nD; d++) {
            if (unmatchedArc[d] >= 0) {
                unmatchedFlow[d] = flow.getFlow(unmatchedArc[d]);
            }
        }
        for (int r = 0; r < nR; r++) {
            if (resourceArc[r] >= 0) {
                resourceFlow[r] = flow.getFlow(resourceArc[r]);
            }
        }
        flow.delete();
        System.arraycopy(componentLpBound, 0, componentBound, 0, componentBound.length);
        Trace.log("flow read");
        lambda = FlowPrices.of(p, pairFlow, unitProfit, c, unmatchedFlow, resourceFlow);

        for (int k = 0; k < p.pairCount(); k++) {
            int d = p.pairDemand[k];
            if (pairFlow[k] == p.hours[d] && choice[d] < 0) {
                choice[d] = k;
            }
        }
        return choice;
    }

    /**
     * Tightens {@link #componentBound} with the Lagrangian knapsack bound ({@link LagrangianBound}) until the
     * deadline or {@code maxRounds}; returns the number of rounds.
     */
    public int lagrangian(long[] componentPrimal, long deadlineNanos, int maxRounds) {
        return new LagrangianBound(p, lambda, componentBound).tighten(componentPrimal, deadlineNanos, maxRounds);
    }

    /** The LP bound of an instance's lexicographic profit in score units (tests and the exact references). */
    public static double flowBound(Problem p) {
        Relaxation relaxation = new Relaxation(p);
        relaxation.solveFlow();
        return (relaxation.lpBound() / p.m) / (double) org.threelists.matchmaker.matching.Scoring.SCALE;
    }
}
