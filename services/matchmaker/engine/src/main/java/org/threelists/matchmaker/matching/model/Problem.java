package org.threelists.matchmaker.matching.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.threelists.matchmaker.matching.CandidatePair;
import org.threelists.matchmaker.matching.DemandInput;
import org.threelists.matchmaker.matching.MatchingInstance;
import org.threelists.matchmaker.matching.ResourceInput;
import org.threelists.matchmaker.matching.Scoring;
import org.threelists.matchmaker.matching.Weights;

/**
 * The instance as arrays: pairs with their demand, resource, scaled score and lexicographic profit, indexed by
 * demand and by resource, and split into connected components.
 *
 * <p><b>Objective, lexicographic.</b> Each pair's profit is {@code scaledScore · M + tieBreak}, where
 * scaledScore = score / 1e-4, tieBreak = round(10 · fairness of the unit) ∈ [0,10], and M = 10 · demands + 1: the
 * tie-breaks of a whole plan never add up to one unit of score, so the engine maximises the total score and only
 * among plans of equal score prefers units with less load (fairness is also a weighted score term). Hours are in
 * tenths of an hour.
 *
 * <p><b>Components.</b> Demands and resources linked by no chain of pairs are independent (a unit serves only its
 * own street, so a city splits at least by street); every bound and proof is per component, and the plan's bound is
 * their sum.
 */
public final class Problem {

    /** The largest tie-break of a pair: see the class comment. */
    static final int TIE_BREAK = 10;

    public final List<DemandInput> demands;
    public final List<ResourceInput> resources;
    public final Weights weights;
    public final boolean given;
    public final long[] hours;     // tenths, per demand
    public final long[] capacity;  // tenths, per resource
    public final int[] pairDemand;
    public final int[] pairResource;
    public final long[] pairScaled;
    public final long[] pairProfit;
    public final int[][] byDemand;   // pair indices, best profit first
    public final int[][] byResource;
    public final long m;
    /** Connected components of the demand–resource graph (demands and resources without a pair belong to none):
     *  independent sub-problems, since no pair links two of them. */
    public final int[] demandComponent;
    public final int[] resourceComponent;
    public final int[][] componentDemands;
    public final int[][] componentResources;
    /** The resources' index for finding pairs (null when the candidates were given). */
    private PairFinder finder;
    /** The demands whose pairs were not looked for before the time limit (null: none); see {@link #complete()}. */
    private boolean[] unexamined;
    private int unexaminedCount;
    /** A proven bound on what the unexamined demands can score together, score units ({@link Scoring#SCALE}). */
    private long unexaminedBoundScaled;

