package org.threelists.matchmaker.matching.exact;

import com.google.ortools.sat.CpModel;
import com.google.ortools.sat.CpSolver;
import com.google.ortools.sat.CpSolverStatus;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.threelists.matchmaker.matching.model.Deadline;

/**
 * Every CP-SAT solve of the engine goes through here, so that a stopping service can end the ones in progress
 * (see {@link org.threelists.matchmaker.matching.RunningSolves}): a native solve still running while the process
 * tears down its native libraries aborts the JVM instead of letting it stop cleanly.
 */
public final class CpSatRuns {

    private static final Set<CpSolver> RUNNING = ConcurrentHashMap.newKeySet();

    private CpSatRuns() {
    }

    /** Solves, unless the engine is stopping (then UNKNOWN, like a solve that found nothing in its time). */
    public static CpSolverStatus solve(CpSolver solver, CpModel model) {
        leaveSignalsToTheJvm(solver);
        RUNNING.add(solver);
        try {
            if (Deadline.stopping()) {
                return CpSolverStatus.UNKNOWN;
            }
            return solver.solve(model);
        } finally {
            RUNNING.remove(solver);
        }
    }

    /**
     * CP-SAT catches SIGINT during a solve by default (SatParameters.catch_sigint_signal), replacing the JVM's own
     * handler: a SIGINT sent to a service while it solves then ends in native code ("terminate called after throwing
     * an instance of 'std::bad_function_call'") and the JVM never runs its shutdown. The JVM keeps the signal; its
     * shutdown stops running solves through {@link #stopRunning()}.
     */
    private static void leaveSignalsToTheJvm(CpSolver solver) {
        solver.getParameters().setCatchSigintSignal(false);
    }

    /** Asks every running solve to stop (CP-SAT's own interrupt). */
    public static void stopRunning() {
        RUNNING.forEach(CpSolver::stopSearch);
    }

    /** Waits until no solve runs, at most {@code timeout}, asking again meanwhile; true when none does. */
    public static boolean awaitIdle(Duration timeout) throws InterruptedException {
        long until = System.nanoTime() + timeout.toNanos();
        while (!RUNNING.isEmpty() && System.nanoTime() < until) {
            RUNNING.forEach(CpSolver::stopSearch);
            Thread.sleep(20);
        }
        return RUNNING.isEmpty();
    }

    public static int running() {
        return RUNNING.size();
    }
}
