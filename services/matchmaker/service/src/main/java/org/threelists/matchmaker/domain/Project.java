package org.threelists.matchmaker.domain;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.threelists.matchmaker.domain.ProjectCommands.AbandonPendingClaim;
import org.threelists.matchmaker.domain.ProjectCommands.ApproveVolunteering;
import org.threelists.matchmaker.domain.ProjectCommands.CancelProject;
import org.threelists.matchmaker.domain.ProjectCommands.CheckInVolunteer;
import org.threelists.matchmaker.domain.ProjectCommands.CheckOutVolunteer;
import org.threelists.matchmaker.domain.ProjectCommands.ClaimProject;
import org.threelists.matchmaker.domain.ProjectCommands.ConfirmCompletion;
import org.threelists.matchmaker.domain.ProjectCommands.ConfirmCompletionForCommunity;
import org.threelists.matchmaker.domain.ProjectCommands.ConfirmReservation;
import org.threelists.matchmaker.domain.ProjectCommands.PassDeadline;
import org.threelists.matchmaker.domain.ProjectCommands.PledgeToProject;
import org.threelists.matchmaker.domain.ProjectCommands.ProposeProject;
import org.threelists.matchmaker.domain.ProjectCommands.PublishProject;
import org.threelists.matchmaker.domain.ProjectCommands.RateProject;
import org.threelists.matchmaker.domain.ProjectCommands.RefuseReservation;
import org.threelists.matchmaker.domain.ProjectCommands.ReleaseClaim;
import org.threelists.matchmaker.domain.ProjectCommands.ReportDelivery;
import org.threelists.matchmaker.domain.ProjectCommands.ScheduleProject;
import org.threelists.matchmaker.domain.ProjectCommands.SupersedeProposal;
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
import org.threelists.matchmaker.domain.ProjectEvents.ReservationReturned;
import org.threelists.matchmaker.domain.ProjectEvents.VolunteerCheckedIn;
import org.threelists.matchmaker.domain.ProjectEvents.VolunteerCheckedOut;
import org.threelists.matchmaker.domain.ProjectValues.Claim;
import org.threelists.matchmaker.domain.ProjectValues.DeadlineKind;
import org.threelists.matchmaker.domain.ProjectValues.DeliveryReport;
import org.threelists.matchmaker.domain.ProjectValues.Mode;
import org.threelists.matchmaker.domain.ProjectValues.Need;
import org.threelists.matchmaker.domain.ProjectValues.OnBehalf;
import org.threelists.matchmaker.domain.ProjectValues.Origin;
import org.threelists.matchmaker.domain.ProjectValues.Release;
import org.threelists.matchmaker.domain.ProjectValues.VolunteerHours;
import org.threelists.platform.domain.IllegalTransitionException;
import org.threelists.platform.domain.RecordDates;
import org.threelists.platform.domain.RuleBrokenException;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.threelists.matchmaker.domain.ProjectStatus.CANCELLED;
import static org.threelists.matchmaker.domain.ProjectStatus.CLAIMED;
import static org.threelists.matchmaker.domain.ProjectStatus.CLAIM_PENDING;
import static org.threelists.matchmaker.domain.ProjectStatus.COMPLETED;
import static org.threelists.matchmaker.domain.ProjectStatus.DELIVERED;
import static org.threelists.matchmaker.domain.ProjectStatus.PROPOSED;
import static org.threelists.matchmaker.domain.ProjectStatus.PUBLISHED;
import static org.threelists.matchmaker.domain.ProjectStatus.RATED;
import static org.threelists.matchmaker.domain.ProjectStatus.SCHEDULED;

