package org.threelists.platform.health;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.health.SmallRyeHealthReporter;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import org.jboss.logging.Logger;

/**
 * Builds SmallRye Health's reporter and its checks during the start, on the main thread, instead of at the first
 * call of {@code /q/health/ready}: that call runs on the Vert.x event loop, and on a cold JVM creating the reporter,
 * the check beans and the JSON writers held the loop for seconds (a {@code BlockedThreadChecker} warning of 2.35 s in
 * demand-list's log, bench/README.md "Start-up and memory"). The probes still run every check at every call: this
 * only asks once before them, and what it answers is not kept.
 * <p>
 * It observes the start after the services' own observers (Axon's configuration, the inbound consumers), whose
 * beans the checks read.
 */
@ApplicationScoped
class HealthWarmUp {

    private static final Logger LOG = Logger.getLogger(HealthWarmUp.class);

    void onStart(@Observes @Priority(Interceptor.Priority.APPLICATION + 1000) StartupEvent event,
            SmallRyeHealthReporter reporter) {
        long started = System.nanoTime();
        try {
            boolean ready = !reporter.getReadiness().isDown();
            boolean live = !reporter.getLiveness().isDown();
            LOG.infof("health checks initialised in %d ms (ready %s, live %s)",
                    (System.nanoTime() - started) / 1_000_000, ready, live);
        } catch (RuntimeException e) {
            // a check slower than SmallRye's timeout: the probes will ask again, the start need not fail for it
            LOG.warnf("health checks not initialised at start: %s", e.toString());
        }
    }
}
