package org.threelists.matchmaker.matching.solve;

import static org.threelists.matchmaker.matching.model.Profits.componentProfit;
import static org.threelists.matchmaker.matching.model.Profits.profit;
import static org.threelists.matchmaker.matching.model.Profits.scaledTotal;

import java.util.ArrayList;
import java.util.List;
import org.threelists.matchmaker.matching.MatchingEngine;
import org.threelists.matchmaker.matching.Scoring;
import org.threelists.matchmaker.matching.exact.ComponentCpSat;
import org.threelists.matchmaker.matching.model.Deadline;
import org.threelists.matchmaker.matching.model.Problem;
import org.threelists.matchmaker.matching.model.Trace;
import org.threelists.matchmaker.matching.relaxation.Relaxation;
import org.threelists.matchmaker.matching.search.Lns;
import org.threelists.matchmaker.matching.search.Repack;
import org.threelists.matchmaker.matching.search.StartPlan;

/**
 * How the engine spends its time on a problem, component by component (services/matchmaker/engine/README.md, "How"):
 * <ol>
 *   <li><b>Bound</b> ({@link Relaxation}): the LP relaxation as a min-cost flow, then a Lagrangian bound with one
 *       exact knapsack per resource, started from the LP's prices — both proven upper bounds.</li>
 *   <li><b>Start and local search.</b> The demands the flow does not split, a greedy fill ({@link StartPlan}), then
 *       {@link Repack}: exact dynamic-programming re-packs of two neighbouring resources at a time until none
 *       gains.</li>
 *   <li><b>CP-SAT.</b> Components of up to {@value #EXACT_MAX_PAIRS} pairs are solved exactly ({@link ComponentCpSat},
 *       usually proven optimal); on larger ones, CP-SAT re-solves neighbourhoods of a few resources ({@link Lns})
 *       until the time limit, or until the gap to the bound is at most the target gap.</li>
 * </ol>
 * "cp-sat:OPTIMAL" means every component is proven optimal by CP-SAT.
 */
public final class Solver {

    /** Components up to this many pairs are solved exactly by CP-SAT (from the local-search plan as a hint). */
    public static final int EXACT_MAX_PAIRS = 400;

    private final MatchingEngine.Options options;

    public Solver(MatchingEngine.Options options) {
        this.options = options;
    }

    /**
     * Plans every component of the problem (see the class comment) and stops searching at {@code deadline}
     * ({@link System#nanoTime()}). The relaxation and the start plan always run: they give the plan its bound and
     * a valid plan, and the flow cannot be interrupted; everything after them runs only while time is left.
     */
    public Solution solve(Problem p, long deadline) {
        int components = p.componentCount();
        Relaxation relaxation = new Relaxation(p);
        int[] choice = relaxation.solveFlow();
        Trace.log("flow: LP bound %.4f, start %.4f", relaxation.lpBound() / (double) p.m / Scoring.SCALE,
                scaledTotal(p, choice) / (double) Scoring.SCALE);
        StartPlan.greedyFill(p, choice);
        StartPlan.improve(p, choice, deadline);
        Trace.log("greedy fill + moves: %.4f", scaledTotal(p, choice) / (double) Scoring.SCALE);
        if (!Deadline.before(deadline)) {
            return startPlanOnly(p, relaxation, choice);
        }
        Repack repack = new Repack(p, choice);
        repack.run(deadline, null);
        Trace.log("repack: %.4f (%d moves, %d pairs evaluated)", scaledTotal(p, choice) / (double) Scoring.SCALE,
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
                if (!proven[c] && p.componentPairs(c) <= EXACT_MAX_PAIRS && Deadline.before(deadline)) {
                    double left = (deadline - System.nanoTime()) / 1e9;
                    ComponentCpSat.Result cp = ComponentCpSat.solve(p, c, choice, Math.min(left, Math.max(0.5,
                            options.timeLimitSeconds() / 20)), options.workers());
                    if (cp != null) {
                        if (cp.profit() > componentProfit(p, choice, c)) {
                            for (int d : p.componentDemands[c]) {
                                repack.assign(d, cp.choice()[d]);
                            }
                        }
                        bound[c] = Math.min(bound[c], cp.boundProfit());
                        if (cp.optimal()) {
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
            Trace.log("lagrangian: %d rounds, gap %.4f%%", rounds, 100 * gapOf(p, bound, primal));
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
            Trace.log("lns: %d moves, gap %.4f%%", lnsMoves, 100 * gapOf(p, bound, primal));
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

    /** The time ran out before the local search: the LP's start plan with the relaxation's bounds. */
    private Solution startPlanOnly(Problem p, Relaxation relaxation, int[] choice) {
        long boundScaled = 0;
        long lpScaled = 0;
        int provenCount = 0;
        for (int c = 0; c < p.componentCount(); c++) {
            long primal = componentProfit(p, choice, c);
            long b = Math.max(relaxation.componentBound[c], primal);
            if (b == primal) {
                provenCount++;
            }
            boundScaled += b / p.m;
            lpScaled += relaxation.componentLpBound[c] / p.m;
        }
        return new Solution(choice, boundScaled, lpScaled, "lp-rounding (time limit reached before the local search); "
                + provenCount + "/" + p.componentCount() + " components proven optimal", provenCount,
                p.componentCount());
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
}
