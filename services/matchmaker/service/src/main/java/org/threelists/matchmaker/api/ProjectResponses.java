package org.threelists.matchmaker.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.threelists.matchmaker.domain.ProjectStatus;
import org.threelists.matchmaker.domain.ProjectValues;
import org.threelists.matchmaker.domain.ProjectValues.HoursBasis;
import org.threelists.matchmaker.projection.EscalationView;
import org.threelists.matchmaker.projection.ProjectClaimView;
import org.threelists.matchmaker.projection.ProjectProjection;
import org.threelists.matchmaker.projection.ProjectView;
import org.threelists.platform.json.Json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** The response bodies of the project list's REST API. */
public final class ProjectResponses {

    private ProjectResponses() {
    }

    @Schema(name = "Need")
    public record Need(BigDecimal amount, String unit) {
    }

    @Schema(name = "Score", description = "The engine's score of the proposal and its named terms")
    public record Score(double total, Map<String, Double> terms) {
    }

    @Schema(name = "ProposalAlternative", description = "A unit the engine considered and did not choose, and why")
    public record Alternative(String unitId, String resourceId, Double score, String reason) {
    }

    @Schema(name = "Decision", description = "The joint meeting's (联席会) decision to publish")
    public record Decision(String decidedBy, Instant decidedAt, String note) {
    }

    @Schema(name = "ProjectClaim", description = "A claim (认领) or pledge (认捐) and what became of it")
    public record Claim(String claimId, String kind, String unitId, String resourceId, BigDecimal amount, String period,
            ProjectClaimView.Status status, String reason, Instant requestedAt) {
        static Claim of(ProjectClaimView c) {
            return new Claim(c.claimId, c.kind, c.unitId, c.resourceId, c.amount, c.period, c.status, c.reason,
                    c.requestedAt);
        }
    }

    @Schema(name = "Schedule")
    public record Schedule(LocalDate date, String place) {
    }

    @Schema(name = "VolunteerHours", description = "One volunteer's service, by id and masked name only")
    public record VolunteerHours(String volunteerId, String unitId, String maskedName, BigDecimal hours) {
    }

    @Schema(name = "DeliveryReport", description = "The delivery report (三联单 service slip)")
    public record Report(LocalDate date, String place, List<VolunteerHours> volunteers, int residentsServed,
            String notes) {
    }

    @Schema(name = "Consumption", description = "What a holder used of its reservation")
    public record Consumption(String claimId, String unitId, String resourceId, BigDecimal amount) {
    }

