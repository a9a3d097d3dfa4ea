package org.threelists.demand.messaging;

import jakarta.inject.Singleton;
import org.threelists.demand.projection.PartyGroupDirectory;
import org.threelists.platform.inbox.InboundEvent;
import org.threelists.platform.inbox.IntegrationEventHandler;
import org.threelists.platform.inbox.InvalidMessageException;

/**
 * The demand list follows the communities' building Party groups on resource-list.events.v1, to route demands of
 * the second lane to them; the topic's other events are acknowledged and change nothing.
 */
@Singleton
public class PartyGroupEventsHandler extends IntegrationEventHandler {

    private final PartyGroupDirectory directory;

    PartyGroupEventsHandler(PartyGroupDirectory directory) {
        super(Topics.RESOURCE_EVENTS, "demand-list.resource-list");
        this.directory = directory;
    }

    @Override
    protected void apply(InboundEvent event) throws InvalidMessageException {
        directory.apply(event);
    }
}
