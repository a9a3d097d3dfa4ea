package org.threelists.matchmaker.matching.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.threelists.matchmaker.matching.model.Deadline;
import org.threelists.matchmaker.matching.model.Problem;
import org.threelists.matchmaker.matching.model.Profits;

/**
 * Local search by exact re-packing of two resources at a time.
 *
 * <p>A move takes two resources that share candidate demands, frees every demand on them, and re-packs both
 * exactly — by dynamic programming over the two capacities (tenths divided by their gcd) — from those demands and
 * the unmatched demands that could use either; it is kept when the profit rises. One move thus finds every
 * combination of shifts between the two resources, swaps, insertions and ejections of unmatched demands, which is
 * what closes the capacity holes a rounded LP leaves (the holes are where the gap to the bound comes from). A pair
 * is tried again only when one of its resources' own or candidate demands changed since it was last tried, so the
 * search stops at a local optimum of this neighbourhood. Single-resource re-packs (the same DP with one capacity)
 * come first, being cheap.
 */
public final class Repack {

    /** Neighbours per resource, by the number of candidate demands they share (the pairs most likely to trade). */
    static final int NEIGHBOURS = Integer.getInteger("matching.neighbours", 24);
    /** Above this many DP cells (states × items) a pair is skipped (fine capacities with no common divisor). */
    private static final long MAX_CELLS = 20_000_000L;

    private final Problem p;
    private final int[] choice;
    private final long[] load;
    private final long[] version;
    /** Per resource: bumped whenever one of its candidate demands moves (what a {@link PullRepack} depends on). */
    private final long[] candidateVersion;
    private final PullRepack pulls;
    /** Per resource, computed when the two-resource re-packs first need it ({@link #neighboursOf}); null: not yet. */
    private final int[][] neighbours;
    /** Scratch of {@link #neighboursOf}: candidates shared per resource, and the resources counted. */
    private int[] shared;
    private int[] touched;
    private final int[] own;
    private final Map<Long, long[]> tried = new HashMap<>();
    private final int[] stamp;
    private final int[] itemIndex;
    private int stampValue;
    private long[] dp = new long[0];
    private byte[] take = new byte[0];
    public int moves;
    public long evaluated;

    public Repack(Problem p, int[] choice) {
        this(p, choice, java.util.stream.IntStream.range(0, p.resources.size()).toArray());
    }

    /**
     * A re-pack among the given resources only (one component's: no pair links them to others, so searches on
     * different components share no state but the plan's disjoint entries and can run on different threads).
     */
    public Repack(Problem p, int[] choice, int[] resources) {
        this.p = p;
        this.own = resources;
        this.choice = choice;
        int nR = p.resources.size();
        load = new long[nR];
        version = new long[nR];
        candidateVersion = new long[nR];
        neighbours = new int[nR][];
        stamp = new int[p.demands.size()];
        itemIndex = new int[p.demands.size()];
        for (int r : resources) { // its own resources only: other components may be searched meanwhile
            for (int k : p.byResource[r]) {
                if (choice[p.pairDemand[k]] == k) {
                    load[r] += p.hours[p.pairDemand[k]];
                }
            }
        }
        pulls = new PullRepack(p, choice, this);
    }

    /**
     * Resource r's neighbours: those sharing the most candidate demands with it (ties: the lower index), at most
     * {@link #NEIGHBOURS}. Computed the first time a sweep or a neighbourhood asks for them, per resource: a warm
     * start sweeps around a new demand's few resources, and computing every resource's of a street's component
     * (a pass over each of its pairs' demands' pairs) was a third of its search (services/matchmaker/engine/README.md,
     * "A warm first plan").
     */
    private int[] neighboursOf(int r) {
        int[] known = neighbours[r];
        if (known != null) {
            return known;
        }
        if (shared == null) {
            shared = new int[p.resources.size()];
            touched = new int[16];
        }
        int n = 0;
        for (int k : p.byResource[r]) {
            for (int k2 : p.byDemand[p.pairDemand[k]]) {
                int r2 = p.pairResource[k2];
                if (r2 != r && shared[r2]++ == 0) {
                    if (n == touched.length) {
                        touched = Arrays.copyOf(touched, 2 * n);
                    }
                    touched[n++] = r2;
                }
            }
        }
        // most shared first, then the lower index: one sort of primitive keys
        long[] keys = new long[n];
        for (int i = 0; i < n; i++) {
            keys[i] = ((long) (Integer.MAX_VALUE - shared[touched[i]]) << 32) | touched[i];
            shared[touched[i]] = 0;
        }
        Arrays.sort(keys);
        int[] near = new int[Math.min(NEIGHBOURS, n)];
        for (int i = 0; i < near.length; i++) {
            near[i] = (int) keys[i];
        }
        neighbours[r] = near;
        return near;
    }

