package org.threelists.matchmaker.lab;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.threelists.matchmaker.matching.DemandInput;
import org.threelists.matchmaker.matching.MatchingEngine;
import org.threelists.matchmaker.matching.MatchingInstance;
import org.threelists.matchmaker.matching.MatchingPlan;
import org.threelists.matchmaker.matching.PlannedInstance;

/**
 * The re-plan after new demands, measured (services/matchmaker/engine/README.md, "Re-plan after one new demand"): a
 * generated city is planned without its last demands, which then arrive one at a time and are each planned from the
 * plan so far ({@link PlannedInstance#addDemand}); at the end the whole city is planned again from nothing with the
 * same time limit, for comparison.
 *
 * <pre>java -cp … org.threelists.matchmaker.lab.WarmReplan [demands resources [timeLimitSeconds [seed]]]
 *     [--adds N] [--shape SHAPE] [--json FILE] [--cold]</pre>
 * Defaults: 10000×1000, 10 s, seed 42, 20 new demands, STANDARD. Prints one table row (and writes it as JSON to
 * FILE with {@code --json}), then each re-plan's wall and CPU time. {@code --cold}: the engine without its warm-up
 * (services/matchmaker/engine/README.md, "A warm first plan").
 */
public final class WarmReplan {

    /** A generated instance without its last demands ({@code base}), those demands, and the whole instance. */
    public record Split(MatchingInstance base, List<DemandInput> added, MatchingInstance whole) {
    }

    /** One row: the re-plans' wall times, the plan after them, and a full re-plan of the same city. */
    public record Row(String shape, int demands, int resources, int adds, double limit, double startObjective,
                      double startBound, long medianMicros, long maxMicros, long medianCpuMicros, long maxCpuMicros,
                      double warmObjective, double warmBound, double fullObjective, double fullBound,
                      long fullMillis, long[] replanMicros, long[] replanCpuMicros, boolean warmedUp) {
    }

    private WarmReplan() {
    }

    /** Splits off the last {@code adds} demands of a generated instance (the resources are the whole city's). */
    public static Split split(MatchingInstance whole, int adds) {
        int keep = whole.demands().size() - adds;
        return new Split(new MatchingInstance(whole.demands().subList(0, keep), whole.resources()),
                List.copyOf(whole.demands().subList(keep, whole.demands().size())), whole);
    }

    public static Row measure(Shape shape, long seed, int demands, int resources, double limit, int adds) {
        return measure(shape, seed, demands, resources, limit, adds, true);
    }

    /** With {@code warmUp} false the engine is constructed without its warm-up (the JVM's first plan is cold). */
    public static Row measure(Shape shape, long seed, int demands, int resources, double limit, int adds,
                              boolean warmUp) {
        Split split = split(new InstanceGenerator(seed, demands + adds, resources, shape).generate(), adds);
        MatchingEngine engine = new MatchingEngine(new MatchingEngine.Options(limit, 2, true), warmUp);
        PlannedInstance state = engine.planKeepingState(split.base());
        long[] micros = new long[adds];
        long[] cpuMicros = new long[adds];
        for (int i = 0; i < adds; i++) {
            long t = System.nanoTime();
            long cpu = processCpuNanos();
            // the answer's explanations are built when read: read them, as the matchmaker does to propose
            state.addDemand(split.added().get(i)).assignments().forEach(a -> a.alternatives().size());
            micros[i] = (System.nanoTime() - t) / 1000;
            cpuMicros[i] = (processCpuNanos() - cpu) / 1000;
        }
        MatchingPlan full = engine.plan(split.whole());
        return new Row(shape.name(), demands, resources, adds, limit, state.plan().objective(),
                state.plan().upperBound(), median(micros), max(micros), median(cpuMicros), max(cpuMicros),
                state.objective(), state.upperBound(), full.objective(), full.upperBound(), full.solveMillis(), micros,
                cpuMicros, warmUp);
    }

    private static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted.length == 0 ? 0 : sorted[sorted.length / 2];
    }

    private static long max(long[] values) {
        return Arrays.stream(values).max().orElse(0);
    }

    /** Every thread's CPU (the explanations run on every core). */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    public static void main(String[] args) throws java.io.IOException {
        List<String> positional = new ArrayList<>();
        java.nio.file.Path json = null;
        int adds = 20;
        Shape shape = Shape.STANDARD;
        boolean warmUp = true;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--adds" -> adds = Integer.parseInt(args[++i]);
                case "--shape" -> shape = Shape.valueOf(args[++i]);
                case "--json" -> json = java.nio.file.Path.of(args[++i]);
                case "--cold" -> warmUp = false;
                default -> positional.add(args[i]);
            }
        }
        int demands = positional.size() > 0 ? Integer.parseInt(positional.get(0)) : 10_000;
        int resources = positional.size() > 1 ? Integer.parseInt(positional.get(1)) : 1000;
        double limit = positional.size() > 2 ? Double.parseDouble(positional.get(2)) : 10;
        long seed = positional.size() > 3 ? Long.parseLong(positional.get(3)) : 42;
        Row row = measure(shape, seed, demands, resources, limit, adds, warmUp);
        double load = java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        System.out.println("| shape | city | new demands | plan before: gap % | re-plan ms, median | max "
                + "| cpu ms, median | max | after: objective | bound | gap % | full re-plan s | its objective "
                + "| its gap % | after ÷ full | load |");
        System.out.println("|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|");
        System.out.printf("| %s | %d×%d | %d | %.3f | %.1f | %.1f | %.1f | %.1f | %.4f | %.4f | %.3f | %.2f | %.4f "
                        + "| %.3f | %.5f | %.1f |%n",
                row.shape(), row.demands(), row.resources(), row.adds(),
                100 * (row.startBound() - row.startObjective()) / row.startBound(), row.medianMicros() / 1000.0,
                row.maxMicros() / 1000.0, row.medianCpuMicros() / 1000.0, row.maxCpuMicros() / 1000.0,
                row.warmObjective(), row.warmBound(), 100 * (row.warmBound() - row.warmObjective()) / row.warmBound(),
                row.fullMillis() / 1000.0, row.fullObjective(),
                100 * (row.fullBound() - row.fullObjective()) / row.fullBound(),
                row.warmObjective() / row.fullObjective(), load);
        StringBuilder each = new StringBuilder("re-plans, ms of wall (CPU):");
        for (int i = 0; i < row.replanMicros().length; i++) {
            each.append(String.format(" %.1f (%.1f)", row.replanMicros()[i] / 1000.0, row.replanCpuMicros()[i] / 1000.0));
        }
        System.out.println(each);
        if (json != null) {
            java.nio.file.Files.writeString(json, org.threelists.matchmaker.matching.Json.mapper()
                    .writeValueAsString(row));
        }
    }
}
