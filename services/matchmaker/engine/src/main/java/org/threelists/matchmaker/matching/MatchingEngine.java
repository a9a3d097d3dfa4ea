package org.threelists.matchmaker.matching;

import com.google.ortools.Loader;
import com.google.ortools.graph.MinCostFlow;
import com.google.ortools.graph.MinCostFlowBase;
import com.google.ortools.sat.BoolVar;
import com.google.ortools.sat.CpModel;
import com.google.ortools.sat.CpSolver;
import com.google.ortools.sat.CpSolverStatus;
import com.google.ortools.sat.LinearExpr;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The matching engine: chooses at most one resource per demand, never over a resource's remaining capacity, to
 * maximise the total score of the matched demands (an unsplittable generalized assignment / multiple-knapsack
 * problem, NP-hard in general), then explains each assignment and bundles the assignments into proposed projects.
 *
 * <h2>How it solves</h2>
 * <ol>
 *   <li><b>Pairs.</b> The feasible pairs ({@link Scoring}), or the given candidates. Hours in tenths of an hour.</li>
 *   <li><b>Objective, lexicographic.</b> Each pair's profit is {@code scaledScore · M + tieBreak}, where
 *       scaledScore = score / 1e-4, tieBreak = round(10 · fairness of the unit) ∈ [0,10], and M = 10 · demands + 1:
 *       the tie-breaks of a whole plan never add up to one unit of score, so the engine maximises the total score
 *       and only among plans of equal score prefers units with less load (fairness is also a weighted score term).
 *       Bundling is not in the objective: it groups whatever the optimal plan assigns.</li>
 *   <li><b>Components.</b> Demands and resources linked by no chain of pairs are independent (a unit serves only
 *       its own street, so a city splits at least by street); every bound and proof below is per component, and
 *       the plan's bound is their sum.</li>
 *   <li><b>Bound</b> ({@link Relaxation}): the LP relaxation as a min-cost flow, then a Lagrangian bound with one
 *       exact knapsack per resource, started from the LP's prices — both proven upper bounds.</li>
 *   <li><b>Start and local search.</b> The demands the flow does not split, a greedy fill, then {@link Repack}:
 *       exact dynamic-programming re-packs of two neighbouring resources at a time until none gains.</li>
 *   <li><b>CP-SAT.</b> Components of up to {@value #EXACT_MAX_PAIRS} pairs are solved exactly (usually proven
 *       optimal); on larger ones, CP-SAT re-solves neighbourhoods of a few resources ({@link Lns}) until the time
 *       limit, or until the gap to the bound is at most {@link Options#targetGap()}.</li>
 * </ol>
 * The plan reports its objective, the proven bound and the gap between them; "cp-sat:OPTIMAL" means every
 * component is proven optimal.
 */
public final class MatchingEngine {

    /**
     * @param timeLimitSeconds wall-time budget of the search after the LP relaxation (local search, bound tightening,
     *                         CP-SAT)
     * @param workers          CP-SAT's search workers for exact component solves
     * @param useCpSat         false = LP rounding, the local search and the bounds only (no CP-SAT)
     * @param targetGap        the search stops once (bound − objective) / bound is at most this; 0 = search until
     *                         every component is proven optimal or the time limit
     */
    public record Options(double timeLimitSeconds, int workers, boolean useCpSat, double targetGap) {
        /** The relative gap at which the search stops by default: 0.1 %, five times under the 0.5 %. */
        public static final double DEFAULT_TARGET_GAP = 0.001;
        public static final Options DEFAULTS = new Options(10.0, 8, true, DEFAULT_TARGET_GAP);

        public Options(double timeLimitSeconds, int workers, boolean useCpSat) {
            this(timeLimitSeconds, workers, useCpSat, DEFAULT_TARGET_GAP);
        }
    }

    /** Components up to this many pairs are solved exactly by CP-SAT (from the local-search plan as a hint). */
    static final int EXACT_MAX_PAIRS = 400;

    private static final int TIE_BREAK = 10;
    private static final int MAX_ALTERNATIVES = 3;
    private static final int MAX_BLOCKING_LISTED = 10;

    private final Options options;

    public MatchingEngine() {
        this(Options.DEFAULTS);
    }

    public MatchingEngine(Options options) {
        this.options = options;
    }

    private static final class Native {
        static {
            Loader.loadNativeLibraries();
        }

        static void load() {
            // class initialisation above
        }
    }

    /** Plans an instance: see the class comment. */
    public MatchingPlan plan(MatchingInstance instance) {
        long started = System.nanoTime();
        Native.load();
        Problem p = Problem.build(instance);
        trace("built %d pairs, %d components", p.pairCount(), p.componentCount());
        Solution solution = solve(p, started);
        int[] choice = solution.choice;

        long objScaled = scaledTotal(p, choice);
        long boundScaled = Math.max(solution.boundScaled, objScaled);
        double objective = objScaled / (double) Scoring.SCALE;
        double upper = boundScaled / (double) Scoring.SCALE;
        double gap = upper <= 0 ? 0.0 : (upper - objective) / upper;

        List<Assignment> assignments = explain(p, choice);
        List<String> unmatched = new ArrayList<>();
        for (int i = 0; i < p.demands.size(); i++) {
            if (choice[i] < 0) {
                unmatched.add(p.demands.get(i).id());
            }
        }
        List<ProposedProject> projects = Bundler.bundle(assignments, p.demandById(), p.resourceById());
        long millis = (System.nanoTime() - started) / 1_000_000;
        return new MatchingPlan(assignments, unmatched, objective, upper, gap, millis, solution.method, projects,
                solution.lpBoundScaled / (double) Scoring.SCALE);
    }

    /** What {@link #solve} found: the plan, the proven bound and the LP bound (in score units), and how. */
    record Solution(int[] choice, long boundScaled, long lpBoundScaled, String method, int provenComponents,
                    int components) {
    }

    Solution solve(Problem p, long started) {
        long deadline = System.nanoTime() + (long) (Math.max(0, options.timeLimitSeconds()) * 1e9);
        int components = p.componentCount();
        Relaxation relaxation = new Relaxation(p);
        int[] choice = relaxation.solveFlow();
        trace("flow: LP bound %.4f, start %.4f", relaxation.lpBound() / (double) p.m / Scoring.SCALE,
                scaledTotal(p, choice) / (double) Scoring.SCALE);
        greedyFill(p, choice);
        improve(p, choice);
        trace("greedy fill + moves: %.4f", scaledTotal(p, choice) / (double) Scoring.SCALE);
        Repack repack = new Repack(p, choice);
        repack.run(deadline, null);
        trace("repack: %.4f (%d moves, %d pairs evaluated)", scaledTotal(p, choice) / (double) Scoring.SCALE,
                repack.moves, repack.evaluated);

        boolean[] proven = new boolean[components];
        boolean[] byCpSat = new boolean[components];
        long[] bound = relaxation.componentBound; // profit units, tightened below
        // components of one or two resources: the two-resource re-pack is exact on them (small ones go to CP-SAT
        // below, which proves the same optimum and keeps "cp-sat:OPTIMAL" meaning what it says)
        for (int c = 0; c < components; c++) {
            int[] rs = p.componentResources[c];
            boolean cpSatWill = options.useCpSat() && p.componentPairs(c) <= EXACT_MAX_PAIRS;
            if (rs.length <= 2 && !cpSatWill && repack.provenOptimal(rs[0], rs.length == 2 ? rs[1] : -1)) {
                proven[c] = true;
                bound[c] = componentProfit(p, choice, c);
            }
        }
        if (options.useCpSat()) {
            for (int c = 0; c < components; c++) {
                if (!proven[c] && p.componentPairs(c) <= EXACT_MAX_PAIRS && RunningSolves.before(deadline)) {
                    double left = (deadline - System.nanoTime()) / 1e9;
                    CpResult cp = solveCpSat(p, c, choice, Math.min(left, Math.max(0.5, options.timeLimitSeconds()
                            / 20)));
                    if (cp != null) {
                        if (cp.profit > componentProfit(p, choice, c)) {
                            for (int d : p.componentDemands[c]) {
                                repack.assign(d, cp.choice[d]);
                            }
                        }
                        bound[c] = Math.min(bound[c], cp.boundProfit);
                        if (cp.status == CpSolverStatus.OPTIMAL) {
                            proven[c] = true;
                            byCpSat[c] = true;
                            bound[c] = componentProfit(p, choice, c);
                        }
                    }
                }
            }
        }
        long[] primal = new long[components];
        java.util.function.Supplier<Boolean> refreshPrimal = () -> {
            for (int c = 0; c < components; c++) {
                primal[c] = componentProfit(p, choice, c);
            }
            return true;
        };
        refreshPrimal.get();
        String lagrangian = "";
        if (gapOf(p, bound, primal) > options.targetGap()) {
            // a quarter of what is left at most: the bound is for the proof, the rest is for the plan
            long budget = (long) ((deadline - System.nanoTime()) * 0.25);
            int rounds = relaxation.lagrangian(primal, System.nanoTime() + Math.max(0, budget), 60);
            lagrangian = rounds > 0 ? "+lagrangian(" + rounds + " rounds)" : "";
            trace("lagrangian: %d rounds, gap %.4f%%", rounds, 100 * gapOf(p, bound, primal));
        }
        int lnsMoves = 0;
        if (options.useCpSat() && gapOf(p, bound, primal) > options.targetGap()) {
            List<Integer> open = new ArrayList<>();
            for (int c = 0; c < components; c++) {
                if (!proven[c] && p.componentResources[c].length >= 3) {
                    for (int r : p.componentResources[c]) {
                        open.add(r);
                    }
                }
            }
            long[] objective = {profit(p, choice)};
            long[] checked = {System.nanoTime()};
            Lns lns = new Lns(p, choice, repack, deadline);
            lnsMoves = lns.run(open.stream().mapToInt(Integer::intValue).toArray(), () -> {
                if (System.nanoTime() - checked[0] < 50_000_000L) {
                    return false;
                }
                checked[0] = System.nanoTime();
                refreshPrimal.get();
                return gapOf(p, bound, primal) <= options.targetGap();
            });
            refreshPrimal.get();
            trace("lns: %d moves, gap %.4f%%", lnsMoves, 100 * gapOf(p, bound, primal));
        }
        long boundScaled = 0;
        long lpScaled = 0;
        int provenCount = 0;
        boolean allByCpSat = true;
        for (int c = 0; c < components; c++) {
            long b = Math.max(bound[c], primal[c]);
            if (b == primal[c]) {
                proven[c] = true;
            }
            boundScaled += b / p.m;
            lpScaled += relaxation.componentLpBound[c] / p.m;
            if (proven[c]) {
                provenCount++;
            }
            allByCpSat &= byCpSat[c];
        }
        String method;
        if (provenCount == components && allByCpSat) {
            method = "cp-sat:OPTIMAL";
        } else if (provenCount == components) {
            method = "exact:OPTIMAL(" + components + " components; dp re-pack"
                    + (options.useCpSat() ? ", cp-sat" : "") + ")";
        } else {
            method = "lp-rounding+repack(" + repack.moves + " moves)" + lagrangian
                    + (options.useCpSat() ? "+lns(cp-sat, " + lnsMoves + " moves)" : "")
                    + "; " + provenCount + "/" + components + " components proven optimal";
        }
        return new Solution(choice, boundScaled, lpScaled, method, provenCount, components);
    }

    private static final boolean TRACE = Boolean.getBoolean("matching.trace");
    private static final long T0 = System.nanoTime();

    private static void trace(String format, Object... args) {
        if (TRACE) {
            System.err.printf("[matching %6d ms] %s%n", (System.nanoTime() - T0) / 1_000_000, String.format(format, args));
        }
    }

    private static double gapOf(Problem p, long[] bound, long[] primal) {
        long b = 0;
        long o = 0;
        for (int c = 0; c < bound.length; c++) {
            b += Math.max(bound[c], primal[c]) / p.m;
            o += primal[c] / p.m;
        }
        return b <= 0 ? 0 : (b - o) / (double) b;
    }

    private static long componentProfit(Problem p, int[] choice, int c) {
        long total = 0;
        for (int d : p.componentDemands[c]) {
            if (choice[d] >= 0) {
                total += p.pairProfit[choice[d]];
            }
        }
        return total;
    }

    // ---------------------------------------------------------------------------------------------------------

    /** The instance as arrays: pairs with their demand, resource, scaled score and lexicographic profit. */
    static final class Problem {
        final List<DemandInput> demands;
        final List<ResourceInput> resources;
        final Weights weights;
        final boolean given;
        final long[] hours;     // tenths, per demand
        final long[] capacity;  // tenths, per resource
        final int[] pairDemand;
        final int[] pairResource;
        final long[] pairScaled;
        final long[] pairProfit;
        final int[][] byDemand;   // pair indices, best profit first
        final int[][] byResource;
        final long m;
        /** Connected components of the demand–resource graph (demands and resources without a pair belong to none):
         *  independent sub-problems, since no pair links two of them. */
        final int[] demandComponent;
        final int[] resourceComponent;
        final int[][] componentDemands;
        final int[][] componentResources;

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

        int pairCount() {
            return pairDemand.length;
        }

        int componentCount() {
            return componentDemands.length;
        }

        int componentPairs(int c) {
            int pairs = 0;
            for (int r : componentResources[c]) {
                pairs += byResource[r].length;
            }
            return pairs;
        }

        Map<String, DemandInput> demandById() {
            Map<String, DemandInput> map = new HashMap<>();
            demands.forEach(d -> map.put(d.id(), d));
            return map;
        }

        Map<String, ResourceInput> resourceById() {
            Map<String, ResourceInput> map = new HashMap<>();
            resources.forEach(r -> map.put(r.id(), r));
            return map;
        }

        static Problem build(MatchingInstance instance) {
            List<DemandInput> demands = instance.demands();
            List<ResourceInput> resources = instance.resources();
            Map<String, Integer> dIndex = index(demands.stream().map(DemandInput::id).toList(), "demand");
            Map<String, Integer> rIndex = index(resources.stream().map(ResourceInput::id).toList(), "resource");
            PairList pairs = new PairList();
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
                new PairFinder(demands, resources, instance.weights()).find(pairs);
            }
            return new Problem(demands, resources, instance.weights(), instance.candidates() != null, pairs);
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

    /** A growable list of (demand, resource, scaled score) triples. */
    static final class PairList {
        int size;
        int[] demand = new int[1024];
        int[] resource = new int[1024];
        long[] scaled = new long[1024];

        void add(int d, int r, long score) {
            if (size == demand.length) {
                demand = Arrays.copyOf(demand, size * 2);
                resource = Arrays.copyOf(resource, size * 2);
                scaled = Arrays.copyOf(scaled, size * 2);
            }
            demand[size] = d;
            resource[size] = r;
            scaled[size] = score;
            size++;
        }
    }

    /**
     * The feasible pairs of an instance without candidates, and their scores: exactly {@link Scoring#feasible} and
     * {@link Scoring#score}, computed once per distinct (resource, urgency, overdue, skills used, proximity), since
     * the score depends on nothing else — what keeps building 10⁶ pairs to seconds.
     */
    private static final class PairFinder {
        private final List<DemandInput> demands;
        private final List<ResourceInput> resources;
        private final Weights weights;

        PairFinder(List<DemandInput> demands, List<ResourceInput> resources, Weights weights) {
            this.demands = demands;
            this.resources = resources;
            this.weights = weights;
        }

        void find(PairList pairs) {
            int nR = resources.size();
            List<Set<String>> offered = new ArrayList<>(nR);
            long[] from = new long[nR];
            long[] until = new long[nR];
            long[] capacity = new long[nR];
            Map<String, List<Integer>> byCell = new HashMap<>();
            for (int r = 0; r < nR; r++) {
                ResourceInput res = resources.get(r);
                offered.add(normalized(res.skills()));
                from[r] = res.availableFrom() == null ? Long.MIN_VALUE : res.availableFrom().toEpochDay();
                until[r] = res.availableUntil() == null ? Long.MAX_VALUE : res.availableUntil().toEpochDay();
                capacity[r] = Scoring.capacityTenths(res);
                for (String category : new HashSet<>(res.categories())) {
                    for (String community : new HashSet<>(res.serviceArea())) {
                        byCell.computeIfAbsent(category + "\u0000" + community, k -> new ArrayList<>()).add(r);
                    }
                }
            }
            long[][] cache = new long[nR][];
            for (int d = 0; d < demands.size(); d++) {
                DemandInput dem = demands.get(d);
                List<Integer> cell = byCell.get(dem.category() + "\u0000" + dem.communityCode());
                if (cell == null) {
                    continue;
                }
                Set<String> required = normalized(dem.requiredSkills());
                long start = dem.windowStart() == null ? Long.MIN_VALUE : dem.windowStart().toEpochDay();
                long end = dem.windowEnd() == null ? Long.MAX_VALUE : dem.windowEnd().toEpochDay();
                long tenths = Scoring.demandTenths(dem);
                for (int r : cell) {
                    if (tenths > capacity[r] || Math.max(start, from[r]) > Math.min(end, until[r])
                            || !offered.get(r).containsAll(required)) {
                        continue;
                    }
                    ResourceInput res = resources.get(r);
                    boolean home = !res.serviceArea().isEmpty() && res.serviceArea().get(0).equals(dem.communityCode());
                    int skillKey = required.isEmpty() ? 0 : 1 + required.size();
                    long score;
                    if (skillKey < 16) {
                        int key = ((dem.urgency().ordinal() * 2 + (dem.overdue() ? 1 : 0)) * 16 + skillKey) * 2
                                + (home ? 1 : 0);
                        if (cache[r] == null) {
                            cache[r] = new long[4 * 2 * 16 * 2];
                            Arrays.fill(cache[r], -1);
                        }
                        if (cache[r][key] < 0) {
                            cache[r][key] = Scoring.scaled(Scoring.score(dem, res, weights));
                        }
                        score = cache[r][key];
                    } else {
                        score = Scoring.scaled(Scoring.score(dem, res, weights));
                    }
                    pairs.add(d, r, score);
                }
            }
        }

        private static Set<String> normalized(List<String> tags) {
            Set<String> out = new HashSet<>();
            for (String t : tags) {
                out.add(t.trim().toLowerCase(java.util.Locale.ROOT));
            }
            return out;
        }
    }

    // ---------------------------------------------------------------------------------------------------------

    /**
     * The LP relaxation's start plan (the demands the flow does not split, then a greedy fill and simple moves);
     * puts the LP bound on the lexicographic profit into {@code boundOut[0]}.
     */
    static int[] flowStart(Problem p, long[] boundOut) {
        Relaxation relaxation = new Relaxation(p);
        int[] choice = relaxation.solveFlow();
        boundOut[0] = relaxation.lpBound();
        greedyFill(p, choice);
        improve(p, choice);
        return choice;
    }

    /**
     * Local search on the lexicographic profit until no move gains: (a) move a matched demand to a better resource
     * with room; (b) insert an unmatched demand into a resource with room, or by ejecting one demand of that resource
     * that is worth less, the ejected demand moving to another resource with room when one has.
     */
    static void improve(Problem p, int[] choice) {
        long[] residual = p.capacity.clone();
        List<List<Integer>> onResource = new ArrayList<>();
        for (int r = 0; r < p.resources.size(); r++) {
            onResource.add(new ArrayList<>());
        }
        for (int d = 0; d < choice.length; d++) {
            if (choice[d] >= 0) {
                residual[p.pairResource[choice[d]]] -= p.hours[d];
                onResource.get(p.pairResource[choice[d]]).add(d);
            }
        }
        for (int pass = 0; pass < 50; pass++) {
            boolean improved = false;
            for (int d = 0; d < choice.length; d++) {
                int current = choice[d];
                long base = current < 0 ? 0 : p.pairProfit[current];
                long bestGain = 0;
                int bestPair = -1;
                int ejected = -1;
                int ejectedTo = -1;
                for (int k : p.byDemand[d]) {
                    if (k == current || p.pairProfit[k] - base <= bestGain) {
                        continue; // byDemand is sorted: later pairs gain less, but an ejection might still pay
                    }
                    int r = p.pairResource[k];
                    long room = residual[r] + (current >= 0 && p.pairResource[current] == r ? p.hours[d] : 0);
                    if (room >= p.hours[d]) {
                        bestGain = p.pairProfit[k] - base;
                        bestPair = k;
                        ejected = -1;
                        continue;
                    }
                    if (current >= 0) {
                        continue; // ejections only to place an unmatched demand
                    }
                    for (int v : onResource.get(r)) {
                        if (room + p.hours[v] < p.hours[d]) {
                            continue;
                        }
                        long gain = p.pairProfit[k] - p.pairProfit[choice[v]];
                        int to = -1;
                        for (int kv : p.byDemand[v]) {
                            int r2 = p.pairResource[kv];
                            if (r2 != r && residual[r2] >= p.hours[v]) {
                                gain += p.pairProfit[kv];
                                to = kv;
                                break;
                            }
                        }
                        if (gain > bestGain) {
                            bestGain = gain;
                            bestPair = k;
                            ejected = v;
                            ejectedTo = to;
                        }
                    }
                }
                if (bestPair < 0) {
                    continue;
                }
                improved = true;
                if (ejected >= 0) {
                    int r = p.pairResource[choice[ejected]];
                    onResource.get(r).remove(Integer.valueOf(ejected));
                    residual[r] += p.hours[ejected];
                    choice[ejected] = ejectedTo;
                    if (ejectedTo >= 0) {
                        residual[p.pairResource[ejectedTo]] -= p.hours[ejected];
                        onResource.get(p.pairResource[ejectedTo]).add(ejected);
                    }
                }
                if (current >= 0) {
                    residual[p.pairResource[current]] += p.hours[d];
                    onResource.get(p.pairResource[current]).remove(Integer.valueOf(d));
                }
                choice[d] = bestPair;
                residual[p.pairResource[bestPair]] -= p.hours[d];
                onResource.get(p.pairResource[bestPair]).add(d);
            }
            if (!improved) {
                break;
            }
        }
    }

    /** Places the unmatched demands, most profitable first, on their best resource with room. */
    static void greedyFill(Problem p, int[] choice) {
        long[] residual = p.capacity.clone();
        for (int d = 0; d < choice.length; d++) {
            if (choice[d] >= 0) {
                residual[p.pairResource[choice[d]]] -= p.hours[d];
            }
        }
        List<Integer> open = new ArrayList<>();
        for (int d = 0; d < choice.length; d++) {
            if (choice[d] < 0 && p.byDemand[d].length > 0) {
                open.add(d);
            }
        }
        open.sort(Comparator.comparingLong((Integer d) -> -p.pairProfit[p.byDemand[d][0]]).thenComparingInt(d -> d));
        for (int d : open) {
            for (int k : p.byDemand[d]) {
                if (residual[p.pairResource[k]] >= p.hours[d]) {
                    choice[d] = k;
                    residual[p.pairResource[k]] -= p.hours[d];
                    break;
                }
            }
        }
    }

    private record CpResult(int[] choice, CpSolverStatus status, long boundProfit, long profit) {
    }

    /** CP-SAT on one component, hinted with the current plan; the choice array covers every demand. */
    private CpResult solveCpSat(Problem p, int component, int[] hint, double timeLimitSeconds) {
        CpModel model = new CpModel();
        List<Integer> pairs = new ArrayList<>();
        for (int d : p.componentDemands[component]) {
            for (int k : p.byDemand[d]) {
                pairs.add(k);
            }
        }
        Map<Integer, BoolVar> x = new HashMap<>();
        for (int k : pairs) {
            x.put(k, model.newBoolVar("x" + k));
        }
        for (int d : p.componentDemands[component]) {
            if (p.byDemand[d].length > 1) {
                model.addAtMostOne(Arrays.stream(p.byDemand[d]).mapToObj(x::get).toArray(BoolVar[]::new));
            }
        }
        for (int r : p.componentResources[component]) {
            int[] list = p.byResource[r];
            long sum = 0;
            BoolVar[] vars = new BoolVar[list.length];
            long[] coefficients = new long[list.length];
            for (int i = 0; i < list.length; i++) {
                vars[i] = x.get(list[i]);
                coefficients[i] = p.hours[p.pairDemand[list[i]]];
                sum += coefficients[i];
            }
            if (sum > p.capacity[r]) {
                model.addLessOrEqual(LinearExpr.weightedSum(vars, coefficients), p.capacity[r]);
            }
        }
        BoolVar[] all = pairs.stream().map(x::get).toArray(BoolVar[]::new);
        model.maximize(LinearExpr.weightedSum(all, pairs.stream().mapToLong(k -> p.pairProfit[k]).toArray()));
        for (int k : pairs) {
            model.addHint(x.get(k), hint[p.pairDemand[k]] == k);
        }
        CpSolver solver = new CpSolver();
        solver.getParameters().setMaxTimeInSeconds(Math.max(0.01, timeLimitSeconds));
        solver.getParameters().setNumWorkers(Math.max(1, options.workers()));
        if (Boolean.getBoolean("matching.cpsat.log")) {
            solver.getParameters().setLogSearchProgress(true);
            solver.setLogCallback(System.err::println);
        }
        CpSolverStatus status = RunningSolves.solve(solver, model);
        if (status != CpSolverStatus.OPTIMAL && status != CpSolverStatus.FEASIBLE) {
            return null;
        }
        int[] choice = hint.clone();
        long profit = 0;
        for (int d : p.componentDemands[component]) {
            choice[d] = -1;
        }
        for (int k : pairs) {
            if (solver.booleanValue(x.get(k))) {
                choice[p.pairDemand[k]] = k;
                profit += p.pairProfit[k];
            }
        }
        long bound = (long) Math.floor(solver.bestObjectiveBound() + 1e-6);
        return new CpResult(choice, status, status == CpSolverStatus.OPTIMAL ? profit : Math.max(bound, profit),
                profit);
    }

    private static long profit(Problem p, int[] choice) {
        long total = 0;
        for (int k : choice) {
            if (k >= 0) {
                total += p.pairProfit[k];
            }
        }
        return total;
    }

    private static long scaledTotal(Problem p, int[] choice) {
        long total = 0;
        for (int k : choice) {
            if (k >= 0) {
                total += p.pairScaled[k];
            }
        }
        return total;
    }

    // ---------------------------------------------------------------------------------------------------------

    private static List<Assignment> explain(Problem p, int[] choice) {
        long[] residual = p.capacity.clone();
        List<List<Integer>> assignedTo = new ArrayList<>();
        for (int r = 0; r < p.resources.size(); r++) {
            assignedTo.add(new ArrayList<>());
        }
        for (int d = 0; d < choice.length; d++) {
            if (choice[d] >= 0) {
                int r = p.pairResource[choice[d]];
                residual[r] -= p.hours[d];
                assignedTo.get(r).add(choice[d]);
            }
        }
        for (List<Integer> list : assignedTo) {
            list.sort(Comparator.comparingLong((Integer k) -> -p.pairScaled[k]).thenComparingInt(k -> k));
        }
        List<Assignment> out = new ArrayList<>();
        for (int d = 0; d < choice.length; d++) {
            int chosen = choice[d];
            if (chosen < 0) {
                continue;
            }
            DemandInput demand = p.demands.get(d);
            ResourceInput resource = p.resources.get(p.pairResource[chosen]);
            List<Alternative> alternatives = new ArrayList<>();
            for (int k : p.byDemand[d]) { // best profit first
                if (k == chosen) {
                    continue;
                }
                if (alternatives.size() == MAX_ALTERNATIVES) {
                    break;
                }
                alternatives.add(alternative(p, d, chosen, k, residual, assignedTo));
            }
            Map<String, Double> terms = p.given
                    ? Map.of("given", p.pairScaled[chosen] / (double) Scoring.SCALE)
                    : Scoring.terms(demand, resource, p.weights);
            out.add(new Assignment(demand.id(), resource.id(), resource.unitId(),
                    p.pairScaled[chosen] / (double) Scoring.SCALE, terms, alternatives));
        }
        return out;
    }

    private static Alternative alternative(Problem p, int d, int chosen, int k, long[] residual,
                                           List<List<Integer>> assignedTo) {
        int r = p.pairResource[k];
        ResourceInput res = p.resources.get(r);
        double score = p.pairScaled[k] / (double) Scoring.SCALE;
        double chosenScore = p.pairScaled[chosen] / (double) Scoring.SCALE;
        if (p.pairScaled[k] < p.pairScaled[chosen]) {
            return new Alternative(res.id(), res.unitId(), score, Alternative.Reason.LOWER_SCORE, List.of(),
                    String.format("scores %.4f, below the chosen %.4f", score, chosenScore));
        }
        if (residual[r] < p.hours[d]) {
            List<String> blocking = assignedTo.get(r).stream().limit(MAX_BLOCKING_LISTED)
                    .map(j -> p.demands.get(p.pairDemand[j]).id()).toList();
            return new Alternative(res.id(), res.unitId(), score, Alternative.Reason.CAPACITY_TAKEN, blocking,
                    String.format("scores %.4f but has %.1f h left of the %.1f h needed: its capacity went to %s",
                            score, residual[r] / 10.0, p.hours[d] / 10.0, String.join(", ", blocking)));
        }
        if (p.pairScaled[k] == p.pairScaled[chosen] && p.pairProfit[k] <= p.pairProfit[chosen]) {
            return new Alternative(res.id(), res.unitId(), score, Alternative.Reason.TIE_FAIRNESS, List.of(),
                    String.format("same score %.4f; the tie went to the unit with less load", score));
        }
        return new Alternative(res.id(), res.unitId(), score, Alternative.Reason.NOT_IMPROVED_IN_TIME, List.of(),
                String.format("scores %.4f and has room: the solver stopped at its time limit", score));
    }

    /** Exposed for tests and benchmarks: the lexicographic profit bound of the flow relaxation, in score units. */
    static double flowBound(MatchingInstance instance) {
        Native.load();
        Problem p = Problem.build(instance);
        long[] bound = new long[1];
        flowStart(p, bound);
        return (bound[0] / p.m) / (double) Scoring.SCALE;
    }

    static Map<String, Integer> pairCounts(MatchingInstance instance) {
        Problem p = Problem.build(instance);
        Map<String, Integer> counts = new LinkedHashMap<>();
        counts.put("demands", p.demands.size());
        counts.put("resources", p.resources.size());
        counts.put("pairs", p.pairCount());
        return counts;
    }
}
