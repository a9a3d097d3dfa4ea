package org.threelists.matchmaker.matching.relaxation;

import java.util.ArrayDeque;
import java.util.Arrays;
import org.threelists.matchmaker.matching.model.Problem;

/** The capacity prices of an optimal flow, which start the Lagrangian bound ({@link LagrangianBound}). */
final class FlowPrices {

    private FlowPrices() {
    }

    /**
     * Capacity prices from the optimal flow: node potentials π = shortest distances from a virtual source in the
     * residual graph (Bellman–Ford with a queue), λ_r = max(0, π_sink − π_r). Any λ ≥ 0 gives valid bounds below;
     * these are the LP's optimal prices up to rounding. Returns null when the search does not settle in time.
     */
    static double[] of(Problem p, long[] pairFlow, long[] unitProfit, long c, long[] unmatchedFlow,
                       long[] resourceFlow) {
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
}
