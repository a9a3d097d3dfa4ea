package org.threelists.matchmaker.messaging;

import jakarta.inject.Singleton;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.threelists.matchmaker.planning.Replanner;
import org.threelists.matchmaker.projection.DemandListProjection;
import org.threelists.matchmaker.projection.OpenDemandView;
import org.threelists.platform.inbox.InboundEvent;
import org.threelists.platform.inbox.IntegrationEventHandler;
import org.threelists.platform.inbox.InvalidMessageException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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
        if (!isSlip(event)) {
            follow(event, projection.apply(event));
        }
    }

    /**
     * A poll's events with one read of their demands' rows, then applied in order as {@link #apply} does each
     * (libs/platform/README.md, "Inbox": an invalid one fails the poll, which is then taken message by message).
     */
    @Override
    public void handleAll(List<ConsumerRecord<String, byte[]>> records) throws InvalidMessageException {
        List<InboundEvent> events = new ArrayList<>(records.size());
        for (ConsumerRecord<String, byte[]> record : records) {
            InboundEvent event = InboundEvent.parse(topic(), record);
            if (!isSlip(event)) {
                events.add(event);
            }
        }
        Map<String, OpenDemandView> rows = projection.rowsOf(events);
        for (InboundEvent event : events) {
            OpenDemandView demand = projection.apply(event, rows.get(DemandListProjection.demandIdOf(event)));
            rows.put(demand.demandId, demand);
            follow(event, demand);
        }
    }

    private static boolean isSlip(InboundEvent event) {
        // A slip is the second lane's, never the project list's: its demand is already out of planning
        // (IN_PARTY_GROUP), and the demand's own events say when that changes (demand-list README, "The slip").
        return event.name().startsWith("slip.");
    }

    /** Marks the demand's street as the event asks, once the demand's row is as the event left it. */
    private void follow(InboundEvent event, OpenDemandView demand) {
        if (event.name().equals("demand.amended")) {
            // a kept plan holds the demand as it was: every replica's plan of the street goes stale
            replanner.changed(demand.streetCode);
        } else if (OpenDemandView.LISTED.equals(demand.status)) {
            replanner.listed(demand.streetCode, demand.demandId);
        } else if (!event.name().equals("demand.submitted")) {
            // a demand that left the list may leave a proposal to supersede, which a plan afresh does
            replanner.unlisted(demand.streetCode);
        }
    }
}
