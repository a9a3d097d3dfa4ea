package org.threelists.demand.domain;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.threelists.demand.domain.DemandCommands.AbsorbDuplicate;
import org.threelists.demand.domain.DemandCommands.AmendDemand;
import org.threelists.demand.domain.DemandCommands.EraseResidentData;
import org.threelists.demand.domain.DemandCommands.FulfilDemand;
import org.threelists.demand.domain.DemandCommands.MatchDemand;
import org.threelists.demand.domain.DemandCommands.MergeDemand;
import org.threelists.demand.domain.DemandCommands.RateDemand;
import org.threelists.demand.domain.DemandCommands.RejectDemand;
import org.threelists.demand.domain.DemandCommands.ReopenMergedDemand;
import org.threelists.demand.domain.DemandCommands.ReopenDemand;
import org.threelists.demand.domain.DemandCommands.StartDemandWork;
import org.threelists.demand.domain.DemandCommands.SubmitDemand;
import org.threelists.demand.domain.DemandCommands.VerifyDemand;
import org.threelists.demand.domain.DemandCommands.WithdrawDemand;
import org.threelists.demand.domain.DemandEvents.DemandAmended;
import org.threelists.demand.domain.DemandEvents.DemandFulfilled;
import org.threelists.demand.domain.DemandEvents.DemandMatched;
import org.threelists.demand.domain.DemandEvents.DemandMerged;
import org.threelists.demand.domain.DemandEvents.DemandRated;
import org.threelists.demand.domain.DemandEvents.DemandRejected;
import org.threelists.demand.domain.DemandEvents.DemandReopened;
import org.threelists.demand.domain.DemandEvents.DemandReopenedForReview;
import org.threelists.demand.domain.DemandEvents.DemandSubmitted;
import org.threelists.demand.domain.DemandEvents.DemandVerified;
import org.threelists.demand.domain.DemandEvents.DemandWithdrawn;
import org.threelists.demand.domain.DemandEvents.DemandWorkStarted;
import org.threelists.demand.domain.DemandEvents.DuplicateAbsorbed;
import org.threelists.demand.domain.DemandEvents.ResidentDataErased;
import org.threelists.demand.domain.RoutingCommands.CloseBySlip;
import org.threelists.demand.domain.RoutingCommands.OpenSlip;
import org.threelists.demand.domain.RoutingCommands.ReleaseSlip;
import org.threelists.demand.domain.RoutingCommands.RouteToPartyGroup;
import org.threelists.demand.domain.RoutingCommands.SendToJointMeeting;
import org.threelists.demand.domain.RoutingEvents.DemandRoutedToPartyGroup;
import org.threelists.demand.domain.RoutingEvents.DemandSentToJointMeeting;
import org.threelists.demand.domain.RoutingEvents.DemandSlipOpened;
import org.threelists.demand.domain.RoutingEvents.DemandSlipReleased;
import org.threelists.platform.domain.IllegalTransitionException;
import org.threelists.platform.domain.RuleBrokenException;

import java.time.Instant;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.threelists.demand.domain.DemandStatus.BEING_SERVED;
import static org.threelists.demand.domain.DemandStatus.FULFILLED;
import static org.threelists.demand.domain.DemandStatus.IN_PARTY_GROUP;
import static org.threelists.demand.domain.DemandStatus.IN_PROGRESS;
import static org.threelists.demand.domain.DemandStatus.LISTED;
import static org.threelists.demand.domain.DemandStatus.MATCHED;
import static org.threelists.demand.domain.DemandStatus.RATED;
import static org.threelists.demand.domain.DemandStatus.SUBMITTED;

/**
 * A residents' need on the demand list (需求清单). The only place where its lifecycle rules live: command handlers
 * check, then apply an event; event-sourcing handlers only change state.
 */
public class Demand {

    /** A rating at or below this reopens the demand for the desk (a rating of 1–2 reopens; services/demand-list/README.md). */
    static final int REOPENING_RATING = 2;

    /**
     * A demand that can still absorb duplicates: open, not held by a Party group, merged away, delivered or closed
     * (services/demand-list/README.md, "Merging duplicates").
     */
    static final Set<DemandStatus> ABSORBING = EnumSet.of(SUBMITTED, LISTED, MATCHED, IN_PROGRESS);

