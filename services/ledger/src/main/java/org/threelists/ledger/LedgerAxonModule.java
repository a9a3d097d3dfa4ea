package org.threelists.ledger;

import jakarta.enterprise.context.ApplicationScoped;
import org.axonframework.config.Configurer;
import org.threelists.ledger.domain.MonthlySummary;
import org.threelists.ledger.projection.summaries.MunicipalSummaries;
import org.threelists.platform.axon.AxonModule;

/** The ledger's part of the Axon configuration: the monthly summary aggregate and its projection. */
@ApplicationScoped
public class LedgerAxonModule implements AxonModule {

    private final MunicipalSummaries summaries;

    LedgerAxonModule(MunicipalSummaries summaries) {
        this.summaries = summaries;
    }

    @Override
    public void configure(Configurer configurer) {
        configurer.configureAggregate(MonthlySummary.class);
        configurer.eventProcessing()
                .registerSubscribingEventProcessor(MunicipalSummaries.PROCESSOR)
                .registerEventHandler(c -> summaries);
    }
}
