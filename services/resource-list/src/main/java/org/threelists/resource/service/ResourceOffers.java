package org.threelists.resource.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.threelists.resource.domain.ResourceCommands.AmendResource;
import org.threelists.resource.domain.ResourceCommands.OfferResource;
import org.threelists.resource.domain.ResourceCommands.WithdrawResource;
import org.threelists.resource.domain.ResourceDetails;
import org.threelists.resource.domain.ResourceType;
import org.threelists.resource.projection.MemberUnitView;
import org.threelists.resource.projection.ResourceView;

import java.util.UUID;

/**
 * A unit's offers on the resource list (资源清单): offered only by a unit in the alliance, serving only communities
 * of the unit's street; amended and withdrawn. The capacity books are the {@code Resource}'s own; reservations are
 * {@link Reservations} and {@link ClaimReservations}.
 */
@ApplicationScoped
public class ResourceOffers {

    private final CommandGateway commands;
    private final ServiceArea area;

    ResourceOffers(CommandGateway commands, ServiceArea area) {
        this.commands = commands;
        this.area = area;
    }

    /** Returns the new resource's id. */
    @Transactional
    public String offer(MemberUnitView unit, ResourceType type, ResourceDetails details, String actor) {
        UnitMembership.requireActive(unit, "offer resources");
        area.requireInStreet("serviceArea", details.serviceArea(), unit.streetCode);
        String resourceId = UUID.randomUUID().toString();
        commands.sendAndWait(new OfferResource(resourceId, unit.unitId, type, details, actor));
        return resourceId;
    }

    @Transactional
    public void amend(ResourceView resource, ResourceDetails details, String actor) {
        area.requireInStreet("serviceArea", details.serviceArea(), resource.streetCode);
        commands.sendAndWait(new AmendResource(resource.resourceId, details, actor));
    }

    @Transactional
    public void withdraw(String resourceId, String reason, String actor) {
        commands.sendAndWait(new WithdrawResource(resourceId, reason, actor));
    }
}
