package org.threelists.matchmaker.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.threelists.contracts.Urgency;
import org.threelists.matchmaker.deadline.DeadlinePolicy;
import org.threelists.matchmaker.domain.ProjectCommands.ClaimProject;
import org.threelists.matchmaker.domain.ProjectCommands.ProposeProject;
import org.threelists.matchmaker.domain.ProjectCommands.PublishProject;
import org.threelists.matchmaker.domain.ProjectCommands.SupersedeProposal;
import org.threelists.matchmaker.domain.ProjectConflictException;
import org.threelists.matchmaker.domain.ProjectValues;
import org.threelists.matchmaker.domain.ProjectValues.Mode;
import org.threelists.matchmaker.domain.ProjectValues.Need;
import org.threelists.matchmaker.domain.ProjectValues.Origin;
import org.threelists.matchmaker.planning.Proposals;
import org.threelists.matchmaker.planning.Replanner;
import org.threelists.matchmaker.projection.AvailableResourceView;
import org.threelists.matchmaker.projection.MemberUnitView;
import org.threelists.matchmaker.projection.OpenDemandView;
import org.threelists.matchmaker.projection.ProjectView;
import org.threelists.platform.domain.NotPermittedException;
import org.threelists.platform.domain.RuleBrokenException;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The desk assigns listed demands to a unit's offer without waiting for the engine (README "REST", {@code POST
 * /projects}): the project is proposed (origin DESK), published for a claim and claimed for the unit in one
 * transaction, under the street's lock so that no other project takes the same demands meanwhile. An engine proposal
 * for the same demands that the joint meeting has not decided on yet is superseded by it. The claim is confirmed like
 * any other once resource-list has reserved the capacity.
 */
@ApplicationScoped
public class DeskAssignment {

    /** What the desk asks for; {@code need}, {@code period} and {@code title} may be left to their defaults. */
    public record Order(String street, List<String> demandIds, String unitId, String resourceId, String title,
            Need need, String period, String note, String actor) {
    }

    private final CommandGateway commands;
    private final DemandAvailability availability;
    private final Offers offers;
    private final DeadlinePolicy policy;
    private final Replanner replanner;

    DeskAssignment(CommandGateway commands, DemandAvailability availability, Offers offers, DeadlinePolicy policy,
            Replanner replanner) {
        this.commands = commands;
        this.availability = availability;
        this.offers = offers;
        this.policy = policy;
        this.replanner = replanner;
    }

    /** The id of the project created and claimed for the unit. */
    @Transactional
    public String assign(Order order) {
        String street = order.street();
        List<String> demandIds = List.copyOf(new LinkedHashSet<>(order.demandIds()));
        Proposals.lockStreet(street);
        List<OpenDemandView> demands = new ArrayList<>();
        for (String demandId : demandIds) {
            OpenDemandView demand = OpenDemandView.findById(demandId);
            if (demand == null) {
                throw new RuleBrokenException("demandIds", "no demand " + demandId + " on the demand list");
            }
            if (!demand.streetCode.equals(street)) {
                throw new NotPermittedException("Demand " + demandId + " is outside your street");
            }
            demands.add(demand);
        }
        OpenDemandView first = demands.get(0);
        if (demands.stream().anyMatch(d -> !d.communityCode.equals(first.communityCode) || !d.category.equals(first.category))) {
            throw new RuleBrokenException("demandIds", "a project serves demands of one community and one category");
        }
        MemberUnitView unit = MemberUnitView.findById(order.unitId());
        if (unit == null || !unit.streetCode.equals(street) || !MemberUnitView.ACTIVE.equals(unit.status)) {
            throw new RuleBrokenException("unitId", "no active member unit " + order.unitId() + " in street " + street);
        }
        AvailableResourceView offer = offers.offerOf(unit.unitId, order.resourceId());
        offers.requireOffers(offer, first.category);
        Need need = offers.need(order.need(), offer, demands);
        String period = offers.period(offer, order.period());
        Urgency urgency = ProjectValues.highestUrgency(demands.stream().map(d -> d.urgency).toList());
        String title = order.title() != null ? order.title()
                : Proposals.title(first.communityCode, first.category, demands.size());
        supersedeEngineProposals(street, demands, unit.unitId, order.note(), order.actor());
        String projectId = UUID.randomUUID().toString();
        Instant now = Instant.now();
        commands.sendAndWait(new ProposeProject(projectId, Origin.DESK, street, first.communityCode, first.category,
                urgency, title, demandIds, need, unit.unitId, offer.resourceId, null, null, List.of(), order.actor()));
        commands.sendAndWait(new PublishProject(projectId, Mode.CLAIM, order.note(), now,
                policy.claimDeadline(urgency, now), order.actor()));
        commands.sendAndWait(new ClaimProject(projectId, UUID.randomUUID().toString(), unit.unitId, offer.resourceId,
                period, order.actor()));
        return projectId;
    }

    /**
     * The desk's decision overrules the engine's suggestion: a proposal still waiting for the joint meeting that
     * serves one of the demands is superseded (cancelled, with the reason), and its other demands go back to the
     * street's next plan. Without this the desk would lose to a re-plan that ran a moment earlier and have to cancel
     * the proposal by hand first (README "Planning").
     */
    private void supersedeEngineProposals(String street, List<OpenDemandView> demands, String unitId, String note,
            String actor) {
        List<ProjectView> proposals = availability.engineProposalsToSupersede(demands);
        for (ProjectView proposal : proposals) {
            List<String> overlap = demands.stream().map(d -> d.demandId)
                    .filter(List.of(proposal.demandIds)::contains).toList();
            Boolean superseded = commands.sendAndWait(new SupersedeProposal(proposal.projectId, "superseded: the desk "
                    + "assigned demand(s) " + overlap + " to unit " + unitId
                    + (note == null || note.isBlank() ? "" : " (" + note + ")"), actor));
            if (!Boolean.TRUE.equals(superseded)) {
                // published since it was read: its demands are no longer free for the desk's project
                throw new ProjectConflictException("Project " + proposal.projectId + " was published meanwhile and "
                        + "serves demand(s) " + overlap, Map.of("projectId", proposal.projectId));
            }
        }
        if (!proposals.isEmpty()) {
            replanner.changed(street);
        }
    }
}