/**
 * A project on the project list (项目清单): demands paired with the capacity of member units, from proposal to rating.
 * The one place where its rules live. A claim (认领) or pledge (认捐) counts only once resource-list has reserved
 * its capacity (the capacity saga: ClaimRequested, then ConfirmReservation or RefuseReservation with the same claim
 * id); commands on one project are serialised, so of concurrent claims exactly one is asked for and pledges never
 * overshoot the need, pending ones included.
 *
 * <p>Decisions where the practice is silent: a project of origin DESK may be claimed by its proposed unit before
 * publication (the desk assigned it); one of origin VOLUNTEERED (揭榜) only once the desk or the community approved
 * the unit (which publishes it and asks for the unit's claim in one step); a refused claim puts a project never
 * published back to PROPOSED; the claim deadline does not expire a project while claims awaiting resource-list's answer would
 * take it whole (it stays the current deadline, so the same deadline passing again after a refusal expires it); a
 * unit holds at most one pending or confirmed pledge; ratings keep the project COMPLETED until every demand is
 * rated, then it is RATED.
 *
 * <p>Hours come from the volunteers' check-in and check-out at the scheduled activity ({@link Attendance}); the
 * delivery report is reconciled against them, and a volunteer who did not check in and out is credited the report's
 * hours as confirmed by the unit (README "Check-in and reconciliation"). A project given back loses its schedule and
 * its check-ins with it.
 */
public class Project {

    @AggregateIdentifier
    private String projectId;
    private ProjectStatus status;
    private Origin origin;
    private String proposedUnitId;
    private String proposedResourceId;
    private List<String> demandIds;
    private Need need;
    /** Null until published or released: a direct claim before publication is a CLAIM. */
    private Mode mode;
    private boolean published;
    /** When the project was proposed and, once published, when the joint meeting decided: a delivery is not before. */
    private Instant proposedAt;
    private Instant decidedAt;
    private Instant claimDeadline;
    private Instant completionDeadline;
    /** The last completion deadline escalated; never reset, so that one due time escalates once. */
    private Instant completionEscalatedAt;
    /**
     * When the confirmation wait that escalated was due; null until it did. A project is delivered once, so its wait
     * runs once and escalates once; the desk may confirm on the community's behalf only after it.
     */
    private Instant confirmationEscalatedAt;
    /**
     * When the approval wait of a unit's 揭榜 that escalated was due; null until it did. A proposal is volunteered for
     * once, so its wait runs once and escalates once (README "The 揭榜's approval wait").
     */
    private Instant approvalEscalatedAt;
    private final Claims claims = new Claims();
    private final Set<String> ratedDemands = new HashSet<>();
    private final Attendance attendance = new Attendance();

    protected Project() {
        // For Axon: rebuilt from events.
    }

    @CommandHandler
    public Project(ProposeProject command) {
        ProjectInput.checkProposal(command);
        apply(new ProjectProposed(command.projectId(), command.origin(), command.streetCode(), command.communityCode(),
                command.category(), command.urgency(), command.title().strip(), List.copyOf(command.demandIds()),
                command.need(), command.proposedUnitId(), command.proposedResourceId(), command.score(),
                command.explanation(), command.alternatives() == null ? List.of() : List.copyOf(command.alternatives()),
                command.actor()));
    }

    @CommandHandler
    public void handle(PublishProject command) {
        require("publish", EnumSet.of(PROPOSED));
        if (command.mode() == null) {
            throw new RuleBrokenException("mode", "is required (CLAIM or PLEDGE)");
        }
        if (command.decidedAt() == null) {
            throw new RuleBrokenException("decidedAt", "is required: when the joint meeting decided");
        }
        if (command.claimDeadline() == null || !command.claimDeadline().isAfter(command.decidedAt())) {
            throw new RuleBrokenException("claimDeadline", "is required and must be after decidedAt");
        }
        ProjectInput.maxLength("decisionNote", command.decisionNote(), 2000);
        apply(new ProjectPublished(projectId, command.mode(), command.decisionNote(), command.decidedAt(),
                command.claimDeadline(), command.actor()));
    }

