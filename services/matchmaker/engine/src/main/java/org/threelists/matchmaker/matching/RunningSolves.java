package org.threelists.matchmaker.matching;

import java.time.Duration;
import org.threelists.matchmaker.matching.exact.CpSatRuns;
import org.threelists.matchmaker.matching.model.Deadline;

/**
 * The CP-SAT solves in progress, so that a stopping service can end them before the JVM exits: a native solve still
 * running while the process tears down its native libraries aborts it ("terminate called after throwing an instance
 * of 'std::bad_function_call'") instead of letting it stop cleanly. {@link #stopAll()} asks every running solve to stop
 * (CP-SAT's own interrupt, {@code stopSearch}), makes new ones return at once and ends the engine's search loops
 * early; a plan made meanwhile is the local-search plan found so far. It stays stopped until {@link #resume()}.
 */
public final class RunningSolves {

    private RunningSolves() {
    }

    /** Stops every running solve and every one to come. */
    public static void stopAll() {
        Deadline.stopAll();
        CpSatRuns.stopRunning();
    }

    /** Waits until no solve runs, at most {@code timeout}; true when none does. */
    public static boolean awaitIdle(Duration timeout) throws InterruptedException {
        return CpSatRuns.awaitIdle(timeout);
    }

    /** Solving again after {@link #stopAll()}: a new start of the service in the same JVM (tests, dev mode). */
    public static void resume() {
        Deadline.resume();
    }

    /** How many solves run now. */
    public static int running() {
        return CpSatRuns.running();
    }
}