    private Problem(List<DemandInput> demands, List<ResourceInput> resources, Weights weights, boolean given,
                    PairList pairs) {
        this.demands = demands;
        this.resources = resources;
        this.weights = weights;
        this.given = given;
        this.m = (long) TIE_BREAK * demands.size() + 1;
        hours = demands.stream().mapToLong(Scoring::demandTenths).toArray();
        capacity = resources.stream().mapToLong(Scoring::capacityTenths).toArray();
        int n = pairs.size;
        pairDemand = Arrays.copyOf(pairs.demand, n);
        pairResource = Arrays.copyOf(pairs.resource, n);
        pairScaled = Arrays.copyOf(pairs.scaled, n);
        pairProfit = new long[n];
        long[] tieBreak = resources.stream().mapToLong(r -> Math.round(TIE_BREAK * Scoring.fairness(r))).toArray();
        int[] dCount = new int[demands.size()];
        int[] rCount = new int[resources.size()];
        for (int k = 0; k < n; k++) {
            pairProfit[k] = Math.addExact(Math.multiplyExact(pairScaled[k], m), tieBreak[pairResource[k]]);
            dCount[pairDemand[k]]++;
            rCount[pairResource[k]]++;
        }
        byDemand = group(pairDemand, dCount);
        byResource = group(pairResource, rCount);
        for (int[] list : byDemand) {
            sortByProfitDesc(list);
        }
        // components: union-find over the pairs
        int nD = demands.size();
        int[] parent = new int[nD + resources.size()];
        for (int i = 0; i < parent.length; i++) {
            parent[i] = i;
        }
        for (int k = 0; k < n; k++) {
            int a = find(parent, pairDemand[k]);
            int b = find(parent, nD + pairResource[k]);
            if (a != b) {
                parent[a] = b;
            }
        }
        demandComponent = new int[nD];
        resourceComponent = new int[resources.size()];
        int[] componentOfRoot = new int[parent.length];
        Arrays.fill(componentOfRoot, -1);
        List<int[]> sizes = new ArrayList<>();
        int components = 0;
        for (int v = 0; v < parent.length; v++) {
            boolean paired = v < nD ? byDemand[v].length > 0 : byResource[v - nD].length > 0;
            int c = -1;
            if (paired) {
                int root = find(parent, v);
                if (componentOfRoot[root] < 0) {
                    componentOfRoot[root] = components++;
                    sizes.add(new int[2]);
                }
                c = componentOfRoot[root];
                sizes.get(c)[v < nD ? 0 : 1]++;
            }
            if (v < nD) {
                demandComponent[v] = c;
            } else {
                resourceComponent[v - nD] = c;
            }
        }
        componentDemands = new int[components][];
        componentResources = new int[components][];
        for (int c = 0; c < components; c++) {
            componentDemands[c] = new int[sizes.get(c)[0]];
            componentResources[c] = new int[sizes.get(c)[1]];
        }
        int[] fillD = new int[components];
        int[] fillR = new int[components];
        for (int d = 0; d < nD; d++) {
            if (demandComponent[d] >= 0) {
                componentDemands[demandComponent[d]][fillD[demandComponent[d]]++] = d;
            }
        }
        for (int r = 0; r < resources.size(); r++) {
            if (resourceComponent[r] >= 0) {
                componentResources[resourceComponent[r]][fillR[resourceComponent[r]]++] = r;
            }
        }
    }

    private Problem(Problem old, List<DemandInput> demands, long[] hours, int[] pairDemand, int[] pairResource,
                    long[] pairScaled, int[][] byDemand, int[][] byResource, int[] demandComponent,
                    int[] resourceComponent, int[][] componentDemands, int[][] componentResources) {
        this.demands = demands;
        this.resources = old.resources;
        this.weights = old.weights;
        this.given = old.given;
        this.m = (long) TIE_BREAK * demands.size() + 1;
        this.hours = hours;
        this.capacity = old.capacity;
        this.pairDemand = pairDemand;
        this.pairResource = pairResource;
        this.pairScaled = pairScaled;
        long[] tieBreak = resources.stream().mapToLong(r -> Math.round(TIE_BREAK * Scoring.fairness(r))).toArray();
        this.pairProfit = new long[pairDemand.length];
        for (int k = 0; k < pairProfit.length; k++) {
            pairProfit[k] = Math.addExact(Math.multiplyExact(pairScaled[k], m), tieBreak[pairResource[k]]);
        }
        this.byDemand = byDemand;
        this.byResource = byResource;
        this.demandComponent = demandComponent;
        this.resourceComponent = resourceComponent;
        this.componentDemands = componentDemands;
        this.componentResources = componentResources;
    }

