package org.threelists.platform.health;

import jakarta.enterprise.context.ApplicationScoped;
import org.axonframework.eventhandling.EventProcessor;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;
import org.threelists.platform.axon.AxonRuntime;
import org.threelists.platform.inbox.InboundConsumers;

/**
 * Reports how the relay, the projections and the inbound consumers are doing, without ever taking the service out
 * of the load balancer: REST writes only to the service's own database (the event store is the outbox), so it keeps
 * working through a Kafka outage; the relay and the consumers catch up when the broker is back, and a consumer that
 * cannot recover is {@link MessagingLiveness}'s business (libs/platform/README.md, "Health"). The database, which
 * REST does need, has its own readiness check.
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
        }
        consumers.status().forEach((topic, status) -> response.withData("consumer " + topic, status.state()));
        return response.build();
    }
}
