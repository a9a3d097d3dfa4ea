package org.threelists.matchmaker.lab;

/**
 * The kinds of street the {@link InstanceGenerator} makes. Real districts differ in who offers the hours and what
 * the residents ask for; each shape stresses the engine in its own way, and an engine tuned on one must not fall
 * apart on another (services/matchmaker/engine/README.md, "Figures per shape").
 */
public enum Shape {

    /** The demo world as it is: 13 categories asked for alike, about 20 candidates per demand, capacity 75 % of
     *  the demanded hours, spread over many small units. */
    STANDARD(0.75, 1, 1, false, 20, 0.25, 16),

    /**
     * One dominant unit per street — a large hospital (三甲医院) or a state enterprise (国企, the power or water
     * company) that signs up as a co-building unit (共建单位) with most of the street's volunteer hours. Its
     * resources have about half the street's capacity and many candidate demands: large knapsacks, whose exact
     * re-packs have many more states, and most demands competing for the same few resources.
     */
    DOMINANT_UNIT(0.75, 40, 1, false, 20, 0.25, 16),

    /**
     * An ageing old town (老旧小区): every community split into six small residential compounds, most demands
     * elderly care (居家养老, 60 %) or health (20 %), short home visits of half an hour to two hours, while the units
     * offer categories as in the standard street. Many small items crowd the same scarce categories, so the
     * re-pack's knapsacks hold many interchangeable demands.
     */
    ELDERLY_TINY_COMMUNITIES(0.75, 1, 6, true, 20, 0.25, 4),

    /**
     * Scarce capacity: three times as many hours asked for as offered (a winter peak, or a street whose co-building
     * units have just joined). Every resource is full in the relaxation; the plan is all about which demands to
     * leave out, and the LP's fractional leftovers are large.
     */
    SCARCE(1.0 / 3, 1, 1, false, 20, 0.25, 16),

    /**
     * A long tail of specialised demands: legal advice, licensed electrical repair, dispute mediation — about four
     * candidates per demand and most demands requiring a skill (two thirds). The graph is sparse, each demand has
     * few ways in, and a capacity hole can rarely be filled from a neighbour.
     */
    LONG_TAIL(0.75, 1, 1, false, 4, 0.67, 16);

    /** Offered hours ÷ demanded hours. */
    final double capacityShare;
    /** A dominant unit's resources weigh this many ordinary ones in capacity (1 = no dominant unit). */
    final int dominantWeight;
    /** Small compounds per demo-world community. */
    final int compoundsPerCommunity;
    /** Demands asking mostly for elderly care and health. */
    final boolean elderlyDemand;
    final int candidatesPerDemand;
    /** Share of demands requiring a skill. */
    final double skillShare;
    /** Hours of a demand: 0.5 × (1 + a number below this). */
    final int halfHours;

    Shape(double capacityShare, int dominantWeight, int compoundsPerCommunity, boolean elderlyDemand,
          int candidatesPerDemand, double skillShare, int halfHours) {
        this.capacityShare = capacityShare;
        this.dominantWeight = dominantWeight;
        this.compoundsPerCommunity = compoundsPerCommunity;
        this.elderlyDemand = elderlyDemand;
        this.candidatesPerDemand = candidatesPerDemand;
        this.skillShare = skillShare;
        this.halfHours = halfHours;
    }
}