    @CommandHandler
    public void handle(ApproveVolunteering command) {
        require("approve the volunteering for", EnumSet.of(PROPOSED));
        if (origin != Origin.VOLUNTEERED) {
            throw new ProjectStateException("Project " + projectId + " is of origin " + origin
                    + ": only a unit's volunteering (揭榜) is approved; publish it instead",
                    Map.of("state", status.name(), "action", "approve"));
        }
        if (command.decidedAt() == null) {
            throw new RuleBrokenException("decidedAt", "is required: when it was approved");
        }
        if (command.claimDeadline() == null || !command.claimDeadline().isAfter(command.decidedAt())) {
            throw new RuleBrokenException("claimDeadline", "is required and must be after decidedAt");
        }
        ProjectInput.maxLength("note", command.note(), 2000);
        Claim claim = ProjectInput.claim(Mode.CLAIM, command.claimId(), proposedUnitId, proposedResourceId,
                need.amount(), command.period());
        requireNewClaimId(claim.claimId());
        apply(new ProjectPublished(projectId, Mode.CLAIM, command.note(), command.decidedAt(), command.claimDeadline(),
                command.actor()));
        apply(new ClaimRequested(projectId, claim, command.actor()));
    }

    @CommandHandler
    public void handle(ClaimProject command) {
        ProjectInput.required("unitId", command.unitId());
        requireClaimable(command.unitId());
        // A claim takes the whole need as this project recorded it, not as a read model shows it (rounded to its
        // column's two decimals): a need recorded with more decimals before they were bounded is still claimable.
        Claim claim = ProjectInput.claim(Mode.CLAIM, command.claimId(), command.unitId(), command.resourceId(),
                need.amount(), command.period());
        requireNewClaimId(claim.claimId());
        apply(new ClaimRequested(projectId, claim, command.actor()));
    }

    @CommandHandler
    public void handle(PledgeToProject command) {
        require("pledge to", EnumSet.of(PUBLISHED));
        if (mode != Mode.PLEDGE) {
            throw new ProjectStateException("Project " + projectId
                    + " is published for one unit's claim, not for pledges",
                    Map.of("state", status.name(), "mode", String.valueOf(mode), "action", "pledge"));
        }
        Claim pledge = ProjectInput.claim(Mode.PLEDGE, command.claimId(), command.unitId(), command.resourceId(),
                command.amount(), command.period());
        ProjectInput.decimals("amount", pledge.amount());
        requireNewClaimId(pledge.claimId());
        claims.of(pledge.unitId()).ifPresent(held -> {
            throw new ProjectConflictException("Unit " + held.unitId() + " already pledged "
                    + held.amount().toPlainString() + " " + need.unit() + " to project " + projectId
                    + (held.confirmed() ? "" : " (awaiting confirmation)"), Map.of("claimId", held.claimId()));
        });
        BigDecimal open = need.amount().subtract(claims.committed());
        if (pledge.amount().compareTo(open) > 0) {
            throw new ProjectConflictException("Only " + open.toPlainString() + " " + need.unit()
                    + " of the need of " + need.amount().toPlainString() + " are still open, "
                    + pledge.amount().toPlainString() + " pledged", Map.of("open", open));
        }
        apply(new ClaimRequested(projectId, pledge, command.actor()));
    }

    /**
     * resource-list's answer may come twice or late: only a pending claim is confirmed, once. A reservation for a claim
     * of this project that is no longer open (refused, by resource-list or after waiting too long for its answer;
     * released, expired, cancelled; or reserved again from a replayed request) must not hold capacity for nothing: it
     * is given back each time one is reported, since resource-list releases a claim's reservation at most once. This
     * is decided here, on the project as the answer finds it, not on a read model read before: the wait for the answer
     * may run out in between (README "The capacity saga"). An id this project never used is not its business.
     */
    @CommandHandler
    public void handle(ConfirmReservation command) {
        ProjectInput.required("claimId", command.claimId());
        Claim claim = claims.find(command.claimId()).orElse(null);
        if (claim == null) {
            if (claims.used(command.claimId())) {
                giveBack(command);
            }
            return;
        }
        if (claim.confirmed()) {
            return;
        }
        Claim confirmed = claim.confirm();
        if (claim.kind() == Mode.CLAIM) {
            apply(new ProjectClaimed(projectId, Mode.CLAIM, List.of(confirmed), completionDeadline(command),
                    command.actor()));
            return;
        }
        BigDecimal covered = claims.confirmed().add(claim.amount());
        boolean coversNeed = covered.compareTo(need.amount()) == 0;
        Instant deadline = coversNeed ? completionDeadline(command) : null;
        List<Claim> holders = claims.holdersConfirming(claim.claimId());
        apply(new PledgeConfirmed(projectId, confirmed, covered, command.actor()));
        if (coversNeed) {
            apply(new ProjectClaimed(projectId, Mode.PLEDGE, holders, deadline, command.actor()));
        }
    }

