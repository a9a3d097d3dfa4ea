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
        assertBundled(plan, ds);
    }

    /**
     * Every assigned demand in exactly one proposed project, of its assignment's unit, community and category, with
     * its resource among the project's; and the project's window within the demand's.
     */
    private static void assertBundled(MatchingPlan plan, Map<String, DemandInput> ds) {
        Map<String, Assignment> byDemand = new HashMap<>();
        plan.assignments().forEach(a -> byDemand.put(a.demandId(), a));
        Set<String> bundled = new HashSet<>();
        for (ProposedProject project : plan.projects()) {
            for (String id : project.demandIds()) {
                assertThat(bundled.add(id)).as("demand %s in one project", id).isTrue();
                Assignment a = byDemand.get(id);
                assertThat(a).as("bundled demand %s is assigned", id).isNotNull();
                DemandInput d = ds.get(id);
                assertThat(project.unitId()).isEqualTo(a.unitId());
                assertThat(project.communityCode()).isEqualTo(d.communityCode());
                assertThat(project.category()).isEqualTo(d.category());
                assertThat(project.resourceIds()).contains(a.resourceId());
                assertThat(new Window(d.windowStart(), d.windowEnd()).intersect(project.window()))
                        .isEqualTo(project.window());
            }
        }
        assertThat(bundled).isEqualTo(byDemand.keySet());
    }
}
