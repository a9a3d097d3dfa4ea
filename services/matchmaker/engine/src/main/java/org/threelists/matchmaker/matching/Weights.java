package org.threelists.matchmaker.matching;

/**
 * Weights of the score terms (each term is in [0,1]; the score is Σ weight·term). Missing values take the defaults,
 * which sum to 1, so a default score is in [0,1].
 */
public record Weights(Double urgency, Double skillFit, Double proximity, Double rating, Double fairness,
                      Double overdueBonus) {

    public static final double DEFAULT_URGENCY = 0.40;
    public static final double DEFAULT_SKILL_FIT = 0.20;
    public static final double DEFAULT_PROXIMITY = 0.15;
    public static final double DEFAULT_RATING = 0.10;
    public static final double DEFAULT_FAIRNESS = 0.15;
    /** Added to the urgency term of an overdue demand, capped at 1. */
    public static final double DEFAULT_OVERDUE_BONUS = 0.25;

    public static final Weights DEFAULTS = new Weights(null, null, null, null, null, null);

    public Weights {
        urgency = orDefault(urgency, DEFAULT_URGENCY);
        skillFit = orDefault(skillFit, DEFAULT_SKILL_FIT);
        proximity = orDefault(proximity, DEFAULT_PROXIMITY);
        rating = orDefault(rating, DEFAULT_RATING);
        fairness = orDefault(fairness, DEFAULT_FAIRNESS);
        overdueBonus = orDefault(overdueBonus, DEFAULT_OVERDUE_BONUS);
    }

    private static Double orDefault(Double value, double fallback) {
        if (value == null) {
            return fallback;
        }
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException("weights must be finite and ≥ 0: " + value);
        }
        return value;
    }
}
