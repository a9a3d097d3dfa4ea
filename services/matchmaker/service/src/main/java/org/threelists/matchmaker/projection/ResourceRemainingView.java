package org.threelists.matchmaker.projection;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import org.threelists.platform.projection.TrackedView;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * What is left of one resource's capacity in one period ({@code 2026-12}, or {@code TOTAL}), from the capacity
 * events' {@code remaining}. Written only by {@link ResourceListProjection}.
 */
@Entity
@Table(name = "resource_remaining")
@IdClass(ResourceRemainingView.Key.class)
public class ResourceRemainingView extends TrackedView {

    @Id
    @Column(name = "resource_id")
    public String resourceId;
    @Id
    public String period;
    @Column(name = "unit_id")
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

    public static class Key implements Serializable {
        public String resourceId;
        public String period;

        public Key() {
        }

        public Key(String resourceId, String period) {
            this.resourceId = resourceId;
            this.period = period;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(resourceId, k.resourceId) && Objects.equals(period, k.period);
        }

        @Override
        public int hashCode() {
            return Objects.hash(resourceId, period);
        }
    }
}
