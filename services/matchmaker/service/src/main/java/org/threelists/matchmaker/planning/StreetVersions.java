package org.threelists.matchmaker.planning;

import org.threelists.platform.projection.jdbc.Jdbc;

/**
 * The street's plan version ({@code street_plan}): one row per street whose lock serialises the street's proposal
 * writes across threads and replicas, and whose count says how often the street changed under that lock. A plan kept
 * in memory (services/matchmaker/service/README.md, "Re-planning") is good only while the count is the one it saw.
 */
final class StreetVersions {

    private StreetVersions() {
    }

    /** Takes the street's lock until the transaction ends and counts one change; the count after it. */
    static long lockAndCount(String street) {
        return Jdbc.first("INSERT INTO street_plan (street_code, version)"
                + " VALUES (?, 1) ON CONFLICT (street_code) DO UPDATE SET version = street_plan.version + 1"
                + " RETURNING version", row -> row.getLong(1), street);
    }

    /** The street's count as committed now; 0 before its first change. */
    static long current(String street) {
        Long found = Jdbc.first("SELECT version FROM street_plan WHERE street_code = ?", row -> row.getLong(1), street);
        return found == null ? 0 : found;
    }
}
