package org.threelists.matchmaker.projection;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;

/** One passed deadline in the desk's queue. Written only by {@link ProjectProjection}. */
@Entity
@Table(name = "escalation")
public class EscalationView extends PanacheEntityBase {

    @Id
    @Column(name = "escalation_id")
    public String escalationId;
    @Column(name = "project_id")
    public String projectId;
    @Column(name = "street_code")
    public String streetCode;
    @Column(name = "community_code")
    public String communityCode;
    public String title;
    /** CLAIM or COMPLETION. */
    public String deadline;
    @Column(name = "due_at")
    public Instant dueAt;
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "unit_ids")
    public String[] unitIds;
    @Column(name = "escalated_at")
    public Instant escalatedAt;
    @Column(name = "escalated_by")
    public String escalatedBy;
}
