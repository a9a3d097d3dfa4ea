package org.threelists.matchmaker.messaging;

import jakarta.inject.Singleton;
import org.threelists.matchmaker.projection.DemandListProjection;
import org.threelists.platform.inbox.InboundEvent;
import org.threelists.platform.inbox.IntegrationEventHandler;
import org.threelists.platform.inbox.InvalidMessageException;

/** Keeps the matchmaker's picture of the demand list ({@code open_demand}) from demand-list.events.v1. */
@Singleton
public class DemandListEventsHandler extends IntegrationEventHandler {

    private final DemandListProjection projection;

    DemandListEventsHandler(DemandListProjection projection) {
        super(Topics.DEMAND_EVENTS, "matchmaker.demand-list");
        this.projection = projection;
    }

    @Override
    protected void apply(InboundEvent event) throws InvalidMessageException {
        projection.apply(event);
    }
}
