package org.threelists.matchmaker.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.threelists.matchmaker.matching.PlanAssertions.assertValid;

import org.junit.jupiter.api.Test;
import org.threelists.matchmaker.matching.MatchingEngine;
import org.threelists.matchmaker.matching.MatchingInstance;
import org.threelists.matchmaker.matching.MatchingPlan;

/**
 * A caller's time limit bounds the whole plan, from the call to the answer (services/matchmaker/engine/README.md,
 * "Time limit"): when the limit leaves no time for the search, or not even for finding every pair, the answer is
 * still a valid plan with a proven bound, and its method says it was cut short. How long the call takes is a figure
 * for the benchmark (bench/, part "matching"; its "overrun s" column), not an assertion here: a test on a shared
 * machine cannot tell a slow engine from a busy machine.
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

    @Test
    void aLimitOfNothingAnswersAValidPlanThatSaysItFoundNoPairsAndStillBoundsTheOptimum() {
        MatchingInstance street = new InstanceGenerator(42, 1000, 100).generate();

        MatchingPlan cut = new MatchingEngine(new MatchingEngine.Options(0, 2, true)).plan(street);
        MatchingPlan full = new MatchingEngine(new MatchingEngine.Options(1, 2, true)).plan(street);

        System.out.printf("1000x100 under a 0 s limit: %d ms reported, objective %.4f, bound %.4f, %s%n",
                cut.solveMillis(), cut.objective(), cut.upperBound(), cut.method());
        assertValid(street, cut);
        assertThat(cut.method()).contains("time limit: pairs of 0/1000 demands found");
        assertThat(cut.unmatchedDemandIds()).hasSize(1000);
        // the bound of demands never looked at is weak, but a proof: no plan, however long it was searched, beats it
        assertThat(cut.upperBound()).isGreaterThanOrEqualTo(full.objective());
        assertThat(cut.flowBound()).isGreaterThanOrEqualTo(cut.upperBound());
        assertThat(cut.gap()).isEqualTo(1.0);
    }

    @Test
    void aLimitShorterThanFindingThePairsAnswersTheBestPlanSoFarWithItsBound() {
        MatchingInstance city = new InstanceGenerator(42, 10_000, 1000).generate();

        // 20 ms: the pairs alone take about 0.15 s of a quiet machine's time, so any machine cuts this plan short
        MatchingPlan cut = new MatchingEngine(new MatchingEngine.Options(0.02, 2, true)).plan(city);
        MatchingPlan full = new MatchingEngine(new MatchingEngine.Options(1, 2, true)).plan(city);

        System.out.printf("10000x1000 under a 20 ms limit: %d ms reported, objective %.4f, bound %.4f, %s%n",
                cut.solveMillis(), cut.objective(), cut.upperBound(), cut.method());
        assertValid(city, cut);
        assertThat(cut.method()).contains("time limit");
        assertThat(cut.upperBound()).isGreaterThanOrEqualTo(full.objective()).isGreaterThanOrEqualTo(cut.objective());
        assertThat(cut.flowBound()).isGreaterThanOrEqualTo(cut.upperBound());
    }
}
