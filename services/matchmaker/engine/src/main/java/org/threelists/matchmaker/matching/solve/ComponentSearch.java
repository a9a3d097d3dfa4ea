package org.threelists.matchmaker.matching.solve;

import static org.threelists.matchmaker.matching.model.Profits.componentProfit;

import org.threelists.matchmaker.matching.MatchingEngine;
import org.threelists.matchmaker.matching.exact.ComponentCpSat;
import org.threelists.matchmaker.matching.model.Problem;
import org.threelists.matchmaker.matching.search.Lns;
import org.threelists.matchmaker.matching.search.Repack;

/**
 * The search on one component, in steps that can be run in time slices ({@link Slices}): the one-resource re-packs
 * with pulls until none gains, the two-resource re-pack to its local optimum, then the exact step (the re-pack's own
 * proof on one or two resources, CP-SAT on small components), then CP-SAT neighbourhood search until the component's
 * gap reaches the target. A component shares nothing with another but its disjoint entries of the plan, so
 * components run on different threads.
 */
final class ComponentSearch {

    enum Step { PULL, REPACK, LNS, DONE }

    final int component;
    private final Problem p;
    private final int[] choice;
    private final MatchingEngine.Options options;
    private final Repack repack;
    private final Lns lns;
    Step step = Step.PULL;
    /** The component's best proven bound, profit units. */
    volatile long bound;
    /** The profit of the component's plan; updated after every slice. */
    volatile long primal;
    boolean proven;
    boolean byCpSat;

    ComponentSearch(Problem p, int component, int[] choice, long bound, MatchingEngine.Options options) {
        this.p = p;
        this.component = component;
        this.choice = choice;
        this.options = options;
        this.bound = bound;
        this.repack = new Repack(p, choice, p.componentResources[component]);
        this.lns = new Lns(p, choice, repack);
        this.primal = componentProfit(p, choice, component);
    }

    /** What is still open: bound − plan, profit units (the scheduler spends the time where this is largest). */
    long openGap() {
        return Math.max(0, bound - primal);
    }

    boolean reachedTarget(double targetGap) {
        long b = Math.max(bound, primal);
        return b <= 0 || (b - primal) <= targetGap * b;
    }

    /** Runs the current step until {@code sliceDeadline}; moves to the next step when this one is finished. */
    void runSlice(long sliceDeadline, long planDeadline) {
        switch (step) {
            case PULL -> {
                if (repack.pullUntilStable(p.componentResources[component], sliceDeadline)) {
                    step = Step.REPACK;
                }
            }
            case REPACK -> {
                if (repack.resume(sliceDeadline)) {
                    exact(planDeadline);
                    step = options.useCpSat() && !proven ? Step.LNS : Step.DONE;
                }
            }
            case LNS -> {
                int[] rs = p.componentResources[component];
                long[] checked = {System.nanoTime()};
                lns.run(rs, sliceDeadline, () -> {
                    if (System.nanoTime() - checked[0] < 50_000_000L) {
                        return false;
                    }
                    checked[0] = System.nanoTime();
                    primal = componentProfit(p, choice, component);
                    return reachedTarget(options.targetGap());
                });
                if (lns.exhausted()) {
                    step = Step.DONE;
                }
            }
            case DONE -> {
            }
        }
        primal = componentProfit(p, choice, component);
        if (primal >= bound) {
            proven = true;
            step = Step.DONE;
        }
    }

    /**
     * Components of one or two resources: the two-resource re-pack is exact on them (small ones go to CP-SAT, which
     * proves the same optimum and keeps "cp-sat:OPTIMAL" meaning what it says). Components of up to
     * {@link Solver#EXACT_MAX_PAIRS} pairs: CP-SAT from the re-pack's plan.
     */
    private void exact(long planDeadline) {
        int[] rs = p.componentResources[component];
        boolean cpSatWill = options.useCpSat() && p.componentPairs(component) <= Solver.EXACT_MAX_PAIRS;
        if (rs.length <= 2 && !cpSatWill && repack.provenOptimal(rs[0], rs.length == 2 ? rs[1] : -1)) {
            proven = true;
            bound = componentProfit(p, choice, component);
            return;
        }
        if (!cpSatWill) {
            return;
        }
        double left = (planDeadline - System.nanoTime()) / 1e9;
        if (left <= 0) {
            return;
        }
        ComponentCpSat.Result cp = ComponentCpSat.solve(p, component, choice,
                Math.min(left, Math.max(0.5, options.timeLimitSeconds() / 20)), options.workers());
        if (cp == null) {
            return;
        }
        if (cp.profit() > componentProfit(p, choice, component)) {
            for (int d : p.componentDemands[component]) {
                repack.assign(d, cp.choice()[d]);
            }
        }
        bound = Math.min(bound, cp.boundProfit());
        if (cp.optimal()) {
            proven = true;
            byCpSat = true;
            bound = componentProfit(p, choice, component);
        }
    }

    int repackMoves() {
        return repack.moves + repack.pullMoves();
    }

    int lnsMoves() {
        return lns.moves();
    }
}
