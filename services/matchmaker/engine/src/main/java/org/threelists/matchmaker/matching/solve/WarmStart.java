package org.threelists.matchmaker.matching.solve;

import java.util.Arrays;
import org.threelists.matchmaker.matching.model.Deadline;
import org.threelists.matchmaker.matching.model.Problem;
import org.threelists.matchmaker.matching.search.Repack;

/**
 * The re-plan after one new demand, from the previous plan instead of from nothing (services/matchmaker/engine/
 * README.md, "Re-plan after one new demand"). The demand starts unmatched; its component — the only part of the plan
 * it can change — is re-packed by the one-resource re-packs with pulls until none gains (an ejection chain that
 * starts where the new demand wants in), then by the two-resource re-packs around the demand's own resources until
 * the deadline. Every other component keeps its plan and its bound.
 *
 * <p><b>Bound.</b> Take any plan of the larger instance and drop the new demand: what is left is a plan of the old
 * one, worth at most the old bound. So the old bound of the component plus the demand's best score bounds the new
 * optimum, and the plan's proven gap stays a proof without solving any relaxation again.
 */
public final class WarmStart {

    /**
     * The plan with the new demand, the components' bounds (score units), the moves the re-pack made, and which
     * resources are known stable under the one-resource re-packs in that plan (for the next demand's warm start).
     */
    public record Result(int[] choice, long[] componentBoundScaled, int moves, boolean reachedLocalOptimum,
                         boolean[] pullStable) {
    }

    private WarmStart() {
    }

    /**
     * Re-plans {@code next} — the previous problem with its last demand new ({@link Problem#withDemand}) — from the
     * previous plan and bounds, searching until {@code deadline} ({@link System#nanoTime()}) at most.
     *
     * @param pullStable per resource, whether the previous warm start left it stable under the one-resource
     *                   re-packs (null: none known, as after a plan from nothing or a settlement). Those resources,
     *                   but the new demand's own, are not re-packed again until one of their candidates moves: the
     *                   pulls then start where the new demand wants in and follow the chain it starts, instead of
     *                   re-packing every resource of its street first (services/matchmaker/engine/README.md,
     *                   "Re-plan after one new demand")
     */
    public static Result addDemand(Problem next, int[] previousChoice, long[] previousBoundScaled, long deadline,
                                   boolean[] pullStable) {
        int d = next.demands.size() - 1;
        int[] choice = Arrays.copyOf(previousChoice, d + 1);
        choice[d] = -1;
        boolean[] stable = pullStable == null ? new boolean[next.resources.size()] : pullStable.clone();
        // a demand whose resources had no pair before starts a component of its own, bound 0 until it joins
        long[] bound = Arrays.copyOf(previousBoundScaled, next.componentCount());
        int component = next.demandComponent[d];
        if (component < 0) {
            return new Result(choice, bound, 0, true, stable); // no resource can take it: nothing changes
        }
        bound[component] += next.pairScaled[next.byDemand[d][0]]; // best profit first: the best score
        int[] own = next.componentResources[component];
        int[] around = Arrays.stream(next.byDemand[d]).map(k -> next.pairResource[k]).toArray();
        for (int r : around) {
            stable[r] = false; // a new candidate: its re-pack may gain now
        }
        Repack repack = new Repack(next, choice, own);
        repack.assumePullStable(Arrays.stream(own).filter(r -> stable[r]).toArray());
        // the one-resource re-packs run to the end whatever the deadline: a few milliseconds of CPU, and what places
        // the new demand; only the two-resource re-packs after them wait for the clock
        boolean local = repack.pullUntilStable(own, Long.MAX_VALUE);
        local = local && Deadline.before(deadline) && repack.run(deadline, around);
        for (int r : own) {
            stable[r] = repack.pullStable(r);
        }
        return new Result(choice, bound, repack.pullMoves() + repack.moves, local, stable);
    }
}
