package org.threelists.demand;

import jakarta.enterprise.context.ApplicationScoped;
import org.axonframework.config.Configurer;
import org.threelists.demand.domain.Demand;
import org.threelists.demand.domain.slip.Slip;
import org.threelists.demand.projection.DemandProjection;
import org.threelists.demand.projection.SlipProjection;
import org.threelists.platform.axon.AxonModule;

/**
 * The demand list's part of the Axon configuration: the demand and the slip (三联单), and their read-model
 * projections in one subscribing processor, so the read models commit with the events. One processor, not one per
 * projection: each subscribing processor wraps every event the service appends in its own batching unit of work, joins
 * the transaction and runs its interceptor chain, whether or not its handlers want the event, and the two projections'
 * events do not overlap (bench/README.md, "Fast path, part seven").
 */
@ApplicationScoped
public class DemandAxonModule implements AxonModule {

    private final DemandProjection projection;
    private final SlipProjection slipProjection;

    DemandAxonModule(DemandProjection projection, SlipProjection slipProjection) {
        this.projection = projection;
        this.slipProjection = slipProjection;
    }

    /** The one subscribing processor both projections' processing groups are assigned to. */
    static final String VIEWS = "demand-list-views";

    @Override
    public void configure(Configurer configurer) {
        configurer.configureAggregate(Demand.class);
        configurer.configureAggregate(Slip.class);
        configurer.eventProcessing()
                .registerSubscribingEventProcessor(VIEWS)
                .assignProcessingGroup(DemandProjection.PROCESSOR, VIEWS)
                .assignProcessingGroup(SlipProjection.PROCESSOR, VIEWS)
                .registerEventHandler(c -> projection)
                .registerEventHandler(c -> slipProjection);
    }
}