    /**
     * Runs sweeps over the given resources (single re-packs, then pairs with their neighbours) until a sweep makes no
     * move or the deadline passes (all its own resources when {@code only} is null). Returns true when it stopped at a
     * local optimum (a sweep with no move), false at the deadline.
     */
    public boolean run(long deadlineNanos, int[] only) {
        // over its own resources the sweeps start with the nearest neighbours, as the sliced search does
        return sweep(deadlineNanos, only != null ? only : own,
                new int[] {0, 0, 0, only != null ? NEIGHBOURS : Math.min(NEAREST, NEIGHBOURS)});
    }

    /**
     * One-resource re-packs with pulls over the given resources, pass after pass until a pass moves nothing (then
     * true) or the deadline (false). Cheap (one dimension): the search runs them on every component before the
     * two-resource re-packs, and a warm start over a whole component.
     */
    public boolean pullUntilStable(int[] resources, long deadlineNanos) {
        boolean moved = true;
        while (moved) {
            moved = false;
            for (int r : resources) {
                if (!Deadline.before(deadlineNanos)) {
                    return false;
                }
                moved |= pulls.pull(r);
            }
        }
        return true;
    }

    /**
     * Takes the given resources as stable under the one-resource re-packs: the caller knows that none of them gains
     * by its re-pack in the current plan ({@link #pullStable} of an earlier search over the same plan), so
     * {@link #pullUntilStable} re-packs them only once one of their candidate demands moves.
     */
    public void assumePullStable(int[] resources) {
        for (int r : resources) {
            pulls.assumeTried(r);
        }
    }

    /** Whether r's one-resource re-pack is known not to gain in the current plan: tried since its candidates moved. */
    public boolean pullStable(int r) {
        return pulls.tried(r);
    }

    /**
     * Chain steps ({@link PullRepack#chain}) over the given resources, each pass followed by the one-resource
     * re-packs until they are stable again, until a pass moves nothing (then true) or the deadline (false). A pass
     * whose steps send what they leave out to another resource runs only once the plain ones are stable: first, on
     * SCARCE, they took smaller gains that blocked larger ones (services/matchmaker/engine/README.md, "DOMINANT_UNIT
     * 1k×100 at 0.2 s").
     */
    public boolean chainUntilStable(int[] resources, long deadlineNanos) {
        while (true) {
            boolean moved = false;
            for (boolean fallback : FALLBACK_LAST) {
                for (int r : resources) {
                    if (!Deadline.before(deadlineNanos)) {
                        return false;
                    }
                    moved |= pulls.chain(r, fallback);
                }
                if (moved) {
                    break;
                }
            }
            if (!moved) {
                return true;
            }
            if (!pullUntilStable(resources, deadlineNanos)) {
                return false;
            }
        }
    }

    private static final boolean[] FALLBACK_LAST = {false, true};

    /** The chain steps made so far. */
    public int chainMoves() {
        return pulls.chainMoves;
    }

    /**
     * Where the sweeps over its own resources stopped: phase (0 singles, 1 pairs), resource, neighbour, and how many
     * of each resource's neighbours the sweeps pair it with ({@link #NEAREST}, then all).
     */
    private final int[] cursor = {0, 0, 0, Math.min(NEAREST, NEIGHBOURS)};
    private boolean movedThisSweep;

    /**
     * Sweeps over its own resources until a local optimum or the deadline, like {@link #run}, and goes on exactly where
     * it stopped when called again: a search run in time slices makes the same moves as one run without a break.
     */
    public boolean resume(long deadlineNanos) {
        return sweep(deadlineNanos, own, cursor);
    }

