package org.threelists.matchmaker.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.threelists.matchmaker.deadline.DeadlinePolicy;
import org.threelists.matchmaker.domain.ProjectCommands.ApproveVolunteering;
import org.threelists.matchmaker.domain.ProjectCommands.ProposeProject;
import org.threelists.matchmaker.domain.ProjectValues.Need;
import org.threelists.matchmaker.domain.ProjectValues.Origin;
import org.threelists.matchmaker.planning.Proposals;
import org.threelists.matchmaker.projection.AvailableResourceView;
import org.threelists.matchmaker.projection.MemberUnitView;
import org.threelists.matchmaker.projection.OpenDemandView;
import org.threelists.matchmaker.projection.ProjectView;
import org.threelists.platform.domain.NotFoundException;
import org.threelists.platform.domain.NotPermittedException;
import org.threelists.platform.domain.RuleBrokenException;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * 揭榜: a unit volunteers for a listed demand of its own street, in its offer's service area, that no project serves
 * yet. The project is proposed with origin VOLUNTEERED for the unit's offer; the unit holds nothing (and demand-list
 * shows it no resident) until the desk of the street or the demand's community approves it, which publishes the
 * project and asks for the unit's claim in one step (README "REST"). Only a confirmed claim lets a unit see the
 * residents, so no unit reaches them on its own word.
 */
@ApplicationScoped
public class Volunteering {

    private final CommandGateway commands;
    private final DemandAvailability availability;
    private final Offers offers;
    private final DeadlinePolicy policy;

    Volunteering(CommandGateway commands, DemandAvailability availability, Offers offers, DeadlinePolicy policy) {
        this.commands = commands;
        this.availability = availability;
        this.offers = offers;
        this.policy = policy;
    }

    /**
     * Who may volunteer for the demand, checked before the request is read: a demand of another street is not shown
     * to exist (its id says nothing to a stranger), and only an active member unit of the street volunteers.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public void requireVolunteer(String street, String unit, String demandId) {
        OpenDemandView demand = OpenDemandView.findById(demandId);
        if (demand == null || !demand.streetCode.equals(street)) {
            throw new NotFoundException("Demand", demandId);
        }
        MemberUnitView member = MemberUnitView.findById(unit);
        if (member == null || !member.streetCode.equals(street) || !MemberUnitView.ACTIVE.equals(member.status)) {
            throw new NotPermittedException("Unit " + unit + " is not an active member unit of street " + street);
        }
    }

    /** The id of the VOLUNTEERED proposal, awaiting the approval of the desk or the community. */
    @Transactional
    public String volunteer(String street, String unit, String demandId, String resourceId, String period, String note,
            String actor) {
        requireVolunteer(street, unit, demandId);
        OpenDemandView demand = OpenDemandView.findById(demandId);
        Proposals.lockStreet(street);
        availability.requireAssignable(List.of(demand));
        AvailableResourceView offer = offers.offerOf(unit, resourceId);
        offers.requireOffers(offer, demand.category);
        if (!Arrays.asList(offer.serviceArea).contains(demand.communityCode)) {
            throw new RuleBrokenException("resourceId", "offer " + offer.resourceId + " does not serve community "
                    + demand.communityCode);
        }
        Need need = offers.need(null, offer, List.of(demand));
        offers.period(offer, period);
        String projectId = UUID.randomUUID().toString();
        commands.sendAndWait(new ProposeProject(projectId, Origin.VOLUNTEERED, street, demand.communityCode,
                demand.category, demand.urgency, Proposals.title(demand.communityCode, demand.category, 1),
                List.of(demandId), need, unit, offer.resourceId, null, note, List.of(), actor));
        return projectId;
    }

    /**
     * The approval: the proposal is published for a claim and the volunteering unit's claim (its offer, the whole
     * need, this month or TOTAL) is asked for. The id of that claim.
     */
    @Transactional
    public String approve(String projectId, String note, String actor) {
        ProjectView project = ProjectLookup.project(projectId);
        AvailableResourceView offer = offers.offerOf(project.proposedUnitId, project.proposedResourceId, project);
        String period = offers.period(offer, null);
        String claimId = UUID.randomUUID().toString();
        Instant now = Instant.now();
        commands.sendAndWait(new ApproveVolunteering(projectId, claimId, period, note, now,
                policy.claimDeadline(project.urgency, now), actor));
        return claimId;
    }
}
