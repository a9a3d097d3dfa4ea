package org.threelists.ledger.projection.summaries;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.threelists.ledger.projection.Figures;
import org.threelists.ledger.projection.Pipeline;
import org.threelists.ledger.projection.entries.Generations;
import org.threelists.ledger.projection.projects.Confirmation;

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
 * What arrived for a month after its summary went to the municipal platform: a delivery dated in the month, the
 * community's confirmation of one (only confirmed hours count, see the module README), or the desk's correction of
 * hours that counted in it. The summary that was sent
 * never changes; these are listed for the desk, who reports the difference as a correction. Live, "after" means
 * applied once the summary was recorded ({@link After#SUMMARY_RECORDED}); a replay goes by the events' own time and
 * by what the live generation has not recorded ({@link After#EVENT_TIME}). The notes are not a generation's: a
 * rebuild adds to them and keeps those made live. The only writer of {@code summary_correction_needed}.
 */
@ApplicationScoped
public class SummaryCorrections {

    @Schema(name = "CorrectionNeededReason")
    public enum Reason { DELIVERED_AFTER_SUMMARY, CONFIRMED_AFTER_SUMMARY, CORRECTED_AFTER_SUMMARY }

    @Schema(name = "CorrectionNeeded", description = "Something that arrived for a month after its summary was sent; "
            + "hours: what the delivery or confirmation adds, or, for CORRECTED_AFTER_SUMMARY, the correction's change "
            + "(negative when hours were taken off)")
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

    /**
     * The hours in force of the delivery {@code d}: its volunteers' entries with the desk's corrections made before
     * (each correction made once the delivery counted in a month already sent is noted on its own,
     * {@link #noteCorrection}).
     */
    static final String HOURS_IN_FORCE = "COALESCE((SELECT SUM(h.hours) FROM ledger_entry h WHERE h.generation = "
            + "d.generation AND h.event_id = d.event_id AND h.kind = 'HOURS'), 0) + COALESCE((SELECT SUM(c.delta) "
            + "FROM ledger_correction c WHERE c.event_id = d.event_id), 0)";

    /**
     * Notes the desk's correction {@code correctionId} when its entry's month was sent already and the entry counted
     * in it (a slip's, or its project confirmed): the summary's figures held the hours before it. The hours noted are
     * the correction's change. A correction of an entry not yet confirmed is not noted: the confirmation is, with the
     * hours in force. Called in the correction's transaction, which holds the generation lock shared, as an event's
     * application does, so a summary's figures either hold the correction or it is noted.
     */
    public void noteCorrection(String correctionId) {
        try (Connection c = dataSource.getConnection(); PreparedStatement insert = c.prepareStatement("INSERT INTO "
                + "summary_correction_needed (event_id, delivery_id, reason, summary_id, street_code, month, project_id, "
                + "entry_date, hours, noted_at) SELECT x.correction_id, x.event_id, ?, s.summary_id, x.street_code, "
                + "s.month, x.project_id, x.entry_date, x.delta, x.corrected_at FROM ledger_correction x "
                + "JOIN municipal_summary s ON s.street_code = x.street_code AND s.month = to_char(x.entry_date, "
                + "'YYYY-MM') WHERE x.correction_id = ? AND " + Confirmation.confirmed("x") + " ON CONFLICT DO NOTHING")) {
            insert.setString(1, Reason.CORRECTED_AFTER_SUMMARY.name());
            insert.setString(2, correctionId);
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot note the correction " + correctionId, e);
        }
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
                    + "d.project_id, d.entry_date, " + HOURS_IN_FORCE + ", l.at::timestamptz "
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
