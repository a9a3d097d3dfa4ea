package org.threelists.matchmaker.matching;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * An open demand as the engine sees it (built from demand-list.events.v1 by the read model).
 *
 * @param windowStart first day the service may happen, inclusive; null = open
 * @param windowEnd   last day, inclusive; null = open
 * @param deadline    carried for the caller; the engine weighs {@code overdue}, not the date
 * @param overdue     the demand is past its deadline: its urgency term gets {@link Weights#overdueBonus()}
 */
public record DemandInput(String id, String communityCode, String streetCode, String category,
                          List<String> requiredSkills, Urgency urgency, double estimatedHours,
                          LocalDate windowStart, LocalDate windowEnd, LocalDate deadline, boolean overdue) {

    public DemandInput {
        Objects.requireNonNull(id, "demand id");
        Objects.requireNonNull(communityCode, "communityCode of " + id);
        Objects.requireNonNull(category, "category of " + id);
        requiredSkills = requiredSkills == null ? List.of() : List.copyOf(requiredSkills);
        urgency = urgency == null ? Urgency.NORMAL : urgency;
        if (!(estimatedHours > 0) || Double.isInfinite(estimatedHours)) {
            throw new IllegalArgumentException("estimatedHours of " + id + " must be > 0: " + estimatedHours);
        }
        if (windowStart != null && windowEnd != null && windowEnd.isBefore(windowStart)) {
            throw new IllegalArgumentException("window of " + id + " ends before it starts");
        }
    }
}