    @Schema(name = "AttendanceLine", description = "A volunteer's check-ins at the scheduled activity: checkedInAt while a "
            + "round is open, checkedHours of the rounds checked out so far")
    public record AttendanceLine(String volunteerId, String unitId, Instant checkedInAt, BigDecimal checkedHours,
            Instant lastCheckedOutAt) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "ReconciledHours", description = "One volunteer's line of the delivery's reconciliation: the report's "
            + "hours beside the checked ones. creditedHours go to the ledger: the checked hours (basis CHECKED) where "
            + "the volunteer checked in and out, the report's (CONFIRMED_BY_UNIT) otherwise; a volunteer who checked in "
            + "and out but is not in the report has no reportedHours and is credited nothing. difference = reported − "
            + "checked")
    public record ReconciledHours(String volunteerId, String unitId, BigDecimal reportedHours, BigDecimal checkedHours,
            BigDecimal creditedHours, HoursBasis basis, String basisLabel, BigDecimal difference) {
        static ReconciledHours of(ProjectValues.ReconciledHours line) {
            return new ReconciledHours(line.volunteerId(), line.unitId(), line.reportedHours(), line.checkedHours(),
                    line.creditedHours(), line.basis(), line.basis() == null ? null : line.basis().zh(),
                    line.difference());
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "Completion", description = "Who confirmed the delivery (确认完成) and when: the community, or the desk "
            + "on the community's behalf (代为确认完成) once the confirmation wait passed, with its reason")
    public record Completion(Instant confirmedAt,
            @Schema(description = "Absent for a unit that does not hold the project") String confirmedBy,
            @Schema(description = "Whether the desk confirmed on the community's behalf") boolean onBehalfOfCommunity,
            @Schema(description = "Why the desk confirmed (e.g. it phoned the community); shown to the desk, the auditor "
                    + "and the community, not to units") String reason) {
        static Completion of(ProjectView p, boolean full, boolean unit) {
            return p.completedAt == null ? null : new Completion(p.completedAt, full ? p.completedBy : null,
                    p.confirmedOnBehalf, unit ? null : p.onBehalfReason);
        }
    }

    @Schema(name = "Rating")
    public record Rating(String demandId, int score, String comment, String ratedBy, Instant ratedAt) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "Project", description = "A project on the project list (项目清单). Residents appear only through "
            + "demand ids: their personal data stays in demand-list. Holders, claims of other units, the schedule, the "
            + "delivery report, consumptions and what the ratings say are shown to a unit only when it holds the "
            + "project; so are who proposed, published and last changed it, why its state changed, and the units the "
            + "proposal named: a unit that does not hold it is told that it is taken, not by whom.")
    public record Project(String projectId, String origin, ProjectStatus status, String statusLabel,
            @Schema(description = "Why the project is in its state (a refusal, a release, a cancellation); absent "
                    + "for a unit that does not hold the project") String statusReason,
            String streetCode, String communityCode, String category, String urgency,
            String title, List<String> demandIds, Need need, String mode,
            @Schema(description = "The unit the proposal is for; absent for a unit that does not hold the project, "
                    + "unless it is that unit") String proposedUnitId,
            @Schema(description = "Its offer; absent as proposedUnitId is") String proposedResourceId,
            Score score,
            @Schema(description = "Why the engine chose the proposed unit; absent for a unit that does not hold the "
                    + "project") String explanation,
            @Schema(description = "The units the engine considered and did not choose; absent for a unit that does not "
                    + "hold the project") List<Alternative> alternatives,
            @Schema(description = "The decision to publish; decidedBy is absent for a unit that does not hold the "
                    + "project") Decision decision,
            Instant claimDeadline, Instant completionDeadline,
            @Schema(description = "When the delivery's wait for the community's confirmation passes; the desk may then "
                    + "confirm on the community's behalf") Instant confirmationDeadline,
            BigDecimal covered,
            @Schema(description = "The units holding the project; absent for a unit that does not hold it")
            List<String> holders,
            @Schema(description = "Claims and pledges; a unit that does not hold the project sees only its own")
            List<Claim> claims,
            @Schema(description = "Where and when the activity takes place; absent for a unit that does not hold the "
                    + "project (one whose claim was refused or that gave the project back)") Schedule schedule,
            @Schema(description = "Absent for a unit that does not hold the project") Report report,
            List<Consumption> consumptions,
            @Schema(description = "Who checked in and out of the scheduled activity; absent for a unit that does not "
                    + "hold the project") List<AttendanceLine> attendance,
            @Schema(description = "The delivery report reconciled with the check-ins; absent before the delivery, for a "
                    + "delivery recorded before check-ins, and for a unit that does not hold the project")
            List<ReconciledHours> reconciliation,
            @Schema(description = "Whether a volunteer's reported hours differ from the checked ones") boolean hoursDiffer,
            @Schema(description = "Who confirmed the delivery; absent before, and for confirmations recorded before "
                    + "they were kept") Completion completion,
            @Schema(description = "The residents' ratings; for a unit that does not hold the project, the scores without "
                    + "the comments and who recorded them") List<Rating> ratings, int escalations, Instant proposedAt,
            @Schema(description = "Absent for a unit that does not hold the project") String proposedBy,
            Instant updatedAt,
            @Schema(description = "Absent for a unit that does not hold the project") String updatedBy, long version) {

        /**
         * The project as {@code unit} (null for the desk, the community, the auditor) may see it: {@code full} for
         * all but a unit that does not hold it, which sees neither who holds or held it, nor who claimed it, nor
         * which staff accounts acted on it (README "REST").
         */
        static Project of(ProjectView p, List<ProjectClaimView> claims, boolean full, String unit) {
            List<Claim> shown = claims.stream().filter(c -> full || c.unitId.equals(unit)).map(Claim::of).toList();
            boolean proposedShown = full || (unit != null && unit.equals(p.proposedUnitId));
            return new Project(p.projectId, p.origin, p.status, p.status.zh(), full ? p.statusReason : null,
                    p.streetCode, p.communityCode, p.category.name(), p.urgency.name(), p.title, List.of(p.demandIds),
                    new Need(p.needAmount, p.needUnit), p.mode, proposedShown ? p.proposedUnitId : null,
                    proposedShown ? p.proposedResourceId : null, read(p.score, Score.class),
                    full ? p.explanation : null,
                    full && p.alternatives != null ? Arrays.asList(read(p.alternatives, Alternative[].class)) : null,
                    p.decidedAt == null ? null : new Decision(full ? p.decidedBy : null, p.decidedAt, p.decisionNote),
                    p.claimDeadline, p.completionDeadline, p.confirmationDeadline, p.covered,
                    full ? List.of(p.holderUnitIds) : null, shown,
                    full && p.scheduledDate != null ? new Schedule(p.scheduledDate, p.scheduledPlace) : null,
                    full ? read(p.report, Report.class) : null,
                    full && p.consumptions != null ? Arrays.asList(read(p.consumptions, Consumption[].class)) : null,
                    full && p.attendance != null ? Arrays.asList(read(p.attendance, AttendanceLine[].class)) : null,
                    full && p.reconciliation != null ? Arrays.stream(read(p.reconciliation,
                            ProjectValues.ReconciledHours[].class)).map(ReconciledHours::of).toList() : null,
                    p.hoursDiffer, Completion.of(p, full, unit != null),
                    ProjectProjection.ratings(p.ratings).stream()
                            .map(r -> new Rating(r.demandId(), r.score(), full ? r.comment() : null,
                                    full ? r.ratedBy() : null, r.ratedAt())).toList(),
                    p.escalations, p.proposedAt, full ? p.proposedBy : null, p.updatedAt, full ? p.updatedBy : null,
                    p.version);
        }
    }

    @Schema(name = "ProjectPage", description = "One page of the project list")
    public record Page(List<Project> items, int page, int size, long total) {
    }

    @Schema(name = "ClaimAccepted", description = "The claim or pledge was recorded and waits for resource-list to "
            + "reserve the capacity (claimStatus PENDING); the project is confirmed or reverted when it answers")
    public record ClaimAccepted(String claimId, String kind, ProjectClaimView.Status claimStatus, ProjectStatus status,
            Project project) {
    }

    @Schema(name = "Escalation", description = "A passed deadline in the desk's queue: what was due (deadline) since "
            + "when (dueAt), and where the project stands now")
    public record Escalation(String escalationId, String projectId, String title, String communityCode,
            @Schema(description = "CLAIM, COMPLETION, CONFIRMATION (a delivery its community did not confirm in "
                    + "time: the desk may confirm on its behalf while the project is DELIVERED) or APPROVAL (a unit's "
                    + "揭榜 nobody approved or refused in time: the desk decides while the project is PROPOSED)")
            String deadline,
            Instant dueAt,
            @Schema(description = "The holders (COMPLETION), the units that delivered (CONFIRMATION) or the unit "
                    + "that volunteered (APPROVAL)")
            List<String> unitIds, Instant escalatedAt, String escalatedBy,
            @Schema(description = "The project's status now") ProjectStatus projectStatus, String projectStatusLabel) {
        static Escalation of(EscalationView e, ProjectStatus now) {
            return new Escalation(e.escalationId, e.projectId, e.title, e.communityCode, e.deadline, e.dueAt,
                    List.of(e.unitIds), e.escalatedAt, e.escalatedBy, now, now == null ? null : now.zh());
        }
    }

    @Schema(name = "EscalationPage")
    public record EscalationPage(List<Escalation> items, int page, int size, long total) {
    }

    private static <T> T read(String json, Class<T> type) {
        try {
            return json == null ? null : Json.mapper().readValue(json, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
