package org.threelists.matchmaker.projection;

import org.threelists.platform.projection.TrackedRow;
import org.threelists.contracts.Category;
import org.threelists.contracts.Urgency;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;

import org.threelists.matchmaker.domain.ProjectStatus;
import org.threelists.platform.projection.jdbc.ViewTable;

/** A project on the project list (项目清单) as readers see it. Written only by {@link ProjectProjection}. */
public class ProjectView extends TrackedRow {

    public static final ViewTable<ProjectView> TABLE = ViewTable.of(ProjectView.class, "project_view", "projectId");

    /** A demand in a project of these states is taken: the engine and the desk leave it alone. */
    public static final Set<ProjectStatus> ACTIVE = EnumSet.of(ProjectStatus.PROPOSED, ProjectStatus.PUBLISHED,
            ProjectStatus.CLAIM_PENDING, ProjectStatus.CLAIMED, ProjectStatus.SCHEDULED, ProjectStatus.DELIVERED);

    public String projectId;
    public String origin;
    public String streetCode;
    public String communityCode;
    public Category category;
    public Urgency urgency;
    public String title;
    public String[] demandIds;
    public BigDecimal needAmount;
    public String needUnit;
    public String proposedUnitId;
    public String proposedResourceId;
    /** JSON {"total":…,"terms":{…}}, or null. */
    public String score;
    public String explanation;
    /** JSON array of alternatives, or null. */
    public String alternatives;
    public ProjectStatus status;
    public String statusReason;
    public String mode;
    public String decidedBy;
    public Instant decidedAt;
    public String decisionNote;
    public Instant claimDeadline;
    public Instant completionDeadline;
    public BigDecimal covered;
    public String[] holderUnitIds;
    public LocalDate scheduledDate;
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
    public boolean hoursDiffer;
    /** When the delivery's confirmation wait passes (README "Confirmation wait"); null before the delivery. */
    public Instant confirmationDeadline;
    /** Who confirmed the delivery and when; null before, and for completions recorded before they were kept. */
    public Instant completedAt;
    public String completedBy;
    /** The desk confirmed on the community's behalf (代为确认完成), for {@link #onBehalfReason}. */
    public boolean confirmedOnBehalf;
    public String onBehalfReason;
    /** JSON array of ratings. */
    public String ratings;
    public int escalations;
    public Instant proposedAt;
    public String proposedBy;

    public boolean heldBy(String unitId) {
        return unitId != null && holderUnitIds != null && Arrays.asList(holderUnitIds).contains(unitId);
    }

    public static ProjectView findById(String id) {
        return TABLE.find(id);
    }

    /** Writes the row whole (inserted, or every column updated). */
    public void save() {
        TABLE.save(this);
    }
}
