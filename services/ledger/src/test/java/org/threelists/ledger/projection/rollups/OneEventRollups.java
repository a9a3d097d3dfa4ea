package org.threelists.ledger.projection.rollups;

import io.agroal.api.AgroalDataSource;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * One event's writes, as main wrote them before {@code BatchRecording} became its only write path: test sources only,
 * for the reference {@code LedgerRecording} (services/ledger/README.md, "Exactly once and rebuild"). Main writes the roll-ups
 * only with {@link LedgerRollups}'s batch methods; these single-row statements are what the batch is held equal to.
 * Here the deliveries' figures are grouped in SQL from the entries just written; main groups them in memory
 * ({@code LedgerRollups.deliveredEntries}).
 */
public class OneEventRollups {

    private final AgroalDataSource dataSource;

    public OneEventRollups(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Adds deliveries' entries, just appended to {@code generation} (one delivery live, a batch of them in a rebuild).
     * The caller holds the projects' rows (it upserted them), so a confirmation of one of them in another transaction
     * is either seen here or sees these entries.
     */
    public void delivered(int generation, List<String> eventIds) {
        if (eventIds.isEmpty()) {
            return;
        }
        try (Connection c = dataSource.getConnection()) {
            LedgerRollups.add(c, "x.generation = ? AND x.event_id = ANY (?)",
                    List.of(generation, c.createArrayOf("varchar", eventIds.toArray())), LedgerRollups.CONFIRMED_NOW, 1);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot roll up deliveries " + eventIds, e);
        }
    }
}