    @AggregateIdentifier
    private String demandId;
    private DemandStatus status;
    private boolean hasResidentContact;
    private boolean residentDataErased;
    private String communityCode;
    /** The current content; its description is public only once reviewed (a hotline ticket's is not, at first). */
    private DemandDetails details;
    private boolean descriptionReviewed;
    /** The project serving the demand now (null when none), since when, and by which claims. */
    private String projectId;
    private Instant claimedAt;
    private final Set<String> holderClaims = new HashSet<>();
    /** Every claim that ever matched this demand: a claimed event naming only these is a replay, never a new match. */
    private final Set<String> followedClaims = new HashSet<>();
    /** The building Party group holding the demand in the second lane; null while it is with the joint meeting. */
    private String partyGroupId;
    /** The slip answering the demand in the second lane now; null when none is open. */
    private String openSlipId;
    /** The demand this one was merged into while it is MERGED; null otherwise. */
    private String duplicateOf;
    /** The duplicates merged into this demand, in the order absorbed: reopened if it ends without serving them. */
    private final Set<String> absorbedDuplicates = new LinkedHashSet<>();

    protected Demand() {
        // For Axon: rebuilt from events.
    }

    @CommandHandler
    public Demand(SubmitDemand command) {
        if (command.streetCode() == null || command.communityCode() == null) {
            throw new RuleBrokenException("communityCode", "is required");
        }
        if (command.source() == null) {
            throw new RuleBrokenException("source", "is required");
        }
        command.details().check();
        apply(new DemandSubmitted(command.demandId(), command.streetCode(), command.communityCode(),
                command.details(), command.source(), command.municipalTicketId(), command.sealedResident(),
                command.sealedTicketText(), command.actor()));
    }

    /**
     * A hotline ticket's text is never published as it came (services/demand-list/README.md, "Personal data"):
     * the verifier confirms a public description first, here or by amending the demand.
     */
    @CommandHandler
    public void handle(VerifyDemand command) {
        require("verify", EnumSet.of(SUBMITTED));
        String reviewed = command.reviewedDescription();
        if (reviewed == null && !descriptionReviewed) {
            throw new TicketTextNotReviewedException(demandId);
        }
        if (reviewed != null) {
            DemandDetails withReviewed = details.withDescription(reviewed);
            withReviewed.check();
            apply(new DemandAmended(demandId, withReviewed, null, hasResidentContact && !residentDataErased, status,
                    command.actor()));
        }
        apply(new DemandVerified(demandId, command.actor()));
    }

    @CommandHandler
    public void handle(MergeDemand command) {
        require("merge", DemandStatus.EDITABLE);
        if (command.duplicateOf() == null || command.duplicateOf().equals(demandId)) {
            throw new RuleBrokenException("duplicateOf", "must name another demand");
        }
        apply(new DemandMerged(demandId, command.duplicateOf(), command.actor()));
    }

    /**
     * The merge's target checks itself, not the read model, so a merge and the target's withdrawal or rejection
     * cannot both succeed: both append to this demand's stream, and the event store lets one of them in.
     */
    @CommandHandler
    public void handle(AbsorbDuplicate command) {
        if (command.duplicateId() == null || command.duplicateId().equals(demandId)) {
            throw new RuleBrokenException("duplicateOf", "must name another demand");
        }
        if (!communityCode.equals(command.duplicateCommunity())) {
            throw new RuleBrokenException("duplicateOf", "must be a demand of the same community");
        }
        if (!ABSORBING.contains(status)) {
            throw new RuleBrokenException("duplicateOf", "demand " + demandId + " is " + status
                    + " and cannot absorb duplicates");
        }
        apply(new DuplicateAbsorbed(demandId, command.duplicateId(), command.actor()));
    }

    /**
     * Only a duplicate still merged into {@code mergedInto} reopens; anything else (reopened already, a replay) is
     * left as it is.
     */
    @CommandHandler
    public void handle(ReopenMergedDemand command) {
        if (status != DemandStatus.MERGED || !command.mergedInto().equals(duplicateOf)) {
            return;
        }
        apply(new DemandReopenedForReview(demandId, command.mergedInto(), command.mergedIntoStatus(),
                "所并入的需求 " + command.mergedInto() + " " + command.mergedIntoStatus().zh() + "，本需求恢复为待核实",
                command.actor()));
    }

