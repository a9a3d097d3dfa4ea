package org.threelists.matchmaker.lab;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.threelists.matchmaker.matching.Json;
import org.threelists.matchmaker.matching.MatchingEngine;
import org.threelists.matchmaker.matching.MatchingInstance;
import org.threelists.matchmaker.matching.MatchingPlan;
import org.threelists.matchmaker.matching.model.Problem;
import org.threelists.matchmaker.matching.relaxation.Relaxation;

/**
 * The engine against an exact reference on generated instances: engine time, objective, proven
 * bound and gap; the reference's time and value — the optimum when CP-SAT proves it within its limit, else the best
 * proven upper bound (the LP relaxation, or CP-SAT's bound when lower); and objective / reference.
 *
 * <pre>java -cp … org.threelists.matchmaker.lab.MatchingBenchmark [demands resources [timeLimitSeconds [seed]]]
 *     [--reference-limit SECONDS] [--json FILE] [--cold] [--target-gap G]</pre>
 * Without sizes: 1000×100, 10000×1000 and 100000×10000. The time limit (default 60 s per 1,000 resources, at least
 * 30 s: the search's work grows with the number of resources) is the engine's
 * {@link MatchingEngine.Options#timeLimitSeconds()}; the engine stops earlier at a proven gap of 0.1 %; the reference's CP-SAT gets {@code --reference-limit} (default
 * 30 s; 0 = LP bound only) and is tried only up to {@value #REFERENCE_CP_SAT_MAX_PAIRS} pairs. Prints a table, then
 * the same figures as one JSON document (also written to FILE with {@code --json}). "overrun s" is the engine's wall
 * time less its limit: the limit bounds the whole plan (services/matchmaker/engine/README.md, "Time limit").
 * "warm-up s" is the engine's warm-up at its first construction, outside the timed plan; {@code --cold} constructs
 * the engines without it, so that the first row is a truly cold first plan. {@code --target-gap} is the engine's
 * {@link MatchingEngine.Options#targetGap()} (default 0.1 %): with 0.005 and a long limit, a plan's CPU time is the
 * work to 0.995 of its bound, a figure a loaded machine changes less than a ratio at a short limit.
 */
public final class MatchingBenchmark {

    static final int REFERENCE_CP_SAT_MAX_PAIRS = 50_000;

    private MatchingBenchmark() {
    }

    /** With {@code --reference-mip S}: each component solved by SCIP for S seconds is the reference (the optimum when
     *  every component is proven, else a bound tighter than the LP); 0: not used. */
    private static double mipSecondsPerComponent;

    /** One row of the table. */
    public record Row(String shape, double engineLimitSeconds, int demands, int resources, long seed, int pairs,
                      int components, long engineMillis, long overrunMillis, long engineCpuMillis, long explainMillis,
                      double objective, double engineBound, double engineGap, String method, int matched,
                      String referenceMethod, boolean referenceExact, long referenceMillis, double reference,
                      double ratio, boolean warmedUp, long warmUpMillis) {
    }

