package org.threelists.ledger.projection.summaries;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.threelists.ledger.projection.Figures;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * What arrived for a month after its summary went to the municipal platform: a delivery dated in the month, or the
 * community's confirmation of one (only confirmed hours count, see the module README). The summary that was sent
 * never changes; these are listed for the desk, who reports the difference as a correction. Whether something came
 * "after" is decided by the event's own time against the summary's, so a rebuild notes exactly the same items. The
 * only writer of {@code summary_correction_needed}.
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

    /**
     * Notes the deliveries of {@code projectId} (in {@code generation}) that fall in a month summarised before the
     * event {@code eventId} of {@code eventTime}: for a delivery, that delivery only; for a confirmation, all of them.
     */
    public void noteLate(int generation, String eventId, Instant eventTime, String projectId, Reason reason) {
        try (Connection c = dataSource.getConnection(); PreparedStatement insert = c.prepareStatement("INSERT INTO summary_correction_needed (event_id, delivery_id, "
                + "reason, summary_id, street_code, month, project_id, entry_date, hours, noted_at) "
                + "SELECT ?, d.event_id, ?, s.summary_id, d.street_code, s.month, d.project_id, d.entry_date, "
                + "COALESCE((SELECT SUM(h.hours) FROM ledger_entry h WHERE h.generation = d.generation "
                + "AND h.event_id = d.event_id AND h.kind = 'HOURS'), 0), ? "
                + "FROM ledger_entry d JOIN municipal_summary s ON s.street_code = d.street_code "
                + "AND s.month = to_char(d.entry_date, 'YYYY-MM') AND s.submitted_at < ? "
                + "WHERE d.generation = ? AND d.project_id = ? AND d.kind = 'DELIVERY' "
                + (reason == Reason.DELIVERED_AFTER_SUMMARY ? "AND d.event_id = ? " : "")
                + "ON CONFLICT DO NOTHING")) {
            Timestamp at = Timestamp.from(eventTime);
            insert.setString(1, eventId);
            insert.setString(2, reason.name());
            insert.setTimestamp(3, at);
            insert.setTimestamp(4, at);
            insert.setInt(5, generation);
            insert.setString(6, projectId);
            if (reason == Reason.DELIVERED_AFTER_SUMMARY) {
                insert.setString(7, eventId);
            }
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot note the corrections needed for project " + projectId, e);
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