    @CommandHandler
    public void handle(AmendDemand command) {
        require("amend", DemandStatus.EDITABLE);
        command.details().check();
        boolean contactAfter = command.sealedResident() != null || (hasResidentContact && !residentDataErased);
        apply(new DemandAmended(demandId, command.details(), command.sealedResident(), contactAfter, status,
                command.actor()));
    }

    /** Answers the duplicates merged into this demand, which the withdrawal leaves without a demand to carry them. */
    @CommandHandler
    public List<String> handle(WithdrawDemand command) {
        require("withdraw", EnumSet.of(SUBMITTED, LISTED, IN_PARTY_GROUP, MATCHED));
        if (openSlipId != null) {
            // a member may be on the way: the slip is recalled (or answered) first, so no slip works a withdrawn demand
            throw new SlipOpenException(demandId, openSlipId, "withdraw");
        }
        apply(new DemandWithdrawn(demandId, reasonOrDefault(command.reason()), command.actor()));
        return List.copyOf(absorbedDuplicates);
    }

    /** Answers the duplicates merged into this demand, which the rejection leaves without a demand to carry them. */
    @CommandHandler
    public List<String> handle(RejectDemand command) {
        require("reject", DemandStatus.EDITABLE);
        if (command.reason() == null || command.reason().isBlank()) {
            throw new RuleBrokenException("reason", "a rejection must say why");
        }
        apply(new DemandRejected(demandId, command.reason().strip(), command.actor()));
        return List.copyOf(absorbedDuplicates);
    }

    @CommandHandler
    public ProjectStepOutcome handle(MatchDemand command) {
        String project = requireProject(command.projectId());
        List<ProjectHolder> holders = requireHolders(command.holders());
        if (!communityCode.equals(command.communityCode())) {
            // Holders get the resident's contact: a project of another community must never reach it.
            throw new RuleBrokenException("communityCode", "project " + project + " serves community "
                    + command.communityCode() + ", demand " + demandId + " belongs to " + communityCode);
        }
        // a replay names only claims already followed; a crowd-funded project pledged anew after a release keeps
        // the pledges that stayed and adds new ones, and matches the demand again
        if (holders.stream().allMatch(h -> followedClaims.contains(h.claimId()))) {
            return ProjectStepOutcome.ALREADY_APPLIED;
        }
        if (status != LISTED) {
            return ProjectStepOutcome.NOT_APPLICABLE;
        }
        apply(new DemandMatched(demandId, project, holders, command.claimedAt(), command.actor()));
        return ProjectStepOutcome.APPLIED;
    }

    @CommandHandler
    public ProjectStepOutcome handle(ReopenDemand command) {
        String project = requireProject(command.projectId());
        if (!servedBy(project, command.at()) || !BEING_SERVED.contains(status)) {
            return ProjectStepOutcome.NOT_APPLICABLE;
        }
        Set<String> released = command.releasedClaims();
        // A release of claims that no longer hold the demand (it was claimed again since) leaves it where it is.
        if (released != null && !holderClaims.isEmpty() && released.stream().noneMatch(holderClaims::contains)) {
            return ProjectStepOutcome.NOT_APPLICABLE;
        }
        apply(new DemandReopened(demandId, command.cause(), reasonOrDefault(command.reason()), command.actor()));
        return ProjectStepOutcome.APPLIED;
    }

    @CommandHandler
    public ProjectStepOutcome handle(StartDemandWork command) {
        String project = requireProject(command.projectId());
        if (!servedBy(project, command.at())) {
            return ProjectStepOutcome.NOT_APPLICABLE;
        }
        if (status == MATCHED) {
            apply(new DemandWorkStarted(demandId, project, command.actor()));
            return ProjectStepOutcome.APPLIED;
        }
        return EnumSet.of(IN_PROGRESS, FULFILLED, RATED).contains(status)
                ? ProjectStepOutcome.ALREADY_APPLIED
                : ProjectStepOutcome.NOT_APPLICABLE;
    }

    @CommandHandler
    public ProjectStepOutcome handle(FulfilDemand command) {
        String project = requireProject(command.projectId());
        if (!servedBy(project, command.at())) {
            return ProjectStepOutcome.NOT_APPLICABLE;
        }
        if (status == MATCHED) {
            // Completed without a schedule ever reported: the work started and ended, in that order.
            // (apply() updates this aggregate at once: the demand is IN_PROGRESS below.)
            apply(new DemandWorkStarted(demandId, project, command.actor()));
        }
        if (status == IN_PROGRESS) {
            apply(new DemandFulfilled(demandId, project, command.actor()));
            return ProjectStepOutcome.APPLIED;
        }
        return EnumSet.of(FULFILLED, RATED).contains(status)
                ? ProjectStepOutcome.ALREADY_APPLIED
                : ProjectStepOutcome.NOT_APPLICABLE;
    }

