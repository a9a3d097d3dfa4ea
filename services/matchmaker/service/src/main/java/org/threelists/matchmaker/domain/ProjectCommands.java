package org.threelists.matchmaker.domain;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.threelists.contracts.Category;
import org.threelists.contracts.Urgency;
import org.threelists.matchmaker.domain.ProjectValues.Alternative;
import org.threelists.matchmaker.domain.ProjectValues.DeadlineKind;
import org.threelists.matchmaker.domain.ProjectValues.DeliveryReport;
import org.threelists.matchmaker.domain.ProjectValues.Mode;
import org.threelists.matchmaker.domain.ProjectValues.Need;
import org.threelists.matchmaker.domain.ProjectValues.Origin;
import org.threelists.matchmaker.domain.ProjectValues.Score;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * Commands of the {@link Project} aggregate. Deadlines are computed by the caller from the configured policy
 * (per urgency) and carried in, so the aggregate stays free of configuration and clocks.
 */
public final class ProjectCommands {

    private ProjectCommands() {
    }

    /** Creates the project as a proposal (待审). {@code urgency}: the highest urgency of its demands. */
    public record ProposeProject(@TargetAggregateIdentifier String projectId, Origin origin, String streetCode,
            String communityCode, Category category, Urgency urgency, String title, List<String> demandIds, Need need,
            String proposedUnitId, String proposedResourceId, Score score, String explanation,
            List<Alternative> alternatives, String actor) {
    }

    /** The joint meeting's decision to publish (who recorded it, when, with an optional note). */
    public record PublishProject(@TargetAggregateIdentifier String projectId, Mode mode, String decisionNote,
            Instant decidedAt, Instant claimDeadline, String actor) {
    }

    /**
     * 揭榜 approved: the desk of the street, or the community the demand is from, accepts the unit that volunteered.
     * The proposal is published for a claim and the volunteering unit's claim (its offer, the whole need, in
     * {@code period}) is asked for under {@code claimId}; until then the unit holds nothing and sees no resident.
     */
    public record ApproveVolunteering(@TargetAggregateIdentifier String projectId, String claimId, String period,
            String note, Instant decidedAt, Instant claimDeadline, String actor) {
    }

    /**
     * A unit asks to claim the whole project: the claim asks for the need as the project holds it, and is confirmed
     * only once resource-list reserved that.
     */
    public record ClaimProject(@TargetAggregateIdentifier String projectId, String claimId, String unitId,
            String resourceId, String period, String actor) {
    }

    /** A unit pledges a share; the pending and confirmed pledges never exceed the need. */
    public record PledgeToProject(@TargetAggregateIdentifier String projectId, String claimId, String unitId,
            String resourceId, BigDecimal amount, String period, String actor) {
    }

    /**
     * resource-list reserved the capacity of {@code resourceId} (of {@code unitId}) for {@code claimId}, as its
     * threelists.capacity.reserved.v1 says: a pending claim or pledge is confirmed; for a claim no longer open the
     * reservation is given back. Idempotent.
     */
    public record ConfirmReservation(@TargetAggregateIdentifier String projectId, String claimId, String unitId,
            String resourceId, Instant completionDeadline, String actor) {

        /** A confirmation of a claim still open, e.g. in a test of the confirmation rules: nothing to give back. */
        public ConfirmReservation(String projectId, String claimId, Instant completionDeadline, String actor) {
            this(projectId, claimId, null, null, completionDeadline, actor);
        }
    }

    /** resource-list could not reserve the capacity for {@code claimId}: the claim or pledge is reverted. */
    public record RefuseReservation(@TargetAggregateIdentifier String projectId, String claimId, String reason,
            String actor) {
    }

    /**
     * resource-list did not answer a pending claim or pledge within the configured wait
     * ({@code threelists.deadlines.claim-pending}): it is refused with {@code reason}, as if resource-list had refused
     * it. Ignored when the claim is no longer pending.
     */
    public record AbandonPendingClaim(@TargetAggregateIdentifier String projectId, String claimId, String reason,
            String actor) {
    }

    /**
     * A unit gives back its own claim or pledge ({@code unitId}), or the desk takes the project from all its holders
     * to reassign it ({@code unitId} null). {@code claimDeadline}: the new wait, which only the desk's taking back
     * starts; a unit's giving back leaves the project under the claim deadline it had.
     */
    public record ReleaseClaim(@TargetAggregateIdentifier String projectId, String unitId, String reason,
            Instant claimDeadline, String actor) {

        /** The desk's release: every claim and pledge. */
        public ReleaseClaim(String projectId, String reason, Instant claimDeadline, String actor) {
            this(projectId, null, reason, claimDeadline, actor);
        }
    }

