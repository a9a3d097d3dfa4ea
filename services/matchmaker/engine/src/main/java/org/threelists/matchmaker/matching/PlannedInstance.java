package org.threelists.matchmaker.matching;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import org.threelists.matchmaker.matching.model.Problem;
import org.threelists.matchmaker.matching.model.Profits;
import org.threelists.matchmaker.matching.model.Trace;
import org.threelists.matchmaker.matching.solve.Settlement;
import org.threelists.matchmaker.matching.solve.WarmStart;

/**
 * An instance the engine has planned, kept with its problem, plan and proven bounds so that a new demand is planned
 * from them in milliseconds rather than with the whole instance again (services/matchmaker/engine/README.md,
 * "Re-plan after one new demand"). Not thread-safe: one caller re-plans one instance at a time.
 */
public final class PlannedInstance {

    /** The two-resource re-packs around a new demand stop this long after the call at the latest; the
     *  explanations follow. */
    static final long WARM_SEARCH_NANOS = 50_000_000L;
    /** What a re-plan may take, from the call to its answer explained (the matchmaker reads it at once). */
    static final long WARM_ANSWER_BUDGET_NANOS = 90_000_000L;
    /** What explaining and bundling the answer costs per demand of the new demand's street, warm, on a quiet
     *  machine: the quiet window's largest re-plan, into the largest street of the 10k×1k city (about 3,800
     *  demands), took 102.5 ms with 50 ms of search (services/matchmaker/engine/README.md, "Re-plan after one new
     *  demand"). */
    static final long ANSWER_NANOS_PER_DEMAND = 14_000L;

    private final MatchingEngine engine;
    private MatchingInstance instance;
    private Problem problem;
    private int[] choice;
    private long[] componentBoundScaled;
    private double flowBound;
    /**
     * Per resource, whether the last warm start left it stable under the one-resource re-packs in the plan as it is
     * (from the plan's own search, then from each {@link WarmStart}); null after a settlement (nothing known).
     */
    private boolean[] pullStable;
    private final MatchingPlan plan;

    PlannedInstance(MatchingEngine engine, MatchingInstance instance, Problem problem, int[] choice,
                    long[] componentBoundScaled, double flowBound, boolean[] pullStable, MatchingPlan plan) {
        this.engine = engine;
        this.instance = instance;
        this.problem = problem;
        this.choice = choice;
        this.componentBoundScaled = componentBoundScaled;
        this.flowBound = flowBound;
        this.pullStable = pullStable;
        this.plan = plan;
    }

    /** The plan this state started from: every demand explained and bundled. */
    public MatchingPlan plan() {
        return plan;
    }

    /**
     * Adds a demand and re-plans only the component it joins, from the plan so far ({@link WarmStart}). The answer
     * holds the assignments, unmatched demands and proposed projects of that component (the rest of the plan is
     * unchanged), and the objective, proven bound and gap of the whole instance; its flow bound is the previous one
     * plus the demand's best score (a bound on the new LP, not the LP solved again). A demand linking two components,
     * or an instance of given candidate pairs, is planned as a whole instance again; so is a demand added to a plan
     * whose time limit stopped it before every demand's pairs were found ({@link Problem#complete()}).
     */
    public MatchingPlan addDemand(DemandInput demand) {
        long started = System.nanoTime();
        for (DemandInput known : instance.demands()) {
            if (known.id().equals(demand.id())) {
                throw new IllegalArgumentException("duplicate demand id: " + demand.id());
            }
        }
        List<DemandInput> demands = new ArrayList<>(instance.demands());
        demands.add(demand);
        MatchingInstance larger = new MatchingInstance(demands, instance.resources(), instance.candidates(),
                instance.weights());
        Problem next = problem.given ? null : problem.withDemand(demand);
        if (next == null) {
            PlannedInstance fresh = engine.planKeepingState(larger);
            adopt(fresh);
            return fresh.plan();
        }
        Trace.log("warm start: problem with the new demand, %d pairs", next.pairCount());
        WarmStart.Result warm = WarmStart.addDemand(next, choice, componentBoundScaled,
                started + searchNanos(next, next.demandComponent[next.demands.size() - 1]), pullStable);
        Trace.log("warm start: %d moves", warm.moves());
        int d = next.demands.size() - 1;
        int component = next.demandComponent[d];
        if (component >= 0) {
            flowBound += next.pairScaled[next.byDemand[d][0]] / (double) Scoring.SCALE;
        }
        instance = larger;
        problem = next;
        choice = warm.choice();
        componentBoundScaled = warm.componentBoundScaled();
        pullStable = warm.pullStable();
        int[] touched = component >= 0 ? next.componentDemands[component] : new int[] {d};
        String method = "warm start: the new demand's component re-packed (" + warm.moves() + " moves"
                + (warm.reachedLocalOptimum() ? ", local optimum" : ", time limit") + "); other components kept";
        return MatchingEngine.finish(next, choice, Arrays.stream(componentBoundScaled).sum(), flowBound, method,
                touched, started);
    }

