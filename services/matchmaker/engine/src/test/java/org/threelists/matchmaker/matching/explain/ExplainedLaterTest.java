package org.threelists.matchmaker.matching.explain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.threelists.matchmaker.matching.TestInstances.demand;
import static org.threelists.matchmaker.matching.TestInstances.resource;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.threelists.matchmaker.matching.Assignment;
import org.threelists.matchmaker.matching.DemandInput;
import org.threelists.matchmaker.matching.MatchingInstance;
import org.threelists.matchmaker.matching.ResourceInput;
import org.threelists.matchmaker.matching.model.Problem;

/** The explanations built when first read are those of the plan as it was answered, whatever happens to it later. */
class ExplainedLaterTest {

    @Test
    void explainsThePlanAsAnsweredWhenFirstRead() {
        List<DemandInput> demands = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            demands.add(demand("d" + i, "c1", "cat", 1 + i % 3));
        }
        List<ResourceInput> resources = List.of(resource("r1", "u1", "cat", "c1", 4),
                resource("r2", "u2", "cat", "c1", 3));
        Problem p = Problem.build(new MatchingInstance(demands, resources));
        int[] choice = new int[demands.size()];
        java.util.Arrays.fill(choice, -1);
        choice[0] = p.byDemand[0][0];
        choice[2] = p.byDemand[2][1];
        choice[4] = p.byDemand[4][0];
        List<Assignment> eager = Explainer.explain(p, choice);

        List<Assignment> later = Explainer.explainLater(p, choice, null);
        List<Assignment> someLater = Explainer.explainLater(p, choice, new int[] {4, 1, 0});
        assertThat(later).hasSize(3);
        assertThat(someLater).hasSize(2);
        java.util.Arrays.fill(choice, -1); // the caller's plan moves on: the answers do not
        assertThat(later).isEqualTo(eager);
        assertThat(later).extracting(Assignment::demandId).containsExactly("d0", "d2", "d4");
        assertThat(later.get(1).alternatives()).isNotEmpty();
        assertThat(someLater).containsExactly(eager.get(2), eager.get(0));
    }
}
