package org.threelists.matchmaker.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.threelists.matchmaker.matching.PlanAssertions.assertValid;

import org.junit.jupiter.api.Test;
import org.threelists.matchmaker.matching.MatchingEngine;
import org.threelists.matchmaker.matching.MatchingInstance;
import org.threelists.matchmaker.matching.MatchingPlan;

/**
 * A caller's time limit bounds the whole plan, from the call to the answer (services/matchmaker/engine/README.md,
 * "Time limit"): when the limit leaves no time for the search, the answer is still a valid plan with its bound.
 * How long the call takes is a figure for the benchmark (bench/, part "matching"), not an assertion here: a test
 * on a shared machine cannot tell a slow engine from a busy machine.
 */
class TimeLimitTest {

    @Test
    void aOneSecondLimitStillGivesAValidPlanOfATenThousandByThousandInstance() {
        MatchingInstance instance = new InstanceGenerator(42, 10_000, 1000).generate();
        MatchingEngine engine = new MatchingEngine(new MatchingEngine.Options(1, 2, true));

        long started = System.nanoTime();
        MatchingPlan plan = engine.plan(instance);
        double seconds = (System.nanoTime() - started) / 1e9;

        System.out.printf("10000x1000 under a 1 s limit: %.3f s around the call, %d ms reported, objective %.4f, "
                + "bound %.4f, %s%n", seconds, plan.solveMillis(), plan.objective(), plan.upperBound(), plan.method());
        assertValid(instance, plan);
        assertThat(plan.assignments()).as("a plan, not an empty answer").hasSizeGreaterThan(instance.demands().size() / 2);
        assertThat(plan.upperBound()).isGreaterThanOrEqualTo(plan.objective());
        assertThat(plan.flowBound()).isGreaterThanOrEqualTo(plan.upperBound());
    }
}
