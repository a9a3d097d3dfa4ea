package org.threelists.matchmaker.messaging;

import jakarta.inject.Singleton;
import org.threelists.matchmaker.planning.Replanner;
import org.threelists.matchmaker.projection.MemberUnitView;
import org.threelists.matchmaker.projection.ResourceListProjection;
import org.threelists.matchmaker.service.CapacitySaga;
import org.threelists.platform.inbox.InboundEvent;
import org.threelists.platform.inbox.IntegrationEventHandler;
import org.threelists.platform.inbox.InvalidMessageException;

/**
 * Keeps the matchmaker's picture of the resource list ({@code member_unit}, {@code available_resource},
 * {@code resource_remaining}) from resource-list.events.v1, hands resource-list's answers to a claim
 * ({@code capacity.reserved} / {@code capacity.refused} with a claimId) to the capacity saga ({@link CapacitySaga}) and
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
        boolean plansMoved = projection.apply(event);
        answerSaga(event);
        if (plansMoved) {
            MemberUnitView unit = MemberUnitView.findById(event.data().path("unitId").asText());
            if (unit != null) {
                // offers, units and capacities are what a kept street plan rests on: it goes stale on every replica
                replanner.changed(unit.streetCode);
            }
        }
    }

    private void answerSaga(InboundEvent event) {
        switch (event.name()) {
            case "capacity.reserved" -> saga.reserved(event.text("projectId"), event.text("claimId"),
                    event.text("unitId"), event.text("resourceId"), event.time());
            case "capacity.refused" -> saga.refused(event.text("projectId"), event.text("claimId"),
                    event.data().path("reason").asText() + ": " + event.data().path("detail").asText());
            default -> {
                // Other resource-list events only feed the read models.
            }
        }
    }
}
