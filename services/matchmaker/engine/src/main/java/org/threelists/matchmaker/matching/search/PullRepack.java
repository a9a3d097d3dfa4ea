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
    /** Above this many capacity states a resource's refill is not counted in a chain step. */
    private static final long MAX_REFILL_STATES = 100_000L;

    private final Problem p;
    private final int[] choice;
    private final Repack repack;
    /** The candidate version of each resource when it was last re-packed (−1: never). */
    private final long[] triedAt;
    /** The same for the chain steps, and for those that send what they leave out to another resource. */
    private final long[] chainTriedAt;
    private final long[] fallbackTriedAt;
    /**
     * The refill table of each resource ({@link #refill}) and the candidate version it was computed at: it depends
     * only on the resource's free capacity and unmatched candidates, which change only with that version (a stamp
     * never reused, {@code Repack.bump}), so a table serves every chain step until one of its candidates moves —
     * recomputing it per step was most of the chains' time.
     */
    private final long[][] refills;
    private final long[] refillVersion;
    /** The last re-pack's items and which of them it put on the resource. */
    private int n;
    private boolean[] in = new boolean[0];
    private int[] items = new int[0];
    /** The demands the last chain step takes off the resource (left out, or better off elsewhere). */
    private int[] outs = new int[0];
    private int outCount;
    private long[] values = new long[0];
    private int[] weights = new int[0];
    private long[] dp = new long[0];
    private boolean[] take = new boolean[0];
    int moves;
    int chainMoves;

    PullRepack(Problem p, int[] choice, Repack repack) {
        this.p = p;
        this.choice = choice;
        this.repack = repack;
        this.triedAt = new long[p.resources.size()];
        Arrays.fill(triedAt, -1);
        this.chainTriedAt = new long[p.resources.size()];
        Arrays.fill(chainTriedAt, -1);
        this.fallbackTriedAt = new long[p.resources.size()];
        Arrays.fill(fallbackTriedAt, -1);
        this.refills = new long[p.resources.size()][];
        this.refillVersion = new long[p.resources.size()];
    }

    /** Takes r as re-packed already in the current state: its next pull runs only once one of its candidates moves. */
    void assumeTried(int r) {
        triedAt[r] = repack.candidateVersion(r);
    }

    /** Whether r's re-pack in the current state is known not to gain (tried since its candidates last moved). */
    boolean tried(int r) {
        return triedAt[r] == repack.candidateVersion(r);
    }

    /** Re-packs r exactly from its candidate demands; applies and returns true when the plan's profit rises. */
    boolean pull(int r) {
        long version = repack.candidateVersion(r);
        if (triedAt[r] == version) {
            return false; // none of its candidate demands moved since: the same knapsack, no gain
        }
        triedAt[r] = version;
        if (!repackOne(r, false, false)) {
            return false;
        }
        triedAt[r] = repack.candidateVersion(r);
        moves++;
        return true;
    }

    /**
     * A pull that looks one step further: a demand on another resource r' is also worth the room it leaves there,
     * as much as r' gains by filling that room from its own unmatched candidates. Such a re-pack of r gains only
     * if r' does refill, so it is tentative: applied, then every resource that lost a demand to r is re-packed
     * ({@link #pull}), and all of it is undone unless the plan's profit rose. So the hole a rounded flow leaves in
     * r moves to a neighbour whose unmatched candidates fit it (services/matchmaker/engine/README.md, "How"). With
     * {@code fallback}, a demand the step takes off r goes to its best other resource with room ({@link #moveOut}).
     */
    boolean chain(int r, boolean fallback) {
        long[] triedIn = fallback ? fallbackTriedAt : chainTriedAt;
        long version = repack.candidateVersion(r);
        if (triedIn[r] == version) {
            return false;
        }
        triedIn[r] = version;
        Repack.Journal journal = repack.startJournal();
        if (!repackOne(r, true, fallback)) {
            repack.stopJournal();
            return false;
        }
        java.util.Set<Integer> left = new java.util.LinkedHashSet<>();
        for (int i = 0; i < n; i++) {
            int before = journal.before(p.pairDemand[items[i]]);
            if (in[i] && before >= 0 && p.pairResource[before] != r) {
                left.add(p.pairResource[before]);
            }
        }
        long[] triedBefore = new long[left.size()];
        int i = 0;
        for (int r2 : left) {
            triedBefore[i++] = triedAt[r2];
            pull(r2); // the resource a demand left refills (or pulls further)
        }
        long gain = journal.gain();
        if (gain <= 0) {
            journal.undo();
            i = 0;
            for (int r2 : left) {
                triedAt[r2] = triedBefore[i++]; // the state it was last tried in is back
            }
            triedIn[r] = repack.candidateVersion(r);
            return false;
        }
        repack.stopJournal();
        chainMoves++;
        return true;
    }

    /**
     * The exact knapsack of r over its candidates; applies r's new content when it is worth more than the old one
     * (true). With {@code chain}, a demand on another resource is also worth that resource's refill ({@link #chain}).
     */
    private boolean repackOne(int r, boolean chain, boolean fallback) {
        int[] pairs = p.byResource[r];
        if (pairs.length == 0) {
            return false;
        }
        ensure(pairs.length);
        n = 0;
        long current = 0;
        long freed = 0;
        outCount = 0;
        long total = 0;
        long g = p.capacity[r];
        for (int k : pairs) {
            int d = p.pairDemand[k];
            int c = choice[d];
            long value;
            if (c == k) {
                value = p.pairProfit[k];
                if (fallback) {
                    // leaving r, it can go to its best other resource with room for it instead of going unmatched
                    int other = fallback(d, r);
                    if (other >= 0) {
                        value -= p.pairProfit[other];
                        if (value <= 0) {
                            freed -= value; // it gains (or loses nothing) there: it leaves r whatever r takes
                            outs[outCount++] = d;
                            continue;
                        }
                    }
                }
                current += value;
            } else if (c < 0) {
                value = p.pairProfit[k];
            } else {
                value = p.pairProfit[k] - p.pairProfit[c];
                if (chain) {
                    value += refill(p.pairResource[c], p.hours[d]);
                }
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
            if (freed > 0) {
                moveOut();
                return true;
            }
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
        if (dp[cap] + freed <= current) {
            return false;
        }
        // the new content: first free what leaves r, then place (or pull) what comes in
        int a = cap;
        for (int i = n - 1; i >= 0; i--) {
            in[i] = take[i * width + a];
            if (in[i]) {
                a -= weights[i];
            }
        }
        for (int i = 0; i < outCount; i++) {
            repack.assign(outs[i], -1); // those that leave r whatever it takes
        }
        for (int i = 0; i < n; i++) {
            int d = p.pairDemand[items[i]];
            if (!in[i] && choice[d] == items[i]) {
                repack.assign(d, -1);
                if (fallback) {
                    outs[outCount++] = d;
                }
            }
        }
        for (int i = 0; i < n; i++) {
            if (in[i]) {
                repack.assign(p.pairDemand[items[i]], items[i]);
            }
        }
        moveOut();
        return true;
    }

    /**
     * The demands a chain step took off r go to their best other resource with room for them now, or stay unmatched:
     * the step valued each at what it gets there, and the step is undone unless the plan's profit rose
     * ({@link #chain}), so a room two of them counted on at once costs nothing but the try. On a dominant unit's
     * street the large resources are seldom full: a demand one of them holds moves to another at little or no loss,
     * and the room it leaves takes a demand only that resource serves (services/matchmaker/engine/README.md,
     * "DOMINANT_UNIT 1k×100 at 0.2 s: the room a large resource leaves").
     */
    private void moveOut() {
        for (int i = 0; i < outCount; i++) {
            int d = outs[i];
            int other = fallback(d, -1);
            if (other >= 0) {
                repack.assign(d, other);
            }
        }
    }

    /** d's most profitable pair on a resource other than r with room for it now (−1: none). */
    private int fallback(int d, int r) {
        int best = -1;
        for (int k : p.byDemand[d]) {
            int r2 = p.pairResource[k];
            if (r2 != r && choice[d] != k && repack.residual(r2) >= p.hours[d]
                    && (best < 0 || p.pairProfit[k] > p.pairProfit[best])) {
                best = k;
            }
        }
        return best;
    }

    /**
     * What resource r2 gains when {@code hours} more of its capacity are free, filling its room from its unmatched
     * candidates only (an exact knapsack over its free capacity, kept until one of its candidates moves).
     */
    private long refill(int r2, long hours) {
        long[] best = refills[r2];
        long free = repack.residual(r2);
        long at = repack.candidateVersion(r2);
        if (best == null || refillVersion[r2] != at) {
            long g = free;
            long most = 0;
            int count = 0;
            for (int k : p.byResource[r2]) {
                long h = p.hours[p.pairDemand[k]];
                g = Profits.gcd(g, h);
                most = Math.max(most, h);
                if (choice[p.pairDemand[k]] < 0) {
                    count++;
                }
            }
            if (g == 0 || (free + most) / g > MAX_REFILL_STATES || count == 0) {
                best = new long[] {0, 0}; // {unit, …}: no refill counted
            } else {
                int cap = (int) ((free + most) / g);
                best = new long[cap + 2];
                best[0] = g;
                for (int k : p.byResource[r2]) {
                    int d = p.pairDemand[k];
                    if (choice[d] >= 0) {
                        continue;
                    }
                    int w = (int) (p.hours[d] / g);
                    long v = p.pairProfit[k];
                    for (int c = cap; c >= w; c--) {
                        best[1 + c] = Math.max(best[1 + c], best[1 + c - w] + v);
                    }
                }
            }
            refills[r2] = best;
            refillVersion[r2] = at;
        }
        long g = best[0];
        if (g == 0) {
            return 0;
        }
        return best[1 + (int) ((free + hours) / g)] - best[1 + (int) (free / g)];
    }

    private void ensure(int size) {
        if (items.length < size) {
            items = new int[size];
            values = new long[size];
            weights = new int[size];
            in = new boolean[size];
            outs = new int[size];
        }
    }
}
