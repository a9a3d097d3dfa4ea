package org.threelists.matchmaker.health;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;
import org.threelists.matchmaker.planning.Replanner;
import org.threelists.matchmaker.service.DeadlinePoller;

import java.time.Duration;
import java.time.Instant;

/**
 * The project list's own background work, beside the platform's messaging check (relay, projections, consumers): a
 * replica whose deadline poller stopped or cannot reach its table for a while must leave the load balancer, or the
 * time limits of its street would silently stop.
 */
@Readiness
@ApplicationScoped
public class ProjectListReadiness implements HealthCheck {

    private final DeadlinePoller poller;
    private final Replanner replanner;

    ProjectListReadiness(DeadlinePoller poller, Replanner replanner) {
        this.poller = poller;
        this.replanner = replanner;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("project-list").up();
        if (!poller.enabled()) {
            response.withData("deadline poller", "disabled");
        } else {
            Instant last = poller.lastPoll();
            // Startup is not a failure: the first poll comes one interval after the start.
            Duration grace = poller.interval().multipliedBy(10).plusSeconds(30);
            boolean stale = last != null && last.isBefore(Instant.now().minus(grace));
            response.withData("deadline poller", !poller.running() ? "stopped"
                    : stale ? "no successful poll since " + last : "running");
            if (!poller.running() || stale) {
                response.down();
            }
        }
        response.withData("re-planner", replanner.enabled() ? (replanner.running() ? "running" : "stopped") : "disabled");
        if (replanner.enabled() && !replanner.running()) {
            response.down();
        }
        return response.build();
    }
}