    /** Like a confirmation, a refusal applies only to a pending claim, once; a confirmed claim stays confirmed. */
    @CommandHandler
    public void handle(RefuseReservation command) {
        ProjectInput.required("claimId", command.claimId());
        claims.find(command.claimId()).filter(c -> !c.confirmed()).ifPresent(claim -> apply(new ClaimRefused(
                projectId, claim, ProjectInput.orDefault(command.reason(), "capacity not reserved"), command.actor())));
    }

    /** A claim resource-list left unanswered too long is refused like a refusal, once; an answered one stays. */
    @CommandHandler
    public void handle(AbandonPendingClaim command) {
        ProjectInput.required("claimId", command.claimId());
        claims.find(command.claimId()).filter(c -> !c.confirmed()).ifPresent(claim -> apply(new ClaimRefused(
                projectId, claim, ProjectInput.orDefault(command.reason(), "no answer from resource-list"),
                command.actor())));
    }

    /** The reservation resource-list reported, of the unit's resource, goes back: its claim is closed. */
    private void giveBack(ConfirmReservation command) {
        ProjectInput.required("unitId", command.unitId());
        ProjectInput.required("resourceId", command.resourceId());
        apply(new ReservationReturned(projectId, new Release(command.claimId(), command.unitId(), command.resourceId()),
                "reserved after the claim was " + claims.closedAs(command.claimId()), command.actor()));
    }

    /**
     * The desk takes back every claim and pledge; a unit gives back only its own. When what is left no longer covers
     * the need the project is open again (for a claim, or for pledges beside those that stay): after the desk's taking
     * back with a new claim deadline, after a unit's giving back under the one it had ({@link #reopenedUntil}).
     */
    @CommandHandler
    public void handle(ReleaseClaim command) {
        if (!(EnumSet.of(CLAIM_PENDING, CLAIMED, SCHEDULED).contains(status) || (status == PUBLISHED && !claims.isEmpty()))) {
            throw new IllegalTransitionException("release the claims of project " + projectId
                    + (status == PUBLISHED ? " (none is held)" : ""), status);
        }
        if (command.claimDeadline() == null) {
            throw new RuleBrokenException("claimDeadline", "is required: the project goes back on the list");
        }
        List<Release> releases = claims.releases();
        if (command.unitId() != null) {
            releases = releases.stream().filter(r -> r.unitId().equals(command.unitId())).toList();
            if (releases.isEmpty()) {
                throw new ProjectStateException("Unit " + command.unitId()
                        + " holds no claim or pledge of project " + projectId, Map.of("state", status.name(),
                        "action", "release"));
            }
        }
        apply(new ClaimReleased(projectId, releases, ProjectInput.orDefault(command.reason(), "no reason given"),
                reopenedUntil(command), command.actor()));
    }

    /**
     * The claim deadline a project given back is open again under (README "Shared projects"). A
     * unit's giving back does not move it: the part given back is open under the deadline the project had — from its
     * publication, or from the last expiry or taking back by the desk — so that pledging and giving back cannot keep a
     * project from escalating; when that deadline has passed already, the poller escalates it at its next poll. The
     * desk's taking back starts a new wait: it reassigns the project, as the joint meeting publishes it. A project
     * claimed before it ever had a deadline takes the new one.
     */
    private Instant reopenedUntil(ReleaseClaim command) {
        return command.unitId() != null && claimDeadline != null ? claimDeadline : command.claimDeadline();
    }

