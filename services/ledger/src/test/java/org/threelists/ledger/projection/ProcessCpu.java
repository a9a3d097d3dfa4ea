package org.threelists.ledger.projection;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.stream.Stream;

/**
 * The CPU time this JVM and a PostgreSQL server (its postmaster and every backend) have used so far, from Linux's
 * {@code /proc}: what a benchmark's phase costs in CPU, not only in wall time. Backends that ended meanwhile are not
 * counted (the benchmark's connections stay open through a phase).
 */
final class ProcessCpu {

    /** Clock ticks per second: 100 on Linux on every platform the benchmarks run on. */
    private static final long TICKS = 100;

    private final long postmaster;

    private ProcessCpu(long postmaster) {
        this.postmaster = postmaster;
    }

    /** The server {@code c} is connected to, found through its backend's parent. */
    static ProcessCpu of(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT pg_backend_pid()")) {
            rs.next();
            return new ProcessCpu(stat(rs.getLong(1))[0]);
        }
    }

    /** CPU milliseconds so far: this JVM's, then the server's. */
    long[] millis() {
        long server = 0;
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            for (Path p : procs.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit)).toList()) {
                long pid = Long.parseLong(p.getFileName().toString());
                long[] st = stat(pid);
                if (pid == postmaster || st[0] == postmaster) {
                    server += st[1];
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read /proc", e);
        }
        return new long[] {stat(ProcessHandle.current().pid())[1] * 1000 / TICKS, server * 1000 / TICKS};
    }

    /** A process's parent and its user + system clock ticks; zeros when it is gone. */
    private static long[] stat(long pid) {
        try {
            String st = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] f = st.substring(st.lastIndexOf(')') + 2).split(" ");
            return new long[] {Long.parseLong(f[1]), Long.parseLong(f[11]) + Long.parseLong(f[12])};
        } catch (IOException | RuntimeException e) {
            return new long[] {0, 0};
        }
    }
}
