package org.threelists.matchmaker.domain;

import org.threelists.contracts.Category;
import org.threelists.contracts.Urgency;
import org.threelists.matchmaker.domain.ProjectValues.Alternative;
import org.threelists.matchmaker.domain.ProjectValues.Claim;
import org.threelists.matchmaker.domain.ProjectValues.Consumption;
import org.threelists.matchmaker.domain.ProjectValues.DeadlineKind;
import org.threelists.matchmaker.domain.ProjectValues.DeliveryReport;
import org.threelists.matchmaker.domain.ProjectValues.Mode;
import org.threelists.matchmaker.domain.ProjectValues.Need;
import org.threelists.matchmaker.domain.ProjectValues.OnBehalf;
import org.threelists.matchmaker.domain.ProjectValues.Origin;
import org.threelists.matchmaker.domain.ProjectValues.ReconciledHours;
import org.threelists.matchmaker.domain.ProjectValues.Release;
import org.threelists.matchmaker.domain.ProjectValues.Score;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The domain events of a project: immutable facts, one per state change. They map one to one onto the integration
 * events of project-list.events.v1 (contracts/schemas/project-list.events.v1.schema.json), except that the
 * integration events repeat the context (street, community, category, demands) that consumers need.
 */
public final class ProjectEvents {

    private ProjectEvents() {
    }

    public record ProjectProposed(String projectId, Origin origin, String streetCode, String communityCode,
            Category category, Urgency urgency, String title, List<String> demandIds, Need need, String proposedUnitId,
            String proposedResourceId, Score score, String explanation, List<Alternative> alternatives,
            String actor) {
    }

    public record ProjectPublished(String projectId, Mode mode, String decisionNote, Instant decidedAt,
            Instant claimDeadline, String actor) {
    }

    public record ClaimRequested(String projectId, Claim claim, String actor) {
    }

    public record ClaimRefused(String projectId, Claim claim, String reason, String actor) {
    }

    /** {@code covered}: the sum of confirmed pledges after this one. */
    public record PledgeConfirmed(String projectId, Claim pledge, BigDecimal covered, String actor) {
    }

    /** The project is taken: the confirmed claim, or the confirmed pledges that cover the need. */
    public record ProjectClaimed(String projectId, Mode mode, List<Claim> holders, Instant completionDeadline,
            String actor) {
    }

    public record ClaimReleased(String projectId, List<Release> releases, String reason, Instant claimDeadline,
            String actor) {
    }

    /** A reservation made for a claim that no longer holds or awaits anything is given back to resource-list. */
    public record ReservationReturned(String projectId, Release release, String reason, String actor) {
    }

    public record ClaimExpired(String projectId, List<Release> releases, Instant claimDeadline, String actor) {
    }

    public record DeadlineEscalated(String projectId, DeadlineKind deadline, Instant dueAt, List<String> unitIds,
            String actor) {
    }

    public record ProjectScheduled(String projectId, LocalDate date, String place, String actor) {
    }

    /**
     * {@code reconciliation}: the report's hours beside the checked ones, per volunteer (README "Check-in and
     * reconciliation"); null in a delivery recorded before check-ins existed, whose report's hours are what counted.
     */
    public record ProjectDelivered(String projectId, DeliveryReport report, List<Consumption> consumptions,
            String actor, List<ReconciledHours> reconciliation) {
    }

    /** A volunteer of a holding unit checked in (签到) at the scheduled activity with the code of nonce {@code codeNonce}. */
    public record VolunteerCheckedIn(String projectId, String volunteerId, String unitId, Instant at, String codeNonce,
            boolean atPlace, String actor) {
    }

    /**
     * The volunteer checked out (签退): {@code checkedInAt}–{@code at} is this round's time; {@code checkedHours} the
     * hours of all the volunteer's rounds together (platform {@code CheckedHours}).
     */
    public record VolunteerCheckedOut(String projectId, String volunteerId, String unitId, Instant checkedInAt,
            Instant at, String codeNonce, boolean atPlace, BigDecimal checkedHours, String actor) {
    }

    /**
     * The delivery is confirmed: by the community ({@code onBehalf} null, and in every event recorded before the desk
     * could confirm), or by the desk on the community's behalf once the confirmation wait passed.
     */
    public record ProjectCompleted(String projectId, String actor, OnBehalf onBehalf) {

        /** The community's own confirmation. */
        public ProjectCompleted(String projectId, String actor) {
            this(projectId, actor, null);
        }
    }

    public record ProjectRated(String projectId, String demandId, int score, String comment, boolean allRated,
            String actor) {
    }

    public record ProjectCancelled(String projectId, List<Release> releases, String reason, String actor) {
    }
}