    /**
     * A deadline passed. The scheduler may fire late, twice, or for a deadline that has moved on since: only the
     * project's current deadline, in a state where it still applies, has an effect, and a completion deadline
     * escalates once.
     */
    @CommandHandler
    public void handle(PassDeadline command) {
        if (command.kind() == null) {
            throw new RuleBrokenException("kind", "is required (CLAIM, COMPLETION, CONFIRMATION or APPROVAL)");
        }
        if (command.dueAt() == null) {
            throw new RuleBrokenException("dueAt", "is required");
        }
        switch (command.kind()) {
            case CLAIM -> passClaimDeadline(command);
            case COMPLETION -> passCompletionDeadline(command);
            case CONFIRMATION -> passConfirmationWait(command);
            case APPROVAL -> passApprovalWait(command);
        }
    }

    /**
     * A unit's 揭榜 waited for the approval of the desk or the community as long as the policy gives it (README "The
     * 揭榜's approval wait"): escalated once, with the unit that volunteered, while it is still undecided. The proposal
     * stays: the desk approves or refuses it (a cancellation with its reason), as a person's decision.
     */
    private void passApprovalWait(PassDeadline command) {
        if (status == PROPOSED && origin == Origin.VOLUNTEERED && approvalEscalatedAt == null) {
            apply(new DeadlineEscalated(projectId, DeadlineKind.APPROVAL, command.dueAt(), List.of(proposedUnitId),
                    command.actor()));
        }
    }

    private void passCompletionDeadline(PassDeadline command) {
        if (EnumSet.of(CLAIMED, SCHEDULED).contains(status) && command.dueAt().equals(completionDeadline)
                && !command.dueAt().equals(completionEscalatedAt)) {
            apply(new DeadlineEscalated(projectId, DeadlineKind.COMPLETION, command.dueAt(), claims.holderUnits(),
                    command.actor()));
        }
    }

    /**
     * The delivery waited for the community's confirmation as long as the policy gives it (README "Confirmation
     * wait"): escalated once, with the units that delivered, while it is still unconfirmed. The wait starts with the
     * delivery, which happens once, so there is no later wait it could be mistaken for.
     */
    private void passConfirmationWait(PassDeadline command) {
        if (status == DELIVERED && confirmationEscalatedAt == null) {
            apply(new DeadlineEscalated(projectId, DeadlineKind.CONFIRMATION, command.dueAt(), claims.holderUnits(),
                    command.actor()));
        }
    }

    private void passClaimDeadline(PassDeadline command) {
        if (command.nextClaimDeadline() == null || !command.nextClaimDeadline().isAfter(command.dueAt())) {
            throw new RuleBrokenException("nextClaimDeadline", "is required and must be after dueAt");
        }
        boolean awaitedClaimsTakeIt = claims.committed().compareTo(need.amount()) >= 0;
        if (status == PUBLISHED && command.dueAt().equals(claimDeadline) && !awaitedClaimsTakeIt) {
            apply(new DeadlineEscalated(projectId, DeadlineKind.CLAIM, command.dueAt(), List.of(), command.actor()));
            apply(new ClaimExpired(projectId, claims.releases(), command.nextClaimDeadline(), command.actor()));
        }
    }

    @CommandHandler
    public void handle(ScheduleProject command) {
        require("schedule", EnumSet.of(CLAIMED, SCHEDULED));
        if (command.date() == null) {
            throw new RuleBrokenException("date", "is required");
        }
        // A date the contracts' four-digit pattern cannot carry would be dead-lettered by every reader of the topic.
        RecordDates.require("date", command.date());
        ProjectInput.text("place", command.place(), 200);
        if (command.zone() != null) {
            ProjectInput.notBeforePublication("date", command.date(), decidedAt != null ? decidedAt : proposedAt,
                    command.zone());
        }
        apply(new ProjectScheduled(projectId, command.date(), command.place().strip(), command.actor()));
    }

    /**
     * A volunteer on a holder's roster checks in at the scheduled activity (README "Check-in and reconciliation"). The
     * code was verified by the caller; here it opens the check-in once for this volunteer, and a volunteer is in at
     * most one round at a time.
     */
    @CommandHandler
    public void handle(CheckInVolunteer command) {
        require("check in to", EnumSet.of(SCHEDULED));
        requireVolunteerOfHolder(command.volunteerId(), command.unitId());
        requireUnusedCode(command.volunteerId(), command.codeNonce());
        if (attendance.checkedInAt(command.volunteerId()) != null) {
            throw new IllegalTransitionException("check in to project " + projectId + " again before checking out",
                    status);
        }
        apply(new VolunteerCheckedIn(projectId, command.volunteerId(), command.unitId(), command.at(),
                command.codeNonce(), command.atPlace(), command.actor()));
    }

