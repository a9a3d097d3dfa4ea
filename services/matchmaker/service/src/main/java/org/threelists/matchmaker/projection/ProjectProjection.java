package org.threelists.matchmaker.projection;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import jakarta.inject.Singleton;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.threelists.contracts.Urgency;
import org.threelists.matchmaker.deadline.DeadlinePolicy;
import org.threelists.matchmaker.domain.ProjectEvents.ClaimExpired;
import org.threelists.matchmaker.domain.ProjectEvents.ClaimRefused;
import org.threelists.matchmaker.domain.ProjectEvents.ClaimReleased;
import org.threelists.matchmaker.domain.ProjectEvents.ClaimRequested;
import org.threelists.matchmaker.domain.ProjectEvents.DeadlineEscalated;
import org.threelists.matchmaker.domain.ProjectEvents.PledgeConfirmed;
import org.threelists.matchmaker.domain.ProjectEvents.ProjectCancelled;
import org.threelists.matchmaker.domain.ProjectEvents.ProjectClaimed;
import org.threelists.matchmaker.domain.ProjectEvents.ProjectCompleted;
import org.threelists.matchmaker.domain.ProjectEvents.ProjectDelivered;
import org.threelists.matchmaker.domain.ProjectEvents.ProjectProposed;
import org.threelists.matchmaker.domain.ProjectEvents.ProjectPublished;
import org.threelists.matchmaker.domain.ProjectEvents.ProjectRated;
import org.threelists.matchmaker.domain.ProjectEvents.ProjectScheduled;
import org.threelists.matchmaker.domain.ProjectEvents.VolunteerCheckedIn;
import org.threelists.matchmaker.domain.ProjectEvents.VolunteerCheckedOut;
import org.threelists.matchmaker.domain.ProjectStatus;
import org.threelists.matchmaker.domain.ProjectValues.Claim;
import org.threelists.matchmaker.domain.ProjectValues.Consumption;
import org.threelists.matchmaker.domain.ProjectValues.DeadlineKind;
import org.threelists.matchmaker.domain.ProjectValues.Origin;
import org.threelists.matchmaker.domain.ProjectValues.ReconciledHours;
import org.threelists.matchmaker.domain.ProjectValues.Release;
import org.threelists.platform.json.Json;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Keeps the project list's read models — {@link ProjectView}, {@link ProjectClaimView}, {@link EscalationView} — and
 * the running deadlines ({@link ProjectDeadline}) from the Project aggregate's events. It runs in a subscribing
 * processor, inside the transaction that appends the events: the response to a write shows the stored outcome, the
 * capacity saga finds a claim the moment it was asked for, and a deadline exists exactly when its event committed.
 */
@Singleton
@ProcessingGroup(ProjectProjection.PROCESSOR)
public class ProjectProjection {

    public static final String PROCESSOR = "project-view";

    private final DeadlinePolicy policy;

    ProjectProjection(DeadlinePolicy policy) {
        this.policy = policy;
    }

    @EventHandler
    void on(ProjectProposed event, @Timestamp Instant at, @SequenceNumber long sequence) {
        ProjectView view = new ProjectView();
        view.projectId = event.projectId();
        view.origin = event.origin().name();
        view.streetCode = event.streetCode();
        view.communityCode = event.communityCode();
        view.category = event.category();
        view.urgency = event.urgency() == null ? Urgency.NORMAL : event.urgency();
        view.title = event.title();
        view.demandIds = event.demandIds().toArray(String[]::new);
        view.needAmount = scaled(event.need().amount());
        view.needUnit = event.need().unit();
        view.proposedUnitId = event.proposedUnitId();
        view.proposedResourceId = event.proposedResourceId();
        view.score = event.score() == null ? null : json(event.score());
        view.explanation = event.explanation();
        view.alternatives = event.alternatives() == null ? null : json(event.alternatives());
        view.status = ProjectStatus.PROPOSED;
        view.covered = BigDecimal.ZERO.setScale(2);
        view.holderUnitIds = new String[0];
        view.ratings = "[]";
        view.proposedAt = at;
        view.proposedBy = event.actor();
        view.touch(event.actor(), at, sequence);
        view.save();
        if (event.origin() == Origin.VOLUNTEERED) {
            // Like the confirmation wait, counted here from the event's time: a proposal is volunteered for once, so
            // the aggregate recognises its one wait without knowing when it is due (README "The 揭榜's approval wait").
            runDeadline(view, DeadlineKind.APPROVAL, policy.approvalDeadline(view.urgency, at));
        }
    }

