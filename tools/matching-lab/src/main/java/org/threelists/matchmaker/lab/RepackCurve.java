package org.threelists.matchmaker.lab;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import org.threelists.matchmaker.matching.MatchingInstance;
import org.threelists.matchmaker.matching.model.Problem;
import org.threelists.matchmaker.matching.model.Profits;
import org.threelists.matchmaker.matching.relaxation.Relaxation;
import org.threelists.matchmaker.matching.search.Repack;
import org.threelists.matchmaker.matching.search.StartPlan;

/**
 * What the re-packs after the chains cost, by work rather than by clock: the engine's starts, pulls and chains, then
 * the two-resource re-packs in 2 ms slices (the component with the largest gap to its LP bound first), all on one
 * thread; prints the thread CPU to 0.994, 0.995 and 0.9955 of the LP bound and to the re-packs' local optimum
 * (services/matchmaker/engine/README.md, "Time and quality"). Thread CPU on one warm thread is what a loaded machine
 * changes least; the runs after the first are warm.
 *
 * <pre>java -cp … org.threelists.matchmaker.lab.RepackCurve demands resources shape runs [seed] [--warm-up]</pre>
 * With {@code --warm-up} the engine is constructed with its warm-up first (services/matchmaker/engine/README.md, "A
 * warm first plan"), so run 0 is the first plan of a warmed JVM rather than a cold one. "pairs" is the thread CPU
 * of building the problem (the pairs, profits and components).
 */
public final class RepackCurve {

    private RepackCurve() {
    }

    /** The re-packs' work, where the engine counts it (tries, settled by the merged bound, tables' cells). */
    private static String work(Repack[] rp) {
        long tries = 0, pruned = 0, cut = 0, value = 0, bound = 0, choice = 0;
        for (Repack r : rp) {
            tries += r.evaluated;
            pruned += r.pruned;
            cut += r.cutShort;
            value += r.valueCells;
            bound += r.boundCells;
            choice += r.choiceCells;
        }
        return String.format("tries %d, merged bound settled %d, tables cut short %d; cells: value %.1fM, bound checks %.1fM, with choices %.1fM",
                tries, pruned, cut, value / 1e6, bound / 1e6, choice / 1e6);
    }

    public static void main(String[] args) {
        java.util.List<String> a = new java.util.ArrayList<>(java.util.List.of(args));
        boolean warmUp = a.remove("--warm-up");
        int nd = Integer.parseInt(a.get(0)), nr = Integer.parseInt(a.get(1));
        Shape shape = Shape.valueOf(a.get(2));
        int runs = Integer.parseInt(a.get(3));
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        MatchingInstance inst = new InstanceGenerator(a.size() > 4 ? Long.parseLong(a.get(4)) : 42, nd, nr, shape)
                .generate();
        long w0 = System.nanoTime();
        // the engine's construction loads the native libraries and, with --warm-up, plans its synthetic street
        new org.threelists.matchmaker.matching.MatchingEngine(
                org.threelists.matchmaker.matching.MatchingEngine.Options.DEFAULTS, warmUp);
        System.out.printf("%s: engine constructed in %.0f ms%s%n", shape, (System.nanoTime() - w0) / 1e6,
                warmUp ? " (with its warm-up)" : " (no warm-up: run 0 is cold)");
        for (int run = 0; run < runs; run++) {
            long b0 = mx.getCurrentThreadCpuTime();
            Problem p = Problem.build(inst);
            long built = mx.getCurrentThreadCpuTime() - b0;
            Relaxation rel = new Relaxation(p);
            int[] choice = new int[p.demands.size()];
            java.util.Arrays.fill(choice, -1);
            int nc = p.componentCount();
            Repack[] rp = new Repack[nc];
            long lp = 0;
            long t0 = mx.getCurrentThreadCpuTime();
            for (int c = 0; c < nc; c++) {
                rel.solveFlow(c, choice);
                StartPlan.greedyFill(p, choice, p.componentDemands[c], false);
                StartPlan.improve(p, choice, p.componentDemands[c], Long.MAX_VALUE);
                lp += rel.componentLpBound[c] / p.m;
            }
            for (int c = 0; c < nc; c++) {
                rp[c] = new Repack(p, choice, p.componentResources[c]);
                rp[c].pullUntilStable(p.componentResources[c], Long.MAX_VALUE);
            }
            for (int c = 0; c < nc; c++) {
                rp[c].chainUntilStable(p.componentResources[c], Long.MAX_VALUE);
            }
            long t1 = mx.getCurrentThreadCpuTime();
            double r1 = Profits.scaledTotal(p, choice) / (double) lp;
            boolean[] done = new boolean[nc];
            long[] per = new long[nc];
            double[] marks = {0.994, 0.995, 0.9955};
            long[] at = new long[marks.length];
            java.util.Arrays.fill(at, -1);
            while (true) {
                int best = -1;
                long bestGap = -1;
                for (int c = 0; c < nc; c++) {
                    if (done[c]) {
                        continue;
                    }
                    long gap = rel.componentLpBound[c] / p.m - Profits.componentProfit(p, choice, c) / p.m;
                    if (gap > bestGap) {
                        bestGap = gap;
                        best = c;
                    }
                }
                if (best < 0) {
                    break;
                }
                long c0 = mx.getCurrentThreadCpuTime();
                done[best] = rp[best].resume(System.nanoTime() + 2_000_000L);
                per[best] += mx.getCurrentThreadCpuTime() - c0;
                double r = Profits.scaledTotal(p, choice) / (double) lp;
                long now = mx.getCurrentThreadCpuTime();
                for (int i = 0; i < marks.length; i++) {
                    if (at[i] < 0 && r >= marks[i]) {
                        at[i] = now - t1;
                    }
                }
            }
            long t2 = mx.getCurrentThreadCpuTime();
            double r2 = Profits.scaledTotal(p, choice) / (double) lp;
            System.out.printf("%s run %d: pairs %.1f ms; starts, pulls and chains %.1f ms -> %.5f; to 0.994 %.1f, 0.995 %.1f, 0.9955 %.1f ms; local optimum %.5f after %.1f ms of re-packs%n",
                    shape, run, built / 1e6, (t1 - t0) / 1e6, r1, at[0] / 1e6, at[1] / 1e6, at[2] / 1e6, r2, (t2 - t1) / 1e6);
            StringBuilder sb = new StringBuilder("  per component ms:");
            for (int c = 0; c < nc; c++) {
                sb.append(String.format(" %d(%d res)=%.0f", c, p.componentResources[c].length, per[c] / 1e6));
            }
            System.out.println(sb);
            System.out.println("  " + work(rp));
        }
    }
}
