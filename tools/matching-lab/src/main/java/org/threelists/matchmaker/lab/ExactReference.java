package org.threelists.matchmaker.lab;

import org.threelists.matchmaker.matching.exact.CpSatRuns;

import com.google.ortools.Loader;
import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPObjective;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;
import com.google.ortools.sat.BoolVar;
import com.google.ortools.sat.CpModel;
import com.google.ortools.sat.CpSolver;
import com.google.ortools.sat.CpSolverStatus;
import com.google.ortools.sat.LinearExpr;
import java.util.ArrayList;
import java.util.List;
import org.threelists.matchmaker.matching.CandidatePair;
import org.threelists.matchmaker.matching.DemandInput;
import org.threelists.matchmaker.matching.MatchingInstance;
import org.threelists.matchmaker.matching.ResourceInput;
import org.threelists.matchmaker.matching.Scoring;
import org.threelists.matchmaker.matching.model.Problem;
import org.threelists.matchmaker.matching.relaxation.Relaxation;

/**
 * References the engine is measured against, built independently of its search: the pairs straight from
 * {@link Scoring#feasible} / {@link Scoring#score} (or the given candidates), the plain score objective (no
 * tie-break), hours in tenths as the engine counts them.
 *
 * <ul>
 *   <li>{@link #bruteForce}: every assignment of every demand to nothing or one of its resources (tiny instances);</li>
 *   <li>{@link #cpSat}: the whole instance as one CP-SAT model (an exact MIP-like model: one Boolean per pair, at
 *       most one per demand, one knapsack per resource); OPTIMAL is the optimum, otherwise its best bound;</li>
 *   <li>{@link #lpBound}: the LP relaxation with GLOP, an upper bound at every size;</li>
 *   <li>{@link #componentMip}: each connected component as a MIP solved by SCIP (bundled with OR-Tools), which
 *       proves sparse components CP-SAT does not (its cuts close the knapsacks' integrality gap); the sum of the
 *       components' optima when every one is proven, else the sum of what each proved (its optimum, or the smaller
 *       of its MIP bound and its LP bound): a bound on the optimum tighter than the LP.</li>
 * </ul>
 */
public final class ExactReference {

    private ExactReference() {
    }

    /** A reference value in score units; {@code exact} when it is the proven optimum, else an upper bound. */
    public record Result(String method, boolean exact, double value, double bound, long millis) {
    }

    private record Pairs(int[] demand, int[] resource, double[] score, long[] hours, long[] capacity) {
    }

    /** Above this many demand × resource checks, the pairs come from the engine's indexed pair finder, which a test
     *  holds equal to the plain enumeration below on generated instances. */
    private static final long PLAIN_MAX_CHECKS = 20_000_000L;

    private static Pairs pairs(MatchingInstance inst) {
        if (inst.candidates() == null
                && (long) inst.demands().size() * inst.resources().size() > PLAIN_MAX_CHECKS) {
            Problem p = Problem.build(inst);
            double[] scores = new double[p.pairCount()];
            for (int k = 0; k < scores.length; k++) {
                scores[k] = p.pairScaled[k] / (double) Scoring.SCALE;
            }
            return new Pairs(p.pairDemand, p.pairResource, scores, p.hours, p.capacity);
        }
        List<int[]> list = new ArrayList<>();
        List<Double> scores = new ArrayList<>();
        java.util.Map<String, Integer> dIndex = new java.util.HashMap<>();
        java.util.Map<String, Integer> rIndex = new java.util.HashMap<>();
        for (int i = 0; i < inst.demands().size(); i++) {
            dIndex.put(inst.demands().get(i).id(), i);
        }
        for (int j = 0; j < inst.resources().size(); j++) {
            rIndex.put(inst.resources().get(j).id(), j);
        }
        if (inst.candidates() != null) {
            for (CandidatePair c : inst.candidates()) {
                int d = dIndex.get(c.demandId());
                int r = rIndex.get(c.resourceId());
                if (Scoring.capacityFits(inst.demands().get(d), inst.resources().get(r))) {
                    list.add(new int[] {d, r});
                    scores.add(Scoring.round(c.score()));
                }
            }
        } else {
            for (int d = 0; d < inst.demands().size(); d++) {
                DemandInput dem = inst.demands().get(d);
                for (int r = 0; r < inst.resources().size(); r++) {
                    ResourceInput res = inst.resources().get(r);
                    if (Scoring.feasible(dem, res)) {
                        list.add(new int[] {d, r});
                        scores.add(Scoring.score(dem, res, inst.weights()));
                    }
                }
            }
        }
        return new Pairs(list.stream().mapToInt(a -> a[0]).toArray(), list.stream().mapToInt(a -> a[1]).toArray(),
                scores.stream().mapToDouble(Double::doubleValue).toArray(),
                inst.demands().stream().mapToLong(Scoring::demandTenths).toArray(),
                inst.resources().stream().mapToLong(Scoring::capacityTenths).toArray());
    }

