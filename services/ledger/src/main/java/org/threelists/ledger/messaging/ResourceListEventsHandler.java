package org.threelists.ledger.messaging;

import jakarta.inject.Singleton;
import org.threelists.ledger.projection.directory.Directory;
import org.threelists.platform.inbox.InboundEvent;
import org.threelists.platform.inbox.IntegrationEventHandler;
import org.threelists.platform.inbox.InvalidMessageException;

/** Keeps the names reports print (units, resources' capacity units, volunteers' masked names) from resource-list.events.v1. */
@Singleton
public class ResourceListEventsHandler extends IntegrationEventHandler {

    private final Directory directory;

    ResourceListEventsHandler(Directory directory) {
        super(Topics.RESOURCE_EVENTS, "ledger.resource-list");
        this.directory = directory;
    }

    @Override
    protected void apply(InboundEvent event) throws InvalidMessageException {
        directory.apply(event);
    }
}