    private boolean sweep(long deadlineNanos, int[] resources, int[] at) {
        boolean ownCursor = at == cursor;
        boolean moved = ownCursor && movedThisSweep;
        while (true) {
            // phase 0: one-resource re-packs with pulls, pass after pass until one moves nothing (cheap, and
            // most of the gain); at[2] says whether the current pass moved
            while (at[0] == 0) {
                for (; at[1] < resources.length; at[1]++) {
                    if (!Deadline.before(deadlineNanos)) {
                        return pause(moved, ownCursor);
                    }
                    if (pulls.pull(resources[at[1]])) {
                        moved = true;
                        at[2] = 1;
                    }
                }
                at[0] = at[2] == 1 ? 0 : 1;
                at[1] = 0;
                at[2] = 0;
            }
            if (at[1] == 0 && at[2] == 0) {
                // a sweep's pairs start from the resources with the most room left: a capacity hole is where a
                // re-pack gains, and a short limit ends the sweep early (the order is fixed for the sweep, so a
                // sweep resumed in slices makes the same moves)
                int[] order = byRoomLeft(resources);
                if (ownCursor) {
                    sweepOrder = order;
                } else {
                    localOrder = order;
                }
            }
            int[] order = ownCursor ? sweepOrder : localOrder;
            int reach = at[3];
            for (; at[1] < order.length; at[1]++, at[2] = 0) {
                int r = order[at[1]];
                int[] near = neighboursOf(r);
                for (; at[2] < Math.min(reach, near.length); at[2]++) {
                    if (!Deadline.before(deadlineNanos)) {
                        return pause(moved, ownCursor);
                    }
                    int r2 = near[at[2]];
                    if ((r < r2 || !contains(neighboursOf(r2), reach, r)) && repack(r, r2)) {
                        moved = true;
                    }
                }
            }
            at[0] = 0;
            at[1] = 0;
            at[2] = 0;
            if (!moved && at[3] < NEIGHBOURS) {
                // the nearest neighbours' local optimum reached: the sweeps go on with every neighbour
                at[3] = NEIGHBOURS;
                continue;
            }
            if (!moved) {
                if (ownCursor) {
                    movedThisSweep = false;
                }
                return true;
            }
            moved = false;
        }
    }

    /**
     * How many of each resource's neighbours (the first, sharing the most candidates) the sweeps over its own
     * resources pair it with until no such pair gains; then all {@link #NEIGHBOURS}. On the 1k×100 street the
     * nearest eight reached 0.995 of the LP bound with 40 % fewer DP cells than all 24; the sweeps with all 24 that
     * follow keep the search's local optimum one of the whole neighbourhood (services/matchmaker/engine/README.md,
     * "How"). Sweeps around given resources (a new demand's, a neighbourhood's) pair them with all at once.
     */
    static final int NEAREST = Integer.getInteger("matching.nearest", 8);

    /** The order of the current sweep's pairs over its own resources, and over others' ({@link #run}). */
    private int[] sweepOrder;
    private int[] localOrder;

