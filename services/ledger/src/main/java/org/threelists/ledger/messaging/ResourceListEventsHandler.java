package org.threelists.ledger.messaging;

import jakarta.inject.Singleton;
import org.threelists.ledger.projection.DirectoryProjection;
import org.threelists.platform.inbox.InboundEvent;
import org.threelists.platform.inbox.IntegrationEventHandler;
import org.threelists.platform.inbox.InvalidMessageException;

/** Keeps the names reports print (units, resources' capacity units, volunteers' masked names) from resource-list.events.v1. */
@Singleton
public class ResourceListEventsHandler extends IntegrationEventHandler {

    private final DirectoryProjection projection;

    ResourceListEventsHandler(DirectoryProjection projection) {
        super(Topics.RESOURCE_EVENTS, "ledger.resource-list");
        this.projection = projection;
    }

    @Override
    protected void apply(InboundEvent event) throws InvalidMessageException {
        projection.apply(event);
    }
}
