package org.threelists.platform.health;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Liveness;
import org.threelists.platform.inbox.InboundConsumers;

/**
 * Down when an inbound consumer has not recovered within {@code threelists.inbound.recovery-bound}
 * (libs/platform/README.md), so that Kubernetes restarts the pod; a consumer still within the bound is being
 * restarted by its supervisor and keeps the service live.
 */
@Liveness
@ApplicationScoped
public class MessagingLiveness implements HealthCheck {

    private final InboundConsumers consumers;

    MessagingLiveness(InboundConsumers consumers) {
        this.consumers = consumers;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("inbound-consumers").up();
        consumers.status().forEach((topic, status) -> {
            response.withData("consumer " + topic, status.state());
            response.withData("restarts " + topic, status.restarts());
            if (!status.healthy()) {
                response.down();
            }
        });
        return response.build();
    }
}
