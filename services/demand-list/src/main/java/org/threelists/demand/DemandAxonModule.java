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
 * projections, each in a subscribing processor so the read models commit with the events.
 */
@ApplicationScoped
public class DemandAxonModule implements AxonModule {

    private final DemandProjection projection;
    private final SlipProjection slipProjection;

    DemandAxonModule(DemandProjection projection, SlipProjection slipProjection) {
        this.projection = projection;
        this.slipProjection = slipProjection;
    }

    @Override
    public void configure(Configurer configurer) {
        configurer.configureAggregate(Demand.class);
        configurer.configureAggregate(Slip.class);
        configurer.eventProcessing()
                .registerSubscribingEventProcessor(DemandProjection.PROCESSOR)
                .registerEventHandler(c -> projection)
                .registerSubscribingEventProcessor(SlipProjection.PROCESSOR)
                .registerEventHandler(c -> slipProjection);
    }
}
