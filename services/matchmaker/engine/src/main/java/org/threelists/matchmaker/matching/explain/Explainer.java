package org.threelists.matchmaker.matching.explain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.threelists.matchmaker.matching.Alternative;
import org.threelists.matchmaker.matching.Assignment;
import org.threelists.matchmaker.matching.DemandInput;
import org.threelists.matchmaker.matching.ResourceInput;
import org.threelists.matchmaker.matching.Scoring;
import org.threelists.matchmaker.matching.model.Problem;
import org.threelists.matchmaker.matching.model.Trace;

/**
 * Why the plan is what it is: every assignment reports its score terms (services/matchmaker/engine/README.md,
 * "Score") and up to {@value #MAX_ALTERNATIVES} better-ranked alternatives, each with the reason it lost — a lower
 * score, its capacity taken by the listed demands, a tie that went to the unit with less load, or the time limit.
 */
public final class Explainer {

    private static final int MAX_ALTERNATIVES = 3;
    private static final int MAX_BLOCKING_LISTED = 10;

    private Explainer() {
    }

    /** The assignments of the plan, each with its score terms and its best alternatives. */
    public static List<Assignment> explain(Problem p, int[] choice) {
        return explain(p, choice, null);
    }

    /**
     * The assignments of the given demands (of every demand when null), in their order, explained the first time the
     * list is read ({@link ExplainedLater}); the plan and the demands are copied, so later changes to them do not
     * change it.
     */
    public static List<Assignment> explainLater(Problem p, int[] choice, int[] demands) {
        int[] plan = choice.clone();
        int[] which = demands == null ? null : demands.clone();
        int size = 0;
        if (which == null) {
            for (int k : plan) {
                size += k >= 0 ? 1 : 0;
            }
        } else {
            for (int d : which) {
                size += plan[d] >= 0 ? 1 : 0;
            }
        }
        return new ExplainedLater(size, () -> {
            List<Assignment> explained = explain(p, plan, which);
            Trace.log("explained %d assignments", explained.size());
            return explained;
        });
    }

    /** The assignments of the given demands (of every demand when null), in their order, explained. */
    public static List<Assignment> explain(Problem p, int[] choice, int[] demands) {
        long[] residual = p.capacity.clone();
        // an alternative names a candidate resource of the demand explained: the blocking lists of the others are
        // not needed (a re-plan's answer explains one street of a city)
        boolean[] needed = new boolean[p.resources.size()];
        if (demands == null) {
            java.util.Arrays.fill(needed, true);
        } else {
            for (int d : demands) {
                for (int k : p.byDemand[d]) {
                    needed[p.pairResource[k]] = true;
                }
            }
        }
        List<List<Integer>> assignedTo = new ArrayList<>();
        for (int r = 0; r < p.resources.size(); r++) {
            assignedTo.add(needed[r] ? new ArrayList<>() : List.of());
        }
        for (int d = 0; d < choice.length; d++) {
            if (choice[d] >= 0) {
                int r = p.pairResource[choice[d]];
                residual[r] -= p.hours[d];
                if (needed[r]) {
                    assignedTo.get(r).add(choice[d]);
                }
            }
        }
        // what a CAPACITY_TAKEN alternative lists is the same for every demand that wanted the resource: its best
        // assigned demands, ids and text built once per resource
        List<List<String>> blocking = new ArrayList<>(assignedTo.size());
        String[] blockingText = new String[assignedTo.size()];
        for (int r = 0; r < assignedTo.size(); r++) {
            if (!needed[r]) {
                blocking.add(List.of());
                continue;
            }
            List<Integer> list = assignedTo.get(r);
            list.sort(Comparator.comparingLong((Integer k) -> -p.pairScaled[k]).thenComparingInt(k -> k));
            List<String> ids = list.stream().limit(MAX_BLOCKING_LISTED)
                    .map(j -> p.demands.get(p.pairDemand[j]).id()).toList();
            blocking.add(ids);
            blockingText[r] = String.join(", ", ids);
        }
        // each assignment reads only the plan's shared, finished tables: explained on every core, in demand order
        java.util.stream.IntStream which = demands == null ? java.util.stream.IntStream.range(0, choice.length)
                : java.util.Arrays.stream(demands);
        return which.parallel()
                .filter(d -> choice[d] >= 0)
                .mapToObj(d -> explainOne(p, d, choice[d], residual, blocking, blockingText))
                .toList();
    }

