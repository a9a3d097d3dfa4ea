package org.threelists.ledger.projection.summaries;

import io.agroal.api.AgroalDataSource;
import org.threelists.ledger.projection.summaries.SummaryCorrections.After;
import org.threelists.ledger.projection.summaries.SummaryCorrections.Reason;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

/**
 * One event's writes, as main wrote them before {@code BatchRecording} became its only write path: test sources only,
 * for the reference {@code LedgerRecording} (services/ledger/README.md, "Exactly once and rebuild"). Main writes {@code summary_correction_needed}
 * only with {@link SummaryCorrections}'s batch methods; these single-row statements are what the batch is held equal to.
 */
public class OneEventSummaryCorrections {

    private final AgroalDataSource dataSource;

    public OneEventSummaryCorrections(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Notes the deliveries of {@code projectId} (in {@code generation}) that fall in a month summarised before the
     * event {@code eventId} of {@code eventTime} (or summarised at all, {@link After#SUMMARY_RECORDED}): for a
     * delivery, that delivery only; for a confirmation, all of them.
     */
    public void noteLate(int generation, String eventId, Instant eventTime, String projectId, Reason reason,
            After after) {
        try (Connection c = dataSource.getConnection(); PreparedStatement insert = c.prepareStatement("INSERT INTO summary_correction_needed (event_id, delivery_id, "
                + "reason, summary_id, street_code, month, project_id, entry_date, hours, noted_at) "
                + "SELECT ?, d.event_id, ?, s.summary_id, d.street_code, s.month, d.project_id, d.entry_date, "
                + "COALESCE((SELECT SUM(h.hours) FROM ledger_entry h WHERE h.generation = d.generation "
                + "AND h.event_id = d.event_id AND h.kind = 'HOURS'), 0), ? "
                + "FROM ledger_entry d JOIN municipal_summary s ON s.street_code = d.street_code "
                + "AND s.month = to_char(d.entry_date, 'YYYY-MM') AND (? OR s.submitted_at < ? OR "
                + SummaryCorrections.UNRECORDED_LIVE.replace("l.event_id", "?") + ") "
                + "WHERE d.generation = ? AND d.project_id = ? AND d.kind = 'DELIVERY' "
                + (reason == Reason.DELIVERED_AFTER_SUMMARY ? "AND d.event_id = ? " : "")
                + "ON CONFLICT DO NOTHING")) {
            Timestamp at = Timestamp.from(eventTime);
            insert.setString(1, eventId);
            insert.setString(2, reason.name());
            insert.setTimestamp(3, at);
            insert.setBoolean(4, after == After.SUMMARY_RECORDED);
            insert.setTimestamp(5, at);
            insert.setString(6, eventId);
            insert.setInt(7, generation);
            insert.setString(8, projectId);
            if (reason == Reason.DELIVERED_AFTER_SUMMARY) {
                insert.setString(9, eventId);
            }
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot note the corrections needed for project " + projectId, e);
        }
    }
}
