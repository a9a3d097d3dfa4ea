package org.threelists.matchmaker.projection;

import org.threelists.platform.projection.jdbc.ViewTable;

import java.math.BigDecimal;
import java.time.Instant;

/** A claim (认领) or pledge (认捐) on a project and what became of it. Written only by {@link ProjectProjection}. */
public class ProjectClaimView {

    public static final ViewTable<ProjectClaimView> TABLE = ViewTable.of(ProjectClaimView.class,
            "project_claim", "claimId");

    /** PENDING until resource-list answers; CONFIRMED holds capacity; then RELEASED or CONSUMED; or REFUSED. */
    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "ClaimStatus")
    public enum Status { PENDING, CONFIRMED, REFUSED, RELEASED, CONSUMED }
    public String claimId;
    public String projectId;
    public String kind;
    public String unitId;
    public String resourceId;
    public BigDecimal amount;
    public String period;
    public Status status;
    public String reason;
    public Instant requestedAt;
    public String requestedBy;
    public Instant updatedAt;

    public static ProjectClaimView findById(String id) {
        return TABLE.find(id);
    }

    /** Writes the row whole (inserted, or every column updated). */
    public void save() {
        TABLE.save(this);
    }
}