    @CommandHandler
    public ProjectStepOutcome handle(RateDemand command) {
        String project = requireProject(command.projectId());
        if (command.score() < 1 || command.score() > 5) {
            throw new RuleBrokenException("score", "must be between 1 and 5");
        }
        if (!servedBy(project, command.at())) {
            return ProjectStepOutcome.NOT_APPLICABLE;
        }
        if (status == RATED) {
            return ProjectStepOutcome.ALREADY_APPLIED;
        }
        if (status != FULFILLED) {
            return ProjectStepOutcome.NOT_APPLICABLE;
        }
        apply(new DemandRated(demandId, command.score(), command.actor()));
        if (command.score() <= REOPENING_RATING) {
            apply(new DemandReopened(demandId, ReopenCause.LOW_RATING,
                    ReopenCause.LOW_RATING.reason(command.score() + " of 5"), command.actor()));
        }
        return ProjectStepOutcome.APPLIED;
    }

    /**
     * Only a listed demand changes lane, so a demand is never both planned by the joint meeting and held by a group
     * (services/demand-list/README.md, "The second lane"); the group must be of the demand's community.
     */
    @CommandHandler
    public void handle(RouteToPartyGroup command) {
        require("route to a Party group", EnumSet.of(LISTED));
        if (command.groupId() == null || command.groupId().isBlank()) {
            throw new RuleBrokenException("groupId", "is required");
        }
        if (!communityCode.equals(command.groupCommunity())) {
            throw new RuleBrokenException("groupId", "Party group " + command.groupId() + " is of community "
                    + command.groupCommunity() + ", demand " + demandId + " belongs to " + communityCode);
        }
        apply(new DemandRoutedToPartyGroup(demandId, command.groupId(), command.actor()));
    }

    @CommandHandler
    public void handle(SendToJointMeeting command) {
        require("send to the joint meeting", EnumSet.of(IN_PARTY_GROUP));
        if (openSlipId != null) {
            throw new SlipOpenException(demandId, openSlipId, "send to the joint meeting");
        }
        apply(new DemandSentToJointMeeting(demandId, partyGroupId, reasonOrDefault(command.reason()),
                command.actor()));
    }

    /** Only the group holding the demand dispatches for it, and one slip at a time. */
    @CommandHandler
    public void handle(OpenSlip command) {
        require("dispatch a slip for", EnumSet.of(IN_PARTY_GROUP));
        if (!partyGroupId.equals(command.groupId())) {
            throw new RuleBrokenException("groupId", "demand " + demandId + " is held by Party group " + partyGroupId);
        }
        if (openSlipId != null) {
            throw new SlipOpenException(demandId, openSlipId, "dispatch another slip for");
        }
        apply(new DemandSlipOpened(demandId, command.slipId(), command.groupId(), command.actor()));
    }

    @CommandHandler
    public void handle(ReleaseSlip command) {
        if (status == IN_PARTY_GROUP && command.slipId().equals(openSlipId)) {
            apply(new DemandSlipReleased(demandId, command.slipId(), command.actor()));
        }
    }

    /**
     * A slip reported and closed with a satisfied resident (3–5) ends the demand as rated, as a project's rating
     * does: the published {@code demand.rated} carries the score; the slip's own events carry the service. A demand
     * that has moved on meanwhile (withdrawn while the slip ran) stays as it is: the slip still closes.
     */
    @CommandHandler
    public void handle(CloseBySlip command) {
        if (command.score() <= REOPENING_RATING || command.score() > 5) {
            throw new RuleBrokenException("score", "a slip closes its demand with a satisfaction of 3 to 5");
        }
        if (status == IN_PARTY_GROUP && command.slipId().equals(openSlipId)) {
            apply(new DemandRated(demandId, command.score(), command.actor()));
        }
    }

