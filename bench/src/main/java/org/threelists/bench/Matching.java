package org.threelists.bench;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Part 3: the matching engine's own benchmark ({@code org.threelists.matchmaker.lab.MatchingBenchmark} of
 * tools/matching-lab: seeded generated instances, ~20 candidates per demand; the engine's time and objective
 * beside an exact reference or LP bound), run in a child JVM per size so that OR-Tools' native solvers and the large
 * instances get a process of their own, with the stack already stopped. Its JSON rows are taken as they are (every
 * field), and the table shows the ones the issue asks for. The engine warms up when constructed, outside the timed
 * plan (its {@code warmUpMillis}); the first size runs once more without the warm-up ({@code --cold}), the truly
 * cold first plan of a JVM.
 */
final class Matching {

    static final String MAIN = "org.threelists.matchmaker.lab.MatchingBenchmark";

    /**
     * Every shape of the generator (tools/matching-lab {@code Shape}) runs at the sizes up to this many resources;
     * the largest size, whose child JVM takes minutes per instance, runs the standard street only.
     */
    static final int SHAPES_UP_TO_RESOURCES = 1000;
    /** How many shapes "all" plans, one after the other in the child JVM. */
    static final int SHAPES = org.threelists.matchmaker.lab.Shape.values().length;

    /** One size and the engine's time limit for it. */
    record Size(int demands, int resources, double engineLimitSeconds) {
    }

    private final PrintStream console;

    Matching(PrintStream console) {
        this.console = console;
    }

    Map<String, Object> run(List<Size> sizes, double referenceLimitSeconds, long seed, Path workDir) throws Exception {
        List<Object> rows = new ArrayList<>();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("runner", MAIN + " in a child JVM per size (-Xmx6g), seed " + seed);
        json.put("referenceLimitSeconds", referenceLimitSeconds);
        for (Size size : sizes) {
            rows.addAll(child(size, referenceLimitSeconds, seed, workDir, false));
        }
        if (!sizes.isEmpty()) {
            // the engine warms up when constructed (outside the timed plan), as the matchmaker's does at its start;
            // the first size again without it: the truly cold first plan of a JVM, beside it
            rows.addAll(child(sizes.get(0), referenceLimitSeconds, seed, workDir, true));
        }
        json.put("rows", rows);
        json.put("warmReplan", warmReplan(seed, workDir));
        return json;
    }

