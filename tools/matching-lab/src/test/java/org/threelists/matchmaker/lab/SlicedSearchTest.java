package org.threelists.matchmaker.lab;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.threelists.matchmaker.matching.model.Problem;
import org.threelists.matchmaker.matching.nativelib.NativeLibraries;
import org.threelists.matchmaker.matching.model.Profits;
import org.threelists.matchmaker.matching.relaxation.Relaxation;
import org.threelists.matchmaker.matching.search.Repack;
import org.threelists.matchmaker.matching.search.StartPlan;

/**
 * The engine searches each component in time slices (services/matchmaker/engine/README.md, "How"): a re-pack resumed
 * slice after slice makes exactly the moves of one run without a break, so where the slices fall does not change the
 * plan.
 */
class SlicedSearchTest {

    @Test
    void aRepackResumedInSlicesMakesTheSamePlanAsOneRun() {
        NativeLibraries.load(); // the flow is OR-Tools'
        Problem p = Problem.build(new InstanceGenerator(5, 2000, 200).generate());
        int[] start = new Relaxation(p).solveFlow();
        StartPlan.greedyFill(p, start);
        StartPlan.improve(p, start, Long.MAX_VALUE);
        int largest = 0;
        for (int c = 1; c < p.componentCount(); c++) {
            if (p.componentPairs(c) > p.componentPairs(largest)) {
                largest = c;
            }
        }
        int[] resources = p.componentResources[largest];

        int[] once = start.clone();
        assertThat(new Repack(p, once, resources).run(Long.MAX_VALUE, null)).isTrue();

        int[] sliced = start.clone();
        Repack slices = new Repack(p, sliced, resources);
        int calls = 0;
        while (!slices.resume(System.nanoTime() + 2_000_000L)) {
            calls++;
        }

        assertThat(calls).as("the re-pack was cut into slices").isPositive();
        assertThat(sliced).isEqualTo(once);
        assertThat(Profits.componentProfit(p, once, largest))
                .isGreaterThan(Profits.componentProfit(p, start, largest));
    }
}
