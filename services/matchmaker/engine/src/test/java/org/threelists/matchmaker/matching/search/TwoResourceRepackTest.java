package org.threelists.matchmaker.matching.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.threelists.matchmaker.matching.TestInstances.demand;
import static org.threelists.matchmaker.matching.TestInstances.resource;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.threelists.matchmaker.matching.CandidatePair;
import org.threelists.matchmaker.matching.DemandInput;
import org.threelists.matchmaker.matching.MatchingInstance;
import org.threelists.matchmaker.matching.ResourceInput;
import org.threelists.matchmaker.matching.model.Problem;
import org.threelists.matchmaker.matching.model.Profits;

/**
 * The two-resource re-pack stays exact with its shortcuts (services/matchmaker/engine/README.md, "How"): the merged
 * bound, the value-only pass, its cells that the answer can read and its stop when the items left cannot make it gain
 * skip only re-packs that cannot gain, so re-packing two resources until nothing gains reaches the optimum of the
 * two, whatever the plan it starts from.
 */
class TwoResourceRepackTest {

    @Test
    void reachesTheOptimumOfTwoResourcesFromAnyStart() {
        Random rnd = new Random(7);
        long pruned = 0;
        long cutShort = 0;
        for (int round = 0; round < 120; round++) {
            Problem p = Problem.build(twoResources(rnd));
            int[] choice = randomPlan(p, rnd);
            Repack repack = new Repack(p, choice);

            assertThat(repack.provenOptimal(0, 1)).isTrue();

            assertThat(Profits.profit(p, choice)).as("round %d", round).isEqualTo(bruteForce(p));
            assertThat(fits(p, choice)).isTrue();
            pruned += repack.pruned;
            cutShort += repack.cutShort;
        }
        assertThat(pruned).as("the merged bound settled some re-packs").isPositive();
        assertThat(cutShort).as("the bound of the items left stopped some tables part-way").isPositive();
    }

    @Test
    void aPairTheMergedBoundSettlesKeepsItsPlan() {
        // R1 and R2 (2 h each) are full with demands worth the most they can hold; U (1 h) fits neither: no re-pack,
        // even of both capacities as one, gains
        MatchingInstance instance = new MatchingInstance(
                List.of(demand("A", "c", "HEALTH", 2), demand("B", "c", "HEALTH", 2), demand("U", "c", "HEALTH", 1)),
                List.of(resource("R1", "u1", "HEALTH", "c", 2), resource("R2", "u2", "HEALTH", "c", 2)),
                List.of(new CandidatePair("A", "R1", 0.9), new CandidatePair("B", "R2", 0.9),
                        new CandidatePair("U", "R1", 0.1), new CandidatePair("U", "R2", 0.1)),
                null);
        Problem p = Problem.build(instance);
        int[] choice = {p.byDemand[0][0], p.byDemand[1][0], -1};
        int[] before = choice.clone();
        Repack repack = new Repack(p, choice);

        assertThat(repack.repack(0, 1)).isFalse();

        assertThat(choice).isEqualTo(before);
        assertThat(repack.pruned).isEqualTo(1);
    }

    /** Two resources in one category and community, 5–12 demands of 0.5–3 h, each a candidate of one or both. */
    private static MatchingInstance twoResources(Random rnd) {
        List<DemandInput> demands = new ArrayList<>();
        List<CandidatePair> pairs = new ArrayList<>();
        int n = 5 + rnd.nextInt(8);
        for (int i = 0; i < n; i++) {
            String id = "D" + i;
            demands.add(demand(id, "c", "HEALTH", 0.5 * (1 + rnd.nextInt(6))));
            int to = rnd.nextInt(3); // 0: R1, 1: R2, 2: both
            if (to != 1) {
                pairs.add(new CandidatePair(id, "R1", 0.05 + 0.9 * rnd.nextDouble()));
            }
            if (to != 0) {
                pairs.add(new CandidatePair(id, "R2", 0.05 + 0.9 * rnd.nextDouble()));
            }
        }
        List<ResourceInput> resources = List.of(resource("R1", "u1", "HEALTH", "c", 1 + rnd.nextInt(5)),
                resource("R2", "u2", "HEALTH", "c", 1 + 0.5 * rnd.nextInt(9)));
        return new MatchingInstance(demands, resources, pairs, null);
    }

    /** A feasible plan at random: demands in random order, each on a random pair that still fits, or unmatched. */
    private static int[] randomPlan(Problem p, Random rnd) {
        int[] choice = new int[p.demands.size()];
        Arrays.fill(choice, -1);
        long[] load = new long[p.resources.size()];
        for (int d = 0; d < choice.length; d++) {
            int[] ks = p.byDemand[d];
            int pick = rnd.nextInt(ks.length + 1);
            if (pick < ks.length) {
                int r = p.pairResource[ks[pick]];
                if (load[r] + p.hours[d] <= p.capacity[r]) {
                    choice[d] = ks[pick];
                    load[r] += p.hours[d];
                }
            }
        }
        return choice;
    }

    private static long bruteForce(Problem p) {
        return best(p, 0, new long[p.resources.size()]);
    }

    private static long best(Problem p, int d, long[] load) {
        if (d == p.demands.size()) {
            return 0;
        }
        long best = best(p, d + 1, load); // unmatched
        for (int k : p.byDemand[d]) {
            int r = p.pairResource[k];
            if (load[r] + p.hours[d] <= p.capacity[r]) {
                load[r] += p.hours[d];
                best = Math.max(best, p.pairProfit[k] + best(p, d + 1, load));
                load[r] -= p.hours[d];
            }
        }
        return best;
    }

    private static boolean fits(Problem p, int[] choice) {
        long[] load = new long[p.resources.size()];
        for (int d = 0; d < choice.length; d++) {
            if (choice[d] >= 0) {
                load[p.pairResource[choice[d]]] += p.hours[d];
            }
        }
        for (int r = 0; r < load.length; r++) {
            if (load[r] > p.capacity[r]) {
                return false;
            }
        }
        return true;
    }
}
