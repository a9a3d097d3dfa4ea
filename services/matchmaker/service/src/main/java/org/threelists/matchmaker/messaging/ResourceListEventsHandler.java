package org.threelists.matchmaker.messaging;

import jakarta.inject.Singleton;
import org.threelists.matchmaker.planning.Replanner;
import org.threelists.matchmaker.projection.MemberUnit;
import org.threelists.matchmaker.projection.ResourceListProjection;
import org.threelists.platform.inbox.InboundEvent;
import org.threelists.platform.inbox.IntegrationEventHandler;
import org.threelists.platform.inbox.InvalidMessageException;

/**
 * Keeps the matchmaker's picture of the resource list ({@code member_unit}, {@code available_resource},
 * {@code resource_remaining}) from resource-list.events.v1, answers the capacity saga ({@link CapacitySaga}) and
 * marks the unit's street for re-planning.
 */
@Singleton
public class ResourceListEventsHandler extends IntegrationEventHandler {

    private final ResourceListProjection projection;
    private final CapacitySaga saga;
    private final Replanner replanner;

    ResourceListEventsHandler(ResourceListProjection projection, CapacitySaga saga, Replanner replanner) {
        super(Topics.RESOURCE_EVENTS, "matchmaker.resource-list");
        this.projection = projection;
        this.saga = saga;
        this.replanner = replanner;
    }

    @Override
    protected void apply(InboundEvent event) throws InvalidMessageException {
        projection.apply(event);
        saga.on(event);
        if (!event.name().startsWith("volunteer.")) {
            MemberUnit unit = MemberUnit.findById(event.data().path("unitId").asText());
            if (unit != null) {
                replanner.touch(unit.streetCode);
            }
        }
    }
}
