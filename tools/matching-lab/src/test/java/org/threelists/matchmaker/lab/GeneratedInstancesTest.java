package org.threelists.matchmaker.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.threelists.matchmaker.matching.PlanAssertions.assertValid;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.threelists.matchmaker.matching.CandidatePair;
import org.threelists.matchmaker.matching.DemandInput;
import org.threelists.matchmaker.matching.MatchingEngine;
import org.threelists.matchmaker.matching.MatchingInstance;
import org.threelists.matchmaker.matching.MatchingPlan;
import org.threelists.matchmaker.matching.Scoring;
import org.threelists.matchmaker.matching.TestInstances;
import org.threelists.matchmaker.matching.model.Problem;

/** The engine against the exact references (brute force, CP-SAT, the LP), mostly on seeded generated instances. */
class GeneratedInstancesTest {

    private final MatchingEngine engine = new MatchingEngine(new MatchingEngine.Options(5, 2, true));

    @Test
    void capacityNeverExceededAndEachDemandAtMostOnce() {
        MatchingInstance inst = new InstanceGenerator(3, 300, 30).generate();
        MatchingPlan plan = new MatchingEngine(new MatchingEngine.Options(3, 2, true)).plan(inst);
        assertValid(inst, plan);
        assertThat(plan.flowBound()).isGreaterThanOrEqualTo(plan.objective());
        assertThat(plan.upperBound()).isGreaterThanOrEqualTo(plan.objective());
    }

    @Test
    void generatedThousandByHundredIsWithinHalfAPercentOfItsProvenBound() {
        MatchingInstance inst = new InstanceGenerator(42, 1000, 100).generate();
        // stops as soon as the proven gap is at most 0.4 %, or after 30 s (a loaded 2-core machine)
        MatchingPlan plan = new MatchingEngine(new MatchingEngine.Options(30, 2, true, 0.004)).plan(inst);
        System.out.printf("1000x100: %s %d ms objective %.4f bound %.4f LP bound %.4f gap %.3f%%%n", plan.method(),
                plan.solveMillis(), plan.objective(), plan.upperBound(), plan.flowBound(), 100 * plan.gap());
        assertValid(inst, plan);
        assertThat(plan.upperBound()).isGreaterThanOrEqualTo(plan.objective());
        assertThat(plan.flowBound()).isGreaterThanOrEqualTo(plan.upperBound());
        // the bound is a proof: the optimum is at most upperBound, so the plan is within 0.5 % of the optimum
        assertThat(plan.gap()).isLessThanOrEqualTo(0.005);
        // and against the independent reference (GLOP's LP relaxation of the plain-score model)
        ExactReference.Result lp = ExactReference.lpBound(inst);
        assertThat(plan.objective() / lp.bound()).isGreaterThanOrEqualTo(0.995);
        assertThat(plan.upperBound()).isLessThanOrEqualTo(lp.bound() + 1e-9);
    }

    // --- against exact references ------------------------------------------------------------------------------

    @Test
    void objectiveEqualsTheReferenceBruteForceOnTinyGeneratedInstances() {
        for (long seed = 1; seed <= 12; seed++) {
            MatchingInstance inst = subInstance(new InstanceGenerator(seed, 60, 6).generate(), 9, 3);
            ExactReference.Result exact = ExactReference.bruteForce(inst);
            MatchingPlan plan = engine.plan(inst);
            assertThat(plan.objective()).as("seed %d", seed).isCloseTo(exact.value(), Offset.offset(1e-9));
            assertThat(plan.gap()).isZero();
            assertValid(inst, plan);
        }
    }

    @Test
    void objectiveEqualsTheExactCpSatOptimumOnSmallGeneratedInstances() {
        int proven = 0;
        for (long seed = 1; seed <= 6; seed++) {
            MatchingInstance inst = subInstance(new InstanceGenerator(seed, 400, 40).generate(), 40, 6);
            ExactReference.Result exact = ExactReference.cpSat(inst, 20, 2);
            MatchingPlan plan = engine.plan(inst);
            assertValid(inst, plan);
            assertThat(plan.upperBound()).isGreaterThanOrEqualTo(plan.objective());
            // the per-component MIP reference (SCIP), the benchmark's honest reference where the LP is loose
            ExactReference.Result mip = ExactReference.componentMip(Problem.build(inst), 20);
            assertThat(mip.bound()).isGreaterThanOrEqualTo(plan.objective() - 1e-9);
            if (exact.exact()) {
                proven++;
                assertThat(plan.objective()).as("seed %d", seed).isCloseTo(exact.value(), Offset.offset(1e-9));
                assertThat(plan.upperBound()).isGreaterThanOrEqualTo(exact.value() - 1e-9);
                assertThat(mip.exact()).as("seed %d: SCIP proves it too", seed).isTrue();
                assertThat(mip.value()).as("seed %d", seed).isCloseTo(exact.value(), Offset.offset(1e-9));
            }
        }
        assertThat(proven).as("instances CP-SAT proved optimal").isGreaterThanOrEqualTo(4);
    }

