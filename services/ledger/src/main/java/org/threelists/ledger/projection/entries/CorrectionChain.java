package org.threelists.ledger.projection.entries;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import org.threelists.ledger.domain.LedgerCorrection;
import org.threelists.ledger.domain.LedgerEntry;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The corrections chain ({@code ledger_correction}, its only writer): corrections made at the desk, in the order they
 * were made, hashed like the entries. They belong to no generation, so a rebuild keeps them.
 */
@ApplicationScoped
public class CorrectionChain {

    private final AgroalDataSource dataSource;

    CorrectionChain(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Holds corrections off until the transaction ends: one under way is waited for, and none is appended meanwhile.
     * SHARE conflicts with the SHARE ROW EXCLUSIVE an append takes, not with itself, so statements being issued do
     * not wait for each other (services/ledger/README.md, "Hour statements").
     */
    public void holdOff() {
        try (Connection c = dataSource.getConnection(); PreparedStatement lock = c.prepareStatement(
                "LOCK TABLE ledger_correction IN SHARE MODE")) {
            lock.execute();
        } catch (SQLException ex) {
            throw new IllegalStateException("Cannot hold the corrections off", ex);
        }
    }

    /** Appends a correction of {@code stored} to the chain; serialised by a lock on the table. */
    public LedgerCorrection append(StoredEntry stored, BigDecimal hours, String reason, String actor, Instant at) {
        LedgerEntry e = stored.entry();
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement lock = c.prepareStatement("LOCK TABLE ledger_correction IN SHARE ROW EXCLUSIVE MODE")) {
                lock.execute();
            }
            long seq = 1;
            String previous = LedgerEntry.GENESIS;
            try (PreparedStatement q = c.prepareStatement("SELECT seq, hash FROM ledger_correction ORDER BY seq DESC LIMIT 1");
                 ResultSet rs = q.executeQuery()) {
                if (rs.next()) {
                    seq = rs.getLong(1) + 1;
                    previous = rs.getString(2);
                }
            }
            List<LedgerCorrection> before = of(c, e.entryId());
            BigDecimal inForce = before.isEmpty() ? e.hours() : before.get(before.size() - 1).hours();
            LedgerCorrection correction = new LedgerCorrection(seq, UUID.randomUUID().toString(), e.entryId(),
                    hours, hours.subtract(inForce), reason, actor, at, null, null).chainedAfter(previous);
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO ledger_correction (seq, correction_id, "
                    + "entry_id, hours, delta, reason, corrected_by, corrected_at, street_code, community_code, category, "
                    + "entry_date, unit_id, volunteer_id, event_id, project_id, prev_hash, hash, origin) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                int i = 1;
                insert.setLong(i++, correction.seq());
                insert.setString(i++, correction.correctionId());
                insert.setString(i++, correction.entryId());
                insert.setBigDecimal(i++, correction.hours());
                insert.setBigDecimal(i++, correction.delta());
                insert.setString(i++, correction.reason());
                insert.setString(i++, correction.correctedBy());
                insert.setTimestamp(i++, Timestamp.from(correction.correctedAt()));
                insert.setString(i++, e.streetCode());
                insert.setString(i++, e.communityCode());
                insert.setString(i++, e.category());
                insert.setDate(i++, Date.valueOf(e.date()));
                insert.setString(i++, e.unitId());
                insert.setString(i++, e.volunteerId());
                insert.setString(i++, e.eventId());
                insert.setString(i++, e.projectId());
                insert.setString(i++, correction.prevHash());
                insert.setString(i++, correction.hash());
                insert.setString(i, e.origin().name());
                insert.executeUpdate();
            }
            return correction;
        } catch (SQLException ex) {
            throw new IllegalStateException("Cannot record the correction of " + e.entryId(), ex);
        }
    }

    /** The corrections of one entry, oldest first. */
    static List<LedgerCorrection> of(Connection c, String entryId) throws SQLException {
        try (PreparedStatement q = c.prepareStatement("SELECT * FROM ledger_correction WHERE entry_id = ? ORDER BY seq")) {
            q.setString(1, entryId);
            List<LedgerCorrection> out = new ArrayList<>();
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    out.add(correction(rs));
                }
            }
            return out;
        }
    }

    /** A correction as stored, read from a row of ledger_correction. */
    public static LedgerCorrection correction(ResultSet rs) throws SQLException {
        return new LedgerCorrection(rs.getLong("seq"), rs.getString("correction_id"), rs.getString("entry_id"),
                rs.getBigDecimal("hours"), rs.getBigDecimal("delta"), rs.getString("reason"), rs.getString("corrected_by"),
                rs.getObject("corrected_at", OffsetDateTime.class).toInstant(), rs.getString("prev_hash"),
                rs.getString("hash"));
    }
}
