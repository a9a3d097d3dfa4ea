package org.threelists.matchmaker.matching.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.threelists.matchmaker.matching.model.Deadline;
import org.threelists.matchmaker.matching.model.Problem;

/**
 * The simple moves from the LP's start plan to a plan worth re-packing: a greedy fill of what the flow left
 * unmatched, then single-demand moves and ejections until none gains.
 */
public final class StartPlan {

    /** How many demands the single-demand moves look at between two looks at the clock. */
    private static final int CHECK_EVERY = 256;

    private StartPlan() {
    }

    /**
     * Local search on the lexicographic profit until no move gains: (a) move a matched demand to a better resource
     * with room; (b) insert an unmatched demand into a resource with room, or by ejecting one demand of that resource
     * that is worth less, the ejected demand moving to another resource with room when one has. A pass is begun only
     * before the deadline.
     */
    public static void improve(Problem p, int[] choice, long deadlineNanos) {
        improve(p, choice, java.util.stream.IntStream.range(0, choice.length).toArray(), deadlineNanos);
    }

    /**
     * {@link #improve(Problem, int[], long)} over the given demands only (one component's: its moves touch no
     * other component, so components improve on different threads). The deadline is checked every
     * {@value #CHECK_EVERY} demands.
     */
    public static void improve(Problem p, int[] choice, int[] demands, long deadlineNanos) {
        long[] residual = p.capacity.clone();
        List<List<Integer>> onResource = new ArrayList<>(java.util.Collections.nCopies(p.resources.size(), null));
        for (int d : demands) {
            for (int k : p.byDemand[d]) {
                if (onResource.get(p.pairResource[k]) == null) {
                    onResource.set(p.pairResource[k], new ArrayList<>());
                }
            }
        }
        for (int d : demands) {
            if (choice[d] >= 0) {
                residual[p.pairResource[choice[d]]] -= p.hours[d];
                onResource.get(p.pairResource[choice[d]]).add(d);
            }
        }
        for (int pass = 0; pass < 50; pass++) {
            boolean improved = false;
            for (int i = 0; i < demands.length; i++) {
                if (i % CHECK_EVERY == 0 && !Deadline.before(deadlineNanos)) {
                    return;
                }
                int d = demands[i];
                int current = choice[d];
                long base = current < 0 ? 0 : p.pairProfit[current];
                long bestGain = 0;
                int bestPair = -1;
                int ejected = -1;
                int ejectedTo = -1;
                for (int k : p.byDemand[d]) {
                    if (k == current || p.pairProfit[k] - base <= bestGain) {
                        continue; // byDemand is sorted: later pairs gain less, but an ejection might still pay
                    }
                    int r = p.pairResource[k];
                    long room = residual[r] + (current >= 0 && p.pairResource[current] == r ? p.hours[d] : 0);
                    if (room >= p.hours[d]) {
                        bestGain = p.pairProfit[k] - base;
                        bestPair = k;
                        ejected = -1;
                        continue;
                    }
                    if (current >= 0) {
                        continue; // ejections only to place an unmatched demand
                    }
                    for (int v : onResource.get(r)) {
                        if (room + p.hours[v] < p.hours[d]) {
                            continue;
                        }
                        long gain = p.pairProfit[k] - p.pairProfit[choice[v]];
                        int to = -1;
                        for (int kv : p.byDemand[v]) {
                            int r2 = p.pairResource[kv];
                            if (r2 != r && residual[r2] >= p.hours[v]) {
                                gain += p.pairProfit[kv];
                                to = kv;
                                break;
                            }
                        }
                        if (gain > bestGain) {
                            bestGain = gain;
                            bestPair = k;
                            ejected = v;
                            ejectedTo = to;
                        }
                    }
                }
                if (bestPair < 0) {
                    continue;
                }
                improved = true;
                if (ejected >= 0) {
                    int r = p.pairResource[choice[ejected]];
                    onResource.get(r).remove(Integer.valueOf(ejected));
                    residual[r] += p.hours[ejected];
                    choice[ejected] = ejectedTo;
                    if (ejectedTo >= 0) {
                        residual[p.pairResource[ejectedTo]] -= p.hours[ejected];
                        onResource.get(p.pairResource[ejectedTo]).add(ejected);
                    }
                }
                if (current >= 0) {
                    residual[p.pairResource[current]] += p.hours[d];
                    onResource.get(p.pairResource[current]).remove(Integer.valueOf(d));
                }
                choice[d] = bestPair;
                residual[p.pairResource[bestPair]] -= p.hours[d];
                onResource.get(p.pairResource[bestPair]).add(d);
            }
            if (!improved) {
                break;
            }
        }
    }

    /** Places the unmatched demands, most profitable first, on their best resource with room. */
    public static void greedyFill(Problem p, int[] choice) {
        greedyFill(p, choice, java.util.stream.IntStream.range(0, choice.length).toArray(), false);
    }

    /**
     * {@link #greedyFill(Problem, int[])} of the given demands only (one component's). {@code byDensity}: the most
     * profit per hour first instead, the order of the LP's own choice — what a plan started without the flow takes
     * (about 0.96 of the LP bound against 0.89 most profitable first, 1k×100); after the flow's rounding, which
     * leaves only holes, the most profitable first does better.
     */
    public static void greedyFill(Problem p, int[] choice, int[] demands, boolean byDensity) {
        long[] residual = p.capacity.clone();
        for (int d : demands) {
            if (choice[d] >= 0) {
                residual[p.pairResource[choice[d]]] -= p.hours[d];
            }
        }
        List<Integer> open = new ArrayList<>();
        for (int d : demands) {
            if (choice[d] < 0 && p.byDemand[d].length > 0) {
                open.add(d);
            }
        }
        if (byDensity) {
            open.sort(Comparator.comparingDouble((Integer d) -> -p.pairProfit[p.byDemand[d][0]] / (double) p.hours[d])
                    .thenComparingInt(d -> d));
        } else {
            open.sort(Comparator.comparingLong((Integer d) -> -p.pairProfit[p.byDemand[d][0]]).thenComparingInt(d -> d));
        }
        for (int d : open) {
            for (int k : p.byDemand[d]) {
                if (residual[p.pairResource[k]] >= p.hours[d]) {
                    choice[d] = k;
                    residual[p.pairResource[k]] -= p.hours[d];
                    break;
                }
            }
        }
    }
}