    /** The optimum by enumeration: only for a handful of demands (the search is exponential). */
    public static Result bruteForce(MatchingInstance inst) {
        long started = System.nanoTime();
        Pairs p = pairs(inst);
        List<List<Integer>> byDemand = new ArrayList<>();
        for (int d = 0; d < inst.demands().size(); d++) {
            byDemand.add(new ArrayList<>());
        }
        for (int k = 0; k < p.demand.length; k++) {
            byDemand.get(p.demand[k]).add(k);
        }
        long best = search(p, byDemand, 0, p.capacity.clone());
        double value = best / (double) Scoring.SCALE;
        return new Result("brute force", true, value, value, (System.nanoTime() - started) / 1_000_000);
    }

    private static long search(Pairs p, List<List<Integer>> byDemand, int d, long[] capacity) {
        if (d == byDemand.size()) {
            return 0;
        }
        long best = search(p, byDemand, d + 1, capacity);
        for (int k : byDemand.get(d)) {
            int r = p.resource[k];
            if (capacity[r] >= p.hours[d]) {
                capacity[r] -= p.hours[d];
                best = Math.max(best, Scoring.scaled(p.score[k]) + search(p, byDemand, d + 1, capacity));
                capacity[r] += p.hours[d];
            }
        }
        return best;
    }

    /** The whole instance in CP-SAT, within a time limit. */
    public static Result cpSat(MatchingInstance inst, double timeLimitSeconds, int workers) {
        Loader.loadNativeLibraries();
        long started = System.nanoTime();
        Pairs p = pairs(inst);
        CpModel model = new CpModel();
        BoolVar[] x = new BoolVar[p.demand.length];
        long[] objective = new long[x.length];
        List<List<BoolVar>> perDemand = new ArrayList<>();
        List<List<BoolVar>> perResource = new ArrayList<>();
        List<List<Long>> weights = new ArrayList<>();
        inst.demands().forEach(d -> perDemand.add(new ArrayList<>()));
        inst.resources().forEach(r -> {
            perResource.add(new ArrayList<>());
            weights.add(new ArrayList<>());
        });
        for (int k = 0; k < x.length; k++) {
            x[k] = model.newBoolVar("x" + k);
            objective[k] = Scoring.scaled(p.score[k]);
            perDemand.get(p.demand[k]).add(x[k]);
            perResource.get(p.resource[k]).add(x[k]);
            weights.get(p.resource[k]).add(p.hours[p.demand[k]]);
        }
        perDemand.forEach(vs -> model.addAtMostOne(vs.toArray(BoolVar[]::new)));
        for (int r = 0; r < perResource.size(); r++) {
            model.addLessOrEqual(LinearExpr.weightedSum(perResource.get(r).toArray(BoolVar[]::new),
                    weights.get(r).stream().mapToLong(Long::longValue).toArray()), p.capacity[r]);
        }
        model.maximize(LinearExpr.weightedSum(x, objective));
        CpSolver solver = new CpSolver();
        solver.getParameters().setMaxTimeInSeconds(timeLimitSeconds);
        solver.getParameters().setNumWorkers(Math.max(1, workers));
        CpSolverStatus status = CpSatRuns.solve(solver, model);
        long millis = (System.nanoTime() - started) / 1_000_000;
        boolean solved = status == CpSolverStatus.OPTIMAL || status == CpSolverStatus.FEASIBLE;
        double value = solved ? Math.round(solver.objectiveValue()) / (double) Scoring.SCALE : 0;
        // without a solution CP-SAT's bound is not a proof of anything useful here
        double bound = solved ? Math.floor(solver.bestObjectiveBound() + 1e-6) / Scoring.SCALE
                : Double.POSITIVE_INFINITY;
        return new Result("cp-sat:" + status, status == CpSolverStatus.OPTIMAL, value,
                status == CpSolverStatus.OPTIMAL ? value : bound, millis);
    }

    /** Above this many pairs the LP is solved as the equivalent min-cost flow (GLOP takes minutes there). */
    /** One component's MIP answer, score units: its best plan, its proven bound (≤ its LP bound), and the plan. */
    public record ComponentResult(double value, double bound, boolean optimal, int[] choice, long millis) {
    }

    /**
     * Every component of {@code p} as a MIP (SCIP, one thread, {@code secondsPerComponent} each), on the plain score;
     * {@code exact} when every component is proven optimal, and {@code bound} the sum of the components' proven
     * bounds, each at most its LP bound (flow).
     */
    public static Result componentMip(Problem p, double secondsPerComponent) {
        Loader.loadNativeLibraries();
        long started = System.nanoTime();
        Relaxation lp = new Relaxation(p);
        lp.solveFlow();
        double value = 0;
        double bound = 0;
        int proven = 0;
        for (int c = 0; c < p.componentCount(); c++) {
            ComponentResult r = componentMip(p, c, secondsPerComponent);
            value += r.value();
            bound += Math.min(r.bound(), lp.componentLpBound[c] / (double) p.m / Scoring.SCALE);
            proven += r.optimal() ? 1 : 0;
        }
        boolean exact = proven == p.componentCount();
        return new Result("mip(scip) per component, " + proven + "/" + p.componentCount() + " proven", exact,
                exact ? value : bound, exact ? value : bound, (System.nanoTime() - started) / 1_000_000);
    }

