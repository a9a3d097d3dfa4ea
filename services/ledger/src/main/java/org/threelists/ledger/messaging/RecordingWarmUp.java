package org.threelists.ledger.messaging;

import io.agroal.api.AgroalDataSource;
import io.quarkus.vertx.http.HttpServerStart;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.ObservesAsync;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.threelists.platform.inbox.Inbox;
import org.threelists.platform.inbox.InvalidMessageException;
import org.threelists.platform.json.Json;
import org.threelists.platform.relay.CloudEvent;
import org.threelists.platform.warmup.WarmUps;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Runs the live recording path once at start, on a delivery nobody made, in a transaction that is rolled back: the
 * first real delivery after a start then finds the code loaded, the event schema compiled and the statements known,
 * instead of paying for them (0.8–4.5 s on a busy machine, the p99 of a short run: bench/README.md, "Ledger: the
 * delivery's hop, pipelined"). It goes the way a poll of one delivery goes ({@code InboundConsumer}): the inbox row,
 * then {@link ProjectListEventsHandler#handle}. Its chain is one no topic has (partition numbers start at 0) and its
 * street, community, unit and volunteer are its own, so it shares no row lock with a real delivery; the rollback
 * leaves nothing behind ({@code RecordingWarmUpTest}). It runs once the HTTP server has started, off the event loop and
 * the start's path: a delivery that comes meanwhile is recorded as without it.
 */
@ApplicationScoped
public class RecordingWarmUp {

    private static final Logger LOG = Logger.getLogger(RecordingWarmUp.class);

    /** The warm-up's own place: no street or community has this code. */
    static final String PLACE = "ledger-warm-up";
    /** The warm-up's own unit: no unit has this id. */
    static final String UNIT = "unit-ledger-warm-up";
    /** A chain no topic has. */
    static final int PARTITION = Integer.MAX_VALUE;

    /** What the warm-up saw inside its transaction, before the rollback: the entries it wrote. */
    public record Outcome(String eventId, String projectId, String volunteerId, long entriesWritten) {
    }

    private final ProjectListEventsHandler handler;
    private final Inbox inbox;
    private final AgroalDataSource dataSource;
    private final boolean enabled;

    RecordingWarmUp(ProjectListEventsHandler handler, Inbox inbox, AgroalDataSource dataSource,
            @ConfigProperty(name = "threelists.ledger.warm-up", defaultValue = "true") boolean enabled) {
        this.handler = handler;
        this.inbox = inbox;
        this.dataSource = dataSource;
        this.enabled = enabled;
    }

    /** Once the service can answer, off the event loop and off the start's path ({@link WarmUps}). */
    void onServerStart(@ObservesAsync HttpServerStart started) {
        if (enabled) {
            WarmUps.timed(LOG, "Recording path", () -> warm().entriesWritten() + " entries written and rolled back");
        }
    }

    /** One synthetic delivery recorded and rolled back. */
    public Outcome warm() {
        String projectId = UUID.randomUUID().toString();
        String eventId = UUID.randomUUID().toString();
        String volunteerId = UUID.randomUUID().toString();
        ConsumerRecord<String, byte[]> record = new ConsumerRecord<>(Topics.PROJECT_EVENTS, PARTITION, 0, projectId,
                delivered(eventId, projectId, volunteerId));
        long written = WarmUps.rolledBack(() -> {
            try {
                if (inbox.record(handler.consumerGroup(), handler.messageId(record), record, Inbox.Outcome.PROCESSED)) {
                    handler.handle(record);
                }
                return entriesOf(projectId);
            } catch (InvalidMessageException e) {
                throw new IllegalStateException("The warm-up's delivery does not follow the schema", e);
            }
        });
        return new Outcome(eventId, projectId, volunteerId, written);
    }

    private long entriesOf(String projectId) {
        try (Connection c = dataSource.getConnection(); PreparedStatement q = c.prepareStatement(
                "SELECT count(*) FROM ledger_entry WHERE project_id = ?")) {
            q.setString(1, projectId);
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A project.delivered.v1 as the matchmaker sends it: one volunteer's hours, one pledge. */
    private static byte[] delivered(String eventId, String projectId, String volunteerId) {
        Map<String, Object> volunteer = new LinkedHashMap<>();
        volunteer.put("volunteerId", volunteerId);
        volunteer.put("unitId", UNIT);
        volunteer.put("maskedName", "预*");
        volunteer.put("hours", 1);
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("date", LocalDate.now().toString());
        report.put("place", PLACE);
        report.put("volunteers", List.of(volunteer));
        report.put("residentsServed", 1);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("projectId", projectId);
        data.put("streetCode", PLACE);
        data.put("communityCode", PLACE);
        data.put("category", "OTHER");
        data.put("demandIds", List.of(UUID.randomUUID().toString()));
        data.put("report", report);
        data.put("consumptions", List.of(Map.of("claimId", UUID.randomUUID().toString(), "unitId", UNIT,
                "resourceId", UUID.randomUUID().toString(), "amount", 1)));
        data.put("actor", PLACE);
        try {
            return Json.mapper().writeValueAsBytes(CloudEvent.of(eventId, "/threelists/matchmaker",
                    "threelists.project.delivered.v1", projectId, Instant.now(), data));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

}
