package org.threelists.matchmaker.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.threelists.matchmaker.matching.PlanAssertions.assertValid;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.threelists.matchmaker.matching.Assignment;
import org.threelists.matchmaker.matching.DemandInput;
import org.threelists.matchmaker.matching.MatchingEngine;
import org.threelists.matchmaker.matching.MatchingInstance;
import org.threelists.matchmaker.matching.MatchingPlan;
import org.threelists.matchmaker.matching.PlannedInstance;

/**
 * The re-plan after one new demand (services/matchmaker/engine/README.md, "Re-plan after one new demand"): from the
 * plan so far, only the new demand's component changes, and the result is as good as planning the whole larger
 * instance again, to within what that plan itself proves.
 */
class WarmStartTest {

    private final MatchingEngine engine = new MatchingEngine(new MatchingEngine.Options(5, 2, true));

    @Test
    void aNewDemandIsPlannedWithinTheProvenGapOfAFullReplanAndOnlyItsStreetChanges() {
        WarmReplan.Split split = WarmReplan.split(new InstanceGenerator(42, 1001, 100).generate(), 1);
        PlannedInstance state = engine.planKeepingState(split.base());
        Map<String, String> before = resourceByDemand(state.plan());
        DemandInput added = split.added().get(0);

        MatchingPlan warm = state.addDemand(added);
        MatchingPlan whole = state.currentPlan();
        MatchingPlan full = engine.plan(split.whole());

        assertValid(split.whole(), whole);
        assertThat(warm.objective()).isEqualTo(whole.objective());
        // the answer covers the new demand's component only: its street (a unit serves only its own street)
        assertThat(warm.assignments()).isNotEmpty().allSatisfy(a ->
                assertThat(streetOf(split.whole(), a.demandId())).isEqualTo(added.streetCode()));
        assertThat(warm.assignments().size() + warm.unmatchedDemandIds().size())
                .isLessThan(split.whole().demands().size());
        // every other street keeps its plan
        Map<String, String> after = resourceByDemand(whole);
        before.forEach((demand, resource) -> {
            if (!streetOf(split.whole(), demand).equals(added.streetCode())) {
                assertThat(after.get(demand)).as(demand).isEqualTo(resource);
            }
        });
        // the old bound plus the demand's best score is a proof: the full re-plan cannot beat it
        assertThat(warm.upperBound()).isGreaterThanOrEqualTo(full.objective() - 1e-9);
        assertThat(warm.upperBound()).isGreaterThanOrEqualTo(warm.objective());
        // and the warm plan loses at most what the full re-plan proves it may itself lose to the optimum
        assertThat(warm.objective()).isGreaterThanOrEqualTo(full.objective() - (full.upperBound() - full.objective())
                - 1e-9);
        System.out.printf("warm %.4f (bound %.4f, %d ms) full %.4f (bound %.4f, %d ms)%n", warm.objective(),
                warm.upperBound(), warm.solveMillis(), full.objective(), full.upperBound(), full.solveMillis());
    }

    @Test
    void aDemandNoResourceCanTakeChangesNothingButTheUnmatched() {
        WarmReplan.Split split = WarmReplan.split(new InstanceGenerator(7, 300, 30).generate(), 0);
        PlannedInstance state = engine.planKeepingState(split.base());
        DemandInput nowhere = new DemandInput("d-nowhere", "no-such-community", "no-such-street", "HEALTH",
                java.util.List.of(), org.threelists.matchmaker.matching.Urgency.HIGH, 2, null, null, null, false);

        MatchingPlan warm = state.addDemand(nowhere);

        assertThat(warm.assignments()).isEmpty();
        assertThat(warm.unmatchedDemandIds()).containsExactly("d-nowhere");
        assertThat(warm.objective()).isEqualTo(state.plan().objective());
        assertThat(warm.upperBound()).isEqualTo(state.plan().upperBound());
    }

    @Test
    void settledAssignmentsLeaveWithTheirHoursAndTheBoundStaysAProof() {
        WarmReplan.Split split = WarmReplan.split(new InstanceGenerator(42, 1001, 100).generate(), 1);
        PlannedInstance state = engine.planKeepingState(split.base());
        java.util.List<String> proposed = state.plan().assignments().stream().map(Assignment::demandId).toList();

        state.settle(proposed);

        assertThat(state.assignedPlan().assignments()).isEmpty();
        assertThat(state.instance().demands()).hasSize(split.base().demands().size() - proposed.size());
        double held = state.plan().assignments().stream().mapToDouble(a -> hours(split.base(), a.demandId())).sum();
        double before = split.base().resources().stream().mapToDouble(r -> r.remainingCapacity()).sum();
        double after = state.instance().resources().stream().mapToDouble(r -> r.remainingCapacity()).sum();
        assertThat(after).isCloseTo(before - held, org.assertj.core.data.Offset.offset(1e-6));

        MatchingPlan warm = state.addDemand(split.added().get(0));
        MatchingPlan residual = engine.plan(state.instance());
        assertValid(state.instance(), state.currentPlan());
        assertThat(warm.assignments()).allSatisfy(a -> assertThat(proposed).doesNotContain(a.demandId()));
        // planning the residual afresh cannot beat the bound carried through the settlement and the new demand
        assertThat(state.upperBound()).isGreaterThanOrEqualTo(residual.objective() - 1e-9);
        assertThat(state.upperBound()).isGreaterThanOrEqualTo(state.objective());
    }

    private static double hours(MatchingInstance instance, String demandId) {
        return instance.demands().stream().filter(d -> d.id().equals(demandId)).findFirst().orElseThrow()
                .estimatedHours();
    }

    private static Map<String, String> resourceByDemand(MatchingPlan plan) {
        Map<String, String> out = new HashMap<>();
        for (Assignment a : plan.assignments()) {
            out.put(a.demandId(), a.resourceId());
        }
        return out;
    }

    private static String streetOf(MatchingInstance instance, String demandId) {
        return instance.demands().stream().filter(d -> d.id().equals(demandId)).findFirst().orElseThrow()
                .streetCode();
    }
}
