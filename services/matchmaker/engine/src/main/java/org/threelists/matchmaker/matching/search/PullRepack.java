package org.threelists.matchmaker.matching.search;

import java.util.Arrays;
import org.threelists.matchmaker.matching.model.Problem;
import org.threelists.matchmaker.matching.model.Profits;

/**
 * The re-pack of one resource from all of its candidate demands, wherever they are now: an exact 0/1 knapsack over
 * the resource's capacity whose items are the demands already on it (worth their profit there), the unmatched ones
 * (their profit) and the ones on another resource (worth what moving them here gains, when it gains). Applied when
 * the resource's new content is worth more than its old one: pulled demands leave their resource, demands left out
 * become unmatched. So one move is a shift of many demands, a swap, an insertion and an ejection at once, and the
 * room it leaves elsewhere or the demands it ejects are what the next resource's re-pack works with — an ejection
 * chain through the street, one exact step at a time (services/matchmaker/engine/README.md, "How").
 *
 * <p>One dimension makes it cheap: states are the capacity in units of the gcd of the hours involved, so a large
 * resource (a dominant unit's, thousands of states) costs what the two-resource re-pack of two small ones does.
 * Every applied move raises the plan's profit, so a sweep of these ends.
 */
final class PullRepack {

    /** Above this many DP cells (states × items) a resource is left to the other moves. */
    private static final long MAX_CELLS = 40_000_000L;

    private final Problem p;
    private final int[] choice;
    private final Repack repack;
    /** The candidate version of each resource when it was last re-packed (−1: never). */
    private final long[] triedAt;
    private int[] items = new int[0];
    private long[] values = new long[0];
    private int[] weights = new int[0];
    private long[] dp = new long[0];
    private boolean[] take = new boolean[0];
    int moves;

    PullRepack(Problem p, int[] choice, Repack repack) {
        this.p = p;
        this.choice = choice;
        this.repack = repack;
        this.triedAt = new long[p.resources.size()];
        Arrays.fill(triedAt, -1);
    }

    /** Re-packs r exactly from its candidate demands; applies and returns true when the plan's profit rises. */
    boolean pull(int r) {
        long version = repack.candidateVersion(r);
        if (triedAt[r] == version) {
            return false; // none of its candidate demands moved since: the same knapsack, no gain
        }
        triedAt[r] = version;
        int[] pairs = p.byResource[r];
        if (pairs.length == 0) {
            return false;
        }
        ensure(pairs.length);
        int n = 0;
        long current = 0;
        long total = 0;
        long g = p.capacity[r];
        for (int k : pairs) {
            int d = p.pairDemand[k];
            int c = choice[d];
            long value;
            if (c == k) {
                value = p.pairProfit[k];
                current += value;
            } else if (c < 0) {
                value = p.pairProfit[k];
            } else {
                value = p.pairProfit[k] - p.pairProfit[c];
                if (value <= 0) {
                    continue;
                }
            }
            items[n] = k;
            values[n] = value;
            g = Profits.gcd(g, p.hours[d]);
            total += p.hours[d];
            n++;
        }
        if (n == 0 || g == 0) {
            return false;
        }
        // no subset of the candidates weighs more than all of them: a capacity far above their hours (an offer of
        // millions of hours) costs the table nothing
        int cap = (int) Math.min(Integer.MAX_VALUE - 1, Math.min(p.capacity[r], total) / g);
        int width = cap + 1;
        if ((long) width * n > MAX_CELLS) {
            return false;
        }
        if (dp.length < width) {
            dp = new long[width];
        }
        Arrays.fill(dp, 0, width, 0);
        if (take.length < width * n) {
            take = new boolean[Math.max(width * n, take.length * 2)];
        }
        for (int i = 0; i < n; i++) {
            int w = (int) (p.hours[p.pairDemand[items[i]]] / g);
            weights[i] = w;
            long v = values[i];
            int base = i * width;
            Arrays.fill(take, base, base + width, false);
            for (int a = cap; a >= w; a--) {
                long candidate = dp[a - w] + v;
                if (candidate > dp[a]) {
                    dp[a] = candidate;
                    take[base + a] = true;
                }
            }
        }
        if (dp[cap] <= current) {
            return false;
        }
        // the new content: first free what leaves r, then place (or pull) what comes in
        int a = cap;
        boolean[] in = new boolean[n];
        for (int i = n - 1; i >= 0; i--) {
            if (take[i * width + a]) {
                in[i] = true;
                a -= weights[i];
            }
        }
        for (int i = 0; i < n; i++) {
            int d = p.pairDemand[items[i]];
            if (!in[i] && choice[d] == items[i]) {
                repack.assign(d, -1);
            }
        }
        for (int i = 0; i < n; i++) {
            if (in[i]) {
                repack.assign(p.pairDemand[items[i]], items[i]);
            }
        }
        triedAt[r] = repack.candidateVersion(r);
        moves++;
        return true;
    }

    private void ensure(int size) {
        if (items.length < size) {
            items = new int[size];
            values = new long[size];
            weights = new int[size];
        }
    }
}
