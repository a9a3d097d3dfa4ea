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
    /** Capacity price per tenth of an hour, ≥ 0; null until the Lagrangian bound asks, or when the potentials could
     *  not be computed. */
    double[] lambda;

    /** The pairs of each component, in pair order. */
    private final int[][] pairsOf;
    /** Each pair's profit per tenth of an hour, rounded up (filled per component as its flow is built). */
    private final long[] unitProfit;
    private final long[] unmatchedFlow;
    private final long[] resourceFlow;
    /** Whether each component's bound is its flow's LP bound (false: the quick bound, {@link QuickBound}). */
    private final boolean[] solved;
    /** Network positions: demand d → node[d], resource r → node[demands + r], within its own component. */
    private final int[] node;

    public Relaxation(Problem p) {
        this.p = p;
        this.pairFlow = new long[p.pairCount()];
        this.componentLpBound = new long[p.componentCount()];
        this.componentBound = new long[p.componentCount()];
        this.pairsOf = pairsByComponent();
        this.unitProfit = new long[p.pairCount()];
        this.unmatchedFlow = new long[p.demands.size()];
        this.resourceFlow = new long[p.resources.size()];
        this.solved = new boolean[p.componentCount()];
        this.node = new int[p.demands.size() + p.resources.size()];
    }

    public long lpBound() {
        return Arrays.stream(componentLpBound).sum();
    }

    /** Solves every component's flow (on every core), fills the LP bounds; returns the plan of the unsplit demands. */
    public int[] solveFlow() {
        int[] choice = new int[p.demands.size()];
        Arrays.fill(choice, -1);
        java.util.stream.IntStream.range(0, p.componentCount()).parallel().forEach(comp -> solveFlow(comp, choice));
        return choice;
    }

    /**
     * Solves one component's min-cost flow: its LP bound (which is also its bound so far), and in {@code choice} the
     * demands of the component the flow sends whole to one resource (the others stay as they are). Components share
     * nothing here but their own entries of the arrays: one per thread.
     */
    public void solveFlow(int comp, int[] choice) {
        int[] pairs = pairsOf[comp];
        long c = 0;
        for (int k : pairs) {
            long h = p.hours[p.pairDemand[k]];
            unitProfit[k] = (p.pairProfit[k] + h - 1) / h; // ceil: the relaxation may only overestimate
            c = Math.max(c, unitProfit[k]);
        }
        solveComponent(comp, pairs, c);
        componentBound[comp] = componentLpBound[comp];
        for (int k : pairs) {
            int d = p.pairDemand[k];
            if (pairFlow[k] == p.hours[d]) {
                choice[d] = k;
            }
        }
        solved[comp] = true;
    }

    /**
     * A bound of one component without its flow, for a time limit too short for it ({@link QuickBound}): weaker than
     * the LP, in O(pairs); past {@code deadlineNanos} the weaker half of it only.
     */
    public void quickBound(int comp, long deadlineNanos) {
        componentLpBound[comp] = QuickBound.of(p, comp, deadlineNanos);
        componentBound[comp] = componentLpBound[comp];
    }

    /** The pairs of a component (its flow's arcs): what its flow costs, about linearly. */
    public int pairs(int comp) {
        return pairsOf[comp].length;
    }

    /** The pairs of each component, in pair order. */
    private int[][] pairsByComponent() {
        int[] count = new int[p.componentCount()];
        for (int k = 0; k < p.pairCount(); k++) {
            count[p.resourceComponent[p.pairResource[k]]]++;
        }
        int[][] out = new int[count.length][];
        for (int comp = 0; comp < count.length; comp++) {
            out[comp] = new int[count[comp]];
        }
        int[] fill = new int[count.length];
        for (int k = 0; k < p.pairCount(); k++) {
            int comp = p.resourceComponent[p.pairResource[k]];
            out[comp][fill[comp]++] = k;
        }
        return out;
    }

    /**
     * The min-cost flow of one component: its demands (nodes 0..), its resources, a sink. Each demand supplies its
     * hours to its resources at cost c − unit profit, or to the sink unmatched at cost c; each resource passes at
     * most its capacity to the sink. Fills the pairs' flows and the component's LP bound.
     */
    private void solveComponent(int comp, int[] pairs, long c) {
        int[] demands = p.componentDemands[comp];
        int[] resources = p.componentResources[comp];
        int nD = demands.length;
        int sink = nD + resources.length;
        int allDemands = p.demands.size();
        for (int i = 0; i < nD; i++) {
            node[demands[i]] = i;
        }
        for (int i = 0; i < resources.length; i++) {
            node[allDemands + resources[i]] = nD + i;
        }
        MinCostFlow flow = new MinCostFlow(sink + 1, pairs.length + nD + resources.length);
        int[] pairArc = new int[pairs.length];
        for (int i = 0; i < pairs.length; i++) {
            int k = pairs[i];
            pairArc[i] = flow.addArcWithCapacityAndUnitCost(node[p.pairDemand[k]],
                    node[allDemands + p.pairResource[k]], p.hours[p.pairDemand[k]], c - unitProfit[k]);
        }
        int[] unmatchedArc = new int[nD];
        long totalHours = 0;
        for (int i = 0; i < nD; i++) {
            int d = demands[i];
            unmatchedArc[i] = flow.addArcWithCapacityAndUnitCost(i, sink, p.hours[d], c);
            flow.setNodeSupply(i, p.hours[d]);
            totalHours += p.hours[d];
        }
        int[] resourceArc = new int[resources.length];
        for (int i = 0; i < resources.length; i++) {
            resourceArc[i] = flow.addArcWithCapacityAndUnitCost(nD + i, sink, p.capacity[resources[i]], 0);
        }
        flow.setNodeSupply(sink, -totalHours);
        MinCostFlowBase.Status status = flow.solve();
        if (status != MinCostFlowBase.Status.OPTIMAL) {
            flow.delete();
            throw new IllegalStateException("min-cost flow relaxation failed: " + status);
        }
        long bound = 0;
        for (int i = 0; i < pairs.length; i++) {
            pairFlow[pairs[i]] = flow.getFlow(pairArc[i]);
            bound += pairFlow[pairs[i]] * unitProfit[pairs[i]];
        }
        componentLpBound[comp] = bound;
        for (int i = 0; i < nD; i++) {
            unmatchedFlow[demands[i]] = flow.getFlow(unmatchedArc[i]);
        }
        for (int i = 0; i < resources.length; i++) {
            resourceFlow[resources[i]] = flow.getFlow(resourceArc[i]);
        }
        flow.delete();
    }

    /**
     * Tightens {@link #componentBound} with the Lagrangian knapsack bound ({@link LagrangianBound}) until the
     * deadline or {@code maxRounds}; returns the number of rounds.
     */
    public int lagrangian(long[] componentPrimal, long deadlineNanos, int maxRounds) {
        for (boolean flowSolved : solved) {
            if (!flowSolved) {
                return 0; // the prices come from the optimal flow of every component
            }
        }
        if (lambda == null && p.pairCount() > 0) {
            // the potentials of the optimal flows: computed only when the time is left for the bound they start
            long c = Arrays.stream(unitProfit).max().orElse(0);
            lambda = FlowPrices.of(p, pairFlow, unitProfit, c, unmatchedFlow, resourceFlow);
        }
        return new LagrangianBound(p, lambda, componentBound).tighten(componentPrimal, deadlineNanos, maxRounds);
    }

    /** The LP bound of an instance's lexicographic profit in score units (tests and the exact references). */
    public static double flowBound(Problem p) {
        Relaxation relaxation = new Relaxation(p);
        relaxation.solveFlow();
        return (relaxation.lpBound() / p.m) / (double) org.threelists.matchmaker.matching.Scoring.SCALE;
    }
}
