package org.threelists.matchmaker.matching.model;

import java.lang.management.ManagementFactory;

/**
 * Progress on stderr when {@code -Dmatching.trace=true}: where a solve spends its time, as wall time and as the CPU
 * time of the whole process, every thread (the second stays meaningful on a machine shared with other work).
 */
public final class Trace {

    private static final boolean ON = Boolean.getBoolean("matching.trace");
    private static final long T0 = System.nanoTime();
    private static final com.sun.management.OperatingSystemMXBean PROCESS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private Trace() {
    }

    /** Whether tracing is on (for figures that cost something to compute). */
    public static boolean on() {
        return ON;
    }

    /** The CPU time of the calling thread, nanoseconds (0 when tracing is off: it costs a system call). */
    public static long threadCpu() {
        return ON ? ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() : 0;
    }

    public static void log(String format, Object... args) {
        if (ON) {
            System.err.printf("[matching %6d ms, process cpu %6d ms] %s%n", (System.nanoTime() - T0) / 1_000_000,
                    PROCESS.getProcessCpuTime() / 1_000_000, String.format(format, args));
        }
    }
}