    @EventHandler
    void on(ProjectPublished event, @Timestamp Instant at, @SequenceNumber long sequence) {
        ProjectView view = update(event.projectId(), event.actor(), at, sequence, v -> {
            v.status = ProjectStatus.PUBLISHED;
            v.statusReason = null;
            v.mode = event.mode().name();
            v.decidedBy = event.actor();
            v.decidedAt = event.decidedAt();
            v.decisionNote = event.decisionNote();
            v.claimDeadline = event.claimDeadline();
        });
        stopDeadline(event.projectId(), DeadlineKind.APPROVAL);
        runDeadline(view, DeadlineKind.CLAIM, event.claimDeadline());
    }

    @EventHandler
    void on(ClaimRequested event, @Timestamp Instant at, @SequenceNumber long sequence) {
        Claim claim = event.claim();
        ProjectClaimView row = new ProjectClaimView();
        row.claimId = claim.claimId();
        row.projectId = event.projectId();
        row.kind = claim.kind().name();
        row.unitId = claim.unitId();
        row.resourceId = claim.resourceId();
        row.amount = scaled(claim.amount());
        row.period = claim.period();
        row.status = ProjectClaimView.Status.PENDING;
        row.requestedAt = at;
        row.requestedBy = event.actor();
        row.updatedAt = at;
        row.save();
        ProjectView view = update(event.projectId(), event.actor(), at, sequence, v -> {
            v.statusReason = null;
            if (claim.kind() == org.threelists.matchmaker.domain.ProjectValues.Mode.CLAIM) {
                v.status = ProjectStatus.CLAIM_PENDING;
            }
        });
        ProjectDeadline answer = new ProjectDeadline();
        answer.projectId = event.projectId();
        answer.kind = ProjectDeadline.RESERVATION;
        answer.claimId = claim.claimId();
        answer.dueAt = policy.answerDeadline(at);
        answer.urgency = view.urgency;
        answer.save();
    }

    @EventHandler
    void on(ClaimRefused event, @Timestamp Instant at, @SequenceNumber long sequence) {
        claim(event.claim().claimId(), at, c -> {
            c.status = ProjectClaimView.Status.REFUSED;
            c.reason = event.reason();
        });
        update(event.projectId(), event.actor(), at, sequence, v -> {
            v.statusReason = event.reason();
            if (v.status == ProjectStatus.CLAIM_PENDING) {
                // A claim before publication (assigned by the desk, or 揭榜) goes back to the desk's proposals.
                v.status = v.mode == null ? ProjectStatus.PROPOSED : ProjectStatus.PUBLISHED;
            }
        });
    }

    @EventHandler
    void on(PledgeConfirmed event, @Timestamp Instant at, @SequenceNumber long sequence) {
        claim(event.pledge().claimId(), at, c -> c.status = ProjectClaimView.Status.CONFIRMED);
        update(event.projectId(), event.actor(), at, sequence, v -> v.covered = scaled(event.covered()));
    }

    @EventHandler
    void on(ProjectClaimed event, @Timestamp Instant at, @SequenceNumber long sequence) {
        BigDecimal covered = BigDecimal.ZERO;
        List<String> holders = new ArrayList<>();
        for (Claim holder : event.holders()) {
            claim(holder.claimId(), at, c -> c.status = ProjectClaimView.Status.CONFIRMED);
            covered = covered.add(holder.amount());
            if (!holders.contains(holder.unitId())) {
                holders.add(holder.unitId());
            }
        }
        BigDecimal total = covered;
        ProjectView view = update(event.projectId(), event.actor(), at, sequence, v -> {
            v.status = ProjectStatus.CLAIMED;
            v.statusReason = null;
            v.mode = event.mode().name();
            v.holderUnitIds = holders.toArray(String[]::new);
            v.covered = scaled(total);
            v.completionDeadline = event.completionDeadline();
        });
        stopDeadline(view.projectId, DeadlineKind.CLAIM);
        runDeadline(view, DeadlineKind.COMPLETION, event.completionDeadline());
    }

    @EventHandler
    void on(ClaimReleased event, @Timestamp Instant at, @SequenceNumber long sequence) {
        reopen(event.projectId(), event.releases(), event.reason(), event.claimDeadline(), event.actor(), at, sequence);
    }

    @EventHandler
    void on(ClaimExpired event, @Timestamp Instant at, @SequenceNumber long sequence) {
        reopen(event.projectId(), event.releases(), "claim deadline passed", event.claimDeadline(), event.actor(), at,
                sequence);
    }