    /**
     * This problem with one more demand, built from this one's tables in a few milliseconds rather than from the
     * instance (the warm-start re-plan, services/matchmaker/engine/README.md, "Re-plan after one new demand"): its
     * pairs are appended (every existing pair keeps its index), the profits are those of the larger instance (the
     * tie-break's scale grows with the number of demands; the order of the pairs does not change), and it joins the
     * one component its resources belong to; resources that had no pair yet join that component with it, or form a
     * new component with it when none of its resources had one. Returns null when it links two or more components (a
     * unit serving two streets), which the components' bounds cannot follow: the caller plans afresh.
     */
    public Problem withDemand(DemandInput demand) {
        if (unexamined != null) {
            return null; // the old components lack the unexamined demands' pairs: plan afresh
        }
        if (given) {
            throw new IllegalArgumentException(
                    "an instance of given candidate pairs takes a demand only with its pairs");
        }
        PairList mine = new PairList();
        finder.find(List.of(demand), mine);
        int d = demands.size();
        int component = -1;
        boolean unpaired = false;
        for (int i = 0; i < mine.size; i++) {
            int c = resourceComponent[mine.resource[i]];
            if (c < 0) {
                unpaired = true; // a resource without a pair so far: it joins the demand's component
            } else if (component >= 0 && c != component) {
                return null;
            } else {
                component = c;
            }
        }
        int[] rc = resourceComponent;
        int[][] cr = componentResources;
        int[][] cd = componentDemands;
        if (component < 0 && unpaired) {
            component = componentDemands.length;
            cr = Arrays.copyOf(componentResources, component + 1);
            cr[component] = new int[0];
            cd = Arrays.copyOf(componentDemands, component + 1);
            cd[component] = new int[0];
        }
        if (unpaired) {
            rc = resourceComponent.clone();
            cr = cr == componentResources ? componentResources.clone() : cr;
            for (int i = 0; i < mine.size; i++) {
                int r = mine.resource[i];
                if (rc[r] < 0) {
                    rc[r] = component;
                    cr[component] = Arrays.copyOf(cr[component], cr[component].length + 1);
                    cr[component][cr[component].length - 1] = r;
                }
            }
        }
        List<DemandInput> ds = new ArrayList<>(demands.size() + 1);
        ds.addAll(demands);
        ds.add(demand);
        long[] h = Arrays.copyOf(hours, d + 1);
        h[d] = Scoring.demandTenths(demand);
        int n = pairDemand.length;
        int[] pd = Arrays.copyOf(pairDemand, n + mine.size);
        int[] pr = Arrays.copyOf(pairResource, n + mine.size);
        long[] ps = Arrays.copyOf(pairScaled, n + mine.size);
        int[][] bd = Arrays.copyOf(byDemand, d + 1);
        int[][] br = byResource.clone();
        bd[d] = new int[mine.size];
        for (int i = 0; i < mine.size; i++) {
            int k = n + i;
            pd[k] = d;
            pr[k] = mine.resource[i];
            ps[k] = mine.scaled[i];
            bd[d][i] = k;
            int[] row = Arrays.copyOf(br[pr[k]], br[pr[k]].length + 1);
            row[row.length - 1] = k;
            br[pr[k]] = row;
        }
        int[] dc = Arrays.copyOf(demandComponent, d + 1);
        dc[d] = component;
        if (component >= 0) {
            cd = cd == componentDemands ? componentDemands.clone() : cd;
            cd[component] = Arrays.copyOf(cd[component], cd[component].length + 1);
            cd[component][cd[component].length - 1] = d;
        }
        Problem next = new Problem(this, ds, h, pd, pr, ps, bd, br, dc, rc, cd, cr);
        next.finder = finder;
        next.sortByProfitDesc(bd[d]);
        return next;
    }

    private static int find(int[] parent, int v) {
        while (parent[v] != v) {
            parent[v] = parent[parent[v]];
            v = parent[v];
        }
        return v;
    }

    private int[][] group(int[] owner, int[] counts) {
        int[][] out = new int[counts.length][];
        for (int i = 0; i < counts.length; i++) {
            out[i] = new int[counts[i]];
        }
        int[] fill = new int[counts.length];
        for (int k = 0; k < owner.length; k++) {
            out[owner[k]][fill[owner[k]]++] = k;
        }
        return out;
    }

    /** Insertion sort (the lists are short): best profit first, then by pair index. */
    private void sortByProfitDesc(int[] list) {
        for (int i = 1; i < list.length; i++) {
            int k = list[i];
            int j = i - 1;
            while (j >= 0 && (pairProfit[list[j]] < pairProfit[k]
                    || pairProfit[list[j]] == pairProfit[k] && list[j] > k)) {
                list[j + 1] = list[j];
                j--;
            }
            list[j + 1] = k;
        }
    }

    public int pairCount() {
        return pairDemand.length;
    }

    public int componentCount() {
        return componentDemands.length;
    }

    public int componentPairs(int c) {
        int pairs = 0;
        for (int r : componentResources[c]) {
            pairs += byResource[r].length;
        }
        return pairs;
    }

    public Map<String, DemandInput> demandById() {
        Map<String, DemandInput> map = new HashMap<>();
        demands.forEach(d -> map.put(d.id(), d));
        return map;
    }

