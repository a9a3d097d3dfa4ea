package org.threelists.bench;

import org.threelists.localstack.LocalStack;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;

/** Wall-clock instants (time stamps the services store) on the scale of this JVM's {@link System#nanoTime()}. */
final class Clock {

    /** epoch nanoseconds − nanoTime, taken once: the services run on this machine, so one offset serves all. */
    private static final long OFFSET;

    static {
        long best = Long.MAX_VALUE;
        long offset = 0;
        for (int i = 0; i < 5; i++) {
            long before = System.nanoTime();
            Instant now = Instant.now();
            long after = System.nanoTime();
            if (after - before < best) {
                best = after - before;
                offset = now.getEpochSecond() * 1_000_000_000L + now.getNano() - (before + after) / 2;
            }
        }
        OFFSET = offset;
    }

    private Clock() {
    }

    static long toNano(Instant instant) {
        return instant.getEpochSecond() * 1_000_000_000L + instant.getNano() - OFFSET;
    }

    /** The matchmaker's last event-store position now (events after it belong to what follows). */
    static long matchmakerStorePosition(LocalStack stack) throws SQLException {
        try (Connection c = DriverManager.getConnection(stack.jdbcUrl("matchmaker"), stack.databaseUser(), stack.databasePassword());
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT coalesce(max(global_index), 0) FROM domain_event_entry")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
