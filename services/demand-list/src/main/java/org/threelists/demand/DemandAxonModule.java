package org.threelists.demand;

import jakarta.enterprise.context.ApplicationScoped;
import org.axonframework.config.Configurer;
import org.threelists.demand.domain.Demand;
import org.threelists.demand.projection.DemandProjection;
import org.threelists.platform.axon.AxonModule;

/** The demand list's part of the Axon configuration: the aggregate and its read-model projection. */
@ApplicationScoped
public class DemandAxonModule implements AxonModule {

    private final DemandProjection projection;

    DemandAxonModule(DemandProjection projection) {
        this.projection = projection;
    }

    @Override
    public void configure(Configurer configurer) {
        configurer.configureAggregate(Demand.class);
        configurer.eventProcessing()
                .registerSubscribingEventProcessor(DemandProjection.PROCESSOR)
                .registerEventHandler(c -> projection);
    }
}
