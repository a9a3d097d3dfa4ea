package org.threelists.matchmaker.matching.exact;

import com.google.ortools.sat.BoolVar;
import com.google.ortools.sat.CpModel;
import com.google.ortools.sat.CpSolver;
import com.google.ortools.sat.CpSolverStatus;
import com.google.ortools.sat.LinearExpr;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.threelists.matchmaker.matching.model.Problem;

/**
 * One component solved exactly by CP-SAT: a 0/1 variable per pair, at most one pair per demand, the hours within
 * each resource's capacity, the largest lexicographic profit; the current plan is the hint. On the components the
 * engine gives it (up to {@code Solver.EXACT_MAX_PAIRS} pairs) it usually proves optimality in well under a second.
 */
public final class ComponentCpSat {

    private ComponentCpSat() {
    }

    /** What CP-SAT found on a component: the plan (every demand), how far it got, its bound and the plan's profit. */
    public record Result(int[] choice, CpSolverStatus status, long boundProfit, long profit) {

        public boolean optimal() {
            return status == CpSolverStatus.OPTIMAL;
        }
    }

    /**
     * CP-SAT's linearization level: 2 puts the knapsack rows and their cuts in its LP, which is what proves a sparse
     * component (LONG_TAIL's: at level 1 CP-SAT's bound on a 247-pair component stayed 5 % above the LP bound after
     * 10 s; at level 2 it proved the optimum in 0.14 s — tools/matching-lab ComponentGaps).
     */
    static int linearization() {
        return Integer.getInteger("matching.cpsat.linearization", 2);
    }

    /** CP-SAT on one component, hinted with the current plan; null when it found no plan in its time. */
    public static Result solve(Problem p, int component, int[] hint, double timeLimitSeconds, int workers) {
        long started = System.nanoTime(); // the limit covers building the model too
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
        solver.getParameters().setNumWorkers(Math.max(1, workers));
        solver.getParameters().setLinearizationLevel(linearization());
        if (Boolean.getBoolean("matching.cpsat.log")) {
            solver.getParameters().setLogSearchProgress(true);
            solver.setLogCallback(System.err::println);
        }
        CpSolverStatus status = CpSatRuns.solve(solver, model,
                started + (long) (Math.max(0.01, timeLimitSeconds) * 1e9));
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
        return new Result(choice, status, status == CpSolverStatus.OPTIMAL ? profit : Math.max(bound, profit),
                profit);
    }
}
