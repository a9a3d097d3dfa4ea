package org.threelists.ledger.projection.projects;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import org.threelists.ledger.projection.Pipeline;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

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

    /** Where and what a project is, as {@link #placeAll} records it. */
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

    /**
     * A community's confirmation of a project's completion, for {@link #confirmedAll}; {@code onBehalf}: by the street's
     * desk on the community's behalf, once the confirmation wait passed (project.completed's confirmedOnBehalf).
     */
    public record Confirmed(String projectId, Instant at, String confirmedBy, boolean onBehalf) {
    }

    /** A resident's rating, for {@link #ratedAll}. */
    public record Rating(String eventId, String projectId, String demandId, int score, Instant at) {
    }

    private final AgroalDataSource dataSource;

    public ProjectFacts(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Records a rebuild's batch of places in one statement: each project's places folded in their order (see
     * {@link Place#then}), so the row ends as one place at a time would leave it.
     */
    public void placeAll(List<Place> places) {
        execute(pipeline -> placeAll(pipeline, places), "Cannot record " + places.size() + " projects");
    }

    /** {@link #placeAll}'s statement, added to {@code pipeline} (a live poll's: services/ledger/README.md). */
    public void placeAll(Pipeline pipeline, List<Place> places) {
        Map<String, Place> folded = new LinkedHashMap<>();
        places.forEach(p -> folded.merge(p.projectId(), p, Place::then));
        if (folded.isEmpty()) {
            return;
        }
        // in project order: a rebuild's batch and a live poll upsert the same projects, and take their locks alike
        List<Place> rows = folded.values().stream().sorted(Comparator.comparing(Place::projectId)).toList();
        pipeline.add("INSERT INTO project "
                + "(project_id, title, street_code, community_code, category) SELECT * FROM unnest(?::varchar[], "
                + "?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[]) ON CONFLICT (project_id) DO UPDATE SET title = "
                + "COALESCE(EXCLUDED.title, project.title), street_code = EXCLUDED.street_code, community_code = "
                + "EXCLUDED.community_code, category = EXCLUDED.category "
                // a replayed event mostly says what the row says: not rewritten then (still locked, as ON CONFLICT
                // DO UPDATE locks the rows its condition leaves alone)
                + "WHERE (project.title, project.street_code, project.community_code, project.category) IS DISTINCT FROM "
                + "(COALESCE(EXCLUDED.title, project.title), EXCLUDED.street_code, EXCLUDED.community_code, "
                + "EXCLUDED.category)", List.of(varchars(rows, Place::projectId), varchars(rows, Place::title),
                varchars(rows, Place::street), varchars(rows, Place::community), varchars(rows, Place::category)));
    }

    private static <T> Pipeline.Array varchars(List<T> rows, Function<T, Object> column) {
        return Pipeline.array("varchar", rows.stream().map(column).toArray());
    }

    private void execute(Consumer<Pipeline> statements, String failure) {
        Pipeline pipeline = new Pipeline();
        statements.accept(pipeline);
        try (Connection c = dataSource.getConnection()) {
            pipeline.execute(c);
        } catch (SQLException e) {
            throw new IllegalStateException(failure, e);
        }
    }

    /** A rebuild's batch of holders in one statement; a claim is recorded once, as one at a time would be. */
    public void heldAll(List<Held> held) {
        execute(pipeline -> heldAll(pipeline, held), "Cannot record " + held.size() + " holders");
    }

    /** {@link #heldAll}'s statement, added to {@code pipeline}. */
    public void heldAll(Pipeline pipeline, List<Held> held) {
        Map<String, Held> firsts = new LinkedHashMap<>();
        held.forEach(h -> firsts.putIfAbsent(h.holder().claimId(), h));
        if (firsts.isEmpty()) {
            return;
        }
        List<Held> rows = new ArrayList<>(firsts.values());
        pipeline.add("INSERT INTO "
                + "project_holder (claim_id, project_id, unit_id, resource_id, amount) SELECT k, p, u, r, a::numeric FROM "
                + "unnest(?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[]) AS t(k, p, u, r, a) "
                + "ON CONFLICT (claim_id) DO NOTHING", List.of(varchars(rows, h -> h.holder().claimId()),
                varchars(rows, Held::projectId), varchars(rows, h -> h.holder().unitId()),
                varchars(rows, h -> h.holder().resourceId()), varchars(rows, h -> h.holder().amount().toPlainString())));
    }

    /**
     * A rebuild's batch of confirmations, in their order: each project ends with its last confirmation, as
     * one at a time would leave it. Answers the projects confirmed for the first time.
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
             PreparedStatement upsert = c.prepareStatement("INSERT INTO project (project_id, completed_at, confirmed_by, "
                     + "confirmed_on_behalf) SELECT p, a::timestamptz, b, o FROM unnest(?::varchar[], ?::varchar[], "
                     + "?::varchar[], ?::boolean[]) AS t(p, a, b, o) ON CONFLICT (project_id) DO UPDATE SET completed_at = "
                     + "EXCLUDED.completed_at, confirmed_by = EXCLUDED.confirmed_by, confirmed_on_behalf = "
                     + "EXCLUDED.confirmed_on_behalf")) {
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
            upsert.setArray(4, c.createArrayOf("boolean", rows.stream().map(Confirmed::onBehalf).toArray()));
            upsert.executeUpdate();
            return first;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot record " + rows.size() + " confirmations", e);
        }
    }

    /** A rebuild's batch of ratings in one statement, each rating event once. */
    public void ratedAll(Collection<Rating> ratings) {
        execute(pipeline -> ratedAll(pipeline, ratings), "Cannot record " + ratings.size() + " ratings");
    }

    /** {@link #ratedAll}'s statement, added to {@code pipeline}. */
    public void ratedAll(Pipeline pipeline, Collection<Rating> ratings) {
        Map<String, Rating> firsts = new LinkedHashMap<>();
        ratings.forEach(r -> firsts.putIfAbsent(r.eventId(), r));
        if (firsts.isEmpty()) {
            return;
        }
        List<Rating> rows = new ArrayList<>(firsts.values());
        pipeline.add("INSERT INTO "
                + "project_rating (event_id, project_id, demand_id, score, rated_at) SELECT e, p, d, s, a::timestamptz "
                + "FROM unnest(?::varchar[], ?::varchar[], ?::varchar[], ?::integer[], ?::varchar[]) AS t(e, p, d, s, a) "
                + "ON CONFLICT DO NOTHING", List.of(varchars(rows, Rating::eventId), varchars(rows, Rating::projectId),
                varchars(rows, Rating::demandId), Pipeline.array("integer", rows.stream().map(Rating::score).toArray()),
                varchars(rows, r -> r.at().toString())));
    }

}