    @EventHandler
    void on(DeadlineEscalated event, @Timestamp Instant at, @SequenceNumber long sequence,
            @MessageIdentifier String eventId) {
        ProjectView view = update(event.projectId(), event.actor(), at, sequence, v -> v.escalations++);
        EscalationView escalation = new EscalationView();
        escalation.escalationId = eventId;
        escalation.projectId = event.projectId();
        escalation.streetCode = view.streetCode;
        escalation.communityCode = view.communityCode;
        escalation.title = view.title;
        escalation.deadline = event.deadline().name();
        escalation.dueAt = event.dueAt();
        escalation.unitIds = event.unitIds() == null ? new String[0] : event.unitIds().toArray(String[]::new);
        escalation.escalatedAt = at;
        escalation.escalatedBy = event.actor();
        escalation.save();
    }

    @EventHandler
    void on(ProjectScheduled event, @Timestamp Instant at, @SequenceNumber long sequence) {
        update(event.projectId(), event.actor(), at, sequence, v -> {
            v.status = ProjectStatus.SCHEDULED;
            v.scheduledDate = event.date();
            v.scheduledPlace = event.place();
        });
    }

    @EventHandler
    void on(ProjectDelivered event, @Timestamp Instant at, @SequenceNumber long sequence) {
        for (Consumption consumption : event.consumptions()) {
            claim(consumption.claimId(), at, c -> c.status = ProjectClaimView.Status.CONSUMED);
        }
        ProjectView view = update(event.projectId(), event.actor(), at, sequence, v -> {
            v.status = ProjectStatus.DELIVERED;
            v.report = json(event.report());
            v.consumptions = json(event.consumptions());
            v.reconciliation = event.reconciliation() == null ? null : json(event.reconciliation());
            v.hoursDiffer = event.reconciliation() != null
                    && event.reconciliation().stream().anyMatch(ReconciledHours::differs);
            // Like a claim's answer deadline, the wait is counted here from the event's time: a project is delivered
            // once, so the aggregate need not know when its one wait is due to recognise it (README "Confirmation
            // wait").
            v.confirmationDeadline = policy.confirmationDeadline(v.urgency, at);
        });
        stopDeadline(event.projectId(), DeadlineKind.COMPLETION);
        stopDeadline(event.projectId(), DeadlineKind.CLAIM);
        runDeadline(view, DeadlineKind.CONFIRMATION, view.confirmationDeadline);
    }

    @EventHandler
    void on(VolunteerCheckedIn event, @Timestamp Instant at, @SequenceNumber long sequence) {
        update(event.projectId(), event.actor(), at, sequence, v -> v.attendance = json(attend(v.attendance,
                event.volunteerId(), line -> new AttendanceLine(event.volunteerId(), event.unitId(), event.at(),
                        line == null ? null : line.checkedHours(), line == null ? null : line.lastCheckedOutAt()))));
    }

    @EventHandler
    void on(VolunteerCheckedOut event, @Timestamp Instant at, @SequenceNumber long sequence) {
        update(event.projectId(), event.actor(), at, sequence, v -> v.attendance = json(attend(v.attendance,
                event.volunteerId(), line -> new AttendanceLine(event.volunteerId(), event.unitId(), null,
                        event.checkedHours(), event.at()))));
    }

    /**
     * A volunteer's line of the activity's attendance: {@code checkedInAt} while a round is open; {@code checkedHours}
     * of the rounds checked out so far (null before the first check-out).
     */
    public record AttendanceLine(String volunteerId, String unitId, Instant checkedInAt, BigDecimal checkedHours,
            Instant lastCheckedOutAt) {
    }

    public static List<AttendanceLine> attendance(String json) {
        return json == null ? List.of() : List.of(read(json, AttendanceLine[].class));
    }

