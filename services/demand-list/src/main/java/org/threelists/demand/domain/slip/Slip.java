package org.threelists.demand.domain.slip;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.threelists.demand.domain.slip.SlipCommands.AcceptSlip;
import org.threelists.demand.domain.slip.SlipCommands.DeclineSlip;
import org.threelists.demand.domain.slip.SlipCommands.DispatchSlip;
import org.threelists.demand.domain.slip.SlipCommands.RecordSatisfaction;
import org.threelists.demand.domain.slip.SlipCommands.ReportSlip;
import org.threelists.demand.domain.slip.SlipEvents.SlipAccepted;
import org.threelists.demand.domain.slip.SlipEvents.SlipDeclined;
import org.threelists.demand.domain.slip.SlipEvents.SlipDispatched;
import org.threelists.demand.domain.slip.SlipEvents.SlipEscalated;
import org.threelists.demand.domain.slip.SlipEvents.SlipReopened;
import org.threelists.demand.domain.slip.SlipEvents.SlipReported;
import org.threelists.demand.domain.slip.SlipEvents.SlipSatisfactionRecorded;
import org.threelists.platform.domain.IllegalTransitionException;
import org.threelists.platform.domain.NotPermittedException;
import org.threelists.platform.domain.RuleBrokenException;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A three-part slip (三联单) of the second lane: the problem, who is responsible, the service given. The group
 * leader dispatches it to a member, who accepts or declines within the acceptance time, then resolves it within the
 * resolution time of its urgency and reports the service; the community records the resident's satisfaction, and a
 * low one reopens it. A slip not accepted or not resolved in time is brought to the leader, then to the community
 * (Axon deadlines; services/demand-list/README.md, "The slip").
 */
public class Slip {

    /** A satisfaction at or below this reopens the slip, as a rating of 1–2 reopens a demand. */
    static final int REOPENING_SCORE = 2;
    static final BigDecimal MAX_HOURS = new BigDecimal("24");
    static final String DUE = "slip-due";
    static final String CLOCK = "system:slip-clock";

    /** The payload of the slip's one kind of deadline: who is told when, and in which round of the slip. */
    public record Due(EscalationLevel level, SlipStatus overdue, Instant due, int round) {
    }

    @AggregateIdentifier
    private String slipId;
    private String demandId;
    private String memberId;
    private String homeUnitId;
    private SlipStatus status;
    private Duration resolveWithin;
    private Duration escalateAfter;
    /** Every accept, reopening or report starts a new round; deadlines of an earlier round are stale. */
    private int round;

    protected Slip() {
    }

    @CommandHandler
    public Slip(DispatchSlip command, DeadlineManager deadlines) {
        if (command.memberId() == null || command.memberId().isBlank()) {
            throw new RuleBrokenException("memberId", "a slip is dispatched to a member of the group");
        }
        if (command.problem() == null || command.problem().isBlank()) {
            throw new RuleBrokenException("problem", "a slip states the problem");
        }
        if (command.urgency() == null) {
            throw new RuleBrokenException("urgency", "is required");
        }
        SlipTimes times = command.times();
        Instant acceptBy = command.at().plus(times.acceptance());
        apply(new SlipDispatched(command.slipId(), command.demandId(), command.groupId(), command.leaderId(),
                command.memberId(), command.homeUnitId(), command.problem().strip(), command.urgency(), acceptBy,
                times.resolutionFor(command.urgency()), times.toCommunity(), command.actor()));
        deadlines.schedule(acceptBy, DUE, new Due(EscalationLevel.GROUP_LEADER, SlipStatus.DISPATCHED, acceptBy, 0));
    }

    @CommandHandler
    public void handle(AcceptSlip command, DeadlineManager deadlines) {
        requireMember(command.memberId());
        require("accept", EnumSet.of(SlipStatus.DISPATCHED));
        Instant resolveBy = command.at().plus(resolveWithin);
        deadlines.cancelAllWithinScope(DUE);
        apply(new SlipAccepted(slipId, demandId, memberId, resolveBy, command.actor()));
        deadlines.schedule(resolveBy, DUE, new Due(EscalationLevel.GROUP_LEADER, SlipStatus.ACCEPTED, resolveBy, round));
    }

