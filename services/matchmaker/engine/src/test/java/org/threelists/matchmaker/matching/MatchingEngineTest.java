package org.threelists.matchmaker.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class MatchingEngineTest {

    private final MatchingEngine engine = new MatchingEngine(new MatchingEngine.Options(5, 2, true));

    static DemandInput demand(String id, String community, String category, double hours) {
        return new DemandInput(id, community, "s", category, List.of(), Urgency.NORMAL, hours, null, null, null, false);
    }

    static ResourceInput resource(String id, String unit, String category, String community, double capacity) {
        return new ResourceInput(id, unit, List.of(category), List.of(), List.of(community), null, null, capacity,
                null, null);
    }

    // --- feasibility, one rule at a time ------------------------------------------------------------------------

    @Test
    void feasibilityRulesOneByOne() {
        DemandInput d = new DemandInput("d", "jiafu", "dianqian", "HEALTH", List.of("Nurse"), Urgency.HIGH, 3,
                LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 15), null, false);
        ResourceInput ok = new ResourceInput("r", "unit-a", List.of("HEALTH"), List.of("nurse ", "doctor"),
                List.of("jiafu"), LocalDate.of(2026, 12, 15), null, 3, 4.0, 10.0);
        assertThat(Scoring.feasible(d, ok)).isTrue();
        assertThat(Scoring.feasible(d, new ResourceInput("r", "unit-a", List.of("SAFETY"), ok.skills(),
                ok.serviceArea(), null, null, 10, null, null))).as("category").isFalse();
        assertThat(Scoring.feasible(d, new ResourceInput("r", "unit-a", ok.categories(), ok.skills(),
                List.of("tongyuan"), null, null, 10, null, null))).as("area").isFalse();
        assertThat(Scoring.feasible(d, new ResourceInput("r", "unit-a", ok.categories(), List.of("doctor"),
                ok.serviceArea(), null, null, 10, null, null))).as("skill").isFalse();
        assertThat(Scoring.feasible(d, new ResourceInput("r", "unit-a", ok.categories(), ok.skills(),
                ok.serviceArea(), LocalDate.of(2026, 12, 16), null, 10, null, null))).as("window").isFalse();
        assertThat(Scoring.feasible(d, new ResourceInput("r", "unit-a", ok.categories(), ok.skills(),
                ok.serviceArea(), null, LocalDate.of(2026, 11, 30), 10, null, null))).as("window end").isFalse();
        assertThat(Scoring.feasible(d, new ResourceInput("r", "unit-a", ok.categories(), ok.skills(),
                ok.serviceArea(), null, null, 2.9, null, null))).as("capacity").isFalse();
    }

    @Test
    void scoreTermsAreDocumentedValues() {
        DemandInput d = new DemandInput("d", "jiafu", "dianqian", "HEALTH", List.of("nurse"), Urgency.HIGH, 3,
                null, null, null, true);
        ResourceInput r = new ResourceInput("r", "unit-a", List.of("HEALTH"), List.of("nurse", "doctor"),
                List.of("tongyuan", "jiafu"), null, null, 10, 5.0, 40.0);
        Map<String, Double> terms = Scoring.terms(d, r, Weights.DEFAULTS);
        assertThat(terms).containsEntry("urgency", 0.40)            // HIGH .75 + overdue .25
                .containsEntry("skillFit", 0.10)                      // 1 of 2 skills used
                .containsEntry("proximity", 0.075)                    // not the home community
                .containsEntry("rating", 0.10)                        // (5-1)/4
                .containsEntry("fairness", 0.075);                    // 1/(1+40/40)
        assertThat(Scoring.score(d, r, Weights.DEFAULTS)).isEqualTo(0.75);
    }

    // --- the optimisation --------------------------------------------------------------------------------------

    @Test
    void greedyBySCoreIsSuboptimalButTheEngineIsNot() {
        // one resource of 10 h: greedy takes A (0.9) first; the optimum is B + C (1.6)
        List<DemandInput> ds = List.of(demand("A", "jiafu", "HEALTH", 10), demand("B", "jiafu", "HEALTH", 5),
                demand("C", "jiafu", "HEALTH", 5));
        List<ResourceInput> rs = List.of(resource("R", "unit-r", "HEALTH", "jiafu", 10));
        List<CandidatePair> cs = List.of(new CandidatePair("A", "R", 0.9), new CandidatePair("B", "R", 0.8),
                new CandidatePair("C", "R", 0.8));
        MatchingPlan plan = engine.plan(new MatchingInstance(ds, rs, cs, null));
        assertThat(plan.objective()).isEqualTo(1.6);
        assertThat(plan.assignments()).extracting(Assignment::demandId).containsExactlyInAnyOrder("B", "C");
        assertThat(plan.unmatchedDemandIds()).containsExactly("A");
        assertThat(plan.gap()).isZero();
        assertThat(plan.method()).isEqualTo("cp-sat:OPTIMAL");
        assertThat(plan.flowBound()).isGreaterThanOrEqualTo(plan.objective());
    }

    @Test
    void objectiveEqualsBruteForceOnSmallRandomInstances() {
        Random rnd = new Random(7);
        for (int t = 0; t < 25; t++) {
            MatchingInstance inst = smallRandom(rnd, 8, 4);
            MatchingPlan plan = engine.plan(inst);
            double best = bruteForce(inst);
            assertThat(plan.objective()).as("instance %d", t).isCloseTo(best, org.assertj.core.data.Offset.offset(1e-9));
            assertThat(plan.flowBound()).isGreaterThanOrEqualTo(plan.objective() - 1e-9);
            assertValid(inst, plan);
        }
    }

    @Test
    void capacityNeverExceededAndEachDemandAtMostOnce() {
        MatchingInstance inst = new InstanceGenerator(3, 300, 30).generate();
        MatchingPlan plan = new MatchingEngine(new MatchingEngine.Options(3, 2, true)).plan(inst);
        assertValid(inst, plan);
        assertThat(plan.flowBound()).isGreaterThanOrEqualTo(plan.objective());
        assertThat(plan.upperBound()).isGreaterThanOrEqualTo(plan.objective());
    }

    @Test
    void tieGoesToTheUnitWithLessLoad() {
        DemandInput d = demand("d", "jiafu", "HEALTH", 2);
        ResourceInput busy = new ResourceInput("busy", "unit-busy", List.of("HEALTH"), List.of(), List.of("jiafu"),
                null, null, 10, null, 30.0);
        ResourceInput idle = new ResourceInput("idle", "unit-idle", List.of("HEALTH"), List.of(), List.of("jiafu"),
                null, null, 10, null, 0.0);
        List<CandidatePair> equal = List.of(new CandidatePair("d", "busy", 0.5), new CandidatePair("d", "idle", 0.5));
        MatchingPlan plan = engine.plan(new MatchingInstance(List.of(d), List.of(busy, idle), equal, null));
        assertThat(plan.assignments().get(0).resourceId()).isEqualTo("idle");
        assertThat(plan.assignments().get(0).alternatives()).singleElement()
                .extracting(Alternative::reason).isEqualTo(Alternative.Reason.TIE_FAIRNESS);
    }

    @Test
    void explanationsListAlternativesAndWhyTheyLost() {
        // X and Y both want the best resource R1 (4 h); R1 can take only one: Y (more urgent) gets it
        DemandInput x = demand("X", "jiafu", "HEALTH", 4);
        DemandInput y = new DemandInput("Y", "jiafu", "s", "HEALTH", List.of(), Urgency.CRITICAL, 4, null, null,
                null, false);
        ResourceInput r1 = new ResourceInput("R1", "unit-one", List.of("HEALTH"), List.of(), List.of("jiafu"),
                null, null, 4, 5.0, 0.0);
        ResourceInput r2 = new ResourceInput("R2", "unit-two", List.of("HEALTH"), List.of(), List.of("jiafu"),
                null, null, 4, 1.0, 0.0);
        MatchingPlan plan = engine.plan(new MatchingInstance(List.of(x, y), List.of(r1, r2)));
        Map<String, Assignment> byDemand = new HashMap<>();
        plan.assignments().forEach(a -> byDemand.put(a.demandId(), a));
        assertThat(byDemand.get("Y").resourceId()).isEqualTo("R1");
        assertThat(byDemand.get("Y").terms()).containsKeys("urgency", "skillFit", "proximity", "rating", "fairness");
        assertThat(byDemand.get("Y").alternatives()).singleElement().satisfies(alt -> {
            assertThat(alt.resourceId()).isEqualTo("R2");
            assertThat(alt.reason()).isEqualTo(Alternative.Reason.LOWER_SCORE);
        });
        assertThat(byDemand.get("X").resourceId()).isEqualTo("R2");
        assertThat(byDemand.get("X").alternatives()).singleElement().satisfies(alt -> {
            assertThat(alt.resourceId()).isEqualTo("R1");
            assertThat(alt.reason()).isEqualTo(Alternative.Reason.CAPACITY_TAKEN);
            assertThat(alt.blockingDemandIds()).containsExactly("Y");
            assertThat(alt.score()).isGreaterThan(byDemand.get("X").score());
        });
    }

    @Test
    void bundlesOneUnitCommunityCategoryWithCompatibleWindows() {
        LocalDate dec = LocalDate.of(2026, 12, 1);
        DemandInput a = new DemandInput("a", "jiafu", "s", "HEALTH", List.of(), Urgency.NORMAL, 1, dec,
                dec.plusDays(10), null, false);
        DemandInput b = new DemandInput("b", "jiafu", "s", "HEALTH", List.of(), Urgency.NORMAL, 1, dec.plusDays(5),
                dec.plusDays(20), null, false);
        DemandInput c = new DemandInput("c", "jiafu", "s", "HEALTH", List.of(), Urgency.NORMAL, 1, dec.plusDays(15),
                dec.plusDays(25), null, false);
        DemandInput open = demand("open", "jiafu", "HEALTH", 1);
        DemandInput other = demand("other", "jiafu", "SAFETY", 1);
        ResourceInput r = new ResourceInput("r", "unit-u", List.of("HEALTH", "SAFETY"), List.of(), List.of("jiafu"),
                null, null, 100, null, null);
        MatchingPlan plan = engine.plan(new MatchingInstance(List.of(a, b, c, open, other), List.of(r)));
        assertThat(plan.projects()).extracting(ProposedProject::demandIds)
                .containsExactlyInAnyOrder(List.of("a", "b", "open"), List.of("c"), List.of("other"));
        ProposedProject first = plan.projects().stream().filter(pp -> pp.demandIds().contains("a")).findFirst()
                .orElseThrow();
        assertThat(first.window()).isEqualTo(new Window(dec.plusDays(5), dec.plusDays(10)));
        assertThat(first.unitId()).isEqualTo("unit-u");
        assertThat(first.resourceIds()).containsExactly("r");
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
            if (exact.exact()) {
                proven++;
                assertThat(plan.objective()).as("seed %d", seed).isCloseTo(exact.value(), Offset.offset(1e-9));
                assertThat(plan.upperBound()).isGreaterThanOrEqualTo(exact.value() - 1e-9);
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
        MatchingEngine.Problem p = MatchingEngine.Problem.build(inst);
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
        MatchingEngine.Problem p = MatchingEngine.Problem.build(inst);
        assertThat(p.componentCount()).as("2 districts × 6 streets, at least").isGreaterThanOrEqualTo(12);
        for (int k = 0; k < p.pairCount(); k++) {
            assertThat(p.demandComponent[p.pairDemand[k]]).isEqualTo(p.resourceComponent[p.pairResource[k]]);
        }
        assertThat(inst.demands()).extracting(DemandInput::communityCode).allMatch(c -> c.matches(".*-0[12]"));
    }

    @Test
    void componentsOfOneOrTwoResourcesAreSolvedExactlyByTheRepack() {
        // one resource, 12 demands: a knapsack; greedy by score or by density both miss the optimum here
        List<DemandInput> ds = new java.util.ArrayList<>();
        List<CandidatePair> cs = new java.util.ArrayList<>();
        double[] hours = {5, 4, 3, 3, 3, 2.5, 2, 2, 1.5, 6, 7, 1};
        double[] scores = {0.9, 0.8, 0.55, 0.55, 0.5, 0.45, 0.4, 0.3, 0.35, 0.95, 0.97, 0.1};
        for (int i = 0; i < hours.length; i++) {
            ds.add(demand("d" + i, "jiafu", "HEALTH", hours[i]));
            cs.add(new CandidatePair("d" + i, "R", scores[i]));
        }
        MatchingInstance inst = new MatchingInstance(ds, List.of(resource("R", "unit-r", "HEALTH", "jiafu", 12)), cs,
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

    // --- helpers -----------------------------------------------------------------------------------------------

    static void assertValid(MatchingInstance inst, MatchingPlan plan) {
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

    private static MatchingInstance smallRandom(Random rnd, int nd, int nr) {
        String[] communities = {"jiafu", "tongyuan"};
        String[] categories = {"HEALTH", "SAFETY"};
        List<DemandInput> ds = new java.util.ArrayList<>();
        for (int i = 0; i < nd; i++) {
            ds.add(new DemandInput("d" + i, communities[rnd.nextInt(2)], "s", categories[rnd.nextInt(2)],
                    rnd.nextInt(4) == 0 ? List.of("nurse") : List.of(), Urgency.values()[rnd.nextInt(4)],
                    0.5 * (1 + rnd.nextInt(10)), null, null, null, rnd.nextInt(10) == 0));
        }
        List<ResourceInput> rs = new java.util.ArrayList<>();
        for (int j = 0; j < nr; j++) {
            rs.add(new ResourceInput("r" + j, "unit-" + (j % 3), rnd.nextBoolean() ? List.of("HEALTH", "SAFETY")
                    : List.of(categories[rnd.nextInt(2)]), rnd.nextBoolean() ? List.of("nurse", "driver") : List.of(),
                    rnd.nextBoolean() ? List.of("jiafu", "tongyuan") : List.of(communities[rnd.nextInt(2)]),
                    null, null, 1 + rnd.nextInt(8), rnd.nextBoolean() ? null : 1.0 + rnd.nextInt(5),
                    (double) rnd.nextInt(60)));
        }
        return new MatchingInstance(ds, rs);
    }

    /** Every assignment of each demand to nothing or a feasible resource, within the capacities (tenths). */
    private static double bruteForce(MatchingInstance inst) {
        int nd = inst.demands().size();
        long[] cap = inst.resources().stream().mapToLong(Scoring::capacityTenths).toArray();
        return search(inst, 0, cap, nd);
    }

    private static double search(MatchingInstance inst, int i, long[] cap, int nd) {
        if (i == nd) {
            return 0;
        }
        DemandInput d = inst.demands().get(i);
        double best = search(inst, i + 1, cap, nd);
        for (int j = 0; j < cap.length; j++) {
            ResourceInput r = inst.resources().get(j);
            long h = Scoring.demandTenths(d);
            if (Scoring.feasible(d, r) && cap[j] >= h) {
                cap[j] -= h;
                best = Math.max(best, Scoring.score(d, r, inst.weights()) + search(inst, i + 1, cap, nd));
                cap[j] += h;
            }
        }
        return best;
    }
}
