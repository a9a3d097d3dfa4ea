package org.threelists.bench;

import org.threelists.devkit.Processes;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * CPU time from /proc (Linux): the whole machine's busy time, and the time of named groups of processes (the service
 * under load, PostgreSQL's server processes, the broker, this benchmark's own JVM as the client). Whatever busy time
 * no group explains is "other": the relay's consumers elsewhere, other builds on a shared machine.
 */
final class CpuMeter {

    /** The unit of the times in /proc/<pid>/stat and /proc/stat ({@link Processes#CPU_TICKS_PER_SECOND}). */
    private static final double MS_PER_TICK = 1000.0 / Processes.CPU_TICKS_PER_SECOND;

    /** Group name → the pids of that group right now (re-read at each sample: PostgreSQL forks backends). */
    private final Map<String, Supplier<List<Long>>> groups;

    CpuMeter(Map<String, Supplier<List<Long>>> groups) {
        this.groups = groups;
    }

    record Sample(long busyTicks, long allTicks, Map<String, Map<Long, Long>> ticksByPid) {
    }

    /**
     * CPU milliseconds per operation, per group and for the rest of the machine; {@code busyPercent} is the machine's
     * busy share of all its cores over the window.
     */
    record Usage(Map<String, Double> msPerOp, double otherMsPerOp, double busyPercent) {
    }

    Sample sample() {
        long[] machine = machineTicks();
        Map<String, Map<Long, Long>> byGroup = new LinkedHashMap<>();
        groups.forEach((name, pids) -> {
            Map<Long, Long> ticks = new LinkedHashMap<>();
            for (long pid : pids.get()) {
                long t = Processes.cpuTicks(pid);
                if (t >= 0) {
                    ticks.put(pid, t);
                }
            }
            byGroup.put(name, ticks);
        });
        return new Sample(machine[0], machine[1], byGroup);
    }

    Usage usage(Sample before, Sample after, long ops) {
        double perOp = ops == 0 ? 0 : MS_PER_TICK / ops;
        Map<String, Double> msPerOp = new LinkedHashMap<>();
        long explained = 0;
        for (String group : groups.keySet()) {
            long delta = 0;
            Map<Long, Long> start = before.ticksByPid().getOrDefault(group, Map.of());
            for (Map.Entry<Long, Long> end : after.ticksByPid().getOrDefault(group, Map.of()).entrySet()) {
                // a process born inside the window counts from zero
                delta += end.getValue() - start.getOrDefault(end.getKey(), 0L);
            }
            explained += delta;
            msPerOp.put(group, round(delta * perOp));
        }
        long busy = after.busyTicks() - before.busyTicks();
        long all = after.allTicks() - before.allTicks();
        return new Usage(msPerOp, round(Math.max(0, busy - explained) * perOp), all == 0 ? 0 : round(100.0 * busy / all));
    }

    /** [busy, all] ticks of all cores, from the first line of /proc/stat. */
    static long[] machineTicks() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long all = 0;
            for (int i = 1; i < Math.min(f.length, 9); i++) { // user nice system idle iowait irq softirq steal
                all += Long.parseLong(f[i]);
            }
            long idle = Long.parseLong(f[4]) + Long.parseLong(f[5]);
            return new long[] {all - idle, all};
        } catch (IOException | RuntimeException e) {
            return new long[] {0, 0};
        }
    }

    /** A line such as VmRSS of /proc/<pid>/status, in MiB, or -1. */
    static double statusMiB(long pid, String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith(field + ":")) {
                    return round(Long.parseLong(line.substring(field.length() + 1).replace("kB", "").trim()) / 1024.0);
                }
            }
        } catch (IOException | RuntimeException e) {
            // gone
        }
        return -1;
    }

    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException | RuntimeException e) {
            return "?";
        }
    }

    static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
