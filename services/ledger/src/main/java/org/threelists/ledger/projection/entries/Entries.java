package org.threelists.ledger.projection.entries;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import org.threelists.ledger.domain.LedgerEntry;
import org.threelists.ledger.domain.LedgerEntry.Kind;
import org.threelists.ledger.projection.Sql;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The current generation's entries as the API lists them, each with its corrections. */
@ApplicationScoped
public class Entries {

    /** Which entries to list; null means any. {@code project} finds a project's entries, {@code slip} a slip's. */
    public record EntryFilter(String street, String unit, String volunteer, String project, String slip, Kind kind,
            LocalDate from, LocalDate to) {
    }

    public record EntryPage(List<StoredEntry> items, long total) {
    }

    private final AgroalDataSource dataSource;
    private final Generations generations;

    Entries(AgroalDataSource dataSource, Generations generations) {
        this.dataSource = dataSource;
        this.generations = generations;
    }

    /** An entry of the current generation, with the hours in force after its corrections. */
    public Optional<StoredEntry> find(String entryId) {
        try (Connection c = dataSource.getConnection(); PreparedStatement q = c.prepareStatement("SELECT "
                + ChainStore.ENTRY_COLUMNS + " FROM ledger_entry WHERE generation = (SELECT generation FROM "
                + "ledger_generation WHERE status = 'CURRENT') AND entry_id = ?")) {
            q.setString(1, entryId);
            try (ResultSet rs = q.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                LedgerEntry entry = ChainStore.entry(rs);
                return Optional.of(new StoredEntry(entry, CorrectionChain.of(c, entryId),
                        confirmations(c, List.of(entry)).get(entry.projectId())));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The confirmations of the projects of these entries (a slip's entry has none: its closing counts it). */
    private static Map<String, StoredEntry.Confirmed> confirmations(Connection c, List<LedgerEntry> entries)
            throws SQLException {
        Object[] projects = entries.stream().filter(e -> e.origin() == LedgerEntry.Origin.PROJECT)
                .map(LedgerEntry::projectId).distinct().toArray();
        Map<String, StoredEntry.Confirmed> confirmed = new HashMap<>();
        if (projects.length == 0) {
            return confirmed;
        }
        try (PreparedStatement q = c.prepareStatement("SELECT project_id, completed_at, confirmed_by, confirmed_on_behalf "
                + "FROM project WHERE project_id = ANY (?) AND completed_at IS NOT NULL")) {
            q.setArray(1, c.createArrayOf("varchar", projects));
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    confirmed.put(rs.getString(1), new StoredEntry.Confirmed(rs.getObject(2, OffsetDateTime.class)
                            .toInstant(), rs.getString(3), rs.getBoolean(4)));
                }
            }
        }
        return confirmed;
    }

    public EntryPage list(EntryFilter f, int page, int size) {
        StringBuilder where = new StringBuilder(" FROM ledger_entry e WHERE e.generation = ?");
        List<Object> params = new ArrayList<>();
        params.add(generations.current());
        Sql.clause(where, params, f.street(), " AND e.street_code = ?");
        Sql.clause(where, params, f.unit(), " AND e.unit_id = ?");
        Sql.clause(where, params, f.volunteer(), " AND e.volunteer_id = ?");
        Sql.clause(where, params, f.project(), " AND e.project_id = ? AND e.origin = 'PROJECT'");
        Sql.clause(where, params, f.slip(), " AND e.project_id = ? AND e.origin = 'SLIP'");
        Sql.clause(where, params, f.kind() == null ? null : f.kind().name(), " AND e.kind = ?");
        Sql.clause(where, params, f.from() == null ? null : Date.valueOf(f.from()), " AND e.entry_date >= ?");
        Sql.clause(where, params, f.to() == null ? null : Date.valueOf(f.to()), " AND e.entry_date <= ?");
        try (Connection c = dataSource.getConnection()) {
            long total;
            try (PreparedStatement q = c.prepareStatement("SELECT count(*)" + where)) {
                Sql.bind(q, params);
                try (ResultSet rs = q.executeQuery()) {
                    rs.next();
                    total = rs.getLong(1);
                }
            }
            if (total <= (long) page * size) {
                // nothing on this page: a reader waiting for a project's entries asks this many times over
                // (bench/README.md, "Ledger: the delivery's hop")
                return new EntryPage(List.of(), total);
            }
            List<LedgerEntry> entries = new ArrayList<>();
            try (PreparedStatement q = c.prepareStatement("SELECT " + ChainStore.ENTRY_COLUMNS + where
                    + " ORDER BY e.entry_date, e.kafka_partition, e.seq LIMIT ? OFFSET ?")) {
                List<Object> all = new ArrayList<>(params);
                all.add(size);
                all.add((long) page * size);
                Sql.bind(q, all);
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        entries.add(ChainStore.entry(rs));
                    }
                }
            }
            Map<String, StoredEntry.Confirmed> confirmed = confirmations(c, entries);
            List<StoredEntry> items = new ArrayList<>();
            for (LedgerEntry entry : entries) {
                items.add(new StoredEntry(entry, CorrectionChain.of(c, entry.entryId()), confirmed.get(entry.projectId())));
            }
            return new EntryPage(items, total);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
