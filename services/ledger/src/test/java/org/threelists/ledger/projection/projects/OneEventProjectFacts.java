package org.threelists.ledger.projection.projects;

import io.agroal.api.AgroalDataSource;
import org.threelists.ledger.projection.projects.ProjectFacts.Holder;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

/**
 * One event's writes, as main wrote them before {@code BatchRecording} became its only write path: test sources only,
 * for the reference {@code LedgerRecording} (services/ledger/README.md, "Exactly once and rebuild"). Main writes {@code project}, {@code project_holder} and {@code project_rating}
 * only with {@link ProjectFacts}'s batch methods; these single-row statements are what the batch is held equal to.
 */
public class OneEventProjectFacts {

    private final AgroalDataSource dataSource;

    public OneEventProjectFacts(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Where and what the project is; a null title keeps the one known. */
    public void place(String projectId, String title, String street, String community, String category) {
        try (Connection c = dataSource.getConnection(); PreparedStatement upsert = c.prepareStatement("INSERT INTO project "
                + "(project_id, title, street_code, community_code, category) VALUES (?, ?, ?, ?, ?) ON CONFLICT "
                + "(project_id) DO UPDATE SET title = COALESCE(EXCLUDED.title, project.title), street_code = "
                + "EXCLUDED.street_code, community_code = EXCLUDED.community_code, category = EXCLUDED.category")) {
            upsert.setString(1, projectId);
            upsert.setString(2, title);
            upsert.setString(3, street);
            upsert.setString(4, community);
            upsert.setString(5, category);
            upsert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot record project " + projectId, e);
        }
    }

    public void held(String projectId, List<Holder> holders) {
        try (Connection c = dataSource.getConnection(); PreparedStatement upsert = c.prepareStatement("INSERT INTO "
                + "project_holder (claim_id, project_id, unit_id, resource_id, amount) VALUES (?, ?, ?, ?, ?) "
                + "ON CONFLICT (claim_id) DO NOTHING")) {
            for (Holder holder : holders) {
                upsert.setString(1, holder.claimId());
                upsert.setString(2, projectId);
                upsert.setString(3, holder.unitId());
                upsert.setString(4, holder.resourceId());
                upsert.setBigDecimal(5, holder.amount());
                upsert.addBatch();
            }
            upsert.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot record the holders of project " + projectId, e);
        }
    }

    /**
     * The community confirmed the project's completion: from now on its hours count. Answers whether this is the first
     * confirmation of the project (a redelivered or replayed one finds it confirmed already).
     */
    public boolean confirmed(String projectId, Instant at, String confirmedBy, boolean onBehalf) {
        try (Connection c = dataSource.getConnection(); PreparedStatement known = c.prepareStatement(
                "SELECT completed_at FROM project WHERE project_id = ? FOR UPDATE"); PreparedStatement upsert =
                c.prepareStatement("INSERT INTO project (project_id, completed_at, confirmed_by, confirmed_on_behalf) "
                        + "VALUES (?, ?, ?, ?) ON CONFLICT (project_id) DO UPDATE SET completed_at = EXCLUDED.completed_at, "
                        + "confirmed_by = EXCLUDED.confirmed_by, confirmed_on_behalf = EXCLUDED.confirmed_on_behalf")) {
            known.setString(1, projectId);
            boolean before;
            try (ResultSet rs = known.executeQuery()) {
                before = rs.next() && rs.getTimestamp(1) != null;
            }
            upsert.setString(1, projectId);
            upsert.setTimestamp(2, Timestamp.from(at));
            upsert.setString(3, confirmedBy);
            upsert.setBoolean(4, onBehalf);
            upsert.executeUpdate();
            return !before;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot record the confirmation of project " + projectId, e);
        }
    }

    /** A resident's rating of the project, once per rating event. */
    public void rated(String ratingEventId, String projectId, String demandId, int score, Instant at) {
        try (Connection c = dataSource.getConnection(); PreparedStatement insert = c.prepareStatement("INSERT INTO "
                + "project_rating (event_id, project_id, demand_id, score, rated_at) VALUES (?, ?, ?, ?, ?) "
                + "ON CONFLICT DO NOTHING")) {
            insert.setString(1, ratingEventId);
            insert.setString(2, projectId);
            insert.setString(3, demandId);
            insert.setInt(4, score);
            insert.setTimestamp(5, Timestamp.from(at));
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot record a rating of project " + projectId, e);
        }
    }
}
