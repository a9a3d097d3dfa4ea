package org.threelists.demand.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.threelists.contracts.Category;
import org.threelists.demand.domain.DemandLane;
import org.threelists.demand.domain.RoutingCommands.RouteToPartyGroup;
import org.threelists.demand.domain.RoutingCommands.SendToJointMeeting;
import org.threelists.demand.projection.DemandQueries;
import org.threelists.demand.projection.DemandView;
import org.threelists.demand.projection.PartyGroupDirectory;
import org.threelists.demand.projection.PartyGroupRef;
import org.threelists.platform.domain.RuleBrokenException;

import java.util.Set;

/**
 * Routes a listed demand to the joint meeting (the first lane) or to a building Party group (the second lane). The
 * community decides; a demand of a small category is routed by default, when it is verified, to the one group
 * covering its compound (and building) — services/demand-list/README.md, "The second lane".
 */
@ApplicationScoped
public class DemandRouting {

    private final CommandGateway commands;
    private final DemandQueries queries;
    private final PartyGroupDirectory groups;
    private final Set<Category> smallCategories;

    DemandRouting(CommandGateway commands, DemandQueries queries, PartyGroupDirectory groups,
            @ConfigProperty(name = "threelists.second-lane.small-categories") Set<Category> smallCategories) {
        this.commands = commands;
        this.queries = queries;
        this.groups = groups;
        this.smallCategories = Set.copyOf(smallCategories);
    }

    /** {@code groupId} names the group for {@link DemandLane#PARTY_GROUP}; {@code reason} says why it goes back. */
    @Transactional
    public void route(String demandId, DemandLane lane, String groupId, String reason, String actor) {
        if (lane == DemandLane.JOINT_MEETING) {
            commands.sendAndWait(new SendToJointMeeting(demandId, reason, actor));
            return;
        }
        if (groupId == null || groupId.isBlank()) {
            throw new RuleBrokenException("groupId", "name the Party group the demand goes to");
        }
        PartyGroupRef group = groups.group(groupId)
                .orElseThrow(() -> new RuleBrokenException("groupId", "no Party group " + groupId));
        commands.sendAndWait(new RouteToPartyGroup(demandId, group.groupId, group.communityCode, actor));
    }

    /** After verification: a small need goes to the group of its place, if exactly one group covers it. */
    @Transactional
    public void routeByDefault(String demandId, String actor) {
        DemandView demand = queries.require(demandId);
        if (!smallCategories.contains(demand.category)) {
            return;
        }
        groups.coveringGroup(demand.communityCode, demand.compound, demand.building).ifPresent(group -> commands
                .sendAndWait(new RouteToPartyGroup(demandId, group.groupId, group.communityCode, actor)));
    }

    public Set<Category> smallCategories() {
        return smallCategories;
    }
}