    public static void main(String[] args) throws IOException {
        List<String> positional = new ArrayList<>();
        double referenceLimit = 30;
        Path json = null;
        List<Shape> shapes = List.of(Shape.STANDARD);
        List<Double> curve = null;
        boolean warmUp = true;
        double targetGap = MatchingEngine.Options.DEFAULT_TARGET_GAP;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--reference-limit" -> referenceLimit = Double.parseDouble(args[++i]);
                case "--reference-mip" -> mipSecondsPerComponent = Double.parseDouble(args[++i]);
                case "--json" -> json = Path.of(args[++i]);
                case "--shape" -> {
                    String v = args[++i];
                    shapes = v.equals("all") ? List.of(Shape.values())
                            : java.util.Arrays.stream(v.split(",")).map(String::trim).map(Shape::valueOf).toList();
                }
                case "--cold" -> warmUp = false;
                case "--target-gap" -> targetGap = Double.parseDouble(args[++i]);
                case "--limits" -> curve = java.util.Arrays.stream(args[++i].split(",")).map(String::trim)
                        .map(Double::valueOf).toList();
                default -> positional.add(args[i]);
            }
        }
        Double fixedLimit = positional.size() > 2 ? Double.valueOf(positional.get(2)) : null;
        long seed = positional.size() > 3 ? Long.parseLong(positional.get(3)) : 42;
        int[][] sizes = positional.size() >= 2
                ? new int[][] {{Integer.parseInt(positional.get(0)), Integer.parseInt(positional.get(1))}}
                : new int[][] {{1000, 100}, {10_000, 1000}, {100_000, 10_000}};
        List<Row> rows = new ArrayList<>();
        System.out.println("| shape | instance | pairs | components | limit s | warm-up s | engine s | overrun s | engine cpu s "
                + "| explain s "
                + "| objective "
                + "| engine bound | engine gap % | reference | reference s | reference value | objective / reference |");
        System.out.println("|---|---|--:|--:|--:|---|--:|--:|--:|--:|--:|--:|--:|---|--:|--:|--:|");
        List<Double> limits = new ArrayList<>();
        for (Shape shape : shapes) {
            for (int[] size : sizes) {
                List<Double> sizeLimits = curve != null ? curve
                        : List.of(fixedLimit != null ? fixedLimit : defaultLimit(size[1]));
                for (double limit : sizeLimits) {
                    limits.add(limit);
                    Row row = measure(shape, seed, size[0], size[1], limit, referenceLimit, warmUp, targetGap);
                    rows.add(row);
                    System.out.printf("| %s | %d×%d | %d | %d | %.1f | %s | %.2f | %+.2f | %.2f | %.2f | %.4f | %.4f | %.3f | %s "
                                    + "| %.2f | %.4f | %.5f |%n", row.shape, row.demands, row.resources, row.pairs,
                            row.components, limit,
                            row.warmedUp ? String.format("%.2f", row.warmUpMillis / 1000.0) : "cold",
                            row.engineMillis / 1000.0, row.overrunMillis / 1000.0,
                            row.engineCpuMillis / 1000.0,
                            row.explainMillis / 1000.0, row.objective, row.engineBound, 100 * row.engineGap, row.referenceMethod,
                            row.referenceMillis / 1000.0, row.reference, row.ratio);
                }
            }
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("seed", seed);
        doc.put("engineTimeLimitSeconds", limits);
        doc.put("referenceTimeLimitSeconds", referenceLimit);
        doc.put("cores", Runtime.getRuntime().availableProcessors());
        doc.put("loadAverage", java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                .getSystemLoadAverage());
        doc.put("rows", rows);
        ObjectMapper mapper = Json.mapper().enable(SerializationFeature.INDENT_OUTPUT);
        String text = mapper.writeValueAsString(doc);
        System.out.println(text);
        if (json != null) {
            Files.writeString(json, text);
        }
    }

    /** The engine's default time limit for a size: 60 s per 1,000 resources, at least 30 s. */
    static double defaultLimit(int resources) {
        return Math.max(30, 60 * resources / 1000.0);
    }

    /** Generates the instance, plans it, and measures the reference. */
    public static Row measure(long seed, int demands, int resources, double timeLimitSeconds,
                              double referenceLimitSeconds) {
        return measure(Shape.STANDARD, seed, demands, resources, timeLimitSeconds, referenceLimitSeconds, true,
                MatchingEngine.Options.DEFAULT_TARGET_GAP);
    }

    /**
     * Generates an instance of the shape, plans it, and measures the reference; a negative reference limit takes
     * the engine's own LP bound as the reference. The engine's CPU time is the process's over the call (every
     * thread): on a machine shared with other work it says what the wall time cannot. The engine is constructed
     * outside the timed call: with {@code warmUp}, the JVM's first construction plans the engine's synthetic street
     * (services/matchmaker/engine/README.md, "A warm first plan"), as the matchmaker's does; without it, the JVM's
     * first plan is truly cold (class loading, the interpreter and the JIT inside its limit).
     */
    public static Row measure(Shape shape, long seed, int demands, int resources, double timeLimitSeconds,
                              double referenceLimitSeconds, boolean warmUp, double targetGap) {
        MatchingInstance instance = new InstanceGenerator(seed, demands, resources, shape).generate();
        MatchingEngine engine = new MatchingEngine(new MatchingEngine.Options(timeLimitSeconds, 2, true, targetGap),
                warmUp);
        long warmUpMillis = MatchingEngine.warmUpNanos() / 1_000_000;
        long cpuBefore = processCpuNanos();
        MatchingPlan plan = engine.plan(instance);
        long cpuMillis = (processCpuNanos() - cpuBefore) / 1_000_000;
        // the explanations are built when the assignments are first read, after the answer: timed apart
        long explainStarted = System.nanoTime();
        plan.assignments().forEach(a -> a.alternatives().size());
        long explainMillis = (System.nanoTime() - explainStarted) / 1_000_000;
        // the engine's wall time beyond its limit (negative: within it): what the limit does not bound
        long overrunMillis = plan.solveMillis() - Math.round(timeLimitSeconds * 1000);
        Problem p = Problem.build(instance);
        if (mipSecondsPerComponent > 0) {
            ExactReference.Result mip = ExactReference.componentMip(p, mipSecondsPerComponent);
            double value = mip.exact() ? mip.value() : mip.bound();
            return new Row(shape.name(), timeLimitSeconds, demands, resources, seed, p.pairCount(),
                    p.componentCount(), plan.solveMillis(), overrunMillis, cpuMillis, explainMillis,
                    plan.objective(), plan.upperBound(), plan.gap(), plan.method(), plan.assignments().size(),
                    mip.method() + (mip.exact() ? "" : " bound"), mip.exact(), mip.millis(), value,
                    value <= 0 ? 1.0 : plan.objective() / value, warmUp, warmUpMillis);
        }
        if (referenceLimitSeconds < 0) {
            // the LP bound by the engine's min-cost flow (equal to GLOP's LP to the rounding of the unit profits),
            // solved here after the plan: a plan under a short limit may have bounded some components without it
            long started = System.nanoTime();
            double value = Relaxation.flowBound(p);
            long millis = (System.nanoTime() - started) / 1_000_000;
            return new Row(shape.name(), timeLimitSeconds, demands, resources, seed, p.pairCount(),
                    p.componentCount(), plan.solveMillis(), overrunMillis, cpuMillis, explainMillis,
                    plan.objective(), plan.upperBound(), plan.gap(), plan.method(), plan.assignments().size(),
                    "lp(min-cost flow)", false, millis, value, value <= 0 ? 1.0 : plan.objective() / value, warmUp,
                    warmUpMillis);
        }
        ExactReference.Result lp = ExactReference.lpBound(instance);
        ExactReference.Result reference = lp;
        if (referenceLimitSeconds > 0 && p.pairCount() <= REFERENCE_CP_SAT_MAX_PAIRS) {
            ExactReference.Result cp = ExactReference.cpSat(instance, referenceLimitSeconds, 2);
            if (cp.exact()) {
                reference = cp;
            } else if (cp.bound() < lp.bound()) {
                reference = new ExactReference.Result(cp.method() + " bound", false, cp.bound(), cp.bound(),
                        cp.millis() + lp.millis());
            } else {
                reference = new ExactReference.Result(lp.method() + " (" + cp.method() + " not proven)", false,
                        lp.bound(), lp.bound(), cp.millis() + lp.millis());
            }
        }
        double value = reference.exact() ? reference.value() : reference.bound();
        return new Row(shape.name(), timeLimitSeconds, demands, resources, seed, p.pairCount(),
                p.componentCount(), plan.solveMillis(), overrunMillis, cpuMillis, explainMillis,
                plan.objective(), plan.upperBound(), plan.gap(), plan.method(), plan.assignments().size(),
                reference.method(), reference.exact(), reference.millis(), value,
                value <= 0 ? 1.0 : plan.objective() / value, warmUp, warmUpMillis);
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** One size as text (the previous entry point, kept for callers). */
    public static String run(long seed, int demands, int resources, double timeLimitSeconds) {
        Row row = measure(seed, demands, resources, timeLimitSeconds, 0);
        return String.format("%d×%d seed %d: %d pairs, %d components; engine %d ms objective %.4f bound %.4f gap %.4f%%"
                        + " (%s); reference %s %.4f; objective/reference %.5f", demands, resources, seed, row.pairs,
                row.components, row.engineMillis, row.objective, row.engineBound, 100 * row.engineGap, row.method,
                row.referenceMethod, row.reference, row.ratio);
    }
}
