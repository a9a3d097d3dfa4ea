package org.threelists.platform.health;

import jakarta.enterprise.context.ApplicationScoped;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;
import org.threelists.platform.axon.AxonRuntime;
import org.threelists.platform.inbox.InboundConsumers;

/**
 * Ready only while every event processor (the relay, the projections) runs without error and every inbound
 * consumer thread is alive: a service that stopped publishing or consuming must leave the load balancer.
 */
@Readiness
@ApplicationScoped
public class MessagingReadiness implements HealthCheck {

    private final AxonRuntime axon;
    private final InboundConsumers consumers;

    MessagingReadiness(AxonRuntime axon, InboundConsumers consumers) {
        this.axon = axon;
        this.consumers = consumers;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("messaging").up();
        for (EventProcessor processor : axon.configuration().eventProcessingConfiguration().eventProcessors().values()) {
            boolean healthy = processor.isRunning() && !processor.isError();
            response.withData("processor " + processor.getName(), healthy ? "running"
                    : processor.isError() ? "in error, retrying" : "stopped");
            if (!healthy && processor instanceof StreamingEventProcessor) {
                response.down();
            }
        }
        consumers.status().forEach((topic, alive) -> {
            response.withData("consumer " + topic, alive ? "running" : "stopped");
            if (!alive) {
                response.down();
            }
        });
        return response.build();
    }
}
