package org.threelists.matchmaker.matching;

import com.google.ortools.graph.MinCostFlow;
import com.google.ortools.graph.MinCostFlowBase;
import java.util.ArrayDeque;
import java.util.Arrays;

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
final class Relaxation {

    private final MatchingEngine.Problem p;
    /** Flow of each pair, in tenths of an hour. */
    final long[] pairFlow;
    /** The LP bound of each component. */
    final long[] componentLpBound;
    /** The best bound found so far for each component (LP or Lagrangian). */
    final long[] componentBound;
    /** Capacity price per tenth of an hour, ≥ 0; null when the potentials could not be computed. */
    double[] lambda;

    Relaxation(MatchingEngine.Problem p) {
        this.p = p;
        this.pairFlow = new long[p.pairCount()];
        this.componentLpBound = new long[p.componentCount()];
        this.componentBound = new long[p.componentCount()];
    }

    long lpBound() {
        return Arrays.stream(componentLpBound).sum();
    }

    /** Solves the flow, fills the LP bounds and the prices; returns the plan of the unsplit demands. */
    int[] solveFlow() {
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
        MinCostFlowBase.Status status = flow.solve();
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
        lambda = prices(unitProfit, c, unmatchedFlow, resourceFlow);

        for (int k = 0; k < p.pairCount(); k++) {
            int d = p.pairDemand[k];
            if (pairFlow[k] == p.hours[d] && choice[d] < 0) {
                choice[d] = k;
            }
        }
        return choice;
    }

    /**
     * Capacity prices from the optimal flow: node potentials π = shortest distances from a virtual source in the
     * residual graph (Bellman–Ford with a queue), λ_r = max(0, π_sink − π_r). Any λ ≥ 0 gives valid bounds below;
     * these are the LP's optimal prices up to rounding. Returns null when the search does not settle in time.
     */
    private double[] prices(long[] unitProfit, long c, long[] unmatchedFlow, long[] resourceFlow) {
        int nD = p.demands.size();
        int nR = p.resources.size();
        int n = nD + nR + 1;
        int sink = nD + nR;
        // residual arcs in CSR form
        int[] degree = new int[n + 1];
        int arcs = 0;
        for (int k = 0; k < p.pairCount(); k++) {
            int d = p.pairDemand[k];
            if (pairFlow[k] < p.hours[d]) {
                degree[d]++;
                arcs++;
            }
            if (pairFlow[k] > 0) {
                degree[nD + p.pairResource[k]]++;
                arcs++;
            }
        }
        for (int d = 0; d < nD; d++) {
            if (p.byDemand[d].length > 0) {
                if (unmatchedFlow[d] < p.hours[d]) {
                    degree[d]++;
                    arcs++;
                }
                if (unmatchedFlow[d] > 0) {
                    degree[sink]++;
                    arcs++;
                }
            }
        }
        for (int r = 0; r < nR; r++) {
            if (p.byResource[r].length > 0) {
                if (resourceFlow[r] < p.capacity[r]) {
                    degree[nD + r]++;
                    arcs++;
                }
                if (resourceFlow[r] > 0) {
                    degree[sink]++;
                    arcs++;
                }
            }
        }
        int[] first = new int[n + 1];
        for (int v = 0; v < n; v++) {
            first[v + 1] = first[v] + degree[v];
        }
        int[] head = new int[arcs];
        long[] cost = new long[arcs];
        int[] fill = Arrays.copyOf(first, n);
        for (int k = 0; k < p.pairCount(); k++) {
            int d = p.pairDemand[k];
            int r = nD + p.pairResource[k];
            if (pairFlow[k] < p.hours[d]) {
                head[fill[d]] = r;
                cost[fill[d]++] = c - unitProfit[k];
            }
            if (pairFlow[k] > 0) {
                head[fill[r]] = d;
                cost[fill[r]++] = -(c - unitProfit[k]);
            }
        }
        for (int d = 0; d < nD; d++) {
            if (p.byDemand[d].length > 0) {
                if (unmatchedFlow[d] < p.hours[d]) {
                    head[fill[d]] = sink;
                    cost[fill[d]++] = c;
                }
                if (unmatchedFlow[d] > 0) {
                    head[fill[sink]] = d;
                    cost[fill[sink]++] = -c;
                }
            }
        }
        for (int r = 0; r < nR; r++) {
            if (p.byResource[r].length > 0) {
                if (resourceFlow[r] < p.capacity[r]) {
                    head[fill[nD + r]] = sink;
                    cost[fill[nD + r]++] = 0;
                }
                if (resourceFlow[r] > 0) {
                    head[fill[sink]] = nD + r;
                    cost[fill[sink]++] = 0;
                }
            }
        }
        long[] dist = new long[n];
        boolean[] queued = new boolean[n];
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        for (int v = 0; v < n; v++) {
            queue.add(v);
            queued[v] = true;
        }
        long budget = 200L * (arcs + n);
        while (!queue.isEmpty()) {
            int v = queue.poll();
            queued[v] = false;
            for (int a = first[v]; a < first[v + 1]; a++) {
                long nd = dist[v] + cost[a];
                if (nd < dist[head[a]]) {
                    dist[head[a]] = nd;
                    if (!queued[head[a]]) {
                        queue.add(head[a]);
                        queued[head[a]] = true;
                    }
                }
            }
            budget -= first[v + 1] - first[v] + 1;
            if (budget < 0) {
                return null;
            }
        }
        double[] out = new double[nR];
        for (int r = 0; r < nR; r++) {
            out[r] = Math.max(0, dist[sink] - dist[nD + r]);
        }
        return out;
    }

