package org.threelists.matchmaker.matching.relaxation;

import org.threelists.matchmaker.matching.model.Problem;
import java.util.Arrays;
import org.threelists.matchmaker.matching.model.Profits;

/** An exact 0/1 knapsack by dynamic programming over capacity units (the gcd of the weights). */
final class Knapsack {
    private long[] dp = new long[64];
    private int[] items = new int[64];
    private long[] values = new long[64];
    private int[] weights = new int[64];
    private boolean[] take = new boolean[64 * 64];

    /** Σ max over subsets within r's capacity of (profit − u); counts the chosen demands into picked. */
    long solve(Problem p, int r, long[] u, int[] picked) {
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
                g = Profits.gcd(g, p.hours[d]);
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

    private long fractional(Problem p, int n, int r) {
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
