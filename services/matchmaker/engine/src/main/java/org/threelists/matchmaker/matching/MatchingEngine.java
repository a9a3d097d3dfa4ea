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
 * problem), then explains each assignment and bundles the assignments into proposed projects.
 *
 * <h2>How it solves</h2>
 * <ol>
 *   <li><b>Pairs.</b> The feasible pairs ({@link Scoring}), or the given candidates. Hours in tenths of an hour.</li>
 *   <li><b>Objective, lexicographic.</b> Each pair's profit is {@code scaledScore · M + tieBreak}, where
 *       scaledScore = score / 1e-4, tieBreak = round(10 · fairness of the unit) ∈ [0,10], and M = 10 · demands + 1:
 *       the tie-breaks of a whole plan never add up to one unit of score, so the engine first maximises the total
 *       score exactly and only among plans of equal score prefers units with less load.</li>
 *   <li><b>Min-cost-flow relaxation</b> ({@link MinCostFlow}): every demand may send its hours, split, to its
 *       resources at a profit of ceil(profit / hours) per tenth of an hour. Its optimum is the LP relaxation of the
 *       problem (rounded up), hence a proven upper bound: {@link MatchingPlan#flowBound()}. Demands whose flow is not
 *       split form a feasible start; the rest are placed greedily by profit.</li>
 *   <li><b>CP-SAT</b> ({@link CpModel}): one Boolean per pair, at most one per demand, a knapsack per resource
 *       whose candidates could overflow it, the start as a hint, a time limit. OPTIMAL means proven optimal;
 *       otherwise the plan reports the best bound (min of CP-SAT's and the flow bound) and the relative gap.</li>
 * </ol>
 */
public final class MatchingEngine {

    /** @param timeLimitSeconds CP-SAT's wall-time limit; @param workers CP-SAT's search workers; @param useCpSat false
     *  = flow rounding only (fast, with the same bound). */
    public record Options(double timeLimitSeconds, int workers, boolean useCpSat) {
        public static final Options DEFAULTS = new Options(10.0, 8, true);
    }

    /** Up to this many pairs, CP-SAT solves the whole instance (and usually proves it optimal); above, large
     *  neighbourhood search with CP-SAT on groups of resources, bounded by the flow relaxation. */
    static final int GLOBAL_CP_SAT_MAX_PAIRS = 5_000;

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

        long[] flowBoundProfit = new long[1];
        int[] choice = flowStart(p, flowBoundProfit);
        long flowBoundScaled = flowBoundProfit[0] / p.m;
        String method = "flow-rounding";
        long boundScaled = flowBoundScaled;

        if (options.useCpSat() && p.pairCount() > GLOBAL_CP_SAT_MAX_PAIRS) {
            int moves = new Lns(p, choice, options.timeLimitSeconds()).run();
            method = "flow-rounding+lns(cp-sat, " + moves + " improving moves)";
        } else if (options.useCpSat() && p.pairCount() > 0) {
            CpResult cp = solveCpSat(p, choice);
            if (cp != null) {
                if (profit(p, cp.choice) >= profit(p, choice)) {
                    choice = cp.choice;
                }
                method = "cp-sat:" + cp.status + (cp.status == CpSolverStatus.OPTIMAL ? "" : "(time limit)");
                boundScaled = Math.min(boundScaled, cp.boundProfit / p.m);
                if (cp.status == CpSolverStatus.OPTIMAL) {
                    boundScaled = Math.min(boundScaled, scaledTotal(p, choice));
                }
            }
        }
        long objScaled = scaledTotal(p, choice);
        boundScaled = Math.max(boundScaled, objScaled);
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
        return new MatchingPlan(assignments, unmatched, objective, upper, gap, millis, method, projects,
                flowBoundScaled / (double) Scoring.SCALE);
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

        private Problem(List<DemandInput> demands, List<ResourceInput> resources, Weights weights, boolean given,
                        List<long[]> pairs) {
            this.demands = demands;
            this.resources = resources;
            this.weights = weights;
            this.given = given;
            this.m = (long) TIE_BREAK * demands.size() + 1;
            hours = demands.stream().mapToLong(Scoring::demandTenths).toArray();
            capacity = resources.stream().mapToLong(Scoring::capacityTenths).toArray();
            int n = pairs.size();
            pairDemand = new int[n];
            pairResource = new int[n];
            pairScaled = new long[n];
            pairProfit = new long[n];
            long[] tieBreak = resources.stream().mapToLong(r -> Math.round(TIE_BREAK * Scoring.fairness(r))).toArray();
            int[] dCount = new int[demands.size()];
            int[] rCount = new int[resources.size()];
            for (int k = 0; k < n; k++) {
                long[] pair = pairs.get(k);
                pairDemand[k] = (int) pair[0];
                pairResource[k] = (int) pair[1];
                pairScaled[k] = pair[2];
                pairProfit[k] = pair[2] * m + tieBreak[pairResource[k]];
                dCount[pairDemand[k]]++;
                rCount[pairResource[k]]++;
            }
            byDemand = group(pairDemand, dCount);
            byResource = group(pairResource, rCount);
            for (int[] list : byDemand) {
                sortByProfitDesc(list);
            }
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

        private void sortByProfitDesc(int[] list) {
            Integer[] boxed = Arrays.stream(list).boxed().toArray(Integer[]::new);
            Arrays.sort(boxed, Comparator.comparingLong((Integer k) -> -pairProfit[k]).thenComparingInt(k -> k));
            for (int i = 0; i < list.length; i++) {
                list[i] = boxed[i];
            }
        }

        int pairCount() {
            return pairDemand.length;
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
            List<long[]> pairs = new ArrayList<>();
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
                        pairs.add(new long[] {d, r, Scoring.scaled(c.score())});
                    }
                }
            } else {
                Map<String, List<Integer>> byCell = new HashMap<>();
                for (int r = 0; r < resources.size(); r++) {
                    ResourceInput res = resources.get(r);
                    for (String category : new HashSet<>(res.categories())) {
                        for (String community : new HashSet<>(res.serviceArea())) {
                            byCell.computeIfAbsent(category + "\u0000" + community, k -> new ArrayList<>()).add(r);
                        }
                    }
                }
                for (int d = 0; d < demands.size(); d++) {
                    DemandInput dem = demands.get(d);
                    for (int r : byCell.getOrDefault(dem.category() + "\u0000" + dem.communityCode(), List.of())) {
                        ResourceInput res = resources.get(r);
                        if (Scoring.feasible(dem, res)) {
                            pairs.add(new long[] {d, r, Scoring.scaled(Scoring.score(dem, res, instance.weights()))});
                        }
                    }
                }
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

    // ---------------------------------------------------------------------------------------------------------

    /**
     * Solves the min-cost-flow relaxation; returns a feasible start (pair index per demand, −1 = unmatched) and puts
     * the proven upper bound on the lexicographic profit into {@code boundOut[0]}.
     */
    static int[] flowStart(Problem p, long[] boundOut) {
        int nD = p.demands.size();
        int nR = p.resources.size();
        int[] choice = new int[nD];
        Arrays.fill(choice, -1);
        if (p.pairCount() == 0) {
            boundOut[0] = 0;
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
        long totalHours = 0;
        for (int k = 0; k < p.pairCount(); k++) {
            pairArc[k] = flow.addArcWithCapacityAndUnitCost(p.pairDemand[k], nD + p.pairResource[k],
                    p.hours[p.pairDemand[k]], c - unitProfit[k]);
        }
        for (int d = 0; d < nD; d++) {
            if (p.byDemand[d].length > 0) {
                flow.addArcWithCapacityAndUnitCost(d, sink, p.hours[d], c); // unmatched: no profit
                flow.setNodeSupply(d, p.hours[d]);
                totalHours += p.hours[d];
            }
        }
        for (int r = 0; r < nR; r++) {
            if (p.byResource[r].length > 0) {
                flow.addArcWithCapacityAndUnitCost(nD + r, sink, p.capacity[r], 0);
            }
        }
        flow.setNodeSupply(sink, -totalHours);
        MinCostFlowBase.Status status = flow.solve();
        if (status != MinCostFlowBase.Status.OPTIMAL) {
            throw new IllegalStateException("min-cost flow relaxation failed: " + status);
        }
        boundOut[0] = Math.multiplyExact(c, totalHours) - flow.getOptimalCost();

        long[] residual = p.capacity.clone();
        for (int k = 0; k < p.pairCount(); k++) {
            int d = p.pairDemand[k];
            if (flow.getFlow(pairArc[k]) == p.hours[d] && choice[d] < 0) {
                choice[d] = k;
                residual[p.pairResource[k]] -= p.hours[d];
            }
        }
        flow.delete();
        greedyFill(p, choice, residual);
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
    private static void greedyFill(Problem p, int[] choice, long[] residual) {
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

    private record CpResult(int[] choice, CpSolverStatus status, long boundProfit) {
    }

    private CpResult solveCpSat(Problem p, int[] hint) {
        CpModel model = new CpModel();
        BoolVar[] x = new BoolVar[p.pairCount()];
        for (int k = 0; k < x.length; k++) {
            x[k] = model.newBoolVar("x" + k);
        }
        for (int d = 0; d < p.demands.size(); d++) {
            if (p.byDemand[d].length > 1) {
                BoolVar[] vars = new BoolVar[p.byDemand[d].length];
                for (int i = 0; i < vars.length; i++) {
                    vars[i] = x[p.byDemand[d][i]];
                }
                model.addAtMostOne(vars);
            }
        }
        for (int r = 0; r < p.resources.size(); r++) {
            int[] list = p.byResource[r];
            long sum = 0;
            BoolVar[] vars = new BoolVar[list.length];
            long[] coefficients = new long[list.length];
            for (int i = 0; i < list.length; i++) {
                vars[i] = x[list[i]];
                coefficients[i] = p.hours[p.pairDemand[list[i]]];
                sum += coefficients[i];
            }
            if (sum > p.capacity[r]) {
                model.addLessOrEqual(LinearExpr.weightedSum(vars, coefficients), p.capacity[r]);
            }
        }
        model.maximize(LinearExpr.weightedSum(x, p.pairProfit));
        for (int d = 0; d < hint.length; d++) {
            for (int k : p.byDemand[d]) {
                model.addHint(x[k], hint[d] == k);
            }
        }
        CpSolver solver = new CpSolver();
        solver.getParameters().setMaxTimeInSeconds(options.timeLimitSeconds());
        solver.getParameters().setNumWorkers(Math.max(1, options.workers()));
        if (Boolean.getBoolean("matching.cpsat.log")) {
            solver.getParameters().setLogSearchProgress(true);
            solver.setLogCallback(System.err::println);
        }
        CpSolverStatus status = solver.solve(model);
        if (status != CpSolverStatus.OPTIMAL && status != CpSolverStatus.FEASIBLE) {
            return null;
        }
        int[] choice = new int[p.demands.size()];
        Arrays.fill(choice, -1);
        for (int k = 0; k < x.length; k++) {
            if (solver.booleanValue(x[k])) {
                choice[p.pairDemand[k]] = k;
            }
        }
        long bound = (long) Math.floor(solver.bestObjectiveBound() + 1e-6);
        return new CpResult(choice, status, bound);
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
