package org.threelists.matchmaker.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.threelists.matchmaker.matching.PlanAssertions.assertValid;
import static org.threelists.matchmaker.matching.TestInstances.demand;
import static org.threelists.matchmaker.matching.TestInstances.resource;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/** The engine on hand-made instances: feasibility, scores, optimality, ties, explanations, bundles. */
class MatchingEngineTest {

    private final MatchingEngine engine = new MatchingEngine(new MatchingEngine.Options(5, 2, true));

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
            assertThat(plan.objective()).as("instance %d", t).isCloseTo(best, Offset.offset(1e-9));
            assertThat(plan.flowBound()).isGreaterThanOrEqualTo(plan.objective() - 1e-9);
            assertValid(inst, plan);
        }
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

    // --- helpers -----------------------------------------------------------------------------------------------

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
