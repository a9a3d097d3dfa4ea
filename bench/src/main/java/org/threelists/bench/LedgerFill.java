package org.threelists.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.threelists.contracts.Category;

import java.io.StringReader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Fills the ledger's own tables (created by its Flyway migration) with generated entries, in its current generation,
 * as its projection would have written them: deliveries of 1 to 4 volunteers (one DELIVERY entry and one HOURS entry
 * per volunteer), dated over 2025–2026, spread over the directory's streets and communities, every category, 40 units
 * per street and 5,000 volunteers; each entry chained by hash to the previous one of its chain exactly as
 * {@code LedgerEntry.chainedAfter} does (the canonical JSON of its content, SHA-256), so the ledger's verification
 * holds. Nine projects in ten are confirmed by their community; the roll-ups are filled as the projection keeps them. The chains are partitions {@value #FIRST_PARTITION}… (12 of them), which project-list.events.v1 does not
 * have, so the live chains (partitions 0–2) are left as they are. Written with COPY, in batches.
 */
final class LedgerFill {

    static final int FIRST_PARTITION = 1000;
    static final int CHAINS = 12;
    static final String GENESIS = "0".repeat(64);
    private static final ObjectMapper CANONICAL = new ObjectMapper();
    private static final int BATCH = 50_000;

    private final Map<String, List<String>> communitiesByStreet;

    LedgerFill(Map<String, List<String>> communitiesByStreet) {
        this.communitiesByStreet = communitiesByStreet;
    }

    static String unit(String street, int n) {
        return "unit-fill-" + street + "-" + n;
    }

    /** Fills about {@code target} entries; returns the entries written. */
    long fill(Connection c, int generation, long target, long seed) throws SQLException {
        Random random = new Random(seed);
        String[] streets = communitiesByStreet.keySet().toArray(String[]::new);
        Category[] categories = Category.values();
        String[] volunteers = new String[5000];
        Arrays.setAll(volunteers, i -> UUID.nameUUIDFromBytes(("bench-volunteer-" + i).getBytes(StandardCharsets.UTF_8)).toString());
        long[] seq = new long[CHAINS];
        String[] heads = new String[CHAINS];
        Arrays.fill(heads, GENESIS);
        Instant recordedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        long count = 0;
        long offset = 0;
        StringBuilder rows = new StringBuilder(BATCH * 400);
        StringBuilder projects = new StringBuilder();
        int inBatch = 0;
        while (count < target) {
            int chain = random.nextInt(CHAINS);
            String event = UUID.randomUUID().toString();
            String street = streets[random.nextInt(streets.length)];
            List<String> communities = communitiesByStreet.get(street);
            String community = communities.get(random.nextInt(communities.size()));
            String category = categories[random.nextInt(categories.length)].name();
            LocalDate date = LocalDate.of(2025, 1, 1).plusDays(random.nextInt(730));
            String project = UUID.randomUUID().toString();
            String unit = unit(street, random.nextInt(40));
            String demand = UUID.randomUUID().toString();
            int n = 1 + random.nextInt(4);
            offset++;
            // nine projects in ten confirmed by their community: only their hours count in the reports
            if (random.nextInt(10) != 0) {
                projects.append(project).append('\t').append(street).append('\t').append(community).append('\t')
                        .append(category).append('\t').append(recordedAt).append("\tbench\n");
            }
            for (int i = 0; i <= n; i++) {
                boolean delivery = i == 0;
                Entry e = new Entry(UUID.nameUUIDFromBytes((event + "/" + i).getBytes(StandardCharsets.UTF_8)).toString(),
                        FIRST_PARTITION + chain, ++seq[chain], delivery ? "DELIVERY" : "HOURS", event, project, street,
                        community, category, date, "社区党群服务中心", delivery ? null : unit,
                        delivery ? null : volunteers[random.nextInt(volunteers.length)],
                        delivery ? null : BigDecimal.valueOf(2 + random.nextInt(15), 1).setScale(2, RoundingMode.HALF_UP),
                        delivery ? Integer.valueOf(1 + random.nextInt(30)) : null, demand, delivery ? "压测生成" : null,
                        "bench", recordedAt);
                String hash = e.hash(heads[chain]);
                row(rows, generation, offset, e, heads[chain], hash);
                heads[chain] = hash;
                count++;
                inBatch++;
            }
            if (inBatch >= BATCH || count >= target) {
                copyIn(copy, "ledger_entry (generation, kafka_offset, entry_id, kafka_partition, seq, kind, event_id, "
                        + "project_id, street_code, community_code, category, entry_date, place, unit_id, volunteer_id, "
                        + "hours, residents_served, resource_id, claim_id, amount, demand_ids, notes, recorded_by, "
                        + "recorded_at, prev_hash, hash)", rows);
                copyIn(copy, "project (project_id, street_code, community_code, category, completed_at, confirmed_by)",
                        projects);
                rows.setLength(0);
                projects.setLength(0);
                inBatch = 0;
            }
        }
        try (PreparedStatement head = c.prepareStatement("INSERT INTO chain_head (generation, kafka_partition, seq, hash) "
                + "VALUES (?, ?, ?, ?) ON CONFLICT (generation, kafka_partition) DO UPDATE SET seq = EXCLUDED.seq, hash = EXCLUDED.hash")) {
            for (int chain = 0; chain < CHAINS; chain++) {
                if (seq[chain] > 0) {
                    head.setInt(1, generation);
                    head.setInt(2, FIRST_PARTITION + chain);
                    head.setLong(3, seq[chain]);
                    head.setString(4, heads[chain]);
                    head.addBatch();
                }
            }
            head.executeBatch();
        }
        rollUp(c, generation);
        c.commit();
        c.setAutoCommit(autoCommit);
        return count;
    }

    private static void copyIn(CopyManager copy, String table, StringBuilder rows) throws SQLException {
        try {
            copy.copyIn("COPY " + table + " FROM STDIN", new StringReader(rows.toString()));
        } catch (java.io.IOException e) {
            throw new SQLException("COPY into " + table + " failed", e);
        }
    }

    /**
     * The roll-ups of the filled entries, as the ledger's projection keeps them: the same three groupings as its
     * {@code LedgerRollups} (and its V3 migration), over the fill's chains, added to the rows already there.
     */
    private static void rollUp(Connection c, int generation) throws SQLException {
        String filter = "x.generation = " + generation + " AND x.kafka_partition >= " + FIRST_PARTITION;
        String confirmed = "EXISTS (SELECT 1 FROM project p WHERE p.project_id = x.project_id AND p.completed_at IS NOT NULL)";
        String addRollup = " ON CONFLICT (generation, street_code, entry_date, unit_id, community_code, category, confirmed) "
                + "DO UPDATE SET hours = r.hours + EXCLUDED.hours, services = r.services + EXCLUDED.services, "
                + "residents_served = r.residents_served + EXCLUDED.residents_served, entries = r.entries + EXCLUDED.entries";
        try (Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO ledger_rollup AS r (generation, street_code, entry_date, unit_id, community_code, "
                    + "category, confirmed, hours, services, residents_served, entries) SELECT x.generation, x.street_code, "
                    + "x.entry_date, '', x.community_code, x.category, " + confirmed + ", COALESCE(SUM(x.hours) FILTER "
                    + "(WHERE x.kind = 'HOURS'), 0), COUNT(*) FILTER (WHERE x.kind = 'DELIVERY'), "
                    + "COALESCE(SUM(x.residents_served) FILTER (WHERE x.kind = 'DELIVERY'), 0), COUNT(*) FROM ledger_entry x "
                    + "WHERE " + filter + " GROUP BY 1, 2, 3, 4, 5, 6, 7" + addRollup);
            s.executeUpdate("INSERT INTO ledger_rollup AS r (generation, street_code, entry_date, unit_id, community_code, "
                    + "category, confirmed, hours, services, residents_served, entries) SELECT u.generation, u.street_code, "
                    + "u.entry_date, u.unit_id, u.community_code, u.category, u.confirmed, SUM(u.hours), COUNT(*), "
                    + "COALESCE(SUM(d.residents_served), 0), SUM(u.entries) FROM (SELECT x.generation, x.event_id, "
                    + "x.street_code, x.entry_date, x.unit_id, x.community_code, x.category, " + confirmed + " AS confirmed, "
                    + "COALESCE(SUM(x.hours) FILTER (WHERE x.kind = 'HOURS'), 0) AS hours, COUNT(*) AS entries FROM "
                    + "ledger_entry x WHERE " + filter + " AND x.unit_id IS NOT NULL AND x.unit_id <> '' "
                    + "GROUP BY 1, 2, 3, 4, 5, 6, 7, 8) u LEFT JOIN ledger_entry d ON d.generation = u.generation "
                    + "AND d.event_id = u.event_id AND d.kind = 'DELIVERY' GROUP BY 1, 2, 3, 4, 5, 6, 7" + addRollup);
            s.executeUpdate("INSERT INTO ledger_participation AS r (generation, street_code, entry_date, unit_id, "
                    + "volunteer_id, community_code, category, project_id, confirmed, hours, entries) SELECT x.generation, "
                    + "x.street_code, x.entry_date, x.unit_id, COALESCE(x.volunteer_id, ''), x.community_code, x.category, "
                    + "x.project_id, " + confirmed + ", COALESCE(SUM(x.hours) FILTER (WHERE x.kind = 'HOURS'), 0), "
                    + "COUNT(*) FROM ledger_entry x WHERE " + filter + " AND x.unit_id IS NOT NULL AND x.unit_id <> '' "
                    + "GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9 ON CONFLICT (generation, street_code, entry_date, unit_id, "
                    + "volunteer_id, community_code, category, project_id, confirmed) DO UPDATE SET hours = r.hours + "
                    + "EXCLUDED.hours, entries = r.entries + EXCLUDED.entries");
            spans(s, generation, filter, confirmed);
        }
    }

    /**
     * The year and month roll-ups per dimension (the ledger's V5__span_rollups.sql, V6 and {@code SpanRollups}, the same
     * groupings), added to the rows already there; the distinct volunteers of every span row of the generation are
     * then counted afresh from the per-volunteer rows.
     */
    private static void spans(Statement s, int generation, String filter, String confirmed) throws SQLException {
        String key = "generation, street_code, span, span_start, dim, dim_value, confirmed";
        String spans = " CROSS JOIN LATERAL (VALUES ('YEAR', date_trunc('year', %1$s.entry_date)::date), "
                + "('MONTH', date_trunc('month', %1$s.entry_date)::date)) s (span, span_start)";
        String add = " ON CONFLICT (" + key + ") DO UPDATE SET hours = r.hours + EXCLUDED.hours, services = r.services + "
                + "EXCLUDED.services, residents_served = r.residents_served + EXCLUDED.residents_served, "
                + "entries = r.entries + EXCLUDED.entries";
        s.executeUpdate("INSERT INTO ledger_rollup_span AS r SELECT x.generation, x.street_code, s.span, s.span_start, "
                + "d.dim, d.dim_value, " + confirmed + ", COALESCE(SUM(x.hours) FILTER (WHERE x.kind = 'HOURS'), 0), "
                + "COUNT(*) FILTER (WHERE x.kind = 'DELIVERY'), COALESCE(SUM(x.residents_served) FILTER (WHERE x.kind = "
                + "'DELIVERY'), 0), COUNT(*), 0 FROM ledger_entry x" + spans.formatted("x") + " CROSS JOIN LATERAL (VALUES "
                + "('STREET', x.street_code), ('COMMUNITY', x.community_code), ('CATEGORY', x.category)) d (dim, dim_value) "
                + "WHERE " + filter + " GROUP BY 1, 2, 3, 4, 5, 6, 7" + add);
        s.executeUpdate("INSERT INTO ledger_rollup_span AS r SELECT u.generation, u.street_code, s.span, s.span_start, "
                + "'UNIT', u.unit_id, u.confirmed, SUM(u.hours), COUNT(*), COALESCE(SUM(d.residents_served), 0), "
                + "SUM(u.entries), 0 FROM (SELECT x.generation, x.event_id, x.street_code, x.entry_date, x.unit_id, "
                + confirmed + " AS confirmed, COALESCE(SUM(x.hours) FILTER (WHERE x.kind = 'HOURS'), 0) AS hours, "
                + "COUNT(*) AS entries FROM ledger_entry x WHERE " + filter + " AND x.unit_id IS NOT NULL AND x.unit_id <> '' "
                + "GROUP BY 1, 2, 3, 4, 5, 6) u LEFT JOIN ledger_entry d ON d.generation = u.generation AND d.event_id = "
                + "u.event_id AND d.kind = 'DELIVERY'" + spans.formatted("u") + " GROUP BY 1, 2, 3, 4, 5, 6, 7" + add);
        // keyed by the span row's key hashed as the ledger's SpanRollups.rowKey and V6 hash it
        String rowKey = "md5(concat_ws('|', %1$s.street_code, %1$s.span, %1$s.span_start, %1$s.dim, %1$s.dim_value, "
                + "%1$s.confirmed))::uuid";
        // a confirmed year row's volunteers keep their days of the year (the ledger's V8__year_volunteer_days.sql)
        s.executeUpdate("INSERT INTO ledger_rollup_span_volunteer AS r (generation, row_key, volunteer_id, entries, days) "
                + "SELECT g.generation, " + rowKey.formatted("g") + ", g.volunteer_id, g.n, CASE WHEN g.confirmed AND "
                + "g.span = 'YEAR' THEN g.days END FROM (SELECT x.generation, x.street_code, s.span, s.span_start, d.dim, "
                + "d.dim_value, " + confirmed + " AS confirmed, x.volunteer_id, COUNT(*) AS n, bit_or(set_bit("
                + "B'0'::bit(366), extract(doy FROM x.entry_date)::int - 1, 1)) AS days FROM ledger_entry x"
                + spans.formatted("x") + " CROSS JOIN LATERAL (VALUES ('STREET', x.street_code), ('COMMUNITY', "
                + "x.community_code), ('CATEGORY', x.category), ('UNIT', NULLIF(x.unit_id, ''))) d (dim, dim_value) "
                + "WHERE " + filter + " AND x.volunteer_id IS NOT NULL AND COALESCE(x.unit_id, '') <> '' "
                + "AND d.dim_value IS NOT NULL GROUP BY 1, 2, 3, 4, 5, 6, 7, 8) g ON CONFLICT (generation, row_key, "
                + "volunteer_id) DO UPDATE SET entries = r.entries + EXCLUDED.entries, days = r.days | EXCLUDED.days");
        s.executeUpdate("UPDATE ledger_rollup_span r SET volunteers = v.n FROM (SELECT generation, row_key, COUNT(*) AS n "
                + "FROM ledger_rollup_span_volunteer WHERE entries > 0 AND generation = " + generation + " GROUP BY 1, 2) v "
                + "WHERE r.generation = v.generation AND " + rowKey.formatted("r") + " = v.row_key");
    }

    private static void row(StringBuilder out, int generation, long offset, Entry e, String prev, String hash) {
        out.append(generation).append('\t').append(offset).append('\t').append(e.entryId).append('\t').append(e.partition)
                .append('\t').append(e.seq).append('\t').append(e.kind).append('\t').append(e.eventId).append('\t')
                .append(e.projectId).append('\t').append(e.street).append('\t').append(e.community).append('\t')
                .append(e.category).append('\t').append(e.date).append('\t').append(e.place).append('\t')
                .append(nullable(e.unitId)).append('\t').append(nullable(e.volunteerId)).append('\t')
                .append(e.hours == null ? "\\N" : e.hours.toPlainString()).append('\t').append(nullable(e.residents))
                .append("\t\\N\t\\N\t\\N\t").append(e.demandIds).append('\t').append(nullable(e.notes)).append('\t')
                .append(e.recordedBy).append('\t').append(e.recordedAt).append('\t').append(prev).append('\t').append(hash)
                .append('\n');
    }

    private static String nullable(Object value) {
        return value == null ? "\\N" : value.toString();
    }

    /**
     * The fields of a ledger entry that its hash covers (no resource, claim or amount: those are PLEDGE entries',
     * which the fill does not generate).
     */
    record Entry(String entryId, int partition, long seq, String kind, String eventId, String projectId, String street,
                 String community, String category, LocalDate date, String place, String unitId, String volunteerId,
                 BigDecimal hours, Integer residents, String demandIds, String notes, String recordedBy, Instant recordedAt) {

        /**
         * SHA-256 over the previous hash, a newline and the canonical JSON of the content: an object of strings, keys
         * in code-point order, absent fields left out, numbers in plain notation without trailing zeros (the ledger's
         * {@code LedgerEntry.content()} and {@code Canonical}).
         */
        String hash(String previous) {
            Map<String, String> content = new TreeMap<>();
            content.put("entryId", entryId);
            content.put("partition", Integer.toString(partition));
            content.put("seq", Long.toString(seq));
            content.put("kind", kind);
            content.put("eventId", eventId);
            content.put("projectId", projectId);
            content.put("streetCode", street);
            content.put("communityCode", community);
            content.put("category", category);
            content.put("date", date.toString());
            content.put("place", place);
            put(content, "unitId", unitId);
            put(content, "volunteerId", volunteerId);
            put(content, "hours", hours == null ? null : plain(hours));
            put(content, "residentsServed", residents);
            content.put("demandIds", demandIds);
            put(content, "notes", notes);
            content.put("recordedBy", recordedBy);
            content.put("recordedAt", recordedAt.toString());
            try {
                return sha256(previous + "\n" + CANONICAL.writeValueAsString(content));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static void put(Map<String, String> content, String key, Object value) {
        if (value != null) {
            content.put(key, value.toString());
        }
    }

    static String plain(BigDecimal number) {
        return number.signum() == 0 ? "0" : number.stripTrailingZeros().toPlainString();
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Recomputes, with this class's hashing, the hash of up to {@code limit} entries the ledger service itself wrote
     * (DELIVERY and HOURS entries of partitions below {@link #FIRST_PARTITION}); returns how many were checked, and
     * fails if one differs — so the fill is known to chain entries exactly as the service does.
     */
    static int checkAgainstService(Connection c, int generation, int limit) throws SQLException {
        int checked = 0;
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT * FROM ledger_entry WHERE generation = "
                + generation + " AND kafka_partition < " + FIRST_PARTITION + " AND kind IN ('DELIVERY', 'HOURS') LIMIT " + limit)) {
            while (rs.next()) {
                int residents = rs.getInt("residents_served");
                Integer residentsServed = rs.wasNull() ? null : residents;
                Entry e = new Entry(rs.getString("entry_id"), rs.getInt("kafka_partition"), rs.getLong("seq"), rs.getString("kind"),
                        rs.getString("event_id"), rs.getString("project_id"), rs.getString("street_code"),
                        rs.getString("community_code"), rs.getString("category"), rs.getObject("entry_date", LocalDate.class),
                        rs.getString("place"), rs.getString("unit_id"), rs.getString("volunteer_id"), rs.getBigDecimal("hours"),
                        residentsServed, rs.getString("demand_ids"), rs.getString("notes"),
                        rs.getString("recorded_by"), rs.getObject("recorded_at", OffsetDateTime.class).toInstant());
                if (!e.hash(rs.getString("prev_hash")).equals(rs.getString("hash"))) {
                    throw new IllegalStateException("the bench hashes ledger entries differently from the ledger service: entry "
                            + e.entryId() + " (update LedgerFill.Entry.hash to LedgerEntry.content())");
                }
                checked++;
            }
        }
        return checked;
    }
}
