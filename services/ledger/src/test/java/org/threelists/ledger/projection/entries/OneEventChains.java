package org.threelists.ledger.projection.entries;

import io.agroal.api.AgroalDataSource;
import org.threelists.ledger.domain.LedgerEntry;
import org.threelists.ledger.projection.entries.ChainStore.Head;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.List;

import static org.threelists.ledger.projection.entries.ChainStore.ENTRY_COLUMNS;

/**
 * One event's writes, as main wrote them before {@code BatchRecording} became its only write path: test sources only,
 * for the reference {@code LedgerRecording} (services/ledger/README.md, "Exactly once and rebuild"). Main writes {@code ledger_entry}, {@code chain_head} and {@code applied_event}
 * only with {@link ChainStore}'s batch methods; these single-row statements are what the batch is held equal to.
 */
public class OneEventChains {

    private final AgroalDataSource dataSource;

    public OneEventChains(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Records that {@code eventId} was applied to {@code generation}; false when it was already, so nothing is done twice. */
    public boolean markApplied(int generation, String eventId, int partition, long offset) {
        try (Connection c = dataSource.getConnection(); PreparedStatement insert = c.prepareStatement("INSERT INTO "
                + "applied_event (generation, event_id, kafka_partition, kafka_offset) VALUES (?, ?, ?, ?) "
                + "ON CONFLICT DO NOTHING")) {
            insert.setInt(1, generation);
            insert.setString(2, eventId);
            insert.setInt(3, partition);
            insert.setLong(4, offset);
            return insert.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot mark " + eventId + " applied", e);
        }
    }

    /** The head of a partition's chain, locked until the transaction ends so that appends to it are serialised. */
    public Head lockHead(int generation, int partition) {
        try (Connection c = dataSource.getConnection(); PreparedStatement q = c.prepareStatement(
                "SELECT seq, hash FROM chain_head WHERE generation = ? AND kafka_partition = ? FOR UPDATE")) {
            q.setInt(1, generation);
            q.setInt(2, partition);
            try (ResultSet rs = q.executeQuery()) {
                return rs.next() ? new Head(rs.getLong(1), rs.getString(2)) : new Head(0, LedgerEntry.GENESIS);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the head of chain " + partition, e);
        }
    }

    /** Appends entries already chained after the partition's head, and moves the head to the last of them. */
    public void append(int generation, int partition, long offset, List<LedgerEntry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        LedgerEntry last = entries.get(entries.size() - 1);
        try (Connection c = dataSource.getConnection()) {
            insert(c, generation, offset, entries);
            moveHead(c, generation, partition, last.seq(), last.hash());
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot append to chain " + partition, e);
        }
    }

    public static void insert(Connection c, int generation, long offset, List<LedgerEntry> entries) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO ledger_entry (generation, kafka_offset, "
                + ENTRY_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (LedgerEntry e : entries) {
                int i = 1;
                insert.setInt(i++, generation);
                insert.setLong(i++, offset);
                insert.setString(i++, e.entryId());
                insert.setInt(i++, e.partition());
                insert.setLong(i++, e.seq());
                insert.setString(i++, e.kind().name());
                insert.setString(i++, e.eventId());
                insert.setString(i++, e.projectId());
                insert.setString(i++, e.streetCode());
                insert.setString(i++, e.communityCode());
                insert.setString(i++, e.category());
                insert.setDate(i++, Date.valueOf(e.date()));
                insert.setString(i++, e.place());
                insert.setString(i++, e.unitId());
                insert.setString(i++, e.volunteerId());
                insert.setBigDecimal(i++, e.hours());
                if (e.residentsServed() == null) {
                    insert.setNull(i++, Types.INTEGER);
                } else {
                    insert.setInt(i++, e.residentsServed());
                }
                insert.setString(i++, e.resourceId());
                insert.setString(i++, e.claimId());
                insert.setBigDecimal(i++, e.amount());
                insert.setString(i++, e.demandIds());
                insert.setString(i++, e.notes());
                insert.setString(i++, e.recordedBy());
                insert.setTimestamp(i++, Timestamp.from(e.recordedAt()));
                insert.setString(i++, e.prevHash());
                insert.setString(i++, e.hash());
                insert.setString(i++, e.origin().name());
                insert.setString(i++, e.groupId());
                insert.setString(i, e.mode());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    public static void moveHead(Connection c, int generation, int partition, long seq, String hash) throws SQLException {
        try (PreparedStatement upsert = c.prepareStatement("INSERT INTO chain_head (generation, kafka_partition, seq, hash) "
                + "VALUES (?, ?, ?, ?) ON CONFLICT (generation, kafka_partition) DO UPDATE SET seq = EXCLUDED.seq, "
                + "hash = EXCLUDED.hash")) {
            upsert.setInt(1, generation);
            upsert.setInt(2, partition);
            upsert.setLong(3, seq);
            upsert.setString(4, hash);
            upsert.executeUpdate();
        }
    }
}
