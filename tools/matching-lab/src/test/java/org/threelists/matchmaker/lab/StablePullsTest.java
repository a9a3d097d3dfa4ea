package org.threelists.matchmaker.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.threelists.matchmaker.matching.MatchingEngine;
import org.threelists.matchmaker.matching.model.Problem;
import org.threelists.matchmaker.matching.model.Profits;
import org.threelists.matchmaker.matching.relaxation.Relaxation;
import org.threelists.matchmaker.matching.search.Repack;
import org.threelists.matchmaker.matching.search.StartPlan;
import org.threelists.matchmaker.matching.solve.WarmStart;

/**
 * A warm start skips the one-resource re-packs of the resources the plan's search left stable
 * (services/matchmaker/engine/README.md, "Re-plan after one new demand"): it makes exactly the moves of a warm start
 * that re-packs every resource of the street first, demand after demand.
 */
class StablePullsTest {

    @Test
    void skippingTheStableResourcesMakesTheSameMovesDemandAfterDemand() {
        new MatchingEngine(MatchingEngine.Options.DEFAULTS, false); // the native libraries
        WarmReplan.Split split = WarmReplan.split(new InstanceGenerator(7, 1010, 100).generate(), 10);
        Problem p = Problem.build(split.base());
        int[] choice = new int[p.demands.size()];
        Arrays.fill(choice, -1);
        Relaxation relaxation = new Relaxation(p);
        long[] bound = new long[p.componentCount()];
        boolean[] stable = new boolean[p.resources.size()];
        for (int c = 0; c < p.componentCount(); c++) {
            relaxation.solveFlow(c, choice);
            StartPlan.greedyFill(p, choice, p.componentDemands[c], false);
            Repack repack = new Repack(p, choice, p.componentResources[c]);
            repack.pullUntilStable(p.componentResources[c], Long.MAX_VALUE);
            // a few two-resource re-packs after the pulls, as the plan's search makes: some resources unstable again
            repack.run(Long.MAX_VALUE, Arrays.copyOf(p.componentResources[c], 3));
            for (int r : p.componentResources[c]) {
                stable[r] = repack.pullStable(r);
            }
            bound[c] = relaxation.componentBound[c] / p.m;
        }
        assertThat(stable).contains(true).contains(false);

        int[] skipping = choice;
        int[] everyOne = choice;
        long[] boundSkipping = bound;
        long[] boundEveryOne = bound;
        Problem current = p;
        for (var demand : split.added()) {
            current = current.withDemand(demand);
            WarmStart.Result fast = WarmStart.addDemand(current, skipping, boundSkipping, Long.MAX_VALUE, stable);
            WarmStart.Result full = WarmStart.addDemand(current, everyOne, boundEveryOne, Long.MAX_VALUE, null);
            assertThat(fast.choice()).as(demand.id()).containsExactly(full.choice());
            assertThat(fast.componentBoundScaled()).containsExactly(full.componentBoundScaled());
            skipping = fast.choice();
            everyOne = full.choice();
            boundSkipping = fast.componentBoundScaled();
            boundEveryOne = full.componentBoundScaled();
            stable = fast.pullStable();
        }
        assertThat(Profits.scaledTotal(current, skipping)).isPositive();
    }
}
