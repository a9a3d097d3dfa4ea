package org.threelists.ledger.projection.projects;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The facts of a project that reports and rankings join to the entries (the only writer of {@code project},
 * {@code project_holder} and {@code project_rating}): its title and place, who holds it, when the community confirmed
 * its completion (only then do its hours count, see {@link Confirmation}), and the residents' ratings. Upserts, so a
 * replay gives the same rows.
 */
@ApplicationScoped
public class ProjectFacts {

    /** A unit holding (part of) the project through a claim. */
    public record Holder(String claimId, String unitId, String resourceId, BigDecimal amount) {
    }

    /** Where and what a project is, as {@link #place} records it. */
    public record Place(String projectId, String title, String street, String community, String category) {

        /** What {@code later} leaves when it is recorded after this: its place, and the title known last. */
        public Place then(Place later) {
            return new Place(projectId, later.title() != null ? later.title() : title, later.street(), later.community(),
                    later.category());
        }
    }

    /** A holder of a project, for {@link #heldAll}. */
    public record Held(String projectId, Holder holder) {
    }

    /** A community's confirmation of a project's completion, for {@link #confirmedAll}. */
    public record Confirmed(String projectId, Instant at, String confirmedBy) {
    }

    /** A resident's rating, for {@link #ratedAll}. */
    public record Rating(String eventId, String projectId, String demandId, int score, Instant at) {
    }

    private final AgroalDataSource dataSource;

