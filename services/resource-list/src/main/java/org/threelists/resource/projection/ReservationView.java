package org.threelists.resource.projection;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;

/** One project's reservation of one resource's capacity: reserved, consumed (with the amount used) or released. */
@Entity
@Table(name = "reservation_view")
public class ReservationView extends PanacheEntityBase {

    public enum Status { RESERVED, CONSUMED, RELEASED }

    @Embeddable
    public record Key(@Column(name = "resource_id") String resourceId, @Column(name = "project_id") String projectId)
            implements Serializable {
    }

    @EmbeddedId
    public Key key;
    /** The project list's claim that made the reservation; null when it was made over REST. */
    @Column(name = "claim_id")
    public String claimId;
    public String period;
    public BigDecimal amount;
    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    public Status status;
    public String reason;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Column(name = "updated_by")
    public String updatedBy;
}