    /**
     * Tightens {@link #componentBound} with the Lagrangian knapsack bound, starting from the LP prices and taking
     * subgradient steps toward {@code primal} (the profit of the best plan known, per component) until the deadline.
     * Returns the number of knapsack rounds evaluated.
     */
    int lagrangian(long[] componentPrimal, long deadlineNanos, int maxRounds) {
        if (lambda == null || p.pairCount() == 0) {
            return 0;
        }
        int nD = p.demands.size();
        long[] u = new long[nD];
        for (int d = 0; d < nD; d++) {
            long best = 0;
            for (int k : p.byDemand[d]) {
                double reduced = p.pairProfit[k] - lambda[p.pairResource[k]] * p.hours[d];
                best = Math.max(best, (long) Math.ceil(reduced));
            }
            u[d] = best;
        }
        int[] picked = new int[nD];
        double[] step = new double[p.componentCount()];
        Arrays.fill(step, 1.0);
        long[] last = new long[p.componentCount()];
        Arrays.fill(last, Long.MAX_VALUE);
        int rounds = 0;
        Knapsack knapsack = new Knapsack();
        while (rounds < maxRounds && RunningSolves.before(deadlineNanos)) {
            rounds++;
            Arrays.fill(picked, 0);
            long[] value = new long[p.componentCount()];
            for (int d = 0; d < nD; d++) {
                if (p.demandComponent[d] >= 0) {
                    value[p.demandComponent[d]] += u[d];
                }
            }
            for (int r = 0; r < p.resources.size(); r++) {
                if (p.byResource[r].length > 0) {
                    value[p.resourceComponent[r]] += knapsack.solve(p, r, u, picked);
                }
            }
            boolean open = false;
            for (int comp = 0; comp < value.length; comp++) {
                if (value[comp] < componentBound[comp]) {
                    componentBound[comp] = value[comp];
                }
                if (value[comp] >= last[comp]) {
                    step[comp] /= 2; // no progress: shorter steps
                }
                last[comp] = value[comp];
                if (componentBound[comp] > componentPrimal[comp]) {
                    open = true;
                }
            }
            if (!open) {
                break;
            }
            // subgradient: 1 − (times picked); Polyak step toward the primal value, per component
            double[] norm = new double[p.componentCount()];
            for (int d = 0; d < nD; d++) {
                int comp = p.demandComponent[d];
                if (comp >= 0) {
                    long g = 1 - picked[d];
                    if (u[d] > 0 || g < 0) {
                        norm[comp] += g * g;
                    }
                }
            }
            for (int d = 0; d < nD; d++) {
                int comp = p.demandComponent[d];
                if (comp < 0 || norm[comp] == 0) {
                    continue;
                }
                long g = 1 - picked[d];
                double t = step[comp] * Math.max(0, value[comp] - componentPrimal[comp]) / norm[comp];
                u[d] = Math.max(0, u[d] - Math.round(t * g));
            }
        }
        return rounds;
    }

