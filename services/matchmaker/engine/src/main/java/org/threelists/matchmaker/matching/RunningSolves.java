package org.threelists.matchmaker.matching;

import com.google.ortools.sat.CpModel;
import com.google.ortools.sat.CpSolver;
import com.google.ortools.sat.CpSolverStatus;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The CP-SAT solves in progress, so that a stopping service can end them before the JVM exits: a native solve still
 * running while the process tears down its native libraries aborts it ("terminate called after throwing an instance
 * of 'std::bad_function_call'") instead of letting it stop cleanly. {@link #stopAll()} asks every running solve to stop
 * (CP-SAT's own interrupt, {@code stopSearch}), makes new ones return at once and ends the engine's search loops
 * early; a plan made meanwhile is the local-search plan found so far. It stays stopped until {@link #resume()}.
 */
public final class RunningSolves {

    private static final Set<CpSolver> RUNNING = ConcurrentHashMap.newKeySet();
    private static volatile boolean stopping;

    private RunningSolves() {
    }

    /** Solves, unless the engine is stopping (then UNKNOWN, like a solve that found nothing in its time). */
    static CpSolverStatus solve(CpSolver solver, CpModel model) {
        RUNNING.add(solver);
        try {
            if (stopping) {
                return CpSolverStatus.UNKNOWN;
            }
            return solver.solve(model);
        } finally {
            RUNNING.remove(solver);
        }
    }

    /** Whether a search loop with this deadline may go on: not past it, and the engine not stopping. */
    static boolean before(long deadlineNanos) {
        return !stopping && System.nanoTime() < deadlineNanos;
    }

    /** Stops every running solve and every one to come. */
    public static void stopAll() {
        stopping = true;
        RUNNING.forEach(CpSolver::stopSearch);
    }

    /** Waits until no solve runs, at most {@code timeout}; true when none does. */
    public static boolean awaitIdle(Duration timeout) throws InterruptedException {
        long until = System.nanoTime() + timeout.toNanos();
        while (!RUNNING.isEmpty() && System.nanoTime() < until) {
            RUNNING.forEach(CpSolver::stopSearch);
            Thread.sleep(20);
        }
        return RUNNING.isEmpty();
    }

    /** Solving again after {@link #stopAll()}: a new start of the service in the same JVM (tests, dev mode). */
    public static void resume() {
        stopping = false;
    }

    /** How many solves run now. */
    public static int running() {
        return RUNNING.size();
    }
}
