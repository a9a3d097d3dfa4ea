package org.threelists.matchmaker.messaging;

import jakarta.inject.Singleton;
import org.threelists.matchmaker.projection.ResourceListProjection;
import org.threelists.platform.inbox.InboundEvent;
import org.threelists.platform.inbox.IntegrationEventHandler;
import org.threelists.platform.inbox.InvalidMessageException;

/**
 * Keeps the matchmaker's picture of the resource list ({@code member_unit}, {@code available_resource},
 * {@code resource_remaining}) from resource-list.events.v1.
 */
@Singleton
public class ResourceListEventsHandler extends IntegrationEventHandler {

    private final ResourceListProjection projection;

    ResourceListEventsHandler(ResourceListProjection projection) {
        super(Topics.RESOURCE_EVENTS, "matchmaker.resource-list");
        this.projection = projection;
    }

    @Override
    protected void apply(InboundEvent event) throws InvalidMessageException {
        projection.apply(event);
    }
}
