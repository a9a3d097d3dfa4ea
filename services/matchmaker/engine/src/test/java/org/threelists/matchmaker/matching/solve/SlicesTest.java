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
    void theNextSliceGoesToTheLargestOpenGapPerPairNotTheLargestOpenGap() {
        // a street of 12 pairs and one of 2: the large one's open gap is twice the small one's, but per pair
        // (what a re-pack sweep costs) the small one's is three times as large
        List<DemandInput> ds = new ArrayList<>();
        List<CandidatePair> cs = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            ds.add(demand("big" + i, "jiafu", "HEALTH", 1));
            cs.add(new CandidatePair("big" + i, "RB1", 0.5));
            cs.add(new CandidatePair("big" + i, "RB2", 0.5));
        }
        ds.add(demand("small", "tongyuan", "HEALTH", 1));
        cs.add(new CandidatePair("small", "RS1", 0.5));
        cs.add(new CandidatePair("small", "RS2", 0.5));
        List<ResourceInput> rs = List.of(resource("RB1", "u1", "HEALTH", "jiafu", 2),
                resource("RB2", "u2", "HEALTH", "jiafu", 2), resource("RS1", "u3", "HEALTH", "tongyuan", 2),
                resource("RS2", "u4", "HEALTH", "tongyuan", 2));
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
        int big = searches[0].pairs > searches[1].pairs ? 0 : 1;
        int small = 1 - big;
        assertThat(searches[big].pairs).isEqualTo(12);
        assertThat(searches[small].pairs).isEqualTo(2);
        searches[big].bound = 1_000;
        searches[big].primal = 400; // open gap 600, 50 per pair
        searches[small].bound = 1_000;
        searches[small].primal = 700; // open gap 300, 150 per pair
        Slices slices = new Slices(searches, () -> false, 0.001, Slices.sliceNanos(1));

        assertThat(slices.take(ComponentSearch.Step.DONE, true)).isSameAs(searches[small]);
        assertThat(slices.take(ComponentSearch.Step.DONE, true)).as("the other thread's, while the first is busy")
                .isSameAs(searches[big]);
        assertThat(slices.take(ComponentSearch.Step.DONE, true)).as("both busy").isNull();
    }
}
