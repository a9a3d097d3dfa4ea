package org.threelists.matchmaker.projection;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.Instant;

/** A claim (认领) or pledge (认捐) on a project and what became of it. Written only by {@link ProjectProjection}. */
@Entity
@Table(name = "project_claim")
public class ProjectClaimView extends PanacheEntityBase {

    /** PENDING until resource-list answers; CONFIRMED holds capacity; then RELEASED or CONSUMED; or REFUSED. */
    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "ClaimStatus")
    public enum Status { PENDING, CONFIRMED, REFUSED, RELEASED, CONSUMED }

    @Id
    @Column(name = "claim_id")
    public String claimId;
    @Column(name = "project_id")
    public String projectId;
    public String kind;
    @Column(name = "unit_id")
    public String unitId;
    @Column(name = "resource_id")
    public String resourceId;
    public BigDecimal amount;
    public String period;
    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    public Status status;
    public String reason;
    @Column(name = "requested_at")
    public Instant requestedAt;
    @Column(name = "requested_by")
    public String requestedBy;
    @Column(name = "updated_at")
    public Instant updatedAt;
}
