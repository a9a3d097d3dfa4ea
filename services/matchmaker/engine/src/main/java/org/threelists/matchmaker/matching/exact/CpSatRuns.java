package org.threelists.matchmaker.matching.exact;

import com.google.ortools.sat.CpModel;
import com.google.ortools.sat.CpSolver;
import com.google.ortools.sat.CpSolverStatus;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
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

    /**
     * Stops a solve at its deadline whatever its own time limit says: CP-SAT counts its limit from the start of its
     * search, after loading and presolving the model, which a loaded machine or the first solve of a process can make
     * long (a 0.37 s limit took 0.63 s on a 204-pair component); a caller's limit bounds the plan
     * (services/matchmaker/engine/README.md, "Time limit").
     */
    private static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "matching-cp-sat-deadline");
        t.setDaemon(true);
        return t;
    });

    /**
     * {@link #solve(CpSolver, CpModel)}, asking the solve to stop at {@code deadlineNanos} ({@link System#nanoTime()})
     * if it still runs then.
     */
    public static CpSolverStatus solve(CpSolver solver, CpModel model, long deadlineNanos) {
        ScheduledFuture<?> stop = WATCHDOG.schedule(solver::stopSearch,
                Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
        try {
            return solve(solver, model);
        } finally {
            stop.cancel(false);
        }
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
