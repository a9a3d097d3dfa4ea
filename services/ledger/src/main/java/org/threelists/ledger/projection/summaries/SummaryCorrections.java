package org.threelists.ledger.projection.summaries;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.threelists.ledger.projection.Figures;
import org.threelists.ledger.projection.Pipeline;
import org.threelists.ledger.projection.entries.Generations;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * What arrived for a month after its summary went to the municipal platform: a delivery dated in the month, or the
 * community's confirmation of one (only confirmed hours count, see the module README). The summary that was sent
 * never changes; these are listed for the desk, who reports the difference as a correction. Live, "after" means
 * applied once the summary was recorded ({@link After#SUMMARY_RECORDED}); a replay goes by the events' own time and
 * by what the live generation has not recorded ({@link After#EVENT_TIME}). The notes are not a generation's: a
 * rebuild adds to them and keeps those made live. The only writer of {@code summary_correction_needed}.
 */
@ApplicationScoped
public class SummaryCorrections {

    @Schema(name = "CorrectionNeededReason")
    public enum Reason { DELIVERED_AFTER_SUMMARY, CONFIRMED_AFTER_SUMMARY }

    @Schema(name = "CorrectionNeeded", description = "Something that arrived for a month after its summary was sent")
    public record Needed(String summaryId, String month, Reason reason, String projectId, String deliveryEventId,
            LocalDate deliveryDate, BigDecimal hours, Instant notedAt) {
    }

    private final AgroalDataSource dataSource;

    public SummaryCorrections(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The live generation has not recorded the event {@code l.event_id} (a replay's test, {@link After#EVENT_TIME}). */
    public static final String UNRECORDED_LIVE = "NOT EXISTS (SELECT 1 FROM applied_event a WHERE a.generation = ("
            + Generations.CURRENT + ") AND a.event_id = l.event_id)";

    /** How a batch tells that an event came after a month's summary. */
    public enum After {
        /**
         * The live path: the summary is recorded. Its submission holds the generation lock exclusively from reading
         * its figures until it is recorded, and every application holds it shared, so an event applied live either is
         * in the figures or finds the summary here, whatever time the event carries (a consumer that was behind, a
         * relay restarted).
         */
        SUMMARY_RECORDED,
        /**
         * A replay (a rebuild), which finds every summary recorded already: the event's own time against the
         * summary's; and, whatever its time, an event the live generation has not recorded (its consumer was behind):
         * the summary's figures, read from the live generation, cannot hold it, and once the rebuild's generation is
         * current the live consumer finds it applied and notes nothing.
         */
        EVENT_TIME
    }

    /** An event of a rebuild's batch that may come after a summary of its project's month, for {@link #noteAllLate}. */
    public record Late(String eventId, Instant eventTime, String projectId, int partition, long offset, Reason reason) {
    }

    /**
     * Notes a rebuild's batch of deliveries and confirmations in one statement per reason, after the batch's entries
     * were appended: what one event at a time would note for each. A confirmation concerns the project's
     * deliveries recorded before it, which are those not later in its partition (a project's events share a partition).
     */
    public void noteAllLate(int generation, List<Late> events, After after) {
        Pipeline pipeline = new Pipeline();
        noteAllLate(pipeline, generation, events, after);
        try (Connection c = dataSource.getConnection()) {
            pipeline.execute(c);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot note the corrections needed for " + events.size() + " events", e);
        }
    }

    /** {@link #noteAllLate}'s statements, added to {@code pipeline} (a live poll's). */
    public void noteAllLate(Pipeline pipeline, int generation, List<Late> events, After after) {
        for (Reason reason : Reason.values()) {
            List<Late> late = events.stream().filter(e -> e.reason() == reason).toList();
            if (late.isEmpty()) {
                continue;
            }
            String which = reason == Reason.DELIVERED_AFTER_SUMMARY ? "d.event_id = l.event_id"
                    : "NOT (d.kafka_partition = l.kafka_partition AND d.kafka_offset > l.kafka_offset)";
            pipeline.add("INSERT INTO "
                    + "summary_correction_needed (event_id, delivery_id, reason, summary_id, street_code, month, project_id, "
                    + "entry_date, hours, noted_at) SELECT l.event_id, d.event_id, ?, s.summary_id, d.street_code, s.month, "
                    + "d.project_id, d.entry_date, COALESCE((SELECT SUM(h.hours) FROM ledger_entry h WHERE h.generation = "
                    + "d.generation AND h.event_id = d.event_id AND h.kind = 'HOURS'), 0), l.at::timestamptz "
                    + "FROM unnest(?::varchar[], ?::varchar[], ?::varchar[], ?::integer[], ?::bigint[]) "
                    + "AS l(event_id, at, project_id, kafka_partition, kafka_offset) "
                    + "JOIN ledger_entry d ON d.generation = ? AND d.project_id = l.project_id AND d.kind = 'DELIVERY' AND "
                    + which + " JOIN municipal_summary s ON s.street_code = d.street_code "
                    + "AND s.month = to_char(d.entry_date, 'YYYY-MM') "
                    + (after == After.EVENT_TIME ? "AND (s.submitted_at < l.at::timestamptz OR " + UNRECORDED_LIVE + ") " : "")
                    + "ON CONFLICT DO NOTHING", List.of(reason.name(),
                    Pipeline.array("varchar", late.stream().map(Late::eventId).toArray()),
                    Pipeline.array("varchar", late.stream().map(e -> e.eventTime().toString()).toArray()),
                    Pipeline.array("varchar", late.stream().map(Late::projectId).toArray()),
                    Pipeline.array("integer", late.stream().map(Late::partition).toArray()),
                    Pipeline.array("bigint", late.stream().map(Late::offset).toArray()), generation));
        }
    }

    public List<Needed> list(String street) {
        try (Connection c = dataSource.getConnection(); PreparedStatement q = c.prepareStatement("SELECT summary_id, month, "
                + "reason, project_id, delivery_id, entry_date, hours, noted_at FROM summary_correction_needed "
                + "WHERE street_code = ? ORDER BY month, noted_at, delivery_id, reason")) {
            q.setString(1, street);
            List<Needed> out = new ArrayList<>();
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    out.add(new Needed(rs.getString(1), rs.getString(2), Reason.valueOf(rs.getString(3)), rs.getString(4),
                            rs.getString(5), rs.getObject(6, LocalDate.class), Figures.plain(rs.getBigDecimal(7)),
                            rs.getObject(8, OffsetDateTime.class).toInstant()));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot list the corrections needed", e);
        }
    }
}
