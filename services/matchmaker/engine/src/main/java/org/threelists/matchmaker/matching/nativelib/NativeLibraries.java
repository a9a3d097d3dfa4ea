package org.threelists.matchmaker.matching.nativelib;

import com.google.ortools.Loader;
import com.google.ortools.sat.BoolVar;
import com.google.ortools.sat.CpModel;
import com.google.ortools.sat.CpSolver;
import com.google.ortools.sat.LinearExpr;

/**
 * OR-Tools' native libraries (min-cost flow, CP-SAT), loaded once per JVM before the first solve, and CP-SAT's Java
 * side made ready: the first model a process builds initialises its protocol buffers (about 0.5 s) and the first
 * solve its native solver (about 0.1 s). Both happen here, when the engine is constructed, not inside the first
 * plan's time limit (services/matchmaker/engine/README.md, "Time limit").
 */
public final class NativeLibraries {

    private NativeLibraries() {
    }

    private static final class Holder {
        static {
            Loader.loadNativeLibraries();
            firstSolve();
        }

        static void load() {
            // class initialisation above: once, thread-safe
        }

        /** A two-variable knapsack: what every CP-SAT model of the engine goes through the first time. */
        private static void firstSolve() {
            CpModel model = new CpModel();
            BoolVar x = model.newBoolVar("x");
            BoolVar y = model.newBoolVar("y");
            model.addLessOrEqual(LinearExpr.weightedSum(new BoolVar[] {x, y}, new long[] {2, 3}), 4);
            model.maximize(LinearExpr.weightedSum(new BoolVar[] {x, y}, new long[] {1, 2}));
            CpSolver solver = new CpSolver();
            solver.getParameters().setCatchSigintSignal(false); // the JVM keeps SIGINT (exact.CpSatRuns)
            solver.getParameters().setMaxTimeInSeconds(1);
            solver.getParameters().setNumWorkers(1);
            solver.solve(model);
        }
    }

    public static void load() {
        Holder.load();
    }
}
