package org.threelists.platform.inbox;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.threelists.platform.kafka.KafkaClients;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

/**
 * Starts one supervised consumer thread per {@link InboundHandler} bean, and stops them on shutdown. The retry,
 * restart and recovery settings are described in libs/platform/README.md.
 */
@ApplicationScoped
public class InboundConsumers {

    private final Instance<InboundHandler> handlers;
    private final KafkaClients kafka;
    private final Inbox inbox;
    private final boolean enabled;
    private final Backoff retryBackoff;
    private final Backoff restartBackoff;
    private final Duration recoveryBound;
    private final List<SupervisedConsumer> consumers = new CopyOnWriteArrayList<>();

    InboundConsumers(Instance<InboundHandler> handlers, KafkaClients kafka, Inbox inbox,
            @ConfigProperty(name = "threelists.inbound.enabled", defaultValue = "true") boolean enabled,
            @ConfigProperty(name = "threelists.inbound.retry-backoff", defaultValue = "PT0.2S") Duration retryBackoff,
            @ConfigProperty(name = "threelists.inbound.retry-backoff-max", defaultValue = "PT30S") Duration retryBackoffMax,
            @ConfigProperty(name = "threelists.inbound.restart-backoff", defaultValue = "PT1S") Duration restartBackoff,
            @ConfigProperty(name = "threelists.inbound.restart-backoff-max", defaultValue = "PT30S") Duration restartBackoffMax,
            @ConfigProperty(name = "threelists.inbound.recovery-bound", defaultValue = "PT5M") Duration recoveryBound) {
        this.handlers = handlers;
        this.kafka = kafka;
        this.inbox = inbox;
        this.enabled = enabled;
        this.retryBackoff = new Backoff(retryBackoff, retryBackoffMax);
        this.restartBackoff = new Backoff(restartBackoff, restartBackoffMax);
        this.recoveryBound = recoveryBound;
    }

    void onStart(@Observes StartupEvent event) {
        if (!enabled) {
            return;
        }
        // every topic and its dead-letter topic in one admin call, before the first consumer starts
        kafka.ensureTopics(handlers.stream()
                .flatMap(handler -> Stream.of(handler.topic(), handler.topic() + DeadLetters.SUFFIX)).toList());
        for (InboundHandler handler : handlers) {
            SupervisedConsumer consumer = new SupervisedConsumer(
                    new InboundConsumer(handler, kafka, inbox, retryBackoff), restartBackoff, recoveryBound);
            consumer.start();
            consumers.add(consumer);
        }
    }

    /** Each inbound topic and how its consumer is doing. */
    public Map<String, ConsumerStatus> status() {
        Map<String, ConsumerStatus> status = new TreeMap<>();
        for (SupervisedConsumer consumer : consumers) {
            status.put(consumer.topic(), consumer.status());
        }
        return status;
    }

    void onStop(@Observes ShutdownEvent event) throws InterruptedException {
        consumers.forEach(SupervisedConsumer::stop);
        for (SupervisedConsumer consumer : consumers) {
            consumer.join(Duration.ofSeconds(10));
        }
    }
}
