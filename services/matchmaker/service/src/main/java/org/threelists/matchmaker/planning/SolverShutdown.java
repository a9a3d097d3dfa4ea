package org.threelists.matchmaker.planning;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;
import org.threelists.matchmaker.matching.RunningSolves;

import java.time.Duration;

/**
 * On SIGINT or SIGTERM the service stops its CP-SAT solves first — before the re-planner, the HTTP layer and finally
 * the JVM tear down — and waits for them to return: a native solve still running while the process exits aborts it
 * ("terminate called after throwing an instance of 'std::bad_function_call'") instead of a clean stop. A plan in
 * progress then ends with the local-search plan it has.
 */
@ApplicationScoped
public class SolverShutdown {

    private static final Logger LOG = Logger.getLogger(SolverShutdown.class);
    private static final Duration WAIT = Duration.ofSeconds(10);

    void onStart(@Observes StartupEvent event) {
        RunningSolves.resume();
    }

    void onStop(@Observes @Priority(1) ShutdownEvent event) throws InterruptedException {
        int running = RunningSolves.running();
        RunningSolves.stopAll();
        if (!RunningSolves.awaitIdle(WAIT)) {
            LOG.warnf("%d CP-SAT solve(s) still running %s after the stop was asked", RunningSolves.running(), WAIT);
        } else if (running > 0) {
            LOG.infof("Stopped %d running CP-SAT solve(s)", running);
        }
    }
}