    /** One size in a child JVM: every shape up to {@link #SHAPES_UP_TO_RESOURCES}; {@code cold}: no warm-up. */
    private List<Object> child(Size size, double referenceLimitSeconds, long seed, Path workDir, boolean cold)
            throws Exception {
        List<Object> rows = new ArrayList<>();
        String name = "matching-" + size.demands() + "x" + size.resources() + "-" + size.engineLimitSeconds() + "s"
                + (cold ? "-cold" : "");
        Path out = workDir.resolve(name + ".json");
        Path log = workDir.resolve(name + ".log");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx6g", "-cp", System.getProperty("java.class.path"), MAIN, Integer.toString(size.demands()),
                Integer.toString(size.resources()), Double.toString(size.engineLimitSeconds()), Long.toString(seed),
                "--reference-limit", Double.toString(referenceLimitSeconds), "--json", out.toString(),
                "--shape", size.resources() <= SHAPES_UP_TO_RESOURCES ? "all" : "STANDARD"));
        if (cold) {
            command.add("--cold");
        }
        console.printf("matching: %d×%d, engine limit %.1f s, reference limit %.0f s%s (load %s)...%n", size.demands(),
                size.resources(), size.engineLimitSeconds(), referenceLimitSeconds, cold ? ", no warm-up" : "",
                CpuMeter.loadAverage());
        long started = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        int shapes = size.resources() <= SHAPES_UP_TO_RESOURCES ? SHAPES : 1;
        long budget = (long) (shapes * (3 * size.engineLimitSeconds() + 3 * referenceLimitSeconds + 300));
        if (!process.waitFor(budget, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("MatchingBenchmark " + size + " still running after " + budget + " s; see " + log);
        }
        double wall = (System.nanoTime() - started) / 1e9;
        if (process.exitValue() != 0 || !Files.exists(out)) {
            throw new IllegalStateException("MatchingBenchmark " + size + " failed (exit " + process.exitValue() + "): "
                    + tail(log));
        }
        JsonNode doc = Http.JSON.readTree(Files.readString(out, StandardCharsets.UTF_8));
        for (Iterator<JsonNode> it = doc.path("rows").elements(); it.hasNext(); ) {
            Map<String, Object> row = Http.JSON.convertValue(it.next(), LinkedHashMap.class);
            row.put("engineLimitSeconds", size.engineLimitSeconds());
            row.put("childJvmWallSeconds", CpuMeter.round(wall));
            rows.add(row);
            console.printf("matching: %s %d×%d%s: engine %s ms (cpu %s ms), objective %s, reference %s (%s), ratio %s%n",
                    row.get("shape"), size.demands(), size.resources(), cold ? " cold" : "", row.get("engineMillis"),
                    row.get("engineCpuMillis"), row.get("objective"), row.get("reference"), row.get("referenceMethod"),
                    row.get("ratio"));
        }
        return rows;
    }

    static final String WARM_MAIN = "org.threelists.matchmaker.lab.WarmReplan";
    /** The city the re-plan after one new demand is measured in, the limit of its first plan, new demands. */
    static final int WARM_DEMANDS = 10_000;
    static final int WARM_RESOURCES = 1000;
    static final double WARM_LIMIT_SECONDS = 10;
    static final int WARM_ADDS = 20;

    /**
     * The re-plan after one new demand (tools/matching-lab {@code WarmReplan}): a planned 10k×1k city takes 20 new
     * demands one at a time, each planned from the plan so far; then the whole city is planned again from nothing,
     * the baseline of the same run.
     */
    private Map<String, Object> warmReplan(long seed, Path workDir) throws Exception {
        Path out = workDir.resolve("matching-warm-replan.json");
        Path log = workDir.resolve("matching-warm-replan.log");
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx6g",
                "-cp", System.getProperty("java.class.path"), WARM_MAIN, Integer.toString(WARM_DEMANDS),
                Integer.toString(WARM_RESOURCES), Double.toString(WARM_LIMIT_SECONDS), Long.toString(seed),
                "--adds", Integer.toString(WARM_ADDS), "--json", out.toString());
        console.printf("matching: re-plan after one new demand, %d×%d (load %s)...%n", WARM_DEMANDS, WARM_RESOURCES,
                CpuMeter.loadAverage());
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        long budget = (long) (3 * 2 * WARM_LIMIT_SECONDS + 300);
        if (!process.waitFor(budget, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("WarmReplan still running after " + budget + " s; see " + log);
        }
        if (process.exitValue() != 0 || !Files.exists(out)) {
            throw new IllegalStateException("WarmReplan failed (exit " + process.exitValue() + "): " + tail(log));
        }
        Map<String, Object> row = Http.JSON.convertValue(Http.JSON.readTree(Files.readString(out,
                StandardCharsets.UTF_8)), LinkedHashMap.class);
        console.printf("matching: re-plan after one new demand: median %.1f ms, max %.1f ms; objective %s after %s "
                        + "new demands, full re-plan %s in %.1f s%n", ((Number) row.get("medianMicros")).doubleValue() / 1000,
                ((Number) row.get("maxMicros")).doubleValue() / 1000, row.get("warmObjective"), row.get("adds"),
                row.get("fullObjective"), ((Number) row.get("fullMillis")).doubleValue() / 1000);
        return row;
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
        } catch (IOException e) {
            return "(no log)";
        }
    }
}