    /** One component of {@code p} as a MIP solved by SCIP on the plain score (one thread). */
    public static ComponentResult componentMip(Problem p, int c, double seconds) {
        Loader.loadNativeLibraries();
        long started = System.nanoTime();
        MPSolver solver = MPSolver.createSolver("SCIP");
        solver.setTimeLimit(Math.max(1, (long) (seconds * 1000)));
        MPVariable[] x = new MPVariable[p.pairCount()];
        MPObjective objective = solver.objective();
        for (int d : p.componentDemands[c]) {
            MPConstraint one = solver.makeConstraint(0, 1);
            for (int k : p.byDemand[d]) {
                x[k] = solver.makeBoolVar("x" + k);
                one.setCoefficient(x[k], 1);
                objective.setCoefficient(x[k], p.pairScaled[k]);
            }
        }
        for (int r : p.componentResources[c]) {
            MPConstraint capacity = solver.makeConstraint(0, p.capacity[r]);
            for (int k : p.byResource[r]) {
                capacity.setCoefficient(x[k], p.hours[p.pairDemand[k]]);
            }
        }
        objective.setMaximization();
        // OR-Tools' default relative gap (1e-4) would call a plan 0.01 % short of the optimum optimal
        com.google.ortools.linearsolver.MPSolverParameters parameters =
                new com.google.ortools.linearsolver.MPSolverParameters();
        parameters.setDoubleParam(com.google.ortools.linearsolver.MPSolverParameters.DoubleParam.RELATIVE_MIP_GAP, 0);
        MPSolver.ResultStatus status = solver.solve(parameters);
        boolean found = status == MPSolver.ResultStatus.OPTIMAL || status == MPSolver.ResultStatus.FEASIBLE;
        int[] choice = new int[p.demands.size()];
        java.util.Arrays.fill(choice, -1);
        long value = 0;
        if (found) {
            for (int d : p.componentDemands[c]) {
                for (int k : p.byDemand[d]) {
                    if (x[k].solutionValue() > 0.5) {
                        choice[d] = k;
                        value += p.pairScaled[k];
                    }
                }
            }
        }
        // SCIP works in floating point: its bound rounded up (the score is integral in scaled units), with a margin
        double bound = Math.ceil(objective.bestBound() * (1 + 1e-9) - 1e-6);
        boolean optimal = status == MPSolver.ResultStatus.OPTIMAL;
        solver.delete();
        return new ComponentResult(value / (double) Scoring.SCALE,
                Math.max(bound, value) / Scoring.SCALE, optimal, choice,
                (System.nanoTime() - started) / 1_000_000);
    }

    static final int GLOP_MAX_PAIRS = 400_000;

    /** The LP relaxation (x ∈ [0,1]) with GLOP, or as a min-cost flow on big instances: an upper bound. */
    public static Result lpBound(MatchingInstance inst) {
        Loader.loadNativeLibraries();
        long started = System.nanoTime();
        Pairs p = pairs(inst);
        if (p.demand.length > GLOP_MAX_PAIRS) {
            double bound = Relaxation.flowBound(Problem.build(inst));
            return new Result("lp(min-cost flow)", false, bound, bound, (System.nanoTime() - started) / 1_000_000);
        }
        MPSolver solver = MPSolver.createSolver("GLOP");
        MPVariable[] x = new MPVariable[p.demand.length];
        MPConstraint[] perDemand = new MPConstraint[inst.demands().size()];
        MPConstraint[] perResource = new MPConstraint[inst.resources().size()];
        for (int d = 0; d < perDemand.length; d++) {
            perDemand[d] = solver.makeConstraint(0, 1);
        }
        for (int r = 0; r < perResource.length; r++) {
            perResource[r] = solver.makeConstraint(0, p.capacity[r]);
        }
        MPObjective objective = solver.objective();
        for (int k = 0; k < x.length; k++) {
            x[k] = solver.makeNumVar(0, 1, "x" + k);
            perDemand[p.demand[k]].setCoefficient(x[k], 1);
            perResource[p.resource[k]].setCoefficient(x[k], p.hours[p.demand[k]]);
            objective.setCoefficient(x[k], Scoring.scaled(p.score[k]));
        }
        objective.setMaximization();
        MPSolver.ResultStatus status = solver.solve();
        if (status != MPSolver.ResultStatus.OPTIMAL) {
            throw new IllegalStateException("LP relaxation not solved: " + status);
        }
        // GLOP works in floating point: round up, with a margin for its tolerances
        double bound = Math.ceil(objective.value() * (1 + 1e-9) + 1e-6) / Scoring.SCALE;
        solver.delete();
        return new Result("lp(glop)", false, bound, bound, (System.nanoTime() - started) / 1_000_000);
    }
}