    @Test
    void theBoundIsNeverBelowTheObjectiveNorAboveTheLp() {
        Random rnd = new Random(11);
        for (int t = 0; t < 10; t++) {
            MatchingInstance inst = new InstanceGenerator(rnd.nextLong(), 150 + rnd.nextInt(300), 10 + rnd.nextInt(30))
                    .generate();
            MatchingPlan plan = new MatchingEngine(new MatchingEngine.Options(1, 2, t % 2 == 0)).plan(inst);
            assertValid(inst, plan);
            assertThat(plan.upperBound()).as("instance %d", t).isGreaterThanOrEqualTo(plan.objective());
            assertThat(plan.flowBound()).isGreaterThanOrEqualTo(plan.upperBound());
            assertThat(ExactReference.lpBound(inst).bound()).isGreaterThanOrEqualTo(plan.flowBound() - 1e-4);
        }
    }

    @Test
    void theIndexedPairFinderFindsExactlyThePlainFeasiblePairsAndScores() {
        MatchingInstance inst = new InstanceGenerator(8, 2000, 200).generate();
        Problem p = Problem.build(inst);
        Map<String, Long> fast = new HashMap<>();
        for (int k = 0; k < p.pairCount(); k++) {
            fast.put(p.pairDemand[k] + "/" + p.pairResource[k], p.pairScaled[k]);
        }
        Map<String, Long> plain = new HashMap<>();
        for (int d = 0; d < inst.demands().size(); d++) {
            for (int r = 0; r < inst.resources().size(); r++) {
                if (Scoring.feasible(inst.demands().get(d), inst.resources().get(r))) {
                    plain.put(d + "/" + r, Scoring.scaled(Scoring.score(inst.demands().get(d),
                            inst.resources().get(r), inst.weights())));
                }
            }
        }
        assertThat(fast).isEqualTo(plain);
    }

    @Test
    void aCityDecomposesIntoIndependentStreets() {
        MatchingInstance inst = new InstanceGenerator(4, 4000, 2000).generate();
        Problem p = Problem.build(inst);
        assertThat(p.componentCount()).as("2 districts × 6 streets, at least").isGreaterThanOrEqualTo(12);
        for (int k = 0; k < p.pairCount(); k++) {
            assertThat(p.demandComponent[p.pairDemand[k]]).isEqualTo(p.resourceComponent[p.pairResource[k]]);
        }
        assertThat(inst.demands()).extracting(DemandInput::communityCode).allMatch(c -> c.matches(".*-0[12]"));
    }

    @Test
    void componentsOfOneOrTwoResourcesAreSolvedExactlyByTheRepack() {
        // one resource, 12 demands: a knapsack; greedy by score or by density both miss the optimum here
        List<DemandInput> ds = new ArrayList<>();
        List<CandidatePair> cs = new ArrayList<>();
        double[] hours = {5, 4, 3, 3, 3, 2.5, 2, 2, 1.5, 6, 7, 1};
        double[] scores = {0.9, 0.8, 0.55, 0.55, 0.5, 0.45, 0.4, 0.3, 0.35, 0.95, 0.97, 0.1};
        for (int i = 0; i < hours.length; i++) {
            ds.add(TestInstances.demand("d" + i, "jiafu", "HEALTH", hours[i]));
            cs.add(new CandidatePair("d" + i, "R", scores[i]));
        }
        MatchingInstance inst = new MatchingInstance(ds, List.of(TestInstances.resource("R", "unit-r", "HEALTH", "jiafu", 12)), cs,
                null);
        MatchingPlan noCpSat = new MatchingEngine(new MatchingEngine.Options(1, 1, false)).plan(inst);
        assertThat(noCpSat.objective()).isCloseTo(ExactReference.bruteForce(inst).value(), Offset.offset(1e-9));
        assertThat(noCpSat.gap()).isZero();
        assertThat(noCpSat.method()).startsWith("exact:OPTIMAL");
    }

    /** The first {@code nd} demands and {@code nr} resources of a generated instance (same world, small). */
    private static MatchingInstance subInstance(MatchingInstance inst, int nd, int nr) {
        return new MatchingInstance(inst.demands().subList(0, nd), inst.resources().subList(0, nr));
    }
}
