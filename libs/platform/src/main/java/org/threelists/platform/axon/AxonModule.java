package org.threelists.platform.axon;

import org.axonframework.config.Configurer;

/**
 * What a service contributes to the shared Axon configuration: its aggregates, its event handlers and the
 * processors they run in. Implementations are CDI beans; {@link AxonRuntime} applies every one of them.
 */
public interface AxonModule {

    void configure(Configurer configurer);
}