    /** An exact 0/1 knapsack by dynamic programming over capacity units (the gcd of the weights). */
    static final class Knapsack {
        private long[] dp = new long[64];
        private int[] items = new int[64];
        private long[] values = new long[64];
        private int[] weights = new int[64];
        private boolean[] take = new boolean[64 * 64];

        /** Σ max over subsets within r's capacity of (profit − u); counts the chosen demands into picked. */
        long solve(MatchingEngine.Problem p, int r, long[] u, int[] picked) {
            int[] pairs = p.byResource[r];
            int n = 0;
            long g = p.capacity[r];
            for (int k : pairs) {
                int d = p.pairDemand[k];
                long v = p.pairProfit[k] - u[d];
                if (v > 0) {
                    if (n == items.length) {
                        items = Arrays.copyOf(items, n * 2);
                        values = Arrays.copyOf(values, n * 2);
                        weights = Arrays.copyOf(weights, n * 2);
                    }
                    items[n] = d;
                    values[n] = v;
                    n++;
                    g = gcd(g, p.hours[d]);
                }
            }
            if (n == 0 || g == 0) {
                return 0;
            }
            long capLong = p.capacity[r] / g;
            if (capLong > 1_000_000) {
                // a huge capacity in tenths: the LP knapsack (greedy by ratio, plus the fraction) still bounds it
                return fractional(p, n, r);
            }
            int cap = (int) capLong;
            if (dp.length < cap + 1) {
                dp = new long[cap + 1];
            }
            Arrays.fill(dp, 0, cap + 1, 0);
            long cells = (long) n * (cap + 1);
            boolean trace = cells <= 50_000_000L;
            if (trace && take.length < cells) {
                take = new boolean[(int) cells];
            }
            for (int i = 0; i < n; i++) {
                int w = (int) (p.hours[items[i]] / g);
                weights[i] = w;
                long v = values[i];
                int base = i * (cap + 1);
                for (int c = cap; c >= w; c--) {
                    long with = dp[c - w] + v;
                    boolean better = with > dp[c];
                    if (better) {
                        dp[c] = with;
                    }
                    if (trace) {
                        take[base + c] = better;
                    }
                }
                if (trace) {
                    for (int c = 0; c < w && c <= cap; c++) {
                        take[base + c] = false;
                    }
                }
            }
            if (trace) {
                int c = cap;
                for (int i = n - 1; i >= 0; i--) {
                    if (take[i * (cap + 1) + c]) {
                        picked[items[i]]++;
                        c -= weights[i];
                    }
                }
            }
            return dp[cap];
        }

        private long fractional(MatchingEngine.Problem p, int n, int r) {
            Integer[] order = new Integer[n];
            for (int i = 0; i < n; i++) {
                order[i] = i;
            }
            Arrays.sort(order, (a, b) -> Double.compare(values[b] / (double) p.hours[items[b]],
                    values[a] / (double) p.hours[items[a]]));
            long room = p.capacity[r];
            double total = 0;
            for (int i : order) {
                long h = p.hours[items[i]];
                if (h <= room) {
                    total += values[i];
                    room -= h;
                } else {
                    total += values[i] * (room / (double) h);
                    break;
                }
            }
            return (long) Math.ceil(total) + 1;
        }
    }

    static long gcd(long a, long b) {
        while (b != 0) {
            long t = a % b;
            a = b;
            b = t;
        }
        return a;
    }
}
