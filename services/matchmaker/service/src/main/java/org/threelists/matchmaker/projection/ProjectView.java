package org.threelists.matchmaker.projection;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.threelists.contracts.Category;
import org.threelists.contracts.Urgency;
import org.threelists.platform.projection.TrackedView;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;

import org.threelists.matchmaker.domain.ProjectStatus;

/** A project on the project list (项目清单) as readers see it. Written only by {@link ProjectProjection}. */
@Entity
@Table(name = "project_view")
public class ProjectView extends TrackedView {

    /** A demand in a project of these states is taken: the engine and the desk leave it alone. */
    public static final Set<ProjectStatus> ACTIVE = EnumSet.of(ProjectStatus.PROPOSED, ProjectStatus.PUBLISHED,
            ProjectStatus.CLAIM_PENDING, ProjectStatus.CLAIMED, ProjectStatus.SCHEDULED, ProjectStatus.DELIVERED);

    @Id
    @Column(name = "project_id")
    public String projectId;
    public String origin;
    @Column(name = "street_code")
    public String streetCode;
    @Column(name = "community_code")
    public String communityCode;
    @Enumerated(EnumType.STRING)
    public Category category;
    @Enumerated(EnumType.STRING)
    public Urgency urgency;
    public String title;
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "demand_ids")
    public String[] demandIds;
    @Column(name = "need_amount")
    public BigDecimal needAmount;
    @Column(name = "need_unit")
    public String needUnit;
    @Column(name = "proposed_unit_id")
    public String proposedUnitId;
    @Column(name = "proposed_resource_id")
    public String proposedResourceId;
    /** JSON {"total":…,"terms":{…}}, or null. */
    public String score;
    public String explanation;
    /** JSON array of alternatives, or null. */
    public String alternatives;
    @Enumerated(EnumType.STRING)
    public ProjectStatus status;
    @Column(name = "status_reason")
    public String statusReason;
    public String mode;
    @Column(name = "decided_by")
    public String decidedBy;
    @Column(name = "decided_at")
    public Instant decidedAt;
    @Column(name = "decision_note")
    public String decisionNote;
    @Column(name = "claim_deadline")
    public Instant claimDeadline;
    @Column(name = "completion_deadline")
    public Instant completionDeadline;
    public BigDecimal covered;
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "holder_unit_ids")
    public String[] holderUnitIds;
    @Column(name = "scheduled_date")
    public LocalDate scheduledDate;
    @Column(name = "scheduled_place")
    public String scheduledPlace;
    /** JSON of the delivery report, or null. */
    public String report;
    /** JSON array of consumptions, or null. */
    public String consumptions;
    /** JSON array of {@link ProjectProjection.AttendanceLine}: who checked in and out of the activity, or null. */
    public String attendance;
    /** JSON array of the delivery's reconciliation lines (ProjectValues.ReconciledHours), or null. */
    public String reconciliation;
    /** A line of the reconciliation has a difference between the reported and the checked hours. */
    @Column(name = "hours_differ")
    public boolean hoursDiffer;
    /** JSON array of ratings. */
    public String ratings;
    public int escalations;
    @Column(name = "proposed_at")
    public Instant proposedAt;
    @Column(name = "proposed_by")
    public String proposedBy;

    public boolean heldBy(String unitId) {
        return unitId != null && holderUnitIds != null && Arrays.asList(holderUnitIds).contains(unitId);
    }
}