    private static Assignment explainOne(Problem p, int d, int chosen, long[] residual,
                                         List<List<String>> blocking, String[] blockingText) {
        DemandInput demand = p.demands.get(d);
        ResourceInput resource = p.resources.get(p.pairResource[chosen]);
        List<Alternative> alternatives = new ArrayList<>();
        for (int k : p.byDemand[d]) { // best profit first
            if (k == chosen) {
                continue;
            }
            if (alternatives.size() == MAX_ALTERNATIVES) {
                break;
            }
            alternatives.add(alternative(p, d, chosen, k, residual, blocking, blockingText));
        }
        Map<String, Double> terms = p.given
                ? Map.of("given", p.pairScaled[chosen] / (double) Scoring.SCALE)
                : Scoring.terms(demand, resource, p.weights);
        return new Assignment(demand.id(), resource.id(), resource.unitId(),
                p.pairScaled[chosen] / (double) Scoring.SCALE, terms, alternatives);
    }

    private static Alternative alternative(Problem p, int d, int chosen, int k, long[] residual,
                                           List<List<String>> blocking, String[] blockingText) {
        int r = p.pairResource[k];
        ResourceInput res = p.resources.get(r);
        double score = p.pairScaled[k] / (double) Scoring.SCALE;
        String scoreText = scoreText(p.pairScaled[k]);
        if (p.pairScaled[k] < p.pairScaled[chosen]) {
            return new Alternative(res.id(), res.unitId(), score, Alternative.Reason.LOWER_SCORE, List.of(),
                    "scores " + scoreText + ", below the chosen " + scoreText(p.pairScaled[chosen]));
        }
        if (residual[r] < p.hours[d]) {
            return new Alternative(res.id(), res.unitId(), score, Alternative.Reason.CAPACITY_TAKEN, blocking.get(r),
                    "scores " + scoreText + " but has " + hoursText(residual[r]) + " h left of the "
                            + hoursText(p.hours[d]) + " h needed: its capacity went to " + blockingText[r]);
        }
        if (p.pairScaled[k] == p.pairScaled[chosen] && p.pairProfit[k] <= p.pairProfit[chosen]) {
            return new Alternative(res.id(), res.unitId(), score, Alternative.Reason.TIE_FAIRNESS, List.of(),
                    "same score " + scoreText + "; the tie went to the unit with less load");
        }
        return new Alternative(res.id(), res.unitId(), score, Alternative.Reason.NOT_IMPROVED_IN_TIME, List.of(),
                "scores " + scoreText + " and has room: the solver stopped at its time limit");
    }

    /**
     * A score in units of {@link Scoring#RESOLUTION} as "0.7500": the text {@code String.format("%.4f")} gives in
     * a locale with a decimal point, built from the integer because formatting is most of the cost of explaining a
     * large plan, which counts against its time limit.
     */
    static String scoreText(long scaled) {
        return fixed(scaled, Scoring.SCALE, 4);
    }

    /** Tenths of an hour as "2.5", like {@code String.format("%.1f")}. */
    static String hoursText(long tenths) {
        return fixed(tenths, Scoring.TENTHS, 1);
    }

    private static String fixed(long units, long perOne, int digits) {
        String sign = units < 0 ? "-" : "";
        long magnitude = Math.abs(units);
        String fraction = Long.toString(magnitude % perOne);
        return sign + magnitude / perOne + "." + "0".repeat(digits - fraction.length()) + fraction;
    }
}