    /**
     * How long after the call the two-resource re-packs around a new demand may run: 50 ms, less on a street so large
     * that explaining its answer would take the re-plan past its budget (the one-resource re-packs that place the
     * demand run to the end whatever the clock, {@link WarmStart}).
     */
    static long searchNanos(Problem next, int component) {
        int street = component < 0 ? 1 : next.componentDemands[component].length;
        return Math.max(0, Math.min(WARM_SEARCH_NANOS, WARM_ANSWER_BUDGET_NANOS - ANSWER_NANOS_PER_DEMAND * street));
    }

    /**
     * The whole plan as it stands now, every demand explained and bundled: what {@link MatchingEngine#plan} answers,
     * at the cost of explaining every assignment again.
     */
    public MatchingPlan currentPlan() {
        return MatchingEngine.finish(problem, choice, boundScaled(), flowBound,
                "the plan so far", null, System.nanoTime());
    }

    /**
     * Takes the given demands out of the instance for good, with the hours of those assigned: the caller has committed
     * their assignments (the matchmaker proposed them to the desk), so they must not move again ({@link Settlement}).
     * The other demands keep their assignments; the next {@link #addDemand} plans around what was settled, and
     * {@link #assignedPlan()} no longer holds them. Unknown ids are ignored.
     */
    public void settle(Collection<String> demandIds) {
        if (demandIds.isEmpty()) {
            return;
        }
        if (problem.given) {
            throw new IllegalStateException("an instance of given candidate pairs cannot be settled");
        }
        Settlement.Result residual = Settlement.settle(instance, problem, choice, componentBoundScaled, demandIds);
        if (!problem.complete()) {
            // the plan was cut short before every demand's pairs were found: the components' bounds leave those
            // demands out, so the residual is planned afresh rather than settled from them
            adopt(engine.planKeepingState(residual.instance()));
            return;
        }
        instance = residual.instance();
        pullStable = null; // a problem built again: its indexes are not the old ones
        problem = residual.problem();
        choice = residual.choice();
        componentBoundScaled = residual.componentBoundScaled();
        flowBound = Math.max(flowBound - residual.settledScaled() / (double) Scoring.SCALE,
                Arrays.stream(componentBoundScaled).sum() / (double) Scoring.SCALE);
    }

    /**
     * The plan of the demands assigned now, explained and bundled; the unmatched ones are left out. After {@link
     * #settle} of every assignment, what later {@link #addDemand}s assigned.
     */
    public MatchingPlan assignedPlan() {
        int[] assigned = java.util.stream.IntStream.range(0, choice.length).filter(d -> choice[d] >= 0).toArray();
        return MatchingEngine.finish(problem, choice, boundScaled(), flowBound,
                "warm start: the assignments since the last settle", assigned, System.nanoTime());
    }

    /** The instance as it stands: the demands added, less those settled. */
    public MatchingInstance instance() {
        return instance;
    }

    /** The whole plan's objective, score units. */
    public double objective() {
        return Profits.scaledTotal(problem, choice) / (double) Scoring.SCALE;
    }

    /** The whole plan's proven upper bound. */
    public double upperBound() {
        return Math.max(Arrays.stream(componentBoundScaled).sum(), Profits.scaledTotal(problem, choice))
                / (double) Scoring.SCALE;
    }

    /** The proven bound of the whole plan: its components' and, when the pairs were cut short, the unreached demands'. */
    private long boundScaled() {
        return Arrays.stream(componentBoundScaled).sum() + problem.unexaminedBoundScaled();
    }

    private void adopt(PlannedInstance fresh) {
        pullStable = fresh.pullStable;
        instance = fresh.instance;
        problem = fresh.problem;
        choice = fresh.choice;
        componentBoundScaled = fresh.componentBoundScaled;
        flowBound = fresh.flowBound;
    }
}