    @CommandHandler
    public void handle(DeclineSlip command, DeadlineManager deadlines) {
        requireMember(command.memberId());
        require("decline", EnumSet.of(SlipStatus.DISPATCHED));
        if (command.reason() == null || command.reason().isBlank()) {
            throw new RuleBrokenException("reason", "a member who declines says why, so the leader can choose another");
        }
        deadlines.cancelAllWithinScope(DUE);
        apply(new SlipDeclined(slipId, demandId, memberId, command.reason().strip(), command.actor()));
    }

    @CommandHandler
    public void handle(ReportSlip command, DeadlineManager deadlines) {
        requireMember(command.memberId());
        require("report", EnumSet.of(SlipStatus.ACCEPTED));
        if (command.service() == null || command.service().isBlank()) {
            throw new RuleBrokenException("service", "the report says what was done");
        }
        if (command.hours() == null || command.hours().signum() <= 0 || command.hours().compareTo(MAX_HOURS) > 0) {
            throw new RuleBrokenException("hours", "must be more than 0 and at most " + MAX_HOURS);
        }
        if (command.mode() == null) {
            throw new RuleBrokenException("mode", "say whether the service was given online or on site");
        }
        deadlines.cancelAllWithinScope(DUE);
        apply(new SlipReported(slipId, demandId, memberId, homeUnitId, command.service().strip(), command.hours(),
                command.mode(), command.actor()));
    }

    @CommandHandler
    public void handle(RecordSatisfaction command, DeadlineManager deadlines) {
        require("record the satisfaction of", EnumSet.of(SlipStatus.REPORTED));
        if (command.score() < 1 || command.score() > 5) {
            throw new RuleBrokenException("score", "must be between 1 and 5");
        }
        boolean reopens = command.score() <= REOPENING_SCORE;
        apply(new SlipSatisfactionRecorded(slipId, demandId, command.score(),
                reopens ? SlipStatus.ACCEPTED : SlipStatus.CLOSED, command.actor()));
        if (reopens) {
            Instant resolveBy = command.at().plus(resolveWithin);
            apply(new SlipReopened(slipId, demandId, memberId, resolveBy,
                    "resident's satisfaction " + command.score() + " of 5", command.actor()));
            deadlines.schedule(resolveBy, DUE, new Due(EscalationLevel.GROUP_LEADER, SlipStatus.ACCEPTED, resolveBy,
                    round));
        }
    }

    /** The leader is told first; the community {@code escalateAfter} later, if the slip has still not moved. */
    @DeadlineHandler(deadlineName = DUE)
    public void on(Due due, DeadlineManager deadlines) {
        if (due.round() != round || status != due.overdue()) {
            return;
        }
        apply(new SlipEscalated(slipId, demandId, memberId, due.level(), due.overdue(), due.due(), CLOCK));
        if (due.level() == EscalationLevel.GROUP_LEADER) {
            deadlines.schedule(due.due().plus(escalateAfter), DUE,
                    new Due(EscalationLevel.COMMUNITY, due.overdue(), due.due(), round));
        }
    }

    @EventSourcingHandler
    void on(SlipDispatched event) {
        slipId = event.slipId();
        demandId = event.demandId();
        memberId = event.memberId();
        homeUnitId = event.homeUnitId();
        resolveWithin = event.resolveWithin();
        escalateAfter = event.escalateAfter();
        status = SlipStatus.DISPATCHED;
    }

    @EventSourcingHandler
    void on(SlipAccepted event) {
        status = SlipStatus.ACCEPTED;
        round++;
    }

    @EventSourcingHandler
    void on(SlipDeclined event) {
        status = SlipStatus.DECLINED;
        round++;
    }

    @EventSourcingHandler
    void on(SlipReported event) {
        status = SlipStatus.REPORTED;
        round++;
    }

    @EventSourcingHandler
    void on(SlipSatisfactionRecorded event) {
        status = event.status();
    }

    @EventSourcingHandler
    void on(SlipReopened event) {
        status = SlipStatus.ACCEPTED;
        round++;
    }

    private void require(String action, Set<SlipStatus> allowed) {
        if (!allowed.contains(status)) {
            throw new IllegalTransitionException(action + " slip " + slipId, status);
        }
    }

    /** Only the member the slip was dispatched to answers it: a slip names who is responsible. */
    private void requireMember(String caller) {
        if (!memberId.equals(caller)) {
            throw new NotPermittedException("slip " + slipId + " was dispatched to another member");
        }
    }
}
