package org.threelists.platform.inbox;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.threelists.platform.kafka.KafkaClients;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** Starts one {@link InboundConsumer} thread per {@link InboundHandler} bean, and stops them on shutdown. */
@ApplicationScoped
public class InboundConsumers {

    private final Instance<InboundHandler> handlers;
    private final KafkaClients kafka;
    private final Inbox inbox;
    private final boolean enabled;
    private final Duration backoff;
    private final List<InboundConsumer> consumers = new ArrayList<>();
    private final List<Thread> threads = new CopyOnWriteArrayList<>();

    InboundConsumers(Instance<InboundHandler> handlers, KafkaClients kafka, Inbox inbox,
            @ConfigProperty(name = "threelists.inbound.enabled", defaultValue = "true") boolean enabled,
            @ConfigProperty(name = "threelists.inbound.retry-backoff", defaultValue = "PT0.2S") Duration backoff) {
        this.handlers = handlers;
        this.kafka = kafka;
        this.inbox = inbox;
        this.enabled = enabled;
        this.backoff = backoff;
    }

    void onStart(@Observes StartupEvent event) {
        if (!enabled) {
            return;
        }
        for (InboundHandler handler : handlers) {
            kafka.ensureTopics(List.of(handler.topic(), handler.topic() + DeadLetters.SUFFIX));
            InboundConsumer consumer = new InboundConsumer(handler, kafka, inbox, backoff);
            Thread thread = new Thread(consumer, "inbound-" + handler.topic());
            thread.setDaemon(true);
            thread.start();
            consumers.add(consumer);
            threads.add(thread);
        }
    }

    /** Each inbound topic, and whether its consumer thread is alive. */
    public Map<String, Boolean> status() {
        Map<String, Boolean> status = new TreeMap<>();
        for (Thread thread : threads) {
            status.put(thread.getName().substring("inbound-".length()), thread.isAlive());
        }
        return status;
    }

    void onStop(@Observes ShutdownEvent event) throws InterruptedException {
        consumers.forEach(InboundConsumer::stop);
        for (Thread thread : threads) {
            thread.join(10_000);
        }
    }
}