    private static List<AttendanceLine> attend(String json, String volunteerId,
            java.util.function.UnaryOperator<AttendanceLine> change) {
        List<AttendanceLine> lines = new ArrayList<>(attendance(json));
        int at = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).volunteerId().equals(volunteerId)) {
                at = i;
            }
        }
        if (at < 0) {
            lines.add(change.apply(null));
        } else {
            lines.set(at, change.apply(lines.get(at)));
        }
        return lines;
    }

    @EventHandler
    void on(ProjectCompleted event, @Timestamp Instant at, @SequenceNumber long sequence) {
        update(event.projectId(), event.actor(), at, sequence, v -> {
            v.status = ProjectStatus.COMPLETED;
            v.completedAt = at;
            v.completedBy = event.actor();
            v.confirmedOnBehalf = event.onBehalf() != null;
            v.onBehalfReason = event.onBehalf() == null ? null : event.onBehalf().reason();
        });
        stopDeadline(event.projectId(), DeadlineKind.CONFIRMATION);
    }

    @EventHandler
    void on(ProjectRated event, @Timestamp Instant at, @SequenceNumber long sequence) {
        update(event.projectId(), event.actor(), at, sequence, v -> {
            List<Rating> ratings = new ArrayList<>(ratings(v.ratings));
            ratings.removeIf(r -> r.demandId().equals(event.demandId()));
            ratings.add(new Rating(event.demandId(), event.score(), event.comment(), event.actor(), at));
            v.ratings = json(ratings);
            if (event.allRated()) {
                v.status = ProjectStatus.RATED;
            }
        });
    }

    @EventHandler
    void on(ProjectCancelled event, @Timestamp Instant at, @SequenceNumber long sequence) {
        release(event.releases(), event.reason(), at);
        update(event.projectId(), event.actor(), at, sequence, v -> {
            v.status = ProjectStatus.CANCELLED;
            v.statusReason = event.reason();
            v.holderUnitIds = new String[0];
        });
        stopDeadline(event.projectId(), DeadlineKind.CLAIM);
        stopDeadline(event.projectId(), DeadlineKind.COMPLETION);
        stopDeadline(event.projectId(), DeadlineKind.APPROVAL);
    }

    /** A resident's rating of one demand of the project, as the view keeps it. */
    public record Rating(String demandId, int score, String comment, String ratedBy, Instant ratedAt) {
    }

    public static List<Rating> ratings(String json) {
        try {
            return json == null ? List.of() : Json.mapper().readValue(json, new TypeReference<List<Rating>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private void reopen(String projectId, List<Release> releases, String reason, Instant claimDeadline, String actor,
            Instant at, long sequence) {
        release(releases, reason, at);
        // A unit that gives back its pledge leaves the others' confirmed pledges in place: they still cover part.
        BigDecimal stillCovered = ProjectClaimView.TABLE.where("project_id = ? AND status = ?", projectId,
                ProjectClaimView.Status.CONFIRMED).stream().map(c -> c.amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        ProjectView view = update(projectId, actor, at, sequence, v -> {
            v.status = ProjectStatus.PUBLISHED;
            v.mode = v.mode == null ? "CLAIM" : v.mode;
            v.statusReason = reason;
            v.holderUnitIds = new String[0];
            v.covered = scaled(stillCovered);
            v.claimDeadline = claimDeadline;
            v.completionDeadline = null;
            v.scheduledDate = null;
            v.scheduledPlace = null;
            v.attendance = null;
        });
        stopDeadline(projectId, DeadlineKind.COMPLETION);
        runDeadline(view, DeadlineKind.CLAIM, claimDeadline);
    }

    private static void release(List<Release> releases, String reason, Instant at) {
        for (Release release : releases) {
            claim(release.claimId(), at, c -> {
                c.status = ProjectClaimView.Status.RELEASED;
                c.reason = reason;
            });
        }
    }

    private static void runDeadline(ProjectView view, DeadlineKind kind, Instant dueAt) {
        if (dueAt == null) {
            return;
        }
        // a deadline that runs again starts afresh: no failed attempts, no postponement
        ProjectDeadline deadline = new ProjectDeadline();
        deadline.projectId = view.projectId;
        deadline.kind = kind.name();
        deadline.dueAt = dueAt;
        deadline.urgency = view.urgency;
        deadline.save();
    }

    private static void stopDeadline(String projectId, DeadlineKind kind) {
        ProjectDeadline.deleteById(new ProjectDeadline.Key(projectId, kind.name()));
    }

    private static void claim(String claimId, Instant at, Consumer<ProjectClaimView> change) {
        ProjectClaimView claim = ProjectClaimView.findById(claimId);
        if (claim == null) {
            throw new IllegalStateException("Claim " + claimId + " is missing from the project list");
        }
        change.accept(claim);
        claim.updatedAt = at;
        claim.save();
        if (claim.status != ProjectClaimView.Status.PENDING) {
            ProjectDeadline.deleteById(ProjectDeadline.Key.reservation(claim.projectId, claimId));
        }
    }

    private static ProjectView update(String projectId, String actor, Instant at, long sequence,
            Consumer<ProjectView> change) {
        ProjectView view = ProjectView.findById(projectId);
        if (view == null) {
            throw new IllegalStateException("Project view " + projectId + " is missing");
        }
        change.accept(view);
        view.touch(actor, at, sequence);
        view.save();
        return view;
    }

    private static BigDecimal scaled(BigDecimal amount) {
        return amount == null ? null : amount.setScale(2, RoundingMode.HALF_UP);
    }

    static String json(Object value) {
        try {
            return Json.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static <T> T read(String json, Class<T> type) {
        try {
            return json == null ? null : Json.mapper().readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