    /** The resources by capacity left, most first (ties by their order in the list). */
    private int[] byRoomLeft(int[] resources) {
        Integer[] idx = new Integer[resources.length];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = i;
        }
        Arrays.sort(idx, (a, b) -> {
            int byRoom = Long.compare(residual(resources[b]), residual(resources[a]));
            return byRoom != 0 ? byRoom : Integer.compare(a, b);
        });
        int[] out = new int[resources.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = resources[idx[i]];
        }
        return out;
    }

    private boolean pause(boolean moved, boolean ownCursor) {
        if (ownCursor) {
            movedThisSweep = moved;
        }
        return false;
    }

    /** Whether v is among the first {@code reach} entries of the list. */
    private static boolean contains(int[] list, int reach, int v) {
        for (int i = 0; i < Math.min(reach, list.length); i++) {
            if (list[i] == v) {
                return true;
            }
        }
        return false;
    }

    /**
     * True when the plan is optimal on a component made of r1 (and r2 when ≥ 0) alone: the exact re-pack of its
     * resources then covers every demand of the component. Re-packs until nothing gains.
     */
    public boolean provenOptimal(int r1, int r2) {
        while (repack(r1, r2, true)) {
            // applied: the next pass confirms the optimum
        }
        return !skipped;
    }

    /** Re-packs r1 (and r2 when ≥ 0) exactly; applies and returns true when the profit rises. */
    boolean repack(int r1, int r2) {
        return repack(r1, r2, false);
    }

    private boolean skipped;

    private boolean repack(int r1, int r2, boolean force) {
        skipped = false;
        long key = r2 < 0 ? -1 - r1 : ((long) Math.min(r1, r2) << 32) | Math.max(r1, r2);
        long v1 = version[r1];
        long v2 = r2 < 0 ? 0 : version[r2];
        long[] last = tried.get(key);
        if (!force && last != null && last[0] == v1 && last[1] == v2) {
            return false;
        }
        if (last == null) {
            tried.put(key, new long[] {v1, v2});
        } else {
            last[0] = v1;
            last[1] = v2;
        }
        evaluated++;
        // items: demands on r1/r2 and unmatched demands with a pair to either; item → pair to r1 / pair to r2
        stampValue++;
        List<int[]> items = new ArrayList<>();
        long current = 0;
        long g = p.capacity[r1];
        if (r2 >= 0) {
            g = Profits.gcd(g, p.capacity[r2]);
        }
        for (int side = 0; side < (r2 < 0 ? 1 : 2); side++) {
            int r = side == 0 ? r1 : r2;
            for (int k : p.byResource[r]) {
                int d = p.pairDemand[k];
                int c = choice[d];
                if (c >= 0 && p.pairResource[c] != r1 && p.pairResource[c] != r2) {
                    continue;
                }
                int[] item;
                if (stamp[d] != stampValue) {
                    stamp[d] = stampValue;
                    itemIndex[d] = items.size();
                    item = new int[] {d, -1, -1};
                    items.add(item);
                    if (c >= 0) {
                        current += p.pairProfit[c];
                    }
                    g = Profits.gcd(g, p.hours[d]);
                } else {
                    item = items.get(itemIndex[d]);
                }
                item[1 + side] = k;
            }
        }
        if (items.isEmpty() || g == 0) {
            return false;
        }
        long total = 0;
        for (int[] item : items) {
            total += p.hours[item[0]];
        }
        // no subset of the items weighs more than all of them: a capacity far above their hours costs nothing
        int c1 = (int) Math.min(Integer.MAX_VALUE, Math.min(p.capacity[r1], total) / g);
        int c2 = r2 < 0 ? 0 : (int) Math.min(Integer.MAX_VALUE, Math.min(p.capacity[r2], total) / g);
        items = undominated(items, p.capacity[r1] + (r2 < 0 ? 0 : p.capacity[r2]));
        long states = (long) (c1 + 1) * (c2 + 1);
        int n = items.size();
        if (states * n > MAX_CELLS) {
            skipped = true;
            return false;
        }
        int width = c2 + 1;
        int s = (int) states;
        if (dp.length < s) {
            dp = new long[s];
        }
        if (bestValue(items, g, c1, c2, current, r2 >= 0) <= current) {
            return false; // nearly every re-pack tried does not gain: no choices needed
        }
        Arrays.fill(dp, 0, s, 0);
        choiceCells += (long) n * s;
        if (take.length < (long) n * s) {
            take = new byte[(int) Math.max((long) n * s, take.length * 2L)];
        }
        for (int i = 0; i < n; i++) {
            int[] it = items.get(i);
            int w = (int) (p.hours[it[0]] / g);
            long a1 = it[1] >= 0 ? p.pairProfit[it[1]] : -1;
            long a2 = it[2] >= 0 ? p.pairProfit[it[2]] : -1;
            int base = i * s;
            for (int a = c1; a >= 0; a--) {
                int row = a * width;
                for (int b = c2; b >= 0; b--) {
                    int st = row + b;
                    long best = dp[st];
                    byte t = 0;
                    if (a1 > 0 && a >= w) {
                        long v = dp[st - w * width] + a1;
                        if (v > best) {
                            best = v;
                            t = 1;
                        }
                    }
                    if (a2 > 0 && b >= w) {
                        long v = dp[st - w] + a2;
                        if (v > best) {
                            best = v;
                            t = 2;
                        }
                    }
                    dp[st] = best;
                    take[base + st] = t;
                }
            }
        }
        if (dp[s - 1] <= current) {
            return false;
        }
        int st = s - 1;
        for (int i = n - 1; i >= 0; i--) {
            int[] it = items.get(i);
            int d = it[0];
            int w = (int) (p.hours[d] / g);
            byte t = take[i * s + st];
            int next = t == 0 ? -1 : it[t];
            if (t == 1) {
                st -= w * width;
            } else if (t == 2) {
                st -= w;
            }
            assign(d, next);
        }
        for (int[] it : dropped) {
            assign(it[0], -1);
        }
        moves++;
        return true;
    }

    /** Two-resource re-packs the merged bound showed could not gain (their table never built). */
    public long pruned;
    /** Re-packs whose table stopped part-way, a bound showing the items left could not make it gain. */
    public long cutShort;
    /** Cells of the value-only tables and of their bound checks, and of the tables with choices (work, not time). */
    public long valueCells;
    public long boundCells;
    public long choiceCells;

    private int[] itemWeight = new int[0];
    private long[] itemOn1 = new long[0];
    private long[] itemOn2 = new long[0];
    private int[] byDensity = new int[0];
    /** From the j-th item in density order on: the hours (capacity units, at most the capacity) that fit r1, r2. */
    private int[] restOn1 = new int[0];
    private int[] restOn2 = new int[0];
    private double[] density = new double[0];
    /** At most this many cells (longs) for the merged bounds of the suffixes (16 MiB). */
    private static final long MAX_SUFFIX_CELLS = 1L << 21;
    /** Row j: the merged bound ({@link #bestValue}) of the items from the j-th in density order on, per capacity. */
    private long[] suffix = new long[0];

    /**
     * The best value of the re-pack, without the choices that reach it, or a value ≤ {@code current} as soon as a
     * bound shows it cannot exceed {@code current}. Nearly every re-pack tried does not gain (29 of 1,094 on the 1k×100
     * street), so what counts is how fast this answers "no"; the table with its choices runs only for the re-packs
     * that gain (services/matchmaker/engine/README.md, "How").
     *
     * <ul>
     *   <li><em>Merged bound</em>: the items packed into one resource of both capacities, each worth the more of its
     *       two profits — a 0/1 knapsack of one dimension and a relaxation of the two-resource re-pack (a plan of two
     *       resources is a plan of their merger). Computed for every suffix of the items in order of value per hour,
     *       at every capacity; the whole list's at both capacities is the first test.</li>
     *   <li><em>The table</em>: the items in that order, the dense ones first. After each item, no plan of the
     *       items so far plus the rest beats max over cells (a, b) of table(a, b) + merged bound of the rest at
     *       capacity (c1 − a) + (c2 − b); the table stops as soon as that is ≤ current.</li>
     *   <li><em>Only the cells that can differ</em>: while the items so far weigh P1 (those that fit r1) and P2, the
     *       table at capacities above them equals its value at them, so each item updates the rectangle up to
     *       (P1, P2) only, which grows item by item.</li>
     * </ul>
     * The value is the same in any order of the items, so the re-packs made are exactly those of the plain table.
     */
    private long bestValue(List<int[]> items, long g, int c1, int c2, long current, boolean countMerged) {
        int n = items.size();
        int cap = c1 + c2;
        if (itemWeight.length < n) {
            int size = Math.max(n, itemWeight.length * 2);
            itemWeight = new int[size];
            itemOn1 = new long[size];
            itemOn2 = new long[size];
            byDensity = new int[size];
            density = new double[size];
        }
        for (int i = 0; i < n; i++) {
            int[] it = items.get(i);
            int w = (int) (p.hours[it[0]] / g);
            itemWeight[i] = w;
            itemOn1[i] = it[1] >= 0 && w <= c1 ? p.pairProfit[it[1]] : -1;
            itemOn2[i] = it[2] >= 0 && w <= c2 ? p.pairProfit[it[2]] : -1;
            density[i] = Math.max(itemOn1[i], itemOn2[i]) / (double) Math.max(1, w);
            // insertion by value per hour, most first (ties in list order)
            int at = i;
            while (at > 0 && density[byDensity[at - 1]] < density[i]) {
                byDensity[at] = byDensity[at - 1];
                at--;
            }
            byDensity[at] = i;
        }
        int rowLength = cap + 1;
        // the bounds of the suffixes, one row each, unless they would take much memory (a large capacity with many
        // items: then only the whole list's, as before); one resource alone needs no more, its merged bound being
        // its exact answer
        boolean withRest = countMerged && (long) (n + 1) * rowLength <= MAX_SUFFIX_CELLS;
        int rows = withRest ? n + 1 : 1;
        if (suffix.length < rows * rowLength) {
            suffix = new long[Math.max(rows * rowLength, (int) Math.min(MAX_SUFFIX_CELLS, suffix.length * 2L))];
        }
        long[] sfx = suffix;
        if (withRest) {
            Arrays.fill(sfx, n * rowLength, (n + 1) * rowLength, 0);
        } else {
            Arrays.fill(sfx, 0, rowLength, 0);
        }
        for (int j = n - 1; j >= 0; j--) {
            int item = byDensity[j];
            int w = itemWeight[item];
            long v = Math.max(itemOn1[item], itemOn2[item]);
            int to = withRest ? j * rowLength : 0;
            int from = withRest ? to + rowLength : 0;
            if (withRest) {
                System.arraycopy(sfx, from, sfx, to, rowLength);
            }
            if (v > 0) {
                for (int x = cap; x >= w; x--) {
                    sfx[to + x] = Math.max(sfx[from + x], sfx[from + x - w] + v);
                }
            }
        }
        if (sfx[cap] <= current) {
            if (countMerged) {
                pruned++;
            }
            return sfx[cap]; // not even one resource of both capacities gains: neither do the two
        }
        int width = c2 + 1;
        if (restOn1.length < n + 1) {
            restOn1 = new int[Math.max(n + 1, restOn1.length * 2)];
            restOn2 = new int[restOn1.length];
        }
        restOn1[n] = 0;
        restOn2[n] = 0;
        for (int j = n - 1; j >= 0; j--) {
            int item = byDensity[j];
            restOn1[j] = (int) Math.min(c1, restOn1[j + 1] + (itemOn1[item] > 0 ? (long) itemWeight[item] : 0));
            restOn2[j] = (int) Math.min(c2, restOn2[j + 1] + (itemOn2[item] > 0 ? (long) itemWeight[item] : 0));
        }
        long[] t = dp;
        t[0] = 0;
        // the cells that can differ: capacities up to what the items so far weigh (top), and no further below the
        // capacities than what the items left weigh (low): the answer, at both capacities, reads no other cell
        int top1 = 0;
        int top2 = 0;
        int low1 = 0;
        int low2 = 0;
        for (int j = 0; j < n; j++) {
            int item = byDensity[j];
            int w = itemWeight[item];
            long a1 = itemOn1[item];
            long a2 = itemOn2[item];
            if (a1 <= 0 && a2 <= 0) {
                continue;
            }
            int new1 = a1 > 0 ? Math.min(c1, top1 + w) : top1;
            int new2 = a2 > 0 ? Math.min(c2, top2 + w) : top2;
            if (new2 > top2) {
                for (int a = low1; a <= top1; a++) {
                    int row = a * width;
                    Arrays.fill(t, row + top2 + 1, row + new2 + 1, t[row + top2]);
                }
            }
            for (int a = top1 + 1; a <= new1; a++) {
                System.arraycopy(t, top1 * width + low2, t, a * width + low2, new2 + 1 - low2);
            }
            top1 = new1;
            top2 = new2;
            low1 = Math.min(top1, c1 - restOn1[j + 1]);
            low2 = Math.min(top2, c2 - restOn2[j + 1]);
            valueCells += (long) (top1 - low1 + 1) * (top2 - low2 + 1);
            addItem(t, width, low1, top1, low2, top2, w, a1, a2);
            // the bound is checked every second item once the table is full (before, it never settled one on the
            // street: the dense items first fill both capacities, and only then is what the rest adds small)
            if (withRest && j + 1 < n && top1 == c1 && top2 == c2 && (j & 1) == 1
                    && boundWithRest(t, width, low1, low2, c1, c2, (j + 1) * rowLength) <= current) {
                cutShort++;
                return current;
            }
        }
        return t[top1 * width + top2];
    }

    /**
     * Adds one item to the value-only table, over the cells from (low1, low2) to (top1, top2). A method of its own,
     * called once per item: the JIT compiles it fully within the first plan, where {@link #bestValue} (called once
     * per try) took several plans to be compiled and ran its loops interpreted or on-stack-replaced until then.
     */
    private static void addItem(long[] t, int width, int low1, int top1, int low2, int top2, int w, long a1,
                                long a2) {
        int shift = w * width;
        for (int a = top1; a >= low1; a--) {
            int row = a * width;
            boolean on1 = a1 > 0 && a >= w;
            if (on1 && a2 > 0) {
                int split = Math.max(w, low2);
                for (int st = row + top2; st >= row + split; st--) {
                    t[st] = Math.max(t[st], Math.max(t[st - shift] + a1, t[st - w] + a2));
                }
                for (int st = Math.min(row + split - 1, row + top2); st >= row + low2; st--) {
                    t[st] = Math.max(t[st], t[st - shift] + a1);
                }
            } else if (on1) {
                for (int st = row + top2; st >= row + low2; st--) {
                    t[st] = Math.max(t[st], t[st - shift] + a1);
                }
            } else if (a2 > 0) {
                for (int st = row + top2; st >= row + Math.max(w, low2); st--) {
                    t[st] = Math.max(t[st], t[st - w] + a2);
                }
            }
        }
    }

    /**
     * Max over the table's cells that can differ (capacities from low to both capacities) of the cell plus the merged
     * bound of the items left in the capacity left.
     */
    private long boundWithRest(long[] t, int width, int low1, int low2, int c1, int c2, int restRow) {
        long[] sfx = suffix;
        long bound = 0;
        boundCells += (long) (c1 - low1 + 1) * (c2 - low2 + 1);
        for (int a = low1; a <= c1; a++) {
            int row = a * width;
            int left = restRow + (c1 - a) + c2; // capacity left at (a, b): (c1 - a) + (c2 - b)
            for (int b = low2; b <= c2; b++) {
                bound = Math.max(bound, t[row + b] + sfx[left - b]);
            }
        }
        return bound;
    }

    /**
     * Drops items that cannot be needed: item i is dominated by item j when j is no heavier and worth at least as
     * much on each resource i could go to. If the kept dominators of i weigh, with i, more than both capacities
     * together, some kept dominator is unused in any plan that uses i, and swapping them loses nothing; so an
     * optimal re-pack exists without i. Dominators come first in the order below, so only kept items are counted.
     */
    private List<int[]> undominated(List<int[]> items, long capacity) {
        dropped.clear();
        if (items.size() < 8) {
            return items;
        }
        int n = items.size();
        if (keyHours.length < n) {
            int size = Math.max(n, keyHours.length * 2);
            keyHours = new long[size];
            keyOn1 = new long[size];
            keyOn2 = new long[size];
            keyOrder = new int[size];
            keptAt = new int[size];
        }
        // in primitive arrays and sorted by insertion (a few dozen items): a try's other costs weigh as much as its
        // table once the table is cut short (services/matchmaker/engine/README.md, "Time and quality")
        for (int i = 0; i < n; i++) {
            int[] it = items.get(i);
            keyHours[i] = p.hours[it[0]];
            keyOn1[i] = it[1] >= 0 ? p.pairProfit[it[1]] : -1;
            keyOn2[i] = it[2] >= 0 ? p.pairProfit[it[2]] : -1;
            int at = i;
            while (at > 0 && before(i, keyOrder[at - 1])) {
                keyOrder[at] = keyOrder[at - 1];
                at--;
            }
            keyOrder[at] = i;
        }
        List<int[]> result = new ArrayList<>(n);
        int kept = 0;
        for (int o = 0; o < n; o++) {
            int i = keyOrder[o];
            long weight = keyHours[i];
            long on1 = keyOn1[i];
            long on2 = keyOn2[i];
            for (int x = 0; x < kept; x++) {
                int j = keptAt[x];
                if (keyOn1[j] >= on1 && keyOn2[j] >= on2 && (on1 < 0 || keyOn1[j] >= 0) && (on2 < 0 || keyOn2[j] >= 0)) {
                    weight += keyHours[j];
                    if (weight > capacity) {
                        break;
                    }
                }
            }
            if (weight <= capacity) {
                keptAt[kept++] = i;
                result.add(items.get(i));
            } else {
                dropped.add(items.get(i)); // not needed: left out of the DP (and unmatched if the re-pack is applied)
            }
        }
        return result;
    }

    private long[] keyHours = new long[0];
    private long[] keyOn1 = new long[0];
    private long[] keyOn2 = new long[0];
    private int[] keyOrder = new int[0];
    private int[] keptAt = new int[0];

    /** The order of {@link #undominated}: lighter first, then worth more on r1, then on r2, then the list's order. */
    private boolean before(int i, int j) {
        if (keyHours[i] != keyHours[j]) {
            return keyHours[i] < keyHours[j];
        }
        if (keyOn1[i] != keyOn1[j]) {
            return keyOn1[i] > keyOn1[j];
        }
        if (keyOn2[i] != keyOn2[j]) {
            return keyOn2[i] > keyOn2[j];
        }
        return i < j;
    }

    private final List<int[]> dropped = new ArrayList<>();

    /** Moves demand d to pair k (−1 = unmatched), keeping loads and versions. */
    public void assign(int d, int k) {
        int before = choice[d];
        if (before == k) {
            return;
        }
        if (journal != null) {
            journal.moving(d, before);
        }
        if (before >= 0) {
            load[p.pairResource[before]] -= p.hours[d];
            bump(version, p.pairResource[before]);
        }
        if (k >= 0) {
            load[p.pairResource[k]] += p.hours[d];
            bump(version, p.pairResource[k]);
        }
        for (int k2 : p.byDemand[d]) {
            bump(candidateVersion, p.pairResource[k2]);
        }
        if (before < 0 || k < 0) {
            // its matched status changed: every resource that could take it sees a different pool
            for (int k2 : p.byDemand[d]) {
                bump(version, p.pairResource[k2]);
            }
        }
        choice[d] = k;
    }

    /**
     * A new stamp, never used before: a state undone by a {@link Journal} gets its old stamps back, and no later
     * state can take them by counting up to them again.
     */
    private void bump(long[] versions, int r) {
        if (journal != null) {
            journal.touching(r);
        }
        versions[r] = ++stamps;
    }

    private long stamps;
    private Journal journal;

    /** Records the moves from now on, to total their gain or undo them ({@link PullRepack#chain}). */
    Journal startJournal() {
        journal = new Journal();
        return journal;
    }

    void stopJournal() {
        journal = null;
    }

    /** The moves since {@link #startJournal}: each moved demand's first pair, each touched resource's stamps. */
    final class Journal {
        private final Map<Integer, Integer> firstChoice = new java.util.LinkedHashMap<>();
        private final Map<Integer, long[]> firstStamps = new HashMap<>();

        void moving(int d, int before) {
            firstChoice.putIfAbsent(d, before);
        }

        void touching(int r) {
            firstStamps.computeIfAbsent(r, x -> new long[] {version[r], candidateVersion[r]});
        }

        /** The pair of d before the first recorded move (its current pair if it did not move). */
        int before(int d) {
            return firstChoice.getOrDefault(d, choice[d]);
        }

        /** The profit the recorded moves gained (lexicographic units). */
        long gain() {
            long gain = 0;
            for (Map.Entry<Integer, Integer> e : firstChoice.entrySet()) {
                int now = choice[e.getKey()];
                gain += (now >= 0 ? p.pairProfit[now] : 0) - (e.getValue() >= 0 ? p.pairProfit[e.getValue()] : 0);
            }
            return gain;
        }

        /** Puts every moved demand back and gives the resources their stamps back; stops recording. */
        void undo() {
            journal = null;
            for (Map.Entry<Integer, Integer> e : firstChoice.entrySet()) {
                assign(e.getKey(), e.getValue());
            }
            for (Map.Entry<Integer, long[]> e : firstStamps.entrySet()) {
                version[e.getKey()] = e.getValue()[0];
                candidateVersion[e.getKey()] = e.getValue()[1];
            }
        }
    }

    long candidateVersion(int r) {
        return candidateVersion[r];
    }

    /** The one-resource re-packs with pulls made so far. */
    public int pullMoves() {
        return pulls.moves;
    }

    long residual(int r) {
        return p.capacity[r] - load[r];
    }

    int[] neighbours(int r) {
        return neighboursOf(r);
    }
}
