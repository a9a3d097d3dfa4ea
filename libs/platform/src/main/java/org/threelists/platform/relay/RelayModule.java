package org.threelists.platform.relay;

import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import org.axonframework.config.Configuration;
import org.axonframework.config.Configurer;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.threelists.platform.axon.AxonModule;
import org.threelists.platform.kafka.KafkaClients;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Registers the {@link EventRelay} on a single-segment pooled streaming processor, so events keep store order; its
 * token store tells the relay when the segment changes hands.
 */
@ApplicationScoped
public class RelayModule implements AxonModule {

    private final Instance<IntegrationEventMapper> mappers;
    private final KafkaClients kafka;
    private final String serviceName;
    private final boolean enabled;
    private EventRelay relay;

    RelayModule(Instance<IntegrationEventMapper> mappers, KafkaClients kafka,
            @ConfigProperty(name = "threelists.service-name") String serviceName,
            @ConfigProperty(name = "threelists.relay.enabled", defaultValue = "true") boolean enabled) {
        this.mappers = mappers;
        this.kafka = kafka;
        this.serviceName = serviceName;
        this.enabled = enabled;
    }

    @Override
    public void configure(Configurer configurer) {
        List<IntegrationEventMapper> all = mappers.stream().toList();
        if (!enabled || all.isEmpty()) {
            return;
        }
        Set<String> topics = new TreeSet<>();
        all.forEach(m -> topics.addAll(m.topics()));
        kafka.ensureTopics(topics);
        relay = new EventRelay(all, kafka.transactionalProducer(serviceName + "-relay"),
                kafka.consumer(serviceName + "-relay-position"), topics);
        EventRelay created = relay;
        configurer.eventProcessing()
                .registerEventHandler(c -> created)
                .registerPooledStreamingEventProcessor(EventRelay.PROCESSOR, Configuration::eventStore,
                        (c, builder) -> builder.initialSegmentCount(1).maxClaimedSegments(1).batchSize(100)
                                .tokenStore(claimWatching(c, created)));
        configurer.onInitialize(c -> created.watchBrokerWith(BrokerReturnWatch.of(kafka.admin(),
                () -> c.eventProcessingConfiguration()
                        .eventProcessor(EventRelay.PROCESSOR, PooledStreamingEventProcessor.class)
                        .ifPresent(processor -> processor.claimSegment(0)))));
    }

    private static ClaimWatchingTokenStore claimWatching(Configuration configuration, EventRelay relay) {
        ClaimWatchingTokenStore tokens = new ClaimWatchingTokenStore(
                configuration.eventProcessingConfiguration().tokenStore(EventRelay.PROCESSOR),
                relay::claimed, relay::forget);
        relay.readStoredTokenWith(() -> tokens.storedToken(EventRelay.PROCESSOR, 0));
        return tokens;
    }

    void onStop(@Observes ShutdownEvent event) {
        if (relay != null) {
            relay.close();
        }
    }
}
