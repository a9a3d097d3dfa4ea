package org.threelists.ledger.projection;

import org.threelists.devkit.Processes;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.stream.Stream;

/**
 * The CPU time this JVM and a PostgreSQL server (its postmaster and every backend) have used so far, from Linux's
 * {@code /proc} ({@link Processes#cpuTicks}): what a benchmark's phase costs in CPU, not only in wall time. Backends
 * that ended meanwhile are not counted (the benchmark's connections stay open through a phase).
 */
final class ProcessCpu {

    private final ProcessHandle postmaster;

    private ProcessCpu(ProcessHandle postmaster) {
        this.postmaster = postmaster;
    }

    /** The server {@code c} is connected to, found as its backend's parent. */
    static ProcessCpu of(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT pg_backend_pid()")) {
            rs.next();
            long backend = rs.getLong(1);
            return new ProcessCpu(ProcessHandle.of(backend).flatMap(ProcessHandle::parent)
                    .orElseThrow(() -> new IllegalStateException("No parent of PostgreSQL backend " + backend)));
        }
    }

    /** CPU milliseconds so far: this JVM's, then the server's. */
    long[] millis() {
        long server = Stream.concat(Stream.of(postmaster), postmaster.children())
                .mapToLong(p -> Math.max(0, Processes.cpuTicks(p.pid()))).sum();
        return new long[] {millis(Processes.cpuTicks(ProcessHandle.current().pid())), millis(server)};
    }

    private static long millis(long ticks) {
        return ticks * 1000 / Processes.CPU_TICKS_PER_SECOND;
    }
}
