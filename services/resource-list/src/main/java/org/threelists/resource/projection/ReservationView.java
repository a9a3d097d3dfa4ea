package org.threelists.resource.projection;

import org.threelists.platform.projection.jdbc.ViewTable;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One project's reservation of one resource's capacity, keyed by the resource and the project: reserved, consumed
 * (with the amount used) or released. Written only by {@link ResourceProjection}.
 */
public class ReservationView {

    public static final ViewTable<ReservationView> TABLE = ViewTable.of(ReservationView.class, "reservation_view",
            "resourceId", "projectId");

    public enum Status { RESERVED, CONSUMED, RELEASED }

    public String resourceId;
    public String projectId;
    /** The project list's claim that made the reservation; null when it was made over REST. */
    public String claimId;
    public String period;
    public BigDecimal amount;
    public Status status;
    public String reason;
    public Instant updatedAt;
    public String updatedBy;

    public static ReservationView findById(String resourceId, String projectId) {
        return TABLE.find(resourceId, projectId);
    }

    /** Writes the row whole (inserted, or every column updated). */
    public void save() {
        TABLE.save(this);
    }
}
