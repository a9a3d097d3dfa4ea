package org.threelists.matchmaker.matching;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.threelists.matchmaker.matching.model.Problem;

/**
 * The engine's warm-up (services/matchmaker/engine/README.md, "A warm first plan"): its synthetic street office is
 * shaped like a real one (a component per street, about a dozen to twenty candidate resources per demand), and the
 * warm-up runs once per JVM, whatever the number of engines constructed.
 */
class WarmUpTest {

    @Test
    void theSyntheticStreetOfficeIsShapedLikeARealOne() {
        MatchingInstance instance = WarmUp.instance(0);
        Problem p = Problem.build(instance);

        assertThat(instance.demands()).hasSize(WarmUp.DEMANDS + WarmUp.ADDS);
        assertThat(instance.resources()).hasSize(WarmUp.RESOURCES);
        // a unit serves only its own street: a component per street of the demo world's sizes
        assertThat(p.componentCount()).isBetween(4, WarmUp.STREETS.length);
        assertThat(p.pairCount() / (double) p.demands.size()).isBetween(8.0, 25.0);
        // capacity binds: about three quarters of the hours asked, so the plan is a choice
        double asked = instance.demands().stream().mapToDouble(DemandInput::estimatedHours).sum();
        double offered = instance.resources().stream().mapToDouble(ResourceInput::remainingCapacity).sum();
        assertThat(offered / asked).isBetween(0.6, 0.95);
    }

    @Test
    void theWarmUpRunsOncePerJvm() {
        new MatchingEngine(new MatchingEngine.Options(0.2, 2, true));
        long first = MatchingEngine.warmUpNanos();
        new MatchingEngine(new MatchingEngine.Options(0.2, 2, true));
        MatchingEngine.warmUp();

        assertThat(first).isPositive();
        assertThat(MatchingEngine.warmUpNanos()).isEqualTo(first);
        // and an engine constructed after it plans as before
        MatchingInstance street = WarmUp.instance(5);
        MatchingPlan plan = new MatchingEngine(new MatchingEngine.Options(1, 2, true), false).plan(street);
        PlanAssertions.assertValid(street, plan);
        assertThat(plan.objective()).isPositive();
    }
}
