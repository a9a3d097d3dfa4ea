package org.threelists.matchmaker.lab;

import com.google.ortools.sat.BoolVar;
import com.google.ortools.sat.CpModel;
import com.google.ortools.sat.CpSolver;
import com.google.ortools.sat.CpSolverStatus;
import com.google.ortools.sat.LinearExpr;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.threelists.matchmaker.matching.MatchingEngine;
import org.threelists.matchmaker.matching.MatchingInstance;
import org.threelists.matchmaker.matching.Scoring;
import org.threelists.matchmaker.matching.exact.CpSatRuns;
import org.threelists.matchmaker.matching.model.Problem;
import org.threelists.matchmaker.matching.relaxation.Relaxation;
import org.threelists.matchmaker.matching.solve.Solution;
import org.threelists.matchmaker.matching.solve.Solver;

/**
 * Where a plan's gap to the LP bound lies, component by component, and whether the LP bound or the plan is what is
 * short there: plans a generated instance with the engine's solver, then solves each component again with CP-SAT on
 * the plain score (no tie-break, so its proof is about the score the ratios are of), hinted with the engine's plan.
 * A component CP-SAT proves optimal says how far the engine's plan is from the optimum and how loose the LP is there.
 *
 * <pre>ComponentGaps demands resources shape engineSeconds secondsPerComponent [seed] [workers]</pre>
 * with {@code -Dgaps.mip=SCIP} the components go to SCIP ({@link ExactReference#componentMip}) instead of CP-SAT;
 * {@code -Dgaps.only=C} takes component C alone, {@code -Dgaps.linearization=L} sets CP-SAT's linearization level.
 */
public final class ComponentGaps {

    private ComponentGaps() {
    }

    public static void main(String[] args) {
        int demands = Integer.parseInt(args[0]);
        int resources = Integer.parseInt(args[1]);
        Shape shape = Shape.valueOf(args[2]);
        double engineSeconds = Double.parseDouble(args[3]);
        double cpSeconds = Double.parseDouble(args[4]);
        long seed = args.length > 5 ? Long.parseLong(args[5]) : 42;
        int workers = args.length > 6 ? Integer.parseInt(args[6]) : 2;
        MatchingInstance instance = new InstanceGenerator(seed, demands, resources, shape).generate();
        new MatchingEngine(new MatchingEngine.Options(engineSeconds, 2, true), false); // native libraries
        Problem p = Problem.build(instance);
        Solution s = new Solver(new MatchingEngine.Options(engineSeconds, 2, true))
                .solve(p, System.nanoTime() + (long) (engineSeconds * 1e9));
        Relaxation lp = new Relaxation(p);
        lp.solveFlow();
        System.out.printf(Locale.ROOT, "%s %d×%d seed %d: %d pairs, %d components; engine %s%n", shape, demands,
                resources, seed, p.pairCount(), p.componentCount(), s.method());
        System.out.println("| component | demands | resources | pairs | plan | LP | engine bound | exact | exact value"
                + " | exact bound | plan ÷ LP | plan ÷ exact bound | exact bound ÷ LP |");
        System.out.println("|--:|--:|--:|--:|--:|--:|--:|---|--:|--:|--:|--:|--:|");
        double planSum = 0;
        double lpSum = 0;
        double cpValueSum = 0;
        double cpBoundSum = 0;
        int provenAll = 0;
        for (int c = 0; c < p.componentCount(); c++) {
            if (Integer.getInteger("gaps.only", -1) >= 0 && c != Integer.getInteger("gaps.only")) {
                continue;
            }
            double plan = 0;
            for (int d : p.componentDemands[c]) {
                if (s.choice()[d] >= 0) {
                    plan += p.pairScaled[s.choice()[d]];
                }
            }
            plan /= Scoring.SCALE;
            double lpc = lp.componentLpBound[c] / (double) p.m / Scoring.SCALE;
            double engineBound = s.componentBoundScaled()[c] / (double) Scoring.SCALE;
            double[] cp = System.getProperty("gaps.mip") != null
                    ? mip(p, c, s.choice(), cpSeconds) : cpSat(p, c, s.choice(), cpSeconds, workers);
            String status = (System.getProperty("gaps.mip") != null ? "mip " : "cp-sat ")
                    + (cp[2] == 1 ? "OPTIMAL" : "not proven");
            provenAll += cp[2] == 1 ? 1 : 0;
            planSum += plan;
            lpSum += lpc;
            cpValueSum += Math.max(cp[0], plan);
            cpBoundSum += Math.min(cp[1], lpc);
            System.out.printf(Locale.ROOT, "| %d | %d | %d | %d | %.4f | %.4f | %.4f | %s | %.4f | %.4f | %.5f | %.5f | %.5f |%n",
                    c, p.componentDemands[c].length, p.componentResources[c].length, p.componentPairs(c), plan, lpc,
                    engineBound, status, cp[0], cp[1], plan / lpc, plan / cp[1], cp[1] / lpc);
        }
        System.out.printf(Locale.ROOT, "total: plan %.4f, LP %.4f, best known %.4f, proven bound %.4f (%d/%d components"
                        + " proven); plan ÷ LP %.5f, plan ÷ proven bound %.5f, best known ÷ LP %.5f%n", planSum, lpSum,
                cpValueSum, cpBoundSum, provenAll, p.componentCount(), planSum / lpSum, planSum / cpBoundSum,
                cpValueSum / lpSum);
    }

