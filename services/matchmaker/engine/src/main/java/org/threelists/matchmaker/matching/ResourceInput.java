package org.threelists.matchmaker.matching;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * An available resource as the engine sees it (built from resource-list.events.v1 by the read model).
 *
 * @param serviceArea       community codes; the first one is taken as the unit's home community (proximity term)
 * @param availableFrom     first available day, inclusive; null = open
 * @param availableUntil    last available day, inclusive; null = open
 * @param remainingCapacity hours still free, ≥ 0
 * @param unitRating        the unit's mean rating 1..5; null = unknown
 * @param unitLoad          hours already assigned to the unit (fairness); null = 0
 */
public record ResourceInput(String id, String unitId, List<String> categories, List<String> skills,
                            List<String> serviceArea, LocalDate availableFrom, LocalDate availableUntil,
                            double remainingCapacity, Double unitRating, Double unitLoad) {

    public ResourceInput {
        Objects.requireNonNull(id, "resource id");
        Objects.requireNonNull(unitId, "unitId of " + id);
        categories = categories == null ? List.of() : List.copyOf(categories);
        skills = skills == null ? List.of() : List.copyOf(skills);
        serviceArea = serviceArea == null ? List.of() : List.copyOf(serviceArea);
        if (!(remainingCapacity >= 0) || Double.isInfinite(remainingCapacity)) {
            throw new IllegalArgumentException("remainingCapacity of " + id + " must be ≥ 0: " + remainingCapacity);
        }
        if (unitRating != null && (unitRating < 1 || unitRating > 5)) {
            throw new IllegalArgumentException("unitRating of " + id + " must be in 1..5: " + unitRating);
        }
        if (unitLoad != null && unitLoad < 0) {
            throw new IllegalArgumentException("unitLoad of " + id + " must be ≥ 0: " + unitLoad);
        }
        if (availableFrom != null && availableUntil != null && availableUntil.isBefore(availableFrom)) {
            throw new IllegalArgumentException("availability of " + id + " ends before it starts");
        }
    }
}