    public Map<String, ResourceInput> resourceById() {
        Map<String, ResourceInput> map = new HashMap<>();
        resources.forEach(r -> map.put(r.id(), r));
        return map;
    }

    /**
     * Whether every demand's pairs were found. A problem built under a time limit too short for that
     * ({@link #build(MatchingInstance, long)}) lacks the pairs of the demands not reached: they belong to no
     * component and stay unmatched, and {@link #unexaminedBoundScaled()} bounds what they could have scored.
     */
    public boolean complete() {
        return unexamined == null;
    }

    /** How many demands' pairs were not looked for (0 when {@link #complete()}). */
    public int unexaminedCount() {
        return unexaminedCount;
    }

    /**
     * A proven bound on the total score of the demands whose pairs were not looked for, score units: each scores
     * at most its urgency term, full skill fit and proximity, and the best rating and fairness terms of any resource
     * (every term is in [0,1] times its weight), plus one unit for the rounding of the sum.
     */
    public long unexaminedBoundScaled() {
        return unexaminedBoundScaled;
    }

    public static Problem build(MatchingInstance instance) {
        return build(instance, Long.MAX_VALUE);
    }

    /**
     * The problem of an instance, its pairs looked for until {@code pairDeadlineNanos} ({@link System#nanoTime()},
     * {@link Long#MAX_VALUE}: no limit): a caller's time limit bounds everything from the input to the plan
     * (services/matchmaker/engine/README.md, "Time limit"). Given candidates are always read whole.
     */
    public static Problem build(MatchingInstance instance, long pairDeadlineNanos) {
        List<DemandInput> demands = instance.demands();
        List<ResourceInput> resources = instance.resources();
        Map<String, Integer> dIndex = index(demands.stream().map(DemandInput::id).toList(), "demand");
        Map<String, Integer> rIndex = index(resources.stream().map(ResourceInput::id).toList(), "resource");
        PairList pairs = new PairList();
        PairFinder finder = null;
        boolean[] unexamined = null;
        if (instance.candidates() != null) {
            Set<String> seen = new HashSet<>();
            for (CandidatePair c : instance.candidates()) {
                Integer d = dIndex.get(c.demandId());
                Integer r = rIndex.get(c.resourceId());
                if (d == null || r == null) {
                    throw new IllegalArgumentException("candidate refers to an unknown demand or resource: " + c);
                }
                if (!seen.add(c.demandId() + "\u0000" + c.resourceId())) {
                    throw new IllegalArgumentException("duplicate candidate pair: " + c);
                }
                if (!(c.score() >= 0) || Double.isInfinite(c.score())) {
                    throw new IllegalArgumentException("candidate score must be finite and ≥ 0: " + c);
                }
                if (Scoring.capacityFits(demands.get(d), resources.get(r))) {
                    pairs.add(d, r, Scoring.scaled(c.score()));
                }
            }
        } else {
            finder = new PairFinder(resources, instance.weights());
            unexamined = finder.find(demands, pairs, pairDeadlineNanos);
            Trace.log("found %d pairs", pairs.size);
        }
        Problem p = new Problem(demands, resources, instance.weights(), instance.candidates() != null, pairs);
        p.finder = finder;
        if (unexamined != null) {
            p.unexamined = unexamined;
            long bestResourceTerms = 0;
            Weights w = instance.weights();
            for (ResourceInput r : resources) {
                bestResourceTerms = Math.max(bestResourceTerms, Scoring.scaled(w.rating() * Scoring.rating(r))
                        + Scoring.scaled(w.fairness() * Scoring.fairness(r)));
            }
            long rest = Scoring.scaled(w.skillFit()) + Scoring.scaled(w.proximity()) + bestResourceTerms + 1;
            for (int d = 0; d < unexamined.length; d++) {
                if (unexamined[d]) {
                    p.unexaminedCount++;
                    p.unexaminedBoundScaled += Scoring.scaled(w.urgency() * Scoring.urgency(demands.get(d), w)) + rest;
                }
            }
        }
        return p;
    }

    private static Map<String, Integer> index(List<String> ids, String what) {
        Map<String, Integer> map = new HashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            if (map.put(ids.get(i), i) != null) {
                throw new IllegalArgumentException("duplicate " + what + " id: " + ids.get(i));
            }
        }
        return map;
    }
}
