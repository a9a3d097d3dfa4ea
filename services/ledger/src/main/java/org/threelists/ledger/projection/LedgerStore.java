package org.threelists.ledger.projection;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import org.threelists.ledger.domain.LedgerCorrection;
import org.threelists.ledger.domain.LedgerEntry;
import org.threelists.ledger.domain.LedgerEntry.Kind;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The entries and corrections as stored. Entries are only ever inserted (never updated or deleted); the chain heads and
 * the generations are pointers that move.
 */
@ApplicationScoped
public class LedgerStore {

    static final String ENTRY_COLUMNS = "entry_id, kafka_partition, seq, kind, event_id, project_id, street_code, "
            + "community_code, category, entry_date, place, unit_id, volunteer_id, hours, residents_served, resource_id, "
            + "claim_id, amount, demand_ids, notes, recorded_by, recorded_at, prev_hash, hash";

    private final AgroalDataSource dataSource;

    LedgerStore(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    static void insert(Connection c, int generation, long offset, List<LedgerEntry> entries) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO ledger_entry (generation, kafka_offset, "
                + ENTRY_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
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
                insert.setString(i, e.hash());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    static void moveHead(Connection c, int generation, int partition, long seq, String hash) throws SQLException {
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

    static LedgerEntry entry(ResultSet rs) throws SQLException {
        int residents = rs.getInt("residents_served");
        Integer residentsServed = rs.wasNull() ? null : residents;
        return new LedgerEntry(rs.getString("entry_id"), rs.getInt("kafka_partition"), rs.getLong("seq"),
                Kind.valueOf(rs.getString("kind")), rs.getString("event_id"), rs.getString("project_id"),
                rs.getString("street_code"), rs.getString("community_code"), rs.getString("category"),
                rs.getObject("entry_date", LocalDate.class), rs.getString("place"), rs.getString("unit_id"),
                rs.getString("volunteer_id"), rs.getBigDecimal("hours"), residentsServed, rs.getString("resource_id"),
                rs.getString("claim_id"), rs.getBigDecimal("amount"), rs.getString("demand_ids"), rs.getString("notes"),
                rs.getString("recorded_by"), rs.getObject("recorded_at", OffsetDateTime.class).toInstant(),
                rs.getString("prev_hash"), rs.getString("hash"));
    }

    static LedgerCorrection correction(ResultSet rs) throws SQLException {
        return new LedgerCorrection(rs.getLong("seq"), rs.getString("correction_id"), rs.getString("entry_id"),
                rs.getBigDecimal("hours"), rs.getBigDecimal("delta"), rs.getString("reason"), rs.getString("corrected_by"),
                rs.getObject("corrected_at", OffsetDateTime.class).toInstant(), rs.getString("prev_hash"),
                rs.getString("hash"));
    }

    public int currentGeneration() {
        try (Connection c = dataSource.getConnection()) {
            return LedgerProjection.currentGeneration(c);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An entry of the current generation, with the hours in force after its corrections. */
    public Optional<StoredEntry> find(String entryId) {
        try (Connection c = dataSource.getConnection(); PreparedStatement q = c.prepareStatement("SELECT " + ENTRY_COLUMNS
                + " FROM ledger_entry WHERE generation = (SELECT generation FROM ledger_generation WHERE status = 'CURRENT') "
                + "AND entry_id = ?")) {
            q.setString(1, entryId);
            try (ResultSet rs = q.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                LedgerEntry entry = entry(rs);
                return Optional.of(new StoredEntry(entry, corrections(c, entryId)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<LedgerCorrection> corrections(Connection c, String entryId) throws SQLException {
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

    /** An entry and its corrections, oldest first. */
    public record StoredEntry(LedgerEntry entry, List<LedgerCorrection> corrections) {
        public BigDecimal hoursInForce() {
            return corrections.isEmpty() ? entry.hours() : corrections.get(corrections.size() - 1).hours();
        }
    }

    /** Filters of an entry listing; null means any. */
    public record EntryFilter(String street, String unit, String volunteer, String project, Kind kind, LocalDate from,
            LocalDate to) {
    }

    public record EntryPage(List<StoredEntry> items, long total) {
    }

    public EntryPage list(EntryFilter f, int page, int size) {
        StringBuilder where = new StringBuilder(" FROM ledger_entry e WHERE e.generation = ?");
        List<Object> params = new ArrayList<>();
        params.add(currentGeneration());
        clause(where, params, f.street(), " AND e.street_code = ?");
        clause(where, params, f.unit(), " AND e.unit_id = ?");
        clause(where, params, f.volunteer(), " AND e.volunteer_id = ?");
        clause(where, params, f.project(), " AND e.project_id = ?");
        clause(where, params, f.kind() == null ? null : f.kind().name(), " AND e.kind = ?");
        clause(where, params, f.from() == null ? null : Date.valueOf(f.from()), " AND e.entry_date >= ?");
        clause(where, params, f.to() == null ? null : Date.valueOf(f.to()), " AND e.entry_date <= ?");
        try (Connection c = dataSource.getConnection()) {
            long total;
            try (PreparedStatement q = c.prepareStatement("SELECT count(*)" + where)) {
                bind(q, params);
                try (ResultSet rs = q.executeQuery()) {
                    rs.next();
                    total = rs.getLong(1);
                }
            }
            List<StoredEntry> items = new ArrayList<>();
            try (PreparedStatement q = c.prepareStatement("SELECT " + ENTRY_COLUMNS + where
                    + " ORDER BY e.entry_date, e.kafka_partition, e.seq LIMIT ? OFFSET ?")) {
                List<Object> all = new ArrayList<>(params);
                all.add(size);
                all.add((long) page * size);
                bind(q, all);
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        LedgerEntry entry = entry(rs);
                        items.add(new StoredEntry(entry, List.of()));
                    }
                }
            }
            List<StoredEntry> withCorrections = new ArrayList<>();
            for (StoredEntry item : items) {
                withCorrections.add(new StoredEntry(item.entry(), corrections(c, item.entry().entryId())));
            }
            return new EntryPage(withCorrections, total);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static void clause(StringBuilder where, List<Object> params, Object value, String sql) {
        if (value != null) {
            where.append(sql);
            params.add(value);
        }
    }

    static void bind(PreparedStatement q, List<Object> params) throws SQLException {
        for (int i = 0; i < params.size(); i++) {
            q.setObject(i + 1, params.get(i));
        }
    }

    /** Appends a correction of {@code entry} to the corrections chain; serialised by a lock on the table. */
    public LedgerCorrection correct(StoredEntry stored, BigDecimal hours, String reason, String actor, Instant at) {
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
            List<LedgerCorrection> before = corrections(c, e.entryId());
            BigDecimal inForce = before.isEmpty() ? e.hours() : before.get(before.size() - 1).hours();
            LedgerCorrection correction = new LedgerCorrection(seq, java.util.UUID.randomUUID().toString(), e.entryId(),
                    hours, hours.subtract(inForce), reason, actor, at, null, null).chainedAfter(previous);
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO ledger_correction (seq, correction_id, "
                    + "entry_id, hours, delta, reason, corrected_by, corrected_at, street_code, community_code, category, "
                    + "entry_date, unit_id, volunteer_id, event_id, project_id, prev_hash, hash) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
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
                insert.setString(i, correction.hash());
                insert.executeUpdate();
            }
            return correction;
        } catch (SQLException ex) {
            throw new IllegalStateException("Cannot record the correction of " + e.entryId(), ex);
        }
    }
}