    /**
     * A deadline that was due at {@code dueAt} passed; ignored when the project's deadline has moved on.
     * {@code nextClaimDeadline}: for a claim deadline, the one the project gets when it goes back on the list.
     */
    public record PassDeadline(@TargetAggregateIdentifier String projectId, DeadlineKind kind, Instant dueAt,
            Instant nextClaimDeadline, String actor) {
    }

    /**
     * A holder plans the service. {@code zone}: the communities' time zone, in which the date must not lie before the
     * day the project was published (or proposed, when claimed before publication).
     */
    public record ScheduleProject(@TargetAggregateIdentifier String projectId, java.time.LocalDate date, String place,
            java.time.ZoneId zone, String actor) {

        /** A schedule whose date is not checked against the publication day, e.g. in a test of the other rules. */
        public ScheduleProject(String projectId, java.time.LocalDate date, String place, String actor) {
            this(projectId, date, place, null, actor);
        }
    }

    /**
     * A holder reports the delivery. {@code usedByClaim}: what each claim used of its reservation, in the need's
     * unit; a claim not listed used all it reserved. {@code reportingUnitId}: the holder reporting, who may name only
     * its own claims' use (a co-holder's consumption is not its to set) and vouch only for its own volunteers' hours
     * (a co-holder's volunteer only once they checked in and out). {@code calendar}: the report's date must lie
     * between the day the project was published (or proposed, when claimed before publication) and today.
     */
    public record ReportDelivery(@TargetAggregateIdentifier String projectId, DeliveryReport report,
            java.util.Map<String, BigDecimal> usedByClaim, String reportingUnitId,
            org.threelists.matchmaker.domain.ProjectValues.Calendar calendar, String actor) {

        /** A report whose date is not checked against a calendar, e.g. in a test of the other rules. */
        public ReportDelivery(String projectId, DeliveryReport report, java.util.Map<String, BigDecimal> usedByClaim,
                String reportingUnitId, String actor) {
            this(projectId, report, usedByClaim, reportingUnitId, null, actor);
        }

        /** A report by the system or in a test of one holder: any holder's claim may be named. */
        public ReportDelivery(String projectId, DeliveryReport report, java.util.Map<String, BigDecimal> usedByClaim,
                String actor) {
            this(projectId, report, usedByClaim, null, null, actor);
        }
    }

    /**
     * A volunteer checks in (签到) at the scheduled activity with a code a holder or the desk showed; {@code codeNonce}
     * names that code (verified already: signature, lifetime, purpose, project, place), so that it opens the check-in
     * once for this volunteer. {@code unitId}: the holding unit the volunteer is on the roster of. {@code atPlace}: the
     * code named a place and the volunteer's position lay within its radius.
     */
    public record CheckInVolunteer(@TargetAggregateIdentifier String projectId, String volunteerId, String unitId,
            String codeNonce, boolean atPlace, Instant at, String actor) {
    }

    /** The volunteer checks out (签退) with a check-out code; the time since the check-in adds to their checked time. */
    public record CheckOutVolunteer(@TargetAggregateIdentifier String projectId, String volunteerId, String unitId,
            String codeNonce, boolean atPlace, Instant at, String actor) {
    }

    /** The community confirms the delivery. */
    public record ConfirmCompletion(@TargetAggregateIdentifier String projectId, String actor) {
    }

    /**
     * The desk confirms the delivery on the community's behalf (代为确认完成), with why ({@code reason}, required): only
     * once the confirmation wait passed unconfirmed and escalated; before, the community confirms (README
     * "Confirmation wait").
     */
    public record ConfirmCompletionForCommunity(@TargetAggregateIdentifier String projectId, String reason,
            String actor) {
    }

    /** The resident's rating of the service for one demand, recorded by the community. */
    public record RateProject(@TargetAggregateIdentifier String projectId, String demandId, int score, String comment,
            String actor) {
    }

    public record CancelProject(@TargetAggregateIdentifier String projectId, String reason, String actor) {
    }

    /**
     * A proposal replaced by a newer plan or by the desk's own assignment: cancelled only while it is still a proposal
     * (answers whether it was). A project the desk published in the meantime stands, where a plain cancel would undo
     * the publication.
     */
    public record SupersedeProposal(@TargetAggregateIdentifier String projectId, String reason, String actor) {
    }
}
