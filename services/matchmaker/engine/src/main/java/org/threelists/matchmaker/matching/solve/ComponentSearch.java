package org.threelists.matchmaker.matching.solve;

import static org.threelists.matchmaker.matching.model.Profits.componentProfit;

import org.threelists.matchmaker.matching.MatchingEngine;
import org.threelists.matchmaker.matching.exact.ComponentCpSat;
import org.threelists.matchmaker.matching.model.Problem;
import org.threelists.matchmaker.matching.model.Trace;
import org.threelists.matchmaker.matching.relaxation.Relaxation;
import org.threelists.matchmaker.matching.search.Kicks;
import org.threelists.matchmaker.matching.search.Lns;
import org.threelists.matchmaker.matching.search.Repack;
import org.threelists.matchmaker.matching.search.StartPlan;

/**
 * The work on one component, in steps that can be run in time slices ({@link Slices}): its start (the flow and
 * the rounded plan, or the quick bound and a greedy plan when the flow would end after the deadline), the
 * one-resource re-packs with pulls until none gains, the two-resource re-pack to its local optimum, then
 * kicks from that local optimum repaired by the one-resource re-packs ({@link Kicks}) until many in a row gain
 * nothing, then the exact step (the re-pack's own proof on one or two resources, CP-SAT on small components), then
 * CP-SAT neighbourhood search until the component's gap reaches the target. A component shares nothing with another but its disjoint
 * entries of the plan and of the relaxation's arrays, so components run on different threads.
 */
final class ComponentSearch {

    enum Step { START, PULL, CHAIN, REPACK, KICK, LNS, DONE }

    final int component;
    private final Problem p;
    private final int[] choice;
    private final MatchingEngine.Options options;
    private final Relaxation relaxation;
    private final FlowEstimate flows;
    /** The component's pairs: the priority of its start (largest first), and what its flow costs. */
    final int pairs;
    private Repack repack;
    private Lns lns;
    private Kicks kicks;
    volatile Step step = Step.START;
    /** Whether the start solved the flow (false: the quick bound and a greedy plan). */
    boolean flowSolved;
    /** The component's best proven bound, profit units. */
    volatile long bound;
    /** The profit of the component's plan; updated after every slice. */
    volatile long primal;
    boolean proven;
    boolean byCpSat;
    /** Thread CPU spent in each step, nanoseconds, when tracing ({@link Trace#on()}; the per-component profile). */
    final long[] cpuByStep = new long[Step.values().length];
    /** What each step gained, profit units (START: the start plan's profit). */
    final long[] gainByStep = new long[Step.values().length];

    ComponentSearch(Problem p, int component, int[] choice, Relaxation relaxation, FlowEstimate flows,
                    MatchingEngine.Options options) {
        this.p = p;
        this.component = component;
        this.choice = choice;
        this.options = options;
        this.relaxation = relaxation;
        this.flows = flows;
        this.pairs = relaxation.pairs(component);
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
        Step running = step;
        long cpu0 = Trace.threadCpu();
        long primal0 = running == Step.START ? 0 : primal;
        switch (step) {
            case START -> {
                start(planDeadline);
                step = Step.PULL;
            }
            case PULL -> {
                if (repack.pullUntilStable(p.componentResources[component], sliceDeadline)) {
                    step = Step.CHAIN;
                }
            }
            case CHAIN -> {
                if (repack.chainUntilStable(p.componentResources[component], sliceDeadline)) {
                    step = Step.REPACK;
                }
            }
            case REPACK -> {
                // a component whose gap reached the target after the chains goes straight to its exact step
                if (reachedTarget(options.targetGap()) || repack.resume(sliceDeadline)) {
                    step = Step.KICK;
                }
            }
            case KICK -> {
                // before the exact step: at 0.2 s CP-SAT's twentieth of the limit on each small component proved
                // nothing on LONG_TAIL, where the kicks gain; CP-SAT then starts from the kicks' plan
                if (reachedTarget(options.targetGap()) || kicks.run(sliceDeadline)) {
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
        cpuByStep[running.ordinal()] += Trace.threadCpu() - cpu0;
        gainByStep[running.ordinal()] += primal - primal0;
    }

    /**
     * The component's bound and start plan: the flow's LP bound and its unsplit demands when the flow should end
     * before the deadline, else the quick bound; then a greedy fill and the single-demand moves (until the
     * deadline). The flow runs only when it should end before the deadline, the quick bound's knapsacks only before
     * it (past it, its weaker half: one pass over the demands); the greedy fill always runs, one sort and one pass
     * over the component's demands (about a microsecond each), since a plan needs a start and the pairs leave the
     * starts their share of the limit (services/matchmaker/engine/README.md, "Time limit").
     */
    private void start(long planDeadline) {
        int[] demands = p.componentDemands[component];
        long cpu0 = Trace.threadCpu();
        if (flows.fits(pairs, planDeadline)) {
            long began = System.nanoTime();
            relaxation.solveFlow(component, choice);
            flows.observed(pairs, System.nanoTime() - began);
            flowSolved = true;
        } else {
            relaxation.quickBound(component, planDeadline);
        }
        long cpu1 = Trace.threadCpu();
        StartPlan.greedyFill(p, choice, demands, !flowSolved);
        StartPlan.improve(p, choice, demands, planDeadline);
        Trace.log("component %d (%d pairs): %s %.1f ms of thread CPU, greedy fill and moves %.1f ms", component,
                pairs, flowSolved ? "flow" : "quick bound", (cpu1 - cpu0) / 1e6, (Trace.threadCpu() - cpu1) / 1e6);
        bound = relaxation.componentBound[component];
        repack = new Repack(p, choice, p.componentResources[component]);
        lns = new Lns(p, choice, repack);
        kicks = new Kicks(p, choice, repack, component);
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
        long began = System.nanoTime();
        ComponentCpSat.Result cp = ComponentCpSat.solve(p, component, choice, Math.min(left, exactSeconds()),
                options.workers());
        Trace.log("component %d (%d pairs): cp-sat %s in %.1f ms", component, pairs,
                cp == null ? "no answer" : cp.optimal() ? "optimal" : "not proven", (System.nanoTime() - began) / 1e6);
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

    /**
     * CP-SAT's time on one small component: a twentieth of the limit, at least a tenth of it up to 0.5 s. It proves
     * a component fast or not at all (LONG_TAIL's 100–250-pair components stay unproven after 5 s), and a fixed
     * 0.5 s took half of a 1 s limit from one component of 78 while the others waited for the thread.
     */
    private double exactSeconds() {
        double limit = options.timeLimitSeconds();
        return Math.max(limit / 20, Math.min(0.5, limit / 10));
    }

    /** Whether resource r's one-resource re-pack is known not to gain in the plan as it is now. */
    boolean pullStable(int r) {
        return repack != null && repack.pullStable(r);
    }

    int repackMoves() {
        return repack == null ? 0 : repack.moves + repack.pullMoves() + repack.chainMoves();
    }

    /** Two-resource re-packs tried, and of those the ones the merged bound settled without their table. */
    long[] repackTries() {
        return repack == null ? new long[2] : new long[] {repack.evaluated, repack.pruned};
    }

    int kickMoves() {
        return kicks == null ? 0 : kicks.moves();
    }

    int lnsMoves() {
        return lns == null ? 0 : lns.moves();
    }
}