    @CommandHandler
    public void handle(CheckOutVolunteer command) {
        require("check out of", EnumSet.of(SCHEDULED));
        requireVolunteerOfHolder(command.volunteerId(), command.unitId());
        requireUnusedCode(command.volunteerId(), command.codeNonce());
        Instant checkedInAt = attendance.checkedInAt(command.volunteerId());
        if (checkedInAt == null) {
            throw new IllegalTransitionException("check out of project " + projectId + " without checking in", status);
        }
        if (command.at() == null || command.at().isBefore(checkedInAt)) {
            throw new RuleBrokenException("at", "a check-out comes after its check-in");
        }
        apply(new VolunteerCheckedOut(projectId, command.volunteerId(), command.unitId(), checkedInAt, command.at(),
                command.codeNonce(), command.atPlace(), attendance.hoursEndingAt(command.volunteerId(), command.at()),
                command.actor()));
    }

    /**
     * The report is recorded with its reconciliation: each reported volunteer's hours beside their checked time, the
     * checked hours credited where they checked in and out, the report's as confirmed by the unit otherwise.
     */
    @CommandHandler
    public void handle(ReportDelivery command) {
        require("report the delivery of", EnumSet.of(CLAIMED, SCHEDULED));
        DeliveryReport report = ProjectInput.report(command.report(), claims.holderUnits());
        requireOwnWordOnlyForOwnVolunteers(report, command.reportingUnitId());
        if (command.calendar() != null) {
            ProjectInput.deliveredWithin(report.date(), decidedAt != null ? decidedAt : proposedAt, command.calendar());
        }
        apply(new ProjectDelivered(projectId, report, claims.consumptions(command.usedByClaim(),
                command.reportingUnitId()), command.actor(), attendance.reconcile(report.volunteers())));
    }

    @CommandHandler
    public void handle(ConfirmCompletion command) {
        require("confirm the completion of", EnumSet.of(DELIVERED));
        apply(new ProjectCompleted(projectId, command.actor()));
    }

    /**
     * The desk stands in for a community that did not confirm within the wait (README "Confirmation wait"). Before the
     * wait escalated, the confirmation is the community's: the desk did not see the delivery, the community did.
     */
    @CommandHandler
    public void handle(ConfirmCompletionForCommunity command) {
        require("confirm on the community's behalf the completion of", EnumSet.of(DELIVERED));
        if (confirmationEscalatedAt == null) {
            throw new ProjectStateException("Project " + projectId + " awaits its community's confirmation: the desk"
                    + " confirms on the community's behalf only once the confirmation wait has passed",
                    Map.of("state", status.name(), "action", "confirm-for-community"));
        }
        ProjectInput.text("reason", command.reason(), 2000);
        apply(new ProjectCompleted(projectId, command.actor(), new OnBehalf(command.reason().strip())));
    }

    @CommandHandler
    public void handle(RateProject command) {
        require("rate", EnumSet.of(COMPLETED));
        if (command.demandId() == null || !demandIds.contains(command.demandId())) {
            throw new RuleBrokenException("demandId", "must be one of the project's demands " + demandIds);
        }
        if (command.score() < 1 || command.score() > 5) {
            throw new RuleBrokenException("score", "must be between 1 and 5");
        }
        ProjectInput.maxLength("comment", command.comment(), 2000);
        if (ratedDemands.contains(command.demandId())) {
            throw new ProjectConflictException("Demand " + command.demandId() + " of project " + projectId
                    + " is rated already", Map.of("demandId", command.demandId()));
        }
        boolean allRated = ratedDemands.size() + 1 == demandIds.size();
        apply(new ProjectRated(projectId, command.demandId(), command.score(), command.comment(), allRated,
                command.actor()));
    }

