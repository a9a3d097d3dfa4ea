package org.threelists.matchmaker.planning;

import org.threelists.contracts.Category;
import org.threelists.contracts.Urgency;

/**
 * The one mapping between the contract's values, which the service uses end to end (REST, commands, events, read
 * models, the deadline policy), and the matching engine's own: the engine is a library that knows no contract, so its
 * urgency is its own enum and its categories are names.
 */
final class EngineValues {

    private EngineValues() {
    }

    static org.threelists.matchmaker.matching.Urgency urgency(Urgency urgency) {
        return org.threelists.matchmaker.matching.Urgency.valueOf(urgency.name());
    }

    static String category(Category category) {
        return category.name();
    }

    /** A category the engine planned with: one of the instance's, so one of the contract's. */
    static Category category(String engineCategory) {
        return Category.valueOf(engineCategory);
    }
}
