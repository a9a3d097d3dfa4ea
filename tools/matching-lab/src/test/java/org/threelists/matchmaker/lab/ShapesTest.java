package org.threelists.matchmaker.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.threelists.matchmaker.matching.DemandInput;
import org.threelists.matchmaker.matching.MatchingEngine;
import org.threelists.matchmaker.matching.MatchingInstance;
import org.threelists.matchmaker.matching.MatchingPlan;
import org.threelists.matchmaker.matching.PlanAssertions;
import org.threelists.matchmaker.matching.ResourceInput;
import org.threelists.matchmaker.matching.model.Problem;

/** Each shape of street is what tools/matching-lab/README.md ("Shapes") says it is, and the engine plans it. */
class ShapesTest {

    private static MatchingInstance street(Shape shape) {
        return new InstanceGenerator(11, 600, 60, shape).generate();
    }

    @ParameterizedTest
    @EnumSource(Shape.class)
    void everyShapeIsSeededAndPlannedWithinItsBounds(Shape shape) {
        MatchingInstance instance = street(shape);
        assertThat(street(shape)).isEqualTo(instance);
        MatchingPlan plan = new MatchingEngine(new MatchingEngine.Options(5, 2, true)).plan(instance);
        PlanAssertions.assertValid(instance, plan);
        assertThat(plan.objective()).isPositive().isLessThanOrEqualTo(plan.upperBound() + 1e-9);
        assertThat(plan.upperBound()).isLessThanOrEqualTo(plan.flowBound() + 1e-9);
    }

    @Test
    void theStandardShapeIsTheGeneratorAsItWas() {
        assertThat(new InstanceGenerator(11, 600, 60, Shape.STANDARD).generate())
                .isEqualTo(new InstanceGenerator(11, 600, 60).generate());
    }

    @Test
    void aDominantUnitHoldsAboutHalfOfItsStreetsHours() {
        Map<String, Map<String, Double>> hoursByStreetAndUnit = new HashMap<>();
        MatchingInstance instance = street(Shape.DOMINANT_UNIT);
        Map<String, String> streetOf = new HashMap<>();
        instance.demands().forEach(d -> streetOf.put(d.communityCode(), d.streetCode()));
        for (ResourceInput r : instance.resources()) {
            String street = streetOf.get(r.serviceArea().get(0));
            hoursByStreetAndUnit.computeIfAbsent(street, s -> new HashMap<>())
                    .merge(r.unitId(), r.remainingCapacity(), Double::sum);
        }
        hoursByStreetAndUnit.forEach((street, byUnit) -> {
            if (byUnit.size() >= 5) {
                double total = byUnit.values().stream().mapToDouble(Double::doubleValue).sum();
                double largest = byUnit.values().stream().max(Comparator.naturalOrder()).orElseThrow();
                assertThat(largest / total).as("the dominant unit's share in %s", street).isGreaterThan(0.3);
            }
        });
    }

    @Test
    void anAgeingOldTownAsksMostlyForElderlyCareAndHealthInShortVisits() {
        MatchingInstance instance = street(Shape.ELDERLY_TINY_COMMUNITIES);
        long care = instance.demands().stream()
                .filter(d -> d.category().equals("ELDER_CARE") || d.category().equals("HEALTH")).count();
        assertThat(care / (double) instance.demands().size()).isGreaterThan(0.7);
        assertThat(instance.demands()).allSatisfy(d -> assertThat(d.estimatedHours()).isLessThanOrEqualTo(2.0));
        assertThat(instance.demands().stream().map(DemandInput::communityCode).distinct().count())
                .isGreaterThan(InstanceGenerator.STREETS.values().stream().mapToInt(java.util.List::size).sum());
    }

    @Test
    void scarceCapacityOffersAboutAThirdOfTheDemandedHours() {
        MatchingInstance instance = street(Shape.SCARCE);
        double demanded = instance.demands().stream().mapToDouble(DemandInput::estimatedHours).sum();
        double offered = instance.resources().stream().mapToDouble(ResourceInput::remainingCapacity).sum();
        assertThat(offered / demanded).isBetween(0.25, 0.45);
    }

    @Test
    void theLongTailHasFewCandidatesPerDemand() {
        int standard = Problem.build(street(Shape.STANDARD)).pairCount();
        int longTail = Problem.build(street(Shape.LONG_TAIL)).pairCount();
        assertThat(longTail).isLessThan(standard / 3);
        assertThat(street(Shape.LONG_TAIL).demands().stream().filter(d -> !d.requiredSkills().isEmpty()).count())
                .isGreaterThan(600 / 2);
    }
}
