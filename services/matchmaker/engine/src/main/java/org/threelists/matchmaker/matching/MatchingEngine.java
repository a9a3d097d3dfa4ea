package org.threelists.matchmaker.matching;

import java.util.ArrayList;
import java.util.List;
import org.threelists.matchmaker.matching.bundling.Bundler;
import org.threelists.matchmaker.matching.explain.Explainer;
import org.threelists.matchmaker.matching.model.Problem;
import org.threelists.matchmaker.matching.model.Profits;
import org.threelists.matchmaker.matching.nativelib.NativeLibraries;
import org.threelists.matchmaker.matching.solve.Solution;
import org.threelists.matchmaker.matching.solve.Solver;
import org.threelists.matchmaker.matching.model.Trace;

/**
 * The matching engine: chooses at most one resource per demand, never over a resource's remaining capacity, to
 * maximise the total score of the matched demands (an unsplittable generalized assignment / multiple-knapsack
 * problem, NP-hard in general), then explains each assignment and bundles the assignments into proposed projects.
 *
 * <p>A plan is made in four steps, each in a package of its own (services/matchmaker/engine/README.md, "Where in the
 * code"): the instance becomes a {@link Problem} (the feasible pairs, their lexicographic profits, the independent
 * components); the {@link Solver} bounds and searches it (LP relaxation, local search, CP-SAT); the {@link Bundler}
 * groups the assignments into proposed projects; the {@link Explainer} says why each demand got its resource, when
 * the plan's assignments are first read. The plan reports its objective, the proven bound and the gap between them.
 */
public final class MatchingEngine {

    /**
     * @param timeLimitSeconds wall-time budget of the plan, from the call to the answer: pairs, relaxation,
     *                         search, CP-SAT and bundles. What cannot be interrupted (building the pairs, the
     *                         min-cost flow, a valid start plan) always runs; the search takes what is left after
     *                         setting aside the time the bundles need. The explanations of the assignments are built
     *                         when the plan's assignments are first read, after the answer
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

    private final Options options;

    public MatchingEngine() {
        this(Options.DEFAULTS);
    }

    /**
     * Loads OR-Tools' native libraries and warms the engine up with synthetic plans ({@link WarmUp}; once per JVM,
     * about a second of CPU together): a plan's time limit is for the plan, not for the JVM's class loading and JIT.
     */
    public MatchingEngine(Options options) {
        this(options, true);
    }

    /**
     * @param warmUp false: only the native libraries are loaded, so that the JVM's first plan is truly cold (the
     *               benchmark's figure of a cold first plan; tools/matching-lab, "Benchmark")
     */
    public MatchingEngine(Options options, boolean warmUp) {
        this.options = options;
        NativeLibraries.load();
        if (warmUp) {
            WarmUp.ensure();
        }
    }

    /**
     * Warms the engine up ({@link WarmUp}) unless this JVM already did: for a caller that constructs its engine
     * without it and warms it later, off its requests' path (the matchmaker, at its start).
     */
    public static void warmUp() {
        WarmUp.ensure();
    }

    /** How long this JVM's warm-up took (nanoseconds; 0 before an engine with a warm-up was constructed). */
    public static long warmUpNanos() {
        return WarmUp.done() ? WarmUp.nanos() : 0;
    }

    /**
     * Bundling follows the search and takes about this long per demand (8 µs of CPU on 10k×1k warm, 13 µs cold): the
     * search ends early enough to leave it that time, at most half of the limit. The explanations are built when the
     * plan's assignments are first read, outside the limit (services/matchmaker/engine/README.md, "Time limit").
     */
    private static final long FINISH_NANOS_PER_DEMAND = 10_000;

    /**
     * The share of the search's time the pairs may take at most: the components' starts (a bound and a greedy plan,
     * one pass over their pairs) follow them. What the pairs do not reach in it stays unmatched, with a bound of its
     * own (services/matchmaker/engine/README.md, "Time limit"). At 10k×1k the whole problem builds in 20–30 ms in a
     * warm JVM and in about ten times that in a cold one, so a warm plan's pairs are cut only under about 0.1 s.
     */
    private static final double PAIRS_SHARE = 0.6;

    /** Plans an instance: see the class comment. */
    public MatchingPlan plan(MatchingInstance instance) {
        return planKeepingState(instance).plan();
    }

    /**
     * Plans an instance like {@link #plan} and keeps the problem, the plan and its bounds, so that a demand added
     * later is planned in milliseconds from them ({@link PlannedInstance#addDemand}).
     */
    public PlannedInstance planKeepingState(MatchingInstance instance) {
        long started = System.nanoTime();
        long limit = (long) (Math.max(0, options.timeLimitSeconds()) * 1e9);
        Trace.log("plan %d demands, %d resources", instance.demands().size(), instance.resources().size());
        long finishing = Math.min(limit / 2, FINISH_NANOS_PER_DEMAND * instance.demands().size());
        long deadline = started + limit - finishing;
        // the pairs may take most of the search's time, not all: the starts after them need some
        Problem p = Problem.build(instance, started + (long) ((deadline - started) * PAIRS_SHARE));
        Trace.log("built %d pairs, %d components; %d demands not reached", p.pairCount(), p.componentCount(),
                p.unexaminedCount());
        Solution solution = new Solver(options).solve(p, deadline);
        Trace.log("solved: %s", solution.method());
        double flowBound = solution.lpBoundScaled() / (double) Scoring.SCALE;
        MatchingPlan plan = finish(p, solution.choice(), solution.boundScaled(), flowBound, solution.method(), null,
                started);
        return new PlannedInstance(this, instance, p, solution.choice(), solution.componentBoundScaled(), flowBound,
                solution.pullStable(), plan);
    }

    /**
     * The plan's answer: objective, bound and gap of the whole plan; assignments (explained), unmatched demands and
     * bundles of the given demands only, or of every demand when {@code demands} is null.
     */
    static MatchingPlan finish(Problem p, int[] choice, long boundScaledIn, double flowBound, String method,
                               int[] demands, long started) {
        long objScaled = Profits.scaledTotal(p, choice);
        long boundScaled = Math.max(boundScaledIn, objScaled);
        double objective = objScaled / (double) Scoring.SCALE;
        double upper = boundScaled / (double) Scoring.SCALE;
        double gap = upper <= 0 ? 0.0 : (upper - objective) / upper;
        List<Assignment> assignments = Explainer.explainLater(p, choice, demands);
        List<String> unmatched = new ArrayList<>();
        if (demands == null) {
            for (int i = 0; i < p.demands.size(); i++) {
                if (choice[i] < 0) {
                    unmatched.add(p.demands.get(i).id());
                }
            }
        } else {
            for (int i : demands) {
                if (choice[i] < 0) {
                    unmatched.add(p.demands.get(i).id());
                }
            }
        }
        List<ProposedProject> projects = Bundler.bundle(p, choice, demands);
        Trace.log("bundled %d projects", projects.size());
        long millis = (System.nanoTime() - started) / 1_000_000;
        return new MatchingPlan(assignments, unmatched, objective, upper, gap, millis, method, projects, flowBound);
    }
}
