package org.threelists.testing.fuzz;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** The service's state as the fuzzers compare it: row counts of the tables a refused request must leave alone. */
public final class RowCounts {

    private RowCounts() {
    }

    /**
     * A supplier of "label=count" from one counting query, for state that background work of the service changes
     * too (deadlines firing for other tests' projects): count only what a refused request could have written.
     */
    public static Supplier<String> query(DataSource dataSource, String label, String countingSql) {
        return () -> {
            try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                 ResultSet rows = s.executeQuery(countingSql)) {
                rows.next();
                return label + '=' + rows.getLong(1);
            } catch (SQLException e) {
                throw new IllegalStateException("Cannot count " + label, e);
            }
        };
    }

    /** A supplier of "table=rows, …" for the given tables, read through the service's own data source. */
    public static Supplier<String> of(DataSource dataSource, String... tables) {
        List<String> names = List.of(tables);
        return () -> {
            StringBuilder counts = new StringBuilder();
            try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
                for (String table : names) {
                    try (ResultSet rows = s.executeQuery("SELECT count(*) FROM " + table)) {
                        rows.next();
                        counts.append(table).append('=').append(rows.getLong(1)).append(' ');
                    }
                }
            } catch (SQLException e) {
                throw new IllegalStateException("Cannot count " + names, e);
            }
            return counts.toString().trim();
        };
    }

    /** Each label's count from its counting query, in the order given, read through the service's own data source. */
    public static Map<String, Long> counts(DataSource dataSource, Map<String, String> countingSqlByLabel) {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            for (var query : countingSqlByLabel.entrySet()) {
                try (ResultSet rows = s.executeQuery(query.getValue())) {
                    rows.next();
                    counts.put(query.getKey(), rows.getLong(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot count " + countingSqlByLabel.keySet(), e);
        }
        return counts;
    }
}
