package org.threelists.matchmaker.messaging;

import jakarta.inject.Singleton;
import org.threelists.matchmaker.planning.Replanner;
import org.threelists.matchmaker.projection.DemandListProjection;
import org.threelists.matchmaker.projection.OpenDemandView;
import org.threelists.platform.inbox.InboundEvent;
import org.threelists.platform.inbox.IntegrationEventHandler;
import org.threelists.platform.inbox.InvalidMessageException;

/**
 * Keeps the matchmaker's picture of the demand list ({@code open_demand}) from demand-list.events.v1, and marks the
 * demand's street for re-planning when a demand enters the list (planned from the street's kept plan) or leaves it or
 * changes (planned afresh).
 */
@Singleton
public class DemandListEventsHandler extends IntegrationEventHandler {

    private final DemandListProjection projection;
    private final Replanner replanner;

    DemandListEventsHandler(DemandListProjection projection, Replanner replanner) {
        super(Topics.DEMAND_EVENTS, "matchmaker.demand-list");
        this.projection = projection;
        this.replanner = replanner;
    }

    @Override
    protected void apply(InboundEvent event) throws InvalidMessageException {
        if (event.name().startsWith("slip.")) {
            // A slip is the second lane's, never the project list's: its demand is already out of planning
            // (IN_PARTY_GROUP), and the demand's own events say when that changes (demand-list README, "The slip").
            return;
        }
        projection.apply(event);
        OpenDemandView demand = OpenDemandView.findById(event.data().get("demandId").asText());
        if (demand != null && event.name().equals("demand.amended")) {
            // a kept plan holds the demand as it was: every replica's plan of the street goes stale
            replanner.changed(demand.streetCode);
        } else if (demand != null && OpenDemandView.LISTED.equals(demand.status)) {
            replanner.listed(demand.streetCode, demand.demandId);
        } else if (demand != null && !event.name().equals("demand.submitted")) {
            // a demand that left the list may leave a proposal to supersede, which a plan afresh does
            replanner.unlisted(demand.streetCode);
        }
    }
}
