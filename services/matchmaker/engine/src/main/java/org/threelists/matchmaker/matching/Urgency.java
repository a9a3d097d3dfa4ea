package org.threelists.matchmaker.matching;

/** How urgent a demand is (contracts: common.v1.schema.json#/$defs/urgency), with its base urgency term. */
public enum Urgency {
    LOW(0.25), NORMAL(0.5), HIGH(0.75), CRITICAL(1.0);

    private final double term;

    Urgency(double term) {
        this.term = term;
    }

    /** The urgency score term before the overdue bonus, in [0,1]. */
    public double term() {
        return term;
    }
}
