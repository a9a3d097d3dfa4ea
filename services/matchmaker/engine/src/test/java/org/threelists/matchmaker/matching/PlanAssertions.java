package org.threelists.matchmaker.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** What every plan must be, whatever the instance: shared with tools/matching-lab's tests through the test jar. */
public final class PlanAssertions {

    private PlanAssertions() {
    }

    /**
     * Each demand at most once, on a feasible resource of the stated unit (unless the candidates were given), no
     * resource over its capacity, the objective the sum of the scores, and every demand either assigned or unmatched.
     */
    public static void assertValid(MatchingInstance inst, MatchingPlan plan) {
        Map<String, DemandInput> ds = new HashMap<>();
        inst.demands().forEach(d -> ds.put(d.id(), d));
        Map<String, ResourceInput> rs = new HashMap<>();
        inst.resources().forEach(r -> rs.put(r.id(), r));
        Set<String> seen = new HashSet<>();
        Map<String, Double> used = new HashMap<>();
        double total = 0;
        for (Assignment a : plan.assignments()) {
            assertThat(seen.add(a.demandId())).as("demand %s at most once", a.demandId()).isTrue();
            DemandInput d = ds.get(a.demandId());
            ResourceInput r = rs.get(a.resourceId());
            if (inst.candidates() == null) {
                assertThat(Scoring.feasible(d, r)).isTrue();
            }
            assertThat(a.unitId()).isEqualTo(r.unitId());
            used.merge(r.id(), d.estimatedHours(), Double::sum);
            total += a.score();
        }
        used.forEach((id, hours) -> assertThat(hours).as("hours on %s", id)
                .isLessThanOrEqualTo(rs.get(id).remainingCapacity() + 1e-9));
        assertThat(plan.objective()).isCloseTo(total, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(seen.size() + plan.unmatchedDemandIds().size()).isEqualTo(inst.demands().size());
    }
}
