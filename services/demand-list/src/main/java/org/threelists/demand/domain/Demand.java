package org.threelists.demand.domain;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.threelists.demand.domain.DemandCommands.AmendDemand;
import org.threelists.demand.domain.DemandCommands.EraseResidentData;
import org.threelists.demand.domain.DemandCommands.FulfilDemand;
import org.threelists.demand.domain.DemandCommands.MatchDemand;
import org.threelists.demand.domain.DemandCommands.MergeDemand;
import org.threelists.demand.domain.DemandCommands.RateDemand;
import org.threelists.demand.domain.DemandCommands.RejectDemand;
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
import org.threelists.demand.domain.DemandEvents.DemandSubmitted;
import org.threelists.demand.domain.DemandEvents.DemandVerified;
import org.threelists.demand.domain.DemandEvents.DemandWithdrawn;
import org.threelists.demand.domain.DemandEvents.DemandWorkStarted;
import org.threelists.demand.domain.DemandEvents.ResidentDataErased;
import org.threelists.platform.problem.ProblemException;

import java.util.EnumSet;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.threelists.demand.domain.DemandStatus.FULFILLED;
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

    /** A rating at or below this reopens the demand for the desk (DESIGN.md: 1–2 reopens). */
    static final int REOPENING_RATING = 2;

    @AggregateIdentifier
    private String demandId;
    private DemandStatus status;
    private boolean hasResidentContact;
    private boolean residentDataErased;

    protected Demand() {
        // For Axon: rebuilt from events.
    }

    @CommandHandler
    public Demand(SubmitDemand command) {
        if (command.streetCode() == null || command.communityCode() == null) {
            throw ProblemException.invalid("communityCode", "is required");
        }
        if (command.source() == null) {
            throw ProblemException.invalid("source", "is required");
        }
        command.details().check();
        apply(new DemandSubmitted(command.demandId(), command.streetCode(), command.communityCode(),
                command.details(), command.source(), command.municipalTicketId(), command.sealedResident(),
                command.actor()));
    }

    @CommandHandler
    public void handle(VerifyDemand command) {
        require("verify", EnumSet.of(SUBMITTED));
        apply(new DemandVerified(demandId, command.actor()));
    }

    @CommandHandler
    public void handle(MergeDemand command) {
        require("merge", DemandStatus.EDITABLE);
        if (command.duplicateOf() == null || command.duplicateOf().equals(demandId)) {
            throw ProblemException.invalid("duplicateOf", "must name another demand");
        }
        apply(new DemandMerged(demandId, command.duplicateOf(), command.actor()));
    }

    @CommandHandler
    public void handle(AmendDemand command) {
        require("amend", DemandStatus.EDITABLE);
        command.details().check();
        boolean contactAfter = command.sealedResident() != null || (hasResidentContact && !residentDataErased);
        apply(new DemandAmended(demandId, command.details(), command.sealedResident(), contactAfter, status,
                command.actor()));
    }

    @CommandHandler
    public void handle(WithdrawDemand command) {
        require("withdraw", EnumSet.of(SUBMITTED, LISTED, MATCHED));
        apply(new DemandWithdrawn(demandId, reasonOrDefault(command.reason()), command.actor()));
    }

    @CommandHandler
    public void handle(RejectDemand command) {
        require("reject", DemandStatus.EDITABLE);
        if (command.reason() == null || command.reason().isBlank()) {
            throw ProblemException.invalid("reason", "a rejection must say why");
        }
        apply(new DemandRejected(demandId, command.reason().strip(), command.actor()));
    }

    @CommandHandler
    public void handle(MatchDemand command) {
        require("match", EnumSet.of(LISTED));
        apply(new DemandMatched(demandId, requireProject(command.projectId()), command.actor()));
    }

    @CommandHandler
    public void handle(ReopenDemand command) {
        require("reopen", EnumSet.of(MATCHED, IN_PROGRESS));
        apply(new DemandReopened(demandId, reasonOrDefault(command.reason()), command.actor()));
    }

    @CommandHandler
    public void handle(StartDemandWork command) {
        require("start work on", EnumSet.of(MATCHED));
        apply(new DemandWorkStarted(demandId, requireProject(command.projectId()), command.actor()));
    }

    @CommandHandler
    public void handle(FulfilDemand command) {
        require("fulfil", EnumSet.of(IN_PROGRESS));
        apply(new DemandFulfilled(demandId, requireProject(command.projectId()), command.actor()));
    }

    @CommandHandler
    public void handle(RateDemand command) {
        require("rate", EnumSet.of(FULFILLED));
        if (command.score() < 1 || command.score() > 5) {
            throw ProblemException.invalid("score", "must be between 1 and 5");
        }
        apply(new DemandRated(demandId, command.score(), command.actor()));
        if (command.score() <= REOPENING_RATING) {
            apply(new DemandReopened(demandId, "resident rated the service " + command.score() + " of 5",
                    command.actor()));
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
    }

    @EventSourcingHandler
    void on(DemandAmended event) {
        hasResidentContact = event.hasResidentContact();
    }

    @EventSourcingHandler
    void on(DemandWithdrawn event) {
        status = DemandStatus.WITHDRAWN;
    }

    @EventSourcingHandler
    void on(DemandRejected event) {
        status = DemandStatus.REJECTED;
    }

    @EventSourcingHandler
    void on(DemandMatched event) {
        status = MATCHED;
    }

    @EventSourcingHandler
    void on(DemandReopened event) {
        status = LISTED;
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
    }

    @EventSourcingHandler
    void on(ResidentDataErased event) {
        residentDataErased = true;
        hasResidentContact = false;
    }

    private void require(String action, Set<DemandStatus> allowed) {
        if (!allowed.contains(status)) {
            throw ProblemException.illegalTransition(action + " demand " + demandId, status);
        }
    }

    private static String requireProject(String projectId) {
        if (projectId == null || projectId.isBlank()) {
            throw ProblemException.invalid("projectId", "is required");
        }
        return projectId;
    }

    private static String reasonOrDefault(String reason) {
        return reason == null || reason.isBlank() ? "no reason given" : reason.strip();
    }
}