    /** SCIP on one component ({@link ExactReference#componentMip}), and which demands its optimum places elsewhere. */
    private static double[] mip(Problem p, int c, int[] plan, double seconds) {
        ExactReference.ComponentResult r = ExactReference.componentMip(p, c, seconds);
        java.util.Set<Integer> touched = new java.util.TreeSet<>();
        int moved = 0;
        for (int d : p.componentDemands[c]) {
            if (r.choice()[d] != plan[d]) {
                moved++;
                if (r.choice()[d] >= 0) {
                    touched.add(p.pairResource[r.choice()[d]]);
                }
                if (plan[d] >= 0) {
                    touched.add(p.pairResource[plan[d]]);
                }
            }
        }
        System.err.printf(Locale.ROOT, "component %d: mip %s in %d ms; it places %d demands otherwise, over %d"
                + " resources%n", c, r.optimal() ? "OPTIMAL" : "not proven", r.millis(), moved, touched.size());
        return new double[] {r.value(), r.bound(), r.optimal() ? 1 : 0};
    }

    /** CP-SAT on one component's plain score: {value, bound, 1 if optimal}. */
    private static double[] cpSat(Problem p, int c, int[] hint, double seconds, int workers) {
        CpModel model = new CpModel();
        List<Integer> pairs = new ArrayList<>();
        for (int d : p.componentDemands[c]) {
            for (int k : p.byDemand[d]) {
                pairs.add(k);
            }
        }
        BoolVar[] x = new BoolVar[p.pairCount()];
        for (int k : pairs) {
            x[k] = model.newBoolVar("x" + k);
        }
        for (int d : p.componentDemands[c]) {
            model.addAtMostOne(Arrays.stream(p.byDemand[d]).mapToObj(k -> x[k]).toArray(BoolVar[]::new));
        }
        for (int r : p.componentResources[c]) {
            int[] list = p.byResource[r];
            BoolVar[] vars = new BoolVar[list.length];
            long[] coefficients = new long[list.length];
            for (int i = 0; i < list.length; i++) {
                vars[i] = x[list[i]];
                coefficients[i] = p.hours[p.pairDemand[list[i]]];
            }
            model.addLessOrEqual(LinearExpr.weightedSum(vars, coefficients), p.capacity[r]);
        }
        BoolVar[] all = pairs.stream().map(k -> x[k]).toArray(BoolVar[]::new);
        model.maximize(LinearExpr.weightedSum(all, pairs.stream().mapToLong(k -> p.pairScaled[k]).toArray()));
        for (int k : pairs) {
            model.addHint(x[k], hint[p.pairDemand[k]] == k);
        }
        CpSolver solver = new CpSolver();
        solver.getParameters().setMaxTimeInSeconds(seconds);
        solver.getParameters().setNumWorkers(workers);
        if (Integer.getInteger("gaps.linearization", -1) >= 0) {
            solver.getParameters().setLinearizationLevel(Integer.getInteger("gaps.linearization"));
        }
        if (Boolean.getBoolean("gaps.log")) {
            solver.getParameters().setLogSearchProgress(true);
            solver.setLogCallback(System.err::println);
        }
        long started = System.nanoTime();
        CpSolverStatus status = CpSatRuns.solve(solver, model);
        System.err.printf(Locale.ROOT, "component %d: cp-sat %s in %d ms%n", c, status,
                (System.nanoTime() - started) / 1_000_000);
        double value = status == CpSolverStatus.OPTIMAL || status == CpSolverStatus.FEASIBLE
                ? solver.objectiveValue() / Scoring.SCALE : 0;
        return new double[] {value, solver.bestObjectiveBound() / Scoring.SCALE,
                status == CpSolverStatus.OPTIMAL ? 1 : 0};
    }
}
