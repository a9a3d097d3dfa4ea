package org.threelists.resource.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.threelists.platform.domain.DomainException;
import org.threelists.platform.domain.IllegalTransitionException;
import org.threelists.resource.domain.MemberUnitCommands.AmendUnit;
import org.threelists.resource.domain.MemberUnitCommands.LeaveAlliance;
import org.threelists.resource.domain.MemberUnitCommands.RegisterUnit;
import org.threelists.resource.domain.MemberUnitCommands.RejoinAlliance;
import org.threelists.resource.domain.MembershipStatus;
import org.threelists.resource.domain.UnitProfile;
import org.threelists.resource.projection.MemberUnitView;
import org.threelists.resource.projection.ResourceListQueries;

/**
 * A unit's membership of the street's alliance (共建单位): registered by the desk, its profile kept by itself, leaving
 * and rejoining. Who may call which is the REST edge's business; the rules that need more than the
 * {@code MemberUnit} aggregate knows (its street's communities, a unit id taken) are kept here.
 */
@ApplicationScoped
public class UnitMembership {

    private final CommandGateway commands;
    private final ResourceListQueries queries;
    private final ServiceArea area;

    UnitMembership(CommandGateway commands, ResourceListQueries queries, ServiceArea area) {
        this.commands = commands;
        this.queries = queries;
        this.area = area;
    }

    /** A unit serves only communities of its own street; a unit id is registered once. */
    @Transactional
    public void register(String unitId, String streetCode, UnitProfile profile, String actor) {
        area.requireInStreet("communities", profile.communities(), streetCode);
        if (queries.unit(unitId).isPresent()) {
            throw new DomainException(DomainException.Kind.ALREADY_EXISTS, "Unit " + unitId + " is registered already");
        }
        commands.sendAndWait(new RegisterUnit(unitId, streetCode, profile, actor));
    }

    @Transactional
    public void amend(MemberUnitView unit, UnitProfile profile, String actor) {
        area.requireInStreet("communities", profile.communities(), unit.streetCode);
        commands.sendAndWait(new AmendUnit(unit.unitId, profile, actor));
    }

    @Transactional
    public void leave(String unitId, String reason, String actor) {
        commands.sendAndWait(new LeaveAlliance(unitId, reason, actor));
    }

    @Transactional
    public void rejoin(String unitId, String actor) {
        commands.sendAndWait(new RejoinAlliance(unitId, actor));
    }

    /** Only a unit in the alliance offers resources and registers volunteers. */
    static void requireActive(MemberUnitView unit, String action) {
        if (unit.status != MembershipStatus.ACTIVE) {
            throw new IllegalTransitionException(action + " as unit " + unit.unitId, unit.status);
        }
    }
}
