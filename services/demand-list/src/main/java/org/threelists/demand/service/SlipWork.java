package org.threelists.demand.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.threelists.demand.domain.DemandStatus;
import org.threelists.demand.domain.RoutingCommands.CloseBySlip;
import org.threelists.demand.domain.RoutingCommands.OpenSlip;
import org.threelists.demand.domain.RoutingCommands.ReleaseSlip;
import org.threelists.demand.domain.slip.EscalationLevel;
import org.threelists.demand.domain.slip.MemberKind;
import org.threelists.demand.domain.slip.ServiceMode;
import org.threelists.demand.domain.slip.SlipCommands.AcceptSlip;
import org.threelists.demand.domain.slip.SlipCommands.DeclineSlip;
import org.threelists.demand.domain.slip.SlipCommands.DispatchSlip;
import org.threelists.demand.domain.slip.SlipCommands.RecallSlip;
import org.threelists.demand.domain.slip.SlipCommands.RecordSatisfaction;
import org.threelists.demand.domain.slip.SlipCommands.ReportSlip;
import org.threelists.demand.domain.slip.SlipStatus;
import org.threelists.demand.projection.DemandQueries;
import org.threelists.demand.projection.DemandView;
import org.threelists.demand.projection.PartyGroupDirectory;
import org.threelists.demand.projection.PartyGroupMemberRef;
import org.threelists.demand.projection.PartyGroupRef;
import org.threelists.demand.projection.SlipQueries;
import org.threelists.demand.projection.SlipView;
import org.threelists.platform.domain.IllegalTransitionException;
import org.threelists.platform.domain.RuleBrokenException;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * The slip's use cases (services/demand-list/README.md, "The slip"): the group leader dispatches a slip for a demand
 * the group holds, the member answers and reports it, the community records the resident's satisfaction; the leader,
 * or the community once it is escalated to them, recalls it; the demand follows in the same transaction (one open
 * slip at a time; a decline or a recall frees it; a closing rates it). The caller has been authorised already; the
 * rules are the aggregates'.
 */
@ApplicationScoped
public class SlipWork {

    private final CommandGateway commands;
    private final DemandQueries demands;
    private final SlipQueries slips;
    private final PartyGroupDirectory groups;
    private final SlipSettings settings;

    SlipWork(CommandGateway commands, DemandQueries demands, SlipQueries slips, PartyGroupDirectory groups,
            SlipSettings settings) {
        this.commands = commands;
        this.demands = demands;
        this.slips = slips;
        this.groups = groups;
        this.settings = settings;
    }

    /**
     * Dispatches a slip for the demand to {@code memberId}, a present member of the group holding it. The problem is
     * the leader's words, or the demand's public description when the leader gives none. Returns the slip id.
     */
    @Transactional
    public String dispatch(String demandId, String memberId, String problem, String actor) {
        DemandView demand = demands.require(demandId);
        PartyGroupRef group = heldBy(demand);
        if (memberId == null || memberId.isBlank()) {
            throw new RuleBrokenException("memberId", "name the member of the group the slip goes to");
        }
        PartyGroupMemberRef member = groups.member(group.groupId, memberId).orElseThrow(() ->
                new RuleBrokenException("memberId", memberId + " is not a member of Party group " + group.groupId));
        String slipId = UUID.randomUUID().toString();
        commands.sendAndWait(new OpenSlip(demandId, slipId, group.groupId, actor));
        commands.sendAndWait(new DispatchSlip(slipId, demandId, demand.streetCode, demand.communityCode,
                group.groupId, group.leaderId, memberId, MemberKind.valueOf(member.kind), member.homeUnitId,
                problem == null || problem.isBlank() ? demand.description : problem, demand.urgency, settings.times(),
                now(), actor));
        return slipId;
    }

    @Transactional
    public void accept(String slipId, String memberId, String actor) {
        commands.sendAndWait(new AcceptSlip(slipId, memberId, now(), actor));
    }

    /** The member declines; the demand stays with the group, which may dispatch to someone else. */
    @Transactional
    public void decline(String slipId, String memberId, String reason, String actor) {
        endUnserved(slipId, new DeclineSlip(slipId, memberId, reason, actor), actor);
    }

    /**
     * The leader ({@code by} GROUP_LEADER) or the community or desk (COMMUNITY) takes the slip back (撤回派单); the
     * demand stays with the group, as after a decline.
     */
    @Transactional
    public void recall(String slipId, EscalationLevel by, String reason, String actor) {
        endUnserved(slipId, new RecallSlip(slipId, by, reason, now(), actor), actor);
    }

    /**
     * A slip that ends before any service (declined, recalled) frees its demand in the same transaction: the demand
     * stays with the group, which dispatches again or sends it back (README "The demand follows its slip").
     */
    private void endUnserved(String slipId, Object ending, String actor) {
        SlipView slip = slips.require(slipId);
        commands.sendAndWait(ending);
        commands.sendAndWait(new ReleaseSlip(slip.demandId, slipId, actor));
    }

    /**
     * The member's report. {@code date}: the day served, in Beijing time — today when not given; never in the future
     * nor before the slip was dispatched.
     */
    @Transactional
    public void report(String slipId, String memberId, String service, BigDecimal hours, ServiceMode mode,
            LocalDate date, String actor) {
        SlipView slip = slips.require(slipId);
        LocalDate today = LocalDate.now(SlipSettings.BEIJING);
        LocalDate served = date == null ? today : date;
        if (served.isAfter(today) || served.isBefore(LocalDate.ofInstant(slip.dispatchedAt, SlipSettings.BEIJING))) {
            throw new RuleBrokenException("date", "the day served lies between the dispatch and today (Beijing time)");
        }
        commands.sendAndWait(new ReportSlip(slipId, memberId, service, hours, mode, served, actor));
    }

    /** The resident's satisfaction: 1–2 reopens the slip; 3–5 closes it, and with it the demand. */
    @Transactional
    public void recordSatisfaction(String slipId, int score, String actor) {
        commands.sendAndWait(new RecordSatisfaction(slipId, score, now(), actor));
        SlipView slip = slips.require(slipId);
        if (slip.status == SlipStatus.CLOSED) {
            commands.sendAndWait(new CloseBySlip(slip.demandId, slipId, score, actor));
        }
    }

    private PartyGroupRef heldBy(DemandView demand) {
        if (demand.status != DemandStatus.IN_PARTY_GROUP || demand.partyGroupId == null) {
            throw new IllegalTransitionException("dispatch a slip for demand " + demand.demandId, demand.status);
        }
        return groups.group(demand.partyGroupId).orElseThrow(() ->
                new IllegalStateException("Party group " + demand.partyGroupId + " of demand " + demand.demandId
                        + " is not known"));
    }

    /** Whole milliseconds: the slip recognises its current deadline by equality, and timestamptz keeps microseconds. */
    static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }
}