    public ProjectFacts(AgroalDataSource dataSource) {
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

    /**
     * Records a rebuild's batch of places in one statement: each project's places folded in their order (see
     * {@link Place#then}), so the row ends as the calls of {@link #place} one by one would leave it.
     */
    public void placeAll(List<Place> places) {
        Map<String, Place> folded = new LinkedHashMap<>();
        places.forEach(p -> folded.merge(p.projectId(), p, Place::then));
        if (folded.isEmpty()) {
            return;
        }
        // in project order: a rebuild's batch and a live poll upsert the same projects, and take their locks alike
        List<Place> rows = folded.values().stream().sorted(Comparator.comparing(Place::projectId)).toList();
        try (Connection c = dataSource.getConnection(); PreparedStatement upsert = c.prepareStatement("INSERT INTO project "
                + "(project_id, title, street_code, community_code, category) SELECT * FROM unnest(?::varchar[], "
                + "?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[]) ON CONFLICT (project_id) DO UPDATE SET title = "
                + "COALESCE(EXCLUDED.title, project.title), street_code = EXCLUDED.street_code, community_code = "
                + "EXCLUDED.community_code, category = EXCLUDED.category "
                // a replayed event mostly says what the row says: not rewritten then (still locked, as ON CONFLICT
                // DO UPDATE locks the rows its condition leaves alone)
                + "WHERE (project.title, project.street_code, project.community_code, project.category) IS DISTINCT FROM "
                + "(COALESCE(EXCLUDED.title, project.title), EXCLUDED.street_code, EXCLUDED.community_code, "
                + "EXCLUDED.category)")) {
            upsert.setArray(1, c.createArrayOf("varchar", rows.stream().map(Place::projectId).toArray()));
            upsert.setArray(2, c.createArrayOf("varchar", rows.stream().map(Place::title).toArray()));
            upsert.setArray(3, c.createArrayOf("varchar", rows.stream().map(Place::street).toArray()));
            upsert.setArray(4, c.createArrayOf("varchar", rows.stream().map(Place::community).toArray()));
            upsert.setArray(5, c.createArrayOf("varchar", rows.stream().map(Place::category).toArray()));
            upsert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot record " + rows.size() + " projects", e);
        }
    }

    /** A rebuild's batch of holders in one statement; a claim is recorded once, as {@link #held} does. */
    public void heldAll(List<Held> held) {
        Map<String, Held> firsts = new LinkedHashMap<>();
        held.forEach(h -> firsts.putIfAbsent(h.holder().claimId(), h));
        if (firsts.isEmpty()) {
            return;
        }
        List<Held> rows = new ArrayList<>(firsts.values());
        try (Connection c = dataSource.getConnection(); PreparedStatement insert = c.prepareStatement("INSERT INTO "
                + "project_holder (claim_id, project_id, unit_id, resource_id, amount) SELECT k, p, u, r, a::numeric FROM "
                + "unnest(?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[]) AS t(k, p, u, r, a) "
                + "ON CONFLICT (claim_id) DO NOTHING")) {
            insert.setArray(1, c.createArrayOf("varchar", rows.stream().map(h -> h.holder().claimId()).toArray()));
            insert.setArray(2, c.createArrayOf("varchar", rows.stream().map(Held::projectId).toArray()));
            insert.setArray(3, c.createArrayOf("varchar", rows.stream().map(h -> h.holder().unitId()).toArray()));
            insert.setArray(4, c.createArrayOf("varchar", rows.stream().map(h -> h.holder().resourceId()).toArray()));
            insert.setArray(5, c.createArrayOf("varchar", rows.stream().map(h -> h.holder().amount().toPlainString())
                    .toArray()));
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot record " + rows.size() + " holders", e);
        }
    }

    /**
     * A rebuild's batch of confirmations, in their order: each project ends with its last confirmation, as
     * {@link #confirmed} one by one leaves it. Answers the projects confirmed for the first time.
     */
    public Set<String> confirmedAll(List<Confirmed> confirmations) {
        Map<String, Confirmed> last = new LinkedHashMap<>();
        confirmations.forEach(k -> last.put(k.projectId(), k));
        Set<String> first = new HashSet<>(last.keySet());
        if (last.isEmpty()) {
            return first;
        }
        List<Confirmed> rows = new ArrayList<>(last.values());
        try (Connection c = dataSource.getConnection(); PreparedStatement known = c.prepareStatement("SELECT project_id, "
                + "completed_at FROM project WHERE project_id = ANY (?) ORDER BY project_id FOR UPDATE");
             PreparedStatement upsert = c.prepareStatement("INSERT INTO project (project_id, completed_at, confirmed_by) "
                     + "SELECT p, a::timestamptz, b FROM unnest(?::varchar[], ?::varchar[], ?::varchar[]) AS t(p, a, b) "
                     + "ON CONFLICT (project_id) DO UPDATE SET completed_at = EXCLUDED.completed_at, confirmed_by = "
                     + "EXCLUDED.confirmed_by")) {
            known.setArray(1, c.createArrayOf("varchar", last.keySet().toArray()));
            try (ResultSet rs = known.executeQuery()) {
                while (rs.next()) {
                    if (rs.getTimestamp(2) != null) {
                        first.remove(rs.getString(1));
                    }
                }
            }
            upsert.setArray(1, c.createArrayOf("varchar", rows.stream().map(Confirmed::projectId).toArray()));
            upsert.setArray(2, c.createArrayOf("varchar", rows.stream().map(k -> k.at().toString()).toArray()));
            upsert.setArray(3, c.createArrayOf("varchar", rows.stream().map(Confirmed::confirmedBy).toArray()));
            upsert.executeUpdate();
            return first;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot record " + rows.size() + " confirmations", e);
        }
    }

    /** A rebuild's batch of ratings in one statement, each rating event once. */
    public void ratedAll(Collection<Rating> ratings) {
        Map<String, Rating> firsts = new LinkedHashMap<>();
        ratings.forEach(r -> firsts.putIfAbsent(r.eventId(), r));
        if (firsts.isEmpty()) {
            return;
        }
        List<Rating> rows = new ArrayList<>(firsts.values());
        try (Connection c = dataSource.getConnection(); PreparedStatement insert = c.prepareStatement("INSERT INTO "
                + "project_rating (event_id, project_id, demand_id, score, rated_at) SELECT e, p, d, s, a::timestamptz "
                + "FROM unnest(?::varchar[], ?::varchar[], ?::varchar[], ?::integer[], ?::varchar[]) AS t(e, p, d, s, a) "
                + "ON CONFLICT DO NOTHING")) {
            insert.setArray(1, c.createArrayOf("varchar", rows.stream().map(Rating::eventId).toArray()));
            insert.setArray(2, c.createArrayOf("varchar", rows.stream().map(Rating::projectId).toArray()));
            insert.setArray(3, c.createArrayOf("varchar", rows.stream().map(Rating::demandId).toArray()));
            insert.setArray(4, c.createArrayOf("integer", rows.stream().map(Rating::score).toArray()));
            insert.setArray(5, c.createArrayOf("varchar", rows.stream().map(r -> r.at().toString()).toArray()));
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot record " + rows.size() + " ratings", e);
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
    public boolean confirmed(String projectId, Instant at, String confirmedBy) {
        try (Connection c = dataSource.getConnection(); PreparedStatement known = c.prepareStatement(
                "SELECT completed_at FROM project WHERE project_id = ? FOR UPDATE"); PreparedStatement upsert =
                c.prepareStatement("INSERT INTO project (project_id, completed_at, confirmed_by) VALUES (?, ?, ?) ON "
                        + "CONFLICT (project_id) DO UPDATE SET completed_at = EXCLUDED.completed_at, confirmed_by = "
                        + "EXCLUDED.confirmed_by")) {
            known.setString(1, projectId);
            boolean before;
            try (ResultSet rs = known.executeQuery()) {
                before = rs.next() && rs.getTimestamp(1) != null;
            }
            upsert.setString(1, projectId);
            upsert.setTimestamp(2, Timestamp.from(at));
            upsert.setString(3, confirmedBy);
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
