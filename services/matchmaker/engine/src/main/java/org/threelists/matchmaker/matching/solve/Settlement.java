package org.threelists.matchmaker.matching.solve;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.threelists.matchmaker.matching.DemandInput;
import org.threelists.matchmaker.matching.MatchingInstance;
import org.threelists.matchmaker.matching.ResourceInput;
import org.threelists.matchmaker.matching.model.Problem;

/**
 * Demands whose assignments the caller has committed leave the plan for good (services/matchmaker/engine/README.md,
 * "Settled demands"): what stays is the residual instance — the other demands; each resource's capacity less the
 * hours its settled demands hold; each unit's load more by them, so the fairness term is what a caller building the
 * instance from its records would compute — with the rest of the plan kept as it was.
 *
 * <p><b>Bound.</b> Any plan of the residual plus the settled assignments is a plan of the old instance, and the residual
 * scores no pair higher than before (a heavier unit's fairness only falls; a smaller capacity only removes pairs). So
 * an old component's bound less what its settled demands scored bounds its residual, and a part it splits into is
 * bounded by that less what the other parts' plans score now. Each part's bound is also at most its demands' best
 * scores summed. No relaxation is solved again.
 */
public final class Settlement {

    /** The residual instance, its problem, the plan kept on it, and its components' bounds (score units). */
    public record Result(MatchingInstance instance, Problem problem, int[] choice, long[] componentBoundScaled,
                         long settledScaled) {
    }

    private Settlement() {
    }

    public static Result settle(MatchingInstance instance, Problem p, int[] choice, long[] boundScaled,
                                Collection<String> demandIds) {
        Set<String> settled = new HashSet<>(demandIds);
        double[] held = new double[p.resources.size()];
        Map<String, Double> extraLoad = new HashMap<>();
        long[] settledScaled = new long[p.componentCount()];
        long settledTotal = 0;
        List<DemandInput> kept = new ArrayList<>();
        List<Integer> keptIndex = new ArrayList<>();
        for (int d = 0; d < p.demands.size(); d++) {
            DemandInput demand = p.demands.get(d);
            if (!settled.contains(demand.id())) {
                kept.add(demand);
                keptIndex.add(d);
            } else if (choice[d] >= 0) {
                int r = p.pairResource[choice[d]];
                held[r] += demand.estimatedHours();
                extraLoad.merge(p.resources.get(r).unitId(), demand.estimatedHours(), Double::sum);
                settledScaled[p.demandComponent[d]] += p.pairScaled[choice[d]];
                settledTotal += p.pairScaled[choice[d]];
            }
        }
        List<ResourceInput> resources = new ArrayList<>(p.resources.size());
        for (int r = 0; r < p.resources.size(); r++) {
            resources.add(residual(p.resources.get(r), held[r], extraLoad.getOrDefault(p.resources.get(r).unitId(), 0.0)));
        }
        MatchingInstance residual = new MatchingInstance(kept, resources, null, instance.weights());
        Problem next = Problem.build(residual);
        int[] nextChoice = keptChoice(p, choice, next, keptIndex);
        long[] bound = bounds(p, boundScaled, settledScaled, next, nextChoice);
        return new Result(residual, next, nextChoice, bound, settledTotal);
    }

    private static ResourceInput residual(ResourceInput r, double held, double extraLoad) {
        if (held == 0 && extraLoad == 0) {
            return r;
        }
        double load = (r.unitLoad() == null ? 0.0 : r.unitLoad()) + extraLoad;
        return new ResourceInput(r.id(), r.unitId(), r.categories(), r.skills(), r.serviceArea(), r.availableFrom(),
                r.availableUntil(), Math.max(0.0, r.remainingCapacity() - held), r.unitRating(), load);
    }

    /** Each kept demand on the same resource as before (the resources keep their order, so their indexes). */
    private static int[] keptChoice(Problem p, int[] choice, Problem next, List<Integer> keptIndex) {
        int[] out = new int[next.demands.size()];
        long[] load = new long[next.resources.size()];
        for (int d = 0; d < out.length; d++) {
            out[d] = -1;
            int old = choice[keptIndex.get(d)];
            if (old < 0) {
                continue;
            }
            int r = p.pairResource[old];
            for (int k : next.byDemand[d]) {
                if (next.pairResource[k] == r && load[r] + next.hours[d] <= next.capacity[r]) {
                    out[d] = k;
                    load[r] += next.hours[d];
                    break;
                }
            }
        }
        return out;
    }

    private static long[] bounds(Problem p, long[] oldBound, long[] settledScaled, Problem next, int[] choice) {
        int parts = next.componentCount();
        long[] objective = new long[parts];
        long[] best = new long[parts];
        int[] from = new int[parts];
        for (int c = 0; c < parts; c++) {
            for (int d : next.componentDemands[c]) {
                if (choice[d] >= 0) {
                    objective[c] += next.pairScaled[choice[d]];
                }
                best[c] += next.pairScaled[next.byDemand[d][0]];
            }
            from[c] = origin(p, next, c);
        }
        long[] objectiveOfOld = new long[oldBound.length];
        for (int c = 0; c < parts; c++) {
            if (from[c] >= 0) {
                objectiveOfOld[from[c]] += objective[c];
            }
        }
        long[] bound = new long[parts];
        for (int c = 0; c < parts; c++) {
            long b = best[c];
            if (from[c] >= 0) {
                long residualOfOld = oldBound[from[c]] - settledScaled[from[c]];
                b = Math.min(b, residualOfOld - (objectiveOfOld[from[c]] - objective[c]));
            }
            bound[c] = Math.max(b, objective[c]);
        }
        return bound;
    }

    /** The old component a residual component lies in, or −1 when its resources came from none or from several. */
    private static int origin(Problem p, Problem next, int c) {
        int from = -1;
        for (int r : next.componentResources[c]) {
            int old = p.resourceComponent[r];
            if (old < 0 || from >= 0 && old != from) {
                return -1;
            }
            from = old;
        }
        return from;
    }
}