    /** Erasure is idempotent: a second request finds nothing left to erase and records nothing. */
    @CommandHandler
    public void handle(EraseResidentData command) {
        if (!residentDataErased) {
            apply(new ResidentDataErased(demandId, status, command.actor()));
        }
    }

    @EventSourcingHandler
    void on(DemandSubmitted event) {
        demandId = event.demandId();
        communityCode = event.communityCode();
        details = event.details();
        descriptionReviewed = event.sealedTicketText() == null;
        status = SUBMITTED;
        hasResidentContact = event.sealedResident() != null;
    }

    @EventSourcingHandler
    void on(DemandVerified event) {
        status = LISTED;
    }

    @EventSourcingHandler
    void on(DemandMerged event) {
        status = DemandStatus.MERGED;
        duplicateOf = event.duplicateOf();
    }

    @EventSourcingHandler
    void on(DuplicateAbsorbed event) {
        absorbedDuplicates.add(event.duplicateId());
    }

    @EventSourcingHandler
    void on(DemandReopenedForReview event) {
        status = SUBMITTED;
        duplicateOf = null;
    }

    @EventSourcingHandler
    void on(DemandAmended event) {
        details = event.details();
        descriptionReviewed = true;
        hasResidentContact = event.hasResidentContact();
    }

    @EventSourcingHandler
    void on(DemandWithdrawn event) {
        status = DemandStatus.WITHDRAWN;
        partyGroupId = null;
    }

    @EventSourcingHandler
    void on(DemandRejected event) {
        status = DemandStatus.REJECTED;
    }

    @EventSourcingHandler
    void on(DemandMatched event) {
        status = MATCHED;
        projectId = event.projectId();
        claimedAt = event.claimedAt();
        holderClaims.clear();
        if (event.holders() != null) {
            event.holders().forEach(h -> holderClaims.add(h.claimId()));
        }
        followedClaims.addAll(holderClaims);
    }

    @EventSourcingHandler
    void on(DemandReopened event) {
        status = LISTED;
        projectId = null;
        claimedAt = null;
        holderClaims.clear();
    }

    @EventSourcingHandler
    void on(DemandRoutedToPartyGroup event) {
        status = IN_PARTY_GROUP;
        partyGroupId = event.groupId();
    }

    @EventSourcingHandler
    void on(DemandSentToJointMeeting event) {
        status = LISTED;
        partyGroupId = null;
    }

    @EventSourcingHandler
    void on(DemandSlipOpened event) {
        openSlipId = event.slipId();
    }

    @EventSourcingHandler
    void on(DemandSlipReleased event) {
        openSlipId = null;
    }

    @EventSourcingHandler
    void on(DemandWorkStarted event) {
        status = IN_PROGRESS;
    }

    @EventSourcingHandler
    void on(DemandFulfilled event) {
        status = FULFILLED;
    }

    @EventSourcingHandler
    void on(DemandRated event) {
        status = RATED;
        openSlipId = null;
    }

    @EventSourcingHandler
    void on(ResidentDataErased event) {
        residentDataErased = true;
        hasResidentContact = false;
    }

    private void require(String action, Set<DemandStatus> allowed) {
        if (!allowed.contains(status)) {
            throw new IllegalTransitionException(action + " demand " + demandId, status);
        }
    }

    /**
     * Whether a step of {@code project}, taken at {@code at}, concerns the demand as it stands: the project
     * serves it, and the step is not older than the claim it serves it by (a step of an earlier claim of the same
     * project, released since, seen again after a replay).
     */
    private boolean servedBy(String project, Instant at) {
        return project.equals(projectId) && (at == null || claimedAt == null || !at.isBefore(claimedAt));
    }

    private static List<ProjectHolder> requireHolders(List<ProjectHolder> holders) {
        if (holders == null || holders.isEmpty()) {
            throw new RuleBrokenException("holders", "a matched demand needs the units that serve it");
        }
        for (ProjectHolder holder : holders) {
            if (holder == null || blank(holder.claimId()) || blank(holder.unitId())) {
                throw new RuleBrokenException("holders", "each holder needs a claimId and a unitId");
            }
        }
        return List.copyOf(holders);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static String requireProject(String projectId) {
        if (projectId == null || projectId.isBlank()) {
            throw new RuleBrokenException("projectId", "is required");
        }
        return projectId;
    }

    private static String reasonOrDefault(String reason) {
        return reason == null || reason.isBlank() ? "no reason given" : reason.strip();
    }
}
