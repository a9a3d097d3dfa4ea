package org.threelists.matchmaker.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.threelists.matchmaker.matching.MatchingEngine;
import org.threelists.matchmaker.matching.model.Problem;
import org.threelists.matchmaker.matching.model.Profits;
import org.threelists.matchmaker.matching.relaxation.Relaxation;
import org.threelists.matchmaker.matching.search.Kicks;
import org.threelists.matchmaker.matching.search.Repack;
import org.threelists.matchmaker.matching.search.StartPlan;

/**
 * The kicks from the re-packs' local optimum (services/matchmaker/engine/README.md, "How"): on a sparse street they
 * find what the one- and two-resource re-packs cannot, and a kick that does not gain leaves the plan as it was.
 */
class KicksTest {

    @Test
    void kicksRaiseASparseStreetAboveTheRePacksLocalOptimumAndKeepThePlanValid() {
        new MatchingEngine(MatchingEngine.Options.DEFAULTS, false); // the native libraries
        Problem p = Problem.build(new InstanceGenerator(42, 1000, 100, Shape.LONG_TAIL).generate());
        int[] choice = new int[p.demands.size()];
        Arrays.fill(choice, -1);
        Relaxation relaxation = new Relaxation(p);
        long gained = 0;
        for (int c = 0; c < p.componentCount(); c++) {
            relaxation.solveFlow(c, choice);
            StartPlan.greedyFill(p, choice, p.componentDemands[c], false);
            Repack repack = new Repack(p, choice, p.componentResources[c]);
            repack.chainUntilStable(p.componentResources[c], Long.MAX_VALUE);
            repack.run(Long.MAX_VALUE, null); // the two-resource re-packs to their local optimum
            long before = Profits.componentProfit(p, choice, c);
            int[] untouched = choice.clone();
            Kicks kicks = new Kicks(p, choice, repack, c);
            assertThat(kicks.run(Long.MAX_VALUE)).as("gives up after its fruitless kicks").isTrue();
            long after = Profits.componentProfit(p, choice, c);
            assertThat(after).as("component %d", c).isGreaterThanOrEqualTo(before);
            if (kicks.moves() == 0) {
                assertThat(choice).as("component %d: every kick undone", c).containsExactly(untouched);
            }
            gained += after - before;
        }
        assertThat(gained).as("profit the kicks added over the street's components").isPositive();
        long[] load = new long[p.resources.size()];
        for (int d = 0; d < choice.length; d++) {
            if (choice[d] >= 0) {
                assertThat(p.pairDemand[choice[d]]).isEqualTo(d);
                load[p.pairResource[choice[d]]] += p.hours[d];
            }
        }
        for (int r = 0; r < load.length; r++) {
            assertThat(load[r]).as("resource %d", r).isLessThanOrEqualTo(p.capacity[r]);
        }
    }
}
