package org.threelists.matchmaker.matching;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Feasibility and score of a (demand, resource) pair (services/matchmaker/engine/README.md).
 *
 * <p>Feasible when: the demand's category is one of the resource's categories; the demand's community is in the
 * resource's service area; every required skill is offered (tags compared trimmed and case-insensitively); the
 * demand's window and the resource's availability overlap (a missing bound is open); and the demand's hours fit the
 * resource's remaining capacity (both counted in tenths of an hour: the demand rounded up, the capacity down).
 *
 * <p>Score terms, each in [0,1]:
 * <ul>
 *   <li>{@code urgency}: LOW .25, NORMAL .5, HIGH .75, CRITICAL 1; + {@link Weights#overdueBonus()} when overdue,
 *       capped at 1;</li>
 *   <li>{@code skillFit}: the share of the resource's skills the demand uses (1 when the demand requires none);</li>
 *   <li>{@code proximity}: 1 when the demand is in the unit's home community (the first of the resource's service
 *       area), else 0.5;</li>
 *   <li>{@code rating}: (unitRating − 1) / 4, 0.5 when unknown;</li>
 *   <li>{@code fairness}: 1 / (1 + unitLoad / 40): a unit with 40 hours already assigned gets 0.5.</li>
 * </ul>
 * The score is Σ weight·term, rounded to {@link #RESOLUTION}; the engine optimises exactly these rounded scores.
 */
public final class Scoring {

    /** Scores are reported and optimised at this resolution. */
    public static final double RESOLUTION = 1e-4;
    /** Scores as integers: score / {@link #RESOLUTION}. */
    public static final long SCALE = 10_000;
    /** Hours are counted in tenths of an hour. */
    public static final int TENTHS = 10;

    private Scoring() {
    }

    public static long demandTenths(DemandInput d) {
        return (long) Math.ceil(d.estimatedHours() * TENTHS - 1e-9);
    }

    public static long capacityTenths(ResourceInput r) {
        return (long) Math.floor(r.remainingCapacity() * TENTHS + 1e-9);
    }

    public static boolean categoryFits(DemandInput d, ResourceInput r) {
        return r.categories().contains(d.category());
    }

    public static boolean areaFits(DemandInput d, ResourceInput r) {
        return r.serviceArea().contains(d.communityCode());
    }

    public static boolean skillsFit(DemandInput d, ResourceInput r) {
        return normalized(r.skills()).containsAll(normalized(d.requiredSkills()));
    }

    public static boolean windowFits(DemandInput d, ResourceInput r) {
        return new Window(d.windowStart(), d.windowEnd()).overlaps(new Window(r.availableFrom(), r.availableUntil()));
    }

    public static boolean capacityFits(DemandInput d, ResourceInput r) {
        return demandTenths(d) <= capacityTenths(r);
    }

    public static boolean feasible(DemandInput d, ResourceInput r) {
        return categoryFits(d, r) && areaFits(d, r) && skillsFit(d, r) && windowFits(d, r) && capacityFits(d, r);
    }

    /** The weighted terms (weight·term) by name; their sum is the score. */
    public static Map<String, Double> terms(DemandInput d, ResourceInput r, Weights w) {
        Set<String> required = normalized(d.requiredSkills());
        // the offered skills count only when some are required (skillFit): most demands require none
        double[] values = termValues(d, r, w, required.isEmpty() ? Set.of() : normalized(r.skills()), required);
        Map<String, Double> terms = new LinkedHashMap<>();
        for (int i = 0; i < TERMS.length; i++) {
            terms.put(TERMS[i], values[i]);
        }
        return terms;
    }

    public static double score(DemandInput d, ResourceInput r, Weights w) {
        return score(d, r, w, normalized(r.skills()), normalized(d.requiredSkills()));
    }

    /**
     * The score with the resource's offered and the demand's required skills already normalized (trimmed, lower
     * case): what finding the pairs of a large instance calls, without building the terms' map and the two sets per
     * pair. The same sum, in the same order, as {@link #score(DemandInput, ResourceInput, Weights)}.
     */
    public static double score(DemandInput d, ResourceInput r, Weights w, Set<String> offered, Set<String> required) {
        return round(java.util.stream.DoubleStream.of(termValues(d, r, w, offered, required)).sum());
    }

    /** The names of the terms, in the order of {@link #termValues}. */
    private static final String[] TERMS = {"urgency", "skillFit", "proximity", "rating", "fairness"};

    private static double[] termValues(DemandInput d, ResourceInput r, Weights w, Set<String> offered,
                                       Set<String> required) {
        double urgency = urgency(d, w);
        double skillFit;
        if (required.isEmpty()) {
            skillFit = 1.0;
        } else {
            long used = offered.stream().filter(required::contains).count();
            skillFit = offered.isEmpty() ? 0.0 : (double) used / offered.size();
        }
        double proximity = !r.serviceArea().isEmpty() && r.serviceArea().get(0).equals(d.communityCode()) ? 1.0 : 0.5;
        double rating = rating(r);
        double fairness = fairness(r);
        return new double[] {round(w.urgency() * urgency), round(w.skillFit() * skillFit),
                round(w.proximity() * proximity), round(w.rating() * rating), round(w.fairness() * fairness)};
    }

    /** The urgency term of the demand, before its weight: its level's term, plus the bonus when overdue, at most 1. */
    public static double urgency(DemandInput d, Weights w) {
        return Math.min(1.0, d.urgency().term() + (d.overdue() ? w.overdueBonus() : 0.0));
    }

    /** The rating term of the resource's unit, before its weight: (unitRating − 1) / 4, 0.5 when unknown. */
    public static double rating(ResourceInput r) {
        return r.unitRating() == null ? 0.5 : (r.unitRating() - 1.0) / 4.0;
    }

    /** The fairness term of the resource's unit: 1 / (1 + unitLoad / 40). */
    public static double fairness(ResourceInput r) {
        double load = r.unitLoad() == null ? 0.0 : r.unitLoad();
        return 1.0 / (1.0 + load / 40.0);
    }

    public static double round(double score) {
        return scaled(score) / (double) SCALE;
    }

    /** The score as an integer number of {@link #RESOLUTION}s: what the engine optimises. */
    public static long scaled(double score) {
        return Math.round(score * SCALE);
    }

    private static Set<String> normalized(List<String> tags) {
        return tags.stream().map(t -> t.trim().toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
    }
}
