package org.threelists.matchmaker.matching.search;

import com.google.ortools.sat.BoolVar;
import com.google.ortools.sat.CpModel;
import com.google.ortools.sat.CpSolver;
import com.google.ortools.sat.CpSolverStatus;
import com.google.ortools.sat.LinearExpr;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.BooleanSupplier;
import org.threelists.matchmaker.matching.exact.CpSatRuns;
import org.threelists.matchmaker.matching.model.Deadline;
import org.threelists.matchmaker.matching.model.Problem;

/**
 * Large neighbourhood search for what the two-resource re-packing cannot reach: repeatedly frees every demand of a
 * few neighbouring resources (a seed, preferably one with unused capacity — where the gap is — and some of its
 * neighbours) together with the unmatched demands that could use them, re-solves that sub-problem with CP-SAT from
 * the current plan as a hint, and keeps the result when its profit is higher, then lets {@link Repack} propagate the
 * change. Seeded, so the same instance gives the same plan when the time limit is not hit.
 */
public final class Lns {

    private static final int RESOURCES_PER_NEIGHBOURHOOD = 5;

    private final Problem p;
    private final int[] choice;
    private final Repack repack;
    private final Random rnd = new Random(17);
    private long deadline;
    private int moves;
    private int tries;
    private boolean exhausted;

    public Lns(Problem p, int[] choice, Repack repack) {
        this.p = p;
        this.choice = choice;
        this.repack = repack;
    }

    /**
     * Searches among the given resources until the deadline or {@code done}; returns the improving moves so far.
     * Called again, it goes on where it stopped (the same random sequence), so a search may run in time slices.
     */
    public int run(int[] resources, long deadlineNanos, BooleanSupplier done) {
        if (resources.length < 3) {
            exhausted = true;
            return 0;
        }
        this.deadline = deadlineNanos;
        while (Deadline.before(deadline) && !done.getAsBoolean()) {
            int seed = resources[rnd.nextInt(resources.length)];
            if (repack.residual(seed) == 0 && rnd.nextInt(4) != 0) {
                continue;
            }
            tries++;
            if (tries > 50 * resources.length && moves == 0) {
                exhausted = true; // nothing to gain here
                break;
            }
            List<Integer> set = neighbourhood(seed, rnd);
            if (solveNeighbourhood(set)) {
                moves++;
                repack.run(deadline, set.stream().mapToInt(Integer::intValue).toArray());
            }
        }
        return moves;
    }

    public int moves() {
        return moves;
    }

    /** True when many neighbourhoods in a row gained nothing: more time here is not worth it. */
    public boolean exhausted() {
        return exhausted;
    }

    private List<Integer> neighbourhood(int seed, Random rnd) {
        LinkedHashSet<Integer> set = new LinkedHashSet<>();
        set.add(seed);
        int[] near = repack.neighbours(seed);
        int pool = Math.min(near.length, 2 * RESOURCES_PER_NEIGHBOURHOOD);
        List<Integer> candidates = new ArrayList<>();
        for (int i = 0; i < pool; i++) {
            candidates.add(near[i]);
        }
        java.util.Collections.shuffle(candidates, rnd);
        for (int r : candidates) {
            if (set.size() >= RESOURCES_PER_NEIGHBOURHOOD) {
                break;
            }
            set.add(r);
        }
        return new ArrayList<>(set);
    }

    private boolean solveNeighbourhood(List<Integer> resources) {
        java.util.Set<Integer> inSet = new java.util.HashSet<>(resources);
        LinkedHashSet<Integer> free = new LinkedHashSet<>();
        for (int r : resources) {
            for (int k : p.byResource[r]) {
                int d = p.pairDemand[k];
                if (choice[d] < 0 || inSet.contains(p.pairResource[choice[d]])) {
                    free.add(d);
                }
            }
        }
        List<Integer> pairs = new ArrayList<>();
        long current = 0;
        CpModel model = new CpModel();
        Map<Integer, BoolVar> x = new HashMap<>();
        Map<Integer, List<BoolVar>> perResource = new HashMap<>();
        Map<Integer, List<Long>> weights = new HashMap<>();
        for (int d : free) {
            List<BoolVar> mine = new ArrayList<>();
            for (int k : p.byDemand[d]) {
                if (inSet.contains(p.pairResource[k])) {
                    BoolVar v = model.newBoolVar("x" + k);
                    x.put(k, v);
                    pairs.add(k);
                    mine.add(v);
                    perResource.computeIfAbsent(p.pairResource[k], r -> new ArrayList<>()).add(v);
                    weights.computeIfAbsent(p.pairResource[k], r -> new ArrayList<>()).add(p.hours[d]);
                    model.addHint(v, choice[d] == k);
                }
            }
            if (mine.size() > 1) {
                model.addAtMostOne(mine.toArray(BoolVar[]::new));
            }
            if (choice[d] >= 0) {
                current += p.pairProfit[choice[d]];
            }
        }
        perResource.forEach((r, vs) -> model.addLessOrEqual(
                LinearExpr.weightedSum(vs.toArray(BoolVar[]::new),
                        weights.get(r).stream().mapToLong(Long::longValue).toArray()), p.capacity[r]));
        BoolVar[] all = pairs.stream().map(x::get).toArray(BoolVar[]::new);
        model.maximize(LinearExpr.weightedSum(all, pairs.stream().mapToLong(k -> p.pairProfit[k]).toArray()));
        CpSolver solver = new CpSolver();
        double left = (deadline - System.nanoTime()) / 1e9;
        solver.getParameters().setMaxTimeInSeconds(Math.max(0.01, Math.min(0.5, left)));
        solver.getParameters().setNumWorkers(1);
        solver.getParameters().setRandomSeed(1);
        CpSolverStatus status = CpSatRuns.solve(solver, model, deadline);
        if ((status != CpSolverStatus.OPTIMAL && status != CpSolverStatus.FEASIBLE)
                || Math.round(solver.objectiveValue()) <= current) {
            return false;
        }
        for (int d : free) {
            repack.assign(d, -1);
        }
        for (Map.Entry<Integer, BoolVar> e : x.entrySet()) {
            if (solver.booleanValue(e.getValue())) {
                repack.assign(p.pairDemand[e.getKey()], e.getKey());
            }
        }
        return true;
    }
}
