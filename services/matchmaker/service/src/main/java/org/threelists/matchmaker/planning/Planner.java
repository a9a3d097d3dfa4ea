package org.threelists.matchmaker.planning;

import io.quarkus.vertx.http.HttpServerStart;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.ObservesAsync;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.threelists.matchmaker.matching.MatchingEngine;
import org.threelists.matchmaker.matching.MatchingInstance;
import org.threelists.matchmaker.matching.MatchingPlan;
import org.threelists.matchmaker.matching.PlannedInstance;
import org.threelists.platform.domain.RuleBrokenException;

import java.time.Duration;

/** The matching engine with the service's solver settings; the one way the service plans. */
@ApplicationScoped
public class Planner {

    private final MatchingEngine engine;

    Planner(@ConfigProperty(name = "threelists.matchmaker.time-limit") Duration timeLimit,
            @ConfigProperty(name = "threelists.matchmaker.workers") int workers) {
        // the warm-up is not in the constructor: it runs once per JVM when the HTTP server has started (onServerStart)
        this.engine = new MatchingEngine(new MatchingEngine.Options(timeLimit.toMillis() / 1000.0, workers, true),
                false);
    }

    /**
     * Warms the engine up — its native libraries, then synthetic plans until the JIT has compiled a plan's code —
     * once the service can answer, off the event loop and off the start's path (platform {@code WarmUps}), so that the
     * first street planned is not planned by a cold JVM (services/matchmaker/engine/README.md, "A warm first plan").
     * Once per JVM: a second call waits for the first. Static: observing the start does not create the planner (and
     * load OR-Tools) on the start's path.
     */
    static void onServerStart(@ObservesAsync HttpServerStart started) {
        MatchingEngine.warmUp();
    }

    /** The optimal (or, at the time limit, provably near-optimal) plan of an instance. */
    public MatchingPlan plan(MatchingInstance instance) {
        return planKeepingState(instance).plan();
    }

    /** The plan of an instance, kept with its problem and bounds so that new demands are planned from it. */
    public PlannedInstance planKeepingState(MatchingInstance instance) {
        try {
            return engine.planKeepingState(instance);
        } catch (IllegalArgumentException e) {
            // What the schema cannot say: duplicate ids, candidates naming unknown demands or resources.
            throw new RuleBrokenException("instance", e.getMessage());
        }
    }
}
