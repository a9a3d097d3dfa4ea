package org.threelists.matchmaker.matching.solve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.threelists.matchmaker.matching.TestInstances.demand;
import static org.threelists.matchmaker.matching.TestInstances.resource;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.threelists.matchmaker.matching.CandidatePair;
import org.threelists.matchmaker.matching.DemandInput;
import org.threelists.matchmaker.matching.MatchingEngine;
import org.threelists.matchmaker.matching.MatchingInstance;
import org.threelists.matchmaker.matching.ResourceInput;
import org.threelists.matchmaker.matching.model.Problem;
import org.threelists.matchmaker.matching.relaxation.Relaxation;

/** Where the search's next slice goes once every component is started. */
class SlicesTest {

    @Test
    void aComponentSmallerThanASliceCountsItsOpenGapPerSliceOfWork() {
        // 600 pairs and 6: the first's open gap is twice the second's, but the second gives its gap up in a
        // hundredth of the work
        ComponentSearch[] searches = twoComponents(300, 3);
        ComponentSearch large = searches[0].pairs > searches[1].pairs ? searches[0] : searches[1];
        ComponentSearch small = large == searches[0] ? searches[1] : searches[0];
        assertThat(large.pairs).isEqualTo(600);
        assertThat(small.pairs).isEqualTo(6);
        gap(large, 600);
        gap(small, 300);
        Slices slices = new Slices(searches, () -> false, 0.001, Slices.sliceNanos(1));

        assertThat(slices.take(ComponentSearch.Step.DONE, true)).isSameAs(small);
        assertThat(slices.take(ComponentSearch.Step.DONE, true)).as("the other thread's, while the first is busy")
                .isSameAs(large);
        assertThat(slices.take(ComponentSearch.Step.DONE, true)).as("both busy").isNull();
    }

    @Test
    void componentsOfASliceOrMoreGoByTheirOpenGap() {
        // 2,400 pairs and 1,200: both at least a slice's work, so the larger open gap first, whatever the pairs
        ComponentSearch[] searches = twoComponents(1_200, 600);
        ComponentSearch large = searches[0].pairs > searches[1].pairs ? searches[0] : searches[1];
        ComponentSearch small = large == searches[0] ? searches[1] : searches[0];
        assertThat(small.pairs).isGreaterThanOrEqualTo(ComponentSearch.SLICE_PAIRS);
        gap(large, 600);
        gap(small, 400);
        Slices slices = new Slices(searches, () -> false, 0.001, Slices.sliceNanos(1));

        assertThat(slices.take(ComponentSearch.Step.DONE, true)).isSameAs(large);
        assertThat(slices.take(ComponentSearch.Step.DONE, true)).isSameAs(small);
    }

    private static void gap(ComponentSearch s, long open) {
        s.bound = 10_000;
        s.primal = 10_000 - open;
    }

    /** Two streets re-packing, of 2 pairs per demand: {@code first} demands on two resources, {@code second} on two. */
    private static ComponentSearch[] twoComponents(int first, int second) {
        List<DemandInput> ds = new ArrayList<>();
        List<CandidatePair> cs = new ArrayList<>();
        for (int i = 0; i < first + second; i++) {
            String street = i < first ? "a" : "b";
            ds.add(demand("d" + i, street, "HEALTH", 1));
            cs.add(new CandidatePair("d" + i, street + "1", 0.5));
            cs.add(new CandidatePair("d" + i, street + "2", 0.5));
        }
        List<ResourceInput> rs = List.of(resource("a1", "u1", "HEALTH", "a", 2), resource("a2", "u2", "HEALTH", "a", 2),
                resource("b1", "u3", "HEALTH", "b", 2), resource("b2", "u4", "HEALTH", "b", 2));
        Problem p = Problem.build(new MatchingInstance(ds, rs, cs, null));
        assertThat(p.componentCount()).isEqualTo(2);
        Relaxation relaxation = new Relaxation(p);
        int[] choice = new int[p.demands.size()];
        MatchingEngine.Options options = new MatchingEngine.Options(1, 2, false);
        ComponentSearch[] searches = new ComponentSearch[2];
        for (int c = 0; c < 2; c++) {
            searches[c] = new ComponentSearch(p, c, choice, relaxation, new FlowEstimate(), options);
            searches[c].step = ComponentSearch.Step.REPACK;
        }
        return searches;
    }
}
