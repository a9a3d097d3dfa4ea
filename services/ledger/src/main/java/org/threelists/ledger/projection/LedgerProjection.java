package org.threelists.ledger.projection;

import com.fasterxml.jackson.databind.JsonNode;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import org.threelists.ledger.domain.LedgerEntry;
import org.threelists.ledger.domain.LedgerEntry.Kind;
import org.threelists.platform.inbox.InboundEvent;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Turns project-list.events.v1 into ledger entries and the project facts reports need. Runs inside the caller's
 * transaction (the inbox's, or a rebuild batch's). An event id already applied in the generation changes nothing.
 *
 * <p>A delivery gives, in this order: its DELIVERY entry, one HOURS entry per volunteer in the report's order, one
 * PLEDGE entry per consumption in the event's order; entry ids are derived from the event id and the position, so
 * every rebuild gives the same ids, and corrections made at the desk keep pointing at the right entries.
 */
@ApplicationScoped
public class LedgerProjection {

    /** Taken shared by every application of an event, exclusively by a rebuild making its generation current. */
    static final long GENERATION_LOCK = 0x1ed6e7L;

    private final AgroalDataSource dataSource;

    LedgerProjection(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The current generation, holding the shared lock until the transaction ends so it cannot change meanwhile. */
    public int lockCurrentGeneration() {
        try (Connection c = dataSource.getConnection(); PreparedStatement lock = c.prepareStatement(
                "SELECT pg_advisory_xact_lock_shared(?)")) {
            lock.setLong(1, GENERATION_LOCK);
            lock.execute();
            return currentGeneration(c);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the current generation", e);
        }
    }

    static int currentGeneration(Connection c) throws SQLException {
        try (PreparedStatement q = c.prepareStatement("SELECT generation FROM ledger_generation WHERE status = 'CURRENT'");
             ResultSet rs = q.executeQuery()) {
            if (!rs.next()) {
                throw new IllegalStateException("No current ledger generation");
            }
            return rs.getInt(1);
        }
    }

    /** Applies one event of partition {@code partition} at {@code offset} to {@code generation}. */
    public void apply(int generation, InboundEvent event, int partition, long offset) {
        try (Connection c = dataSource.getConnection()) {
            if (!markApplied(c, generation, event.id(), partition, offset)) {
                return;
            }
            JsonNode d = event.data();
            switch (event.name()) {
                case "project.proposed" -> upsertProject(c, d.path("projectId").asText(), d.path("title").asText(null),
                        d.path("streetCode").asText(), d.path("communityCode").asText(), d.path("category").asText());
                case "project.published" -> upsertProject(c, d.path("projectId").asText(), null,
                        d.path("streetCode").asText(), d.path("communityCode").asText(), d.path("category").asText());
                case "project.claimed" -> claimed(c, d);
                case "project.delivered" -> delivered(c, generation, event, partition, offset);
                case "project.completed" -> {
                    completed(c, event);
                    SummaryCorrections.noteLate(c, generation, event, d.path("projectId").asText(),
                            SummaryCorrections.Reason.CONFIRMED_AFTER_SUMMARY);
                }
                case "project.rated" -> rated(c, event);
                default -> {
                    // claims in flight, schedules, cancellations, escalations: nothing to record
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot apply " + event.type() + " " + event.id(), e);
        }
    }

    private static boolean markApplied(Connection c, int generation, String eventId, int partition, long offset)
            throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO applied_event (generation, event_id, "
                + "kafka_partition, kafka_offset) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING")) {
            insert.setInt(1, generation);
            insert.setString(2, eventId);
            insert.setInt(3, partition);
            insert.setLong(4, offset);
            return insert.executeUpdate() == 1;
        }
    }

    private static void upsertProject(Connection c, String projectId, String title, String street, String community,
            String category) throws SQLException {
        try (PreparedStatement upsert = c.prepareStatement("INSERT INTO project (project_id, title, street_code, "
                + "community_code, category) VALUES (?, ?, ?, ?, ?) ON CONFLICT (project_id) DO UPDATE SET "
                + "title = COALESCE(EXCLUDED.title, project.title), street_code = EXCLUDED.street_code, "
                + "community_code = EXCLUDED.community_code, category = EXCLUDED.category")) {
            upsert.setString(1, projectId);
            upsert.setString(2, title);
            upsert.setString(3, street);
            upsert.setString(4, community);
            upsert.setString(5, category);
            upsert.executeUpdate();
        }
    }

    private static void claimed(Connection c, JsonNode d) throws SQLException {
        String projectId = d.path("projectId").asText();
        upsertProject(c, projectId, null, d.path("streetCode").asText(), d.path("communityCode").asText(),
                d.path("category").asText());
        try (PreparedStatement upsert = c.prepareStatement("INSERT INTO project_holder (claim_id, project_id, unit_id, "
                + "resource_id, amount) VALUES (?, ?, ?, ?, ?) ON CONFLICT (claim_id) DO NOTHING")) {
            for (JsonNode holder : d.path("holders")) {
                upsert.setString(1, holder.path("claimId").asText());
                upsert.setString(2, projectId);
                upsert.setString(3, holder.path("unitId").asText());
                upsert.setString(4, holder.path("resourceId").asText());
                upsert.setBigDecimal(5, holder.path("amount").decimalValue());
                upsert.addBatch();
            }
            upsert.executeBatch();
        }
    }

    private static void completed(Connection c, InboundEvent event) throws SQLException {
        try (PreparedStatement upsert = c.prepareStatement("INSERT INTO project (project_id, completed_at, confirmed_by) "
                + "VALUES (?, ?, ?) ON CONFLICT (project_id) DO UPDATE SET completed_at = EXCLUDED.completed_at, "
                + "confirmed_by = EXCLUDED.confirmed_by")) {
            upsert.setString(1, event.data().path("projectId").asText());
            upsert.setTimestamp(2, Timestamp.from(event.time()));
            upsert.setString(3, event.data().path("confirmedBy").asText());
            upsert.executeUpdate();
        }
    }

    private static void rated(Connection c, InboundEvent event) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO project_rating (event_id, project_id, demand_id, "
                + "score, rated_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")) {
            insert.setString(1, event.id());
            insert.setString(2, event.data().path("projectId").asText());
            insert.setString(3, event.data().path("demandId").asText());
            insert.setInt(4, event.data().path("score").asInt());
            insert.setTimestamp(5, Timestamp.from(event.time()));
            insert.executeUpdate();
        }
    }

    private void delivered(Connection c, int generation, InboundEvent event, int partition, long offset) throws SQLException {
        JsonNode d = event.data();
        String projectId = d.path("projectId").asText();
        upsertProject(c, projectId, null, d.path("streetCode").asText(), d.path("communityCode").asText(),
                d.path("category").asText());
        JsonNode report = d.path("report");
        List<String> demands = new ArrayList<>();
        d.path("demandIds").forEach(id -> demands.add(id.asText()));
        String demandIds = String.join(",", demands);
        LocalDate date = LocalDate.parse(report.path("date").asText());
        String place = report.path("place").asText();
        String notes = report.hasNonNull("notes") ? report.path("notes").asText() : null;
        String actor = d.path("actor").asText();

        List<Draft> drafts = new ArrayList<>();
        drafts.add(new Draft(Kind.DELIVERY, null, null, null, report.path("residentsServed").asInt(), null, null, null));
        for (JsonNode v : report.path("volunteers")) {
            drafts.add(new Draft(Kind.HOURS, v.path("unitId").asText(), v.path("volunteerId").asText(),
                    v.path("hours").decimalValue(), null, null, null, null));
            rememberMaskedName(c, v);
        }
        for (JsonNode p : d.path("consumptions")) {
            drafts.add(new Draft(Kind.PLEDGE, p.path("unitId").asText(), null, null, null, p.path("resourceId").asText(),
                    p.path("claimId").asText(), p.path("amount").decimalValue()));
        }

        Head head = head(c, generation, partition);
        long seq = head.seq;
        String previous = head.hash;
        List<LedgerEntry> entries = new ArrayList<>();
        for (int i = 0; i < drafts.size(); i++) {
            Draft x = drafts.get(i);
            String entryId = UUID.nameUUIDFromBytes((event.id() + "/" + i).getBytes(StandardCharsets.UTF_8)).toString();
            LedgerEntry entry = new LedgerEntry(entryId, partition, ++seq, x.kind, event.id(), projectId,
                    d.path("streetCode").asText(), d.path("communityCode").asText(), d.path("category").asText(), date,
                    place, x.unitId, x.volunteerId, x.hours, x.residents, x.resourceId, x.claimId, x.amount, demandIds,
                    x.kind == Kind.DELIVERY ? notes : null, actor, event.time(), null, null).chainedAfter(previous);
            previous = entry.hash();
            entries.add(entry);
        }
        LedgerStore.insert(c, generation, offset, entries);
        LedgerStore.moveHead(c, generation, partition, seq, previous);
        SummaryCorrections.noteLate(c, generation, event, projectId, SummaryCorrections.Reason.DELIVERED_AFTER_SUMMARY);
    }

    /** A masked name the delivery report carries fills a gap; it never overrides resource-list, nor an erasure. */
    private static void rememberMaskedName(Connection c, JsonNode v) throws SQLException {
        if (!v.hasNonNull("maskedName")) {
            return;
        }
        try (PreparedStatement upsert = c.prepareStatement("INSERT INTO volunteer (volunteer_id, masked_name) VALUES (?, ?) "
                + "ON CONFLICT (volunteer_id) DO UPDATE SET masked_name = EXCLUDED.masked_name "
                + "WHERE volunteer.masked_name IS NULL AND volunteer.erased_at IS NULL")) {
            upsert.setString(1, v.path("volunteerId").asText());
            upsert.setString(2, v.path("maskedName").asText());
            upsert.executeUpdate();
        }
    }

    record Head(long seq, String hash) {
    }

    static Head head(Connection c, int generation, int partition) throws SQLException {
        try (PreparedStatement q = c.prepareStatement(
                "SELECT seq, hash FROM chain_head WHERE generation = ? AND kafka_partition = ? FOR UPDATE")) {
            q.setInt(1, generation);
            q.setInt(2, partition);
            try (ResultSet rs = q.executeQuery()) {
                return rs.next() ? new Head(rs.getLong(1), rs.getString(2)) : new Head(0, LedgerEntry.GENESIS);
            }
        }
    }

    private record Draft(Kind kind, String unitId, String volunteerId, BigDecimal hours, Integer residents,
            String resourceId, String claimId, BigDecimal amount) {
    }
}