    @CommandHandler
    public void handle(CancelProject command) {
        require("cancel", EnumSet.of(PROPOSED, PUBLISHED, CLAIM_PENDING, CLAIMED, SCHEDULED));
        cancel(command.reason(), command.actor());
    }

    @CommandHandler
    public boolean handle(SupersedeProposal command) {
        if (status != PROPOSED) {
            return false;
        }
        cancel(command.reason(), command.actor());
        return true;
    }

    private void cancel(String reason, String actor) {
        apply(new ProjectCancelled(projectId, claims.releases(), ProjectInput.orDefault(reason, "no reason given"),
                actor));
    }

    @EventSourcingHandler
    void on(ProjectProposed event, @org.axonframework.eventhandling.Timestamp Instant at) {
        proposedAt = at;
        projectId = event.projectId();
        status = PROPOSED;
        origin = event.origin();
        proposedUnitId = event.proposedUnitId();
        proposedResourceId = event.proposedResourceId();
        demandIds = List.copyOf(event.demandIds());
        need = event.need();
    }

    @EventSourcingHandler
    void on(ProjectPublished event) {
        status = PUBLISHED;
        published = true;
        mode = event.mode();
        claimDeadline = event.claimDeadline();
        decidedAt = event.decidedAt();
    }

    @EventSourcingHandler
    void on(ClaimRequested event) {
        claims.add(event.claim());
        if (event.claim().kind() == Mode.CLAIM) {
            status = CLAIM_PENDING;
        }
    }

    @EventSourcingHandler
    void on(ClaimRefused event) {
        claims.forget(event.claim().claimId(), "refused");
        if (event.claim().kind() == Mode.CLAIM) {
            status = published ? PUBLISHED : PROPOSED;
        }
    }

    @EventSourcingHandler
    void on(PledgeConfirmed event) {
        claims.confirm(event.pledge().claimId());
    }

    @EventSourcingHandler
    void on(ProjectClaimed event) {
        event.holders().forEach(holder -> claims.confirm(holder.claimId()));
        status = CLAIMED;
        mode = event.mode();
        completionDeadline = event.completionDeadline();
    }

    @EventSourcingHandler
    void on(ClaimReleased event) {
        event.releases().forEach(release -> claims.forget(release.claimId(), "released"));
        attendance.forgetAll();
        status = PUBLISHED;
        published = true;
        mode = mode == null ? Mode.CLAIM : mode;
        claimDeadline = event.claimDeadline();
    }

    @EventSourcingHandler
    void on(ClaimExpired event) {
        claims.forgetAll("expired");
        attendance.forgetAll();
        status = PUBLISHED;
        claimDeadline = event.claimDeadline();
    }

    @EventSourcingHandler
    void on(DeadlineEscalated event) {
        if (event.deadline() == DeadlineKind.COMPLETION) {
            completionEscalatedAt = event.dueAt();
        } else if (event.deadline() == DeadlineKind.CONFIRMATION) {
            confirmationEscalatedAt = event.dueAt();
        } else if (event.deadline() == DeadlineKind.APPROVAL) {
            approvalEscalatedAt = event.dueAt();
        }
    }

    @EventSourcingHandler
    void on(ProjectScheduled event) {
        status = SCHEDULED;
    }

    @EventSourcingHandler
    void on(VolunteerCheckedIn event) {
        attendance.checkIn(event.volunteerId(), event.unitId(), event.codeNonce(), event.at());
    }

    @EventSourcingHandler
    void on(VolunteerCheckedOut event) {
        attendance.checkOut(event.volunteerId(), event.codeNonce(), event.checkedInAt(), event.at());
    }

    @EventSourcingHandler
    void on(ProjectDelivered event) {
        status = DELIVERED;
    }

    @EventSourcingHandler
    void on(ProjectCompleted event) {
        status = COMPLETED;
    }

    @EventSourcingHandler
    void on(ProjectRated event) {
        ratedDemands.add(event.demandId());
        if (event.allRated()) {
            status = RATED;
        }
    }

    @EventSourcingHandler
    void on(ProjectCancelled event) {
        claims.forgetAll("cancelled");
        status = CANCELLED;
    }

