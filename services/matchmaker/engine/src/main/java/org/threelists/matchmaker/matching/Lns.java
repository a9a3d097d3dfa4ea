package org.threelists.matchmaker.matching;

import com.google.ortools.sat.BoolVar;
import com.google.ortools.sat.CpModel;
import com.google.ortools.sat.CpSolver;
import com.google.ortools.sat.CpSolverStatus;
import com.google.ortools.sat.LinearExpr;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Large neighbourhood search for big instances: repeatedly frees every demand of a few neighbouring resources (the
 * resources of one seed's demands' candidates, breadth first) together with the unmatched demands that could use
 * them, and re-solves that sub-problem exactly with CP-SAT, keeping the result when its profit is higher. The
 * sub-problems are small (tens of demands), so each solve takes milliseconds; the search is seeded (deterministic
 * order) and stops at the time limit or after a full round without improvement.
 */
final class Lns {

    private static final int RESOURCES_PER_NEIGHBOURHOOD = 3;

    private final MatchingEngine.Problem p;
    private final int[] choice;
    private final long deadline;
    private final List<List<Integer>> candidatesOf; // resource → demands with a pair to it

    Lns(MatchingEngine.Problem p, int[] choice, double timeLimitSeconds) {
        this.p = p;
        this.choice = choice;
        this.deadline = System.nanoTime() + (long) (timeLimitSeconds * 1e9);
        candidatesOf = new ArrayList<>();
        for (int r = 0; r < p.resources.size(); r++) {
            List<Integer> ds = new ArrayList<>();
            for (int k : p.byResource[r]) {
                ds.add(p.pairDemand[k]);
            }
            candidatesOf.add(ds);
        }
    }

    /** Runs the search; returns the number of improving moves. */
    int run() {
        Random rnd = new Random(17);
        int nR = p.resources.size();
        int moves = 0;
        int sinceImprovement = 0;
        while (System.nanoTime() < deadline && sinceImprovement < nR) {
            int seed = rnd.nextInt(nR);
            if (p.byResource[seed].length == 0) {
                sinceImprovement++;
                continue;
            }
            if (solveNeighbourhood(neighbourhood(seed, rnd))) {
                moves++;
                sinceImprovement = 0;
            } else {
                sinceImprovement++;
            }
        }
        return moves;
    }

    private List<Integer> neighbourhood(int seed, Random rnd) {
        LinkedHashSet<Integer> set = new LinkedHashSet<>();
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        queue.add(seed);
        while (!queue.isEmpty() && set.size() < RESOURCES_PER_NEIGHBOURHOOD) {
            int r = queue.poll();
            if (!set.add(r)) {
                continue;
            }
            List<Integer> ds = new ArrayList<>(candidatesOf.get(r));
            java.util.Collections.shuffle(ds, rnd);
            for (int d : ds.subList(0, Math.min(4, ds.size()))) {
                for (int k : p.byDemand[d]) {
                    if (!set.contains(p.pairResource[k])) {
                        queue.add(p.pairResource[k]);
                    }
                }
            }
        }
        return new ArrayList<>(set);
    }

    private boolean solveNeighbourhood(List<Integer> resources) {
        Set<Integer> inSet = new java.util.HashSet<>(resources);
        // free: demands on these resources, and unmatched demands that could use them
        LinkedHashSet<Integer> free = new LinkedHashSet<>();
        for (int r : resources) {
            for (int d : candidatesOf.get(r)) {
                if (choice[d] < 0 || inSet.contains(p.pairResource[choice[d]])) {
                    free.add(d);
                }
            }
        }
        List<Integer> pairs = new ArrayList<>();
        long current = 0;
        for (int d : free) {
            for (int k : p.byDemand[d]) {
                if (inSet.contains(p.pairResource[k])) {
                    pairs.add(k);
                }
            }
            if (choice[d] >= 0) {
                current += p.pairProfit[choice[d]];
            }
        }
        CpModel model = new CpModel();
        Map<Integer, BoolVar> x = new HashMap<>();
        Map<Integer, List<BoolVar>> perDemand = new HashMap<>();
        Map<Integer, List<BoolVar>> perResource = new HashMap<>();
        Map<Integer, List<Long>> weights = new HashMap<>();
        long[] profits = new long[pairs.size()];
        BoolVar[] all = new BoolVar[pairs.size()];
        for (int i = 0; i < pairs.size(); i++) {
            int k = pairs.get(i);
            BoolVar v = model.newBoolVar("x" + k);
            x.put(k, v);
            all[i] = v;
            profits[i] = p.pairProfit[k];
            perDemand.computeIfAbsent(p.pairDemand[k], d -> new ArrayList<>()).add(v);
            perResource.computeIfAbsent(p.pairResource[k], r -> new ArrayList<>()).add(v);
            weights.computeIfAbsent(p.pairResource[k], r -> new ArrayList<>()).add(p.hours[p.pairDemand[k]]);
            model.addHint(v, choice[p.pairDemand[k]] == k);
        }
        perDemand.values().forEach(vs -> {
            if (vs.size() > 1) {
                model.addAtMostOne(vs.toArray(BoolVar[]::new));
            }
        });
        perResource.forEach((r, vs) -> model.addLessOrEqual(
                LinearExpr.weightedSum(vs.toArray(BoolVar[]::new),
                        weights.get(r).stream().mapToLong(Long::longValue).toArray()), p.capacity[r]));
        model.maximize(LinearExpr.weightedSum(all, profits));
        CpSolver solver = new CpSolver();
        double left = (deadline - System.nanoTime()) / 1e9;
        solver.getParameters().setMaxTimeInSeconds(Math.max(0.01, Math.min(0.2, left)));
        solver.getParameters().setNumWorkers(1);
        CpSolverStatus status = solver.solve(model);
        if ((status != CpSolverStatus.OPTIMAL && status != CpSolverStatus.FEASIBLE)
                || Math.round(solver.objectiveValue()) <= current) {
            return false;
        }
        for (int d : free) {
            choice[d] = -1;
        }
        for (Map.Entry<Integer, BoolVar> e : x.entrySet()) {
            if (solver.booleanValue(e.getValue())) {
                choice[p.pairDemand[e.getKey()]] = e.getKey();
            }
        }
        return true;
    }

}
