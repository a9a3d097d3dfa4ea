package org.threelists.ledger.projection.summaries;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.agroal.api.AgroalDataSource;
import jakarta.inject.Singleton;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.threelists.ledger.domain.MonthlyFigures;
import org.threelists.ledger.domain.MonthlySummaryEvents.MonthlySummarySubmitted;
import org.threelists.ledger.projection.Sql;
import org.threelists.platform.json.Json;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/** The summaries sent so far ({@code municipal_summary}, its only writer), kept in the transaction that stores the event. */
@Singleton
@ProcessingGroup(MunicipalSummaries.PROCESSOR)
public class MunicipalSummaries {

    public static final String PROCESSOR = "municipal-summaries";

    public record Sent(String summaryId, String streetCode, String month, MonthlyFigures figures, String submittedBy,
            Instant submittedAt) {
    }

    private final AgroalDataSource dataSource;

    MunicipalSummaries(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    @EventHandler
    void on(MonthlySummarySubmitted event, @Timestamp Instant at) {
        try (Connection c = dataSource.getConnection(); PreparedStatement insert = c.prepareStatement("INSERT INTO "
                + "municipal_summary (summary_id, street_code, month, figures, submitted_by, submitted_at) "
                + "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")) {
            Sql.bind(insert, List.of(event.summaryId(), event.streetCode(), event.month(),
                    Json.mapper().writeValueAsString(event.figures()), event.actor(), java.sql.Timestamp.from(at)));
            insert.executeUpdate();
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public boolean exists(String summaryId) {
        return !list(null, summaryId).isEmpty();
    }

    public List<Sent> list(String street, String summaryId) {
        try (Connection c = dataSource.getConnection(); PreparedStatement q = c.prepareStatement("SELECT * FROM "
                + "municipal_summary WHERE (?::text IS NULL OR street_code = ?) AND (?::text IS NULL OR summary_id = ?) "
                + "ORDER BY month, street_code")) {
            q.setString(1, street);
            q.setString(2, street);
            q.setString(3, summaryId);
            q.setString(4, summaryId);
            List<Sent> out = new ArrayList<>();
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    out.add(new Sent(rs.getString("summary_id"), rs.getString("street_code"), rs.getString("month"),
                            Json.mapper().readValue(rs.getString("figures"), MonthlyFigures.class),
                            rs.getString("submitted_by"), rs.getObject("submitted_at", OffsetDateTime.class).toInstant()));
                }
            }
            return out;
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