    private void require(String action, Set<ProjectStatus> allowed) {
        if (!allowed.contains(status)) {
            throw new IllegalTransitionException(action + " project " + projectId, status);
        }
    }

    /**
     * One claim at a time: while one is pending or holds the project, another is a conflict. Before publication only
     * the unit the desk assigned may claim; a unit that volunteered (揭榜) waits for the approval of the desk or the
     * community ({@link ApproveVolunteering}), since a confirmed claim opens the residents' contact to it.
     */
    private void requireClaimable(String unitId) {
        if (EnumSet.of(CLAIM_PENDING, CLAIMED, SCHEDULED).contains(status)) {
            // A losing claimant is not told who won: which unit serves which residents is the holders' and the desk's.
            boolean own = claims.units().contains(unitId);
            throw new ProjectConflictException("Project " + projectId + " is already claimed"
                    + (own ? " by your unit" : " by another unit") + (status == CLAIM_PENDING
                    ? " (awaiting the reservation of its capacity)" : ""), Map.of("state", status.name()));
        }
        if (status == PROPOSED) {
            if (origin != Origin.DESK || !unitId.equals(proposedUnitId)) {
                throw new ProjectStateException("Cannot claim project " + projectId
                        + " in state PROPOSED: it is not published" + (origin == Origin.DESK
                        ? " and is for " + proposedUnitId : origin == Origin.VOLUNTEERED
                        ? " and the volunteering awaits the approval of the desk or the community" : ""),
                        Map.of("state", PROPOSED.name(), "action", "claim"));
            }
            return;
        }
        require("claim", EnumSet.of(PUBLISHED));
        if (mode != Mode.CLAIM) {
            throw new ProjectStateException("Project " + projectId
                    + " is published for pledges (红色众筹), not for one unit's claim",
                    Map.of("state", status.name(), "mode", String.valueOf(mode), "action", "claim"));
        }
    }

    private void requireVolunteerOfHolder(String volunteerId, String unitId) {
        ProjectInput.required("volunteerId", volunteerId);
        if (unitId == null || !claims.holderUnits().contains(unitId)) {
            throw new RuleBrokenException("volunteerId", volunteerId + " is not an active volunteer of a unit holding"
                    + " the project");
        }
    }

    /**
     * Each unit acts only for itself (DESIGN §6, README "Shared projects"): a holder's report is its word
     * (basis CONFIRMED_BY_UNIT) for its own volunteers only. A co-holder's volunteer (红色众筹: several units hold the
     * project) may stand in its report only with their own check-in and check-out at the activity, so that what is
     * credited to them is what they checked, never the reporter's word; otherwise the report is refused whole.
     */
    private void requireOwnWordOnlyForOwnVolunteers(DeliveryReport report, String reportingUnitId) {
        if (reportingUnitId == null) {
            return;
        }
        List<VolunteerHours> volunteers = report.volunteers();
        for (int i = 0; i < volunteers.size(); i++) {
            VolunteerHours volunteer = volunteers.get(i);
            if (!reportingUnitId.equals(volunteer.unitId()) && !attendance.checkedOut(volunteer.volunteerId())) {
                throw new RuleBrokenException("report.volunteers[" + i + "].volunteerId", "volunteer "
                        + volunteer.volunteerId() + " serves with " + volunteer.unitId()
                        + ": a unit reports the hours of its own volunteers only, a co-holder's volunteer only once"
                        + " they checked in and out");
            }
        }
    }

    private void requireUnusedCode(String volunteerId, String codeNonce) {
        ProjectInput.required("code", codeNonce);
        if (attendance.used(volunteerId, codeNonce)) {
            throw new RuleBrokenException("code", "this code has been used already; ask for a new one");
        }
    }

    private void requireNewClaimId(String claimId) {
        if (claims.used(claimId)) {
            throw new ProjectConflictException("Claim " + claimId + " was already asked for on project "
                    + projectId, Map.of("claimId", claimId));
        }
    }

    private static Instant completionDeadline(ConfirmReservation command) {
        if (command.completionDeadline() == null) {
            throw new RuleBrokenException("completionDeadline", "is required when the project is taken");
        }
        return command.completionDeadline();
    }
}
