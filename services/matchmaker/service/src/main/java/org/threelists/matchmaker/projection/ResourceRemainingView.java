package org.threelists.matchmaker.projection;

import org.threelists.platform.projection.TrackedRow;
import org.threelists.platform.projection.jdbc.ViewTable;

import java.math.BigDecimal;

/**
 * What is left of one resource's capacity in one period ({@code 2026-12}, or {@code TOTAL}), from the capacity
 * events' {@code remaining}. Written only by {@link ResourceListProjection}.
 */
public class ResourceRemainingView extends TrackedRow {

    public static final ViewTable<ResourceRemainingView> TABLE = ViewTable.of(ResourceRemainingView.class,
            "resource_remaining", "resourceId", "period");

    public String resourceId;
    public String period;
    public String unitId;
    public BigDecimal remaining;
    /** Reserved or used in the period (capacity − remaining when the event happened); null if the offer was unknown. */
    public BigDecimal committed;

    /** What is left now: a later change of the offer's amount moves it by as much; never negative. */
    public BigDecimal remainingOf(BigDecimal capacityAmount) {
        if (committed == null) {
            return remaining;
        }
        return capacityAmount.subtract(committed).max(BigDecimal.ZERO);
    }

    public static ResourceRemainingView find(String resourceId, String period) {
        return TABLE.find(resourceId, period);
    }

    /** Writes the row whole (inserted, or every column updated). */
    public void save() {
        TABLE.save(this);
    }
}
