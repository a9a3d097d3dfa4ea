package org.threelists.ledger.projection.directory;

import com.fasterxml.jackson.databind.JsonNode;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import org.threelists.ledger.projection.Pipeline;
import org.threelists.platform.inbox.InboundEvent;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Names from resource-list.events.v1: units (name, Party organisation, street), resources (capacity unit) and volunteers
 * (unit, home community, masked name). Upserts, so a replay gives the same rows. An erasure drops the masked name for
 * good; a resident Party member's masked name from party-group.member-added. The only writer of {@code member_unit},
 * {@code resource} and {@code volunteer}. None of this is hashed into entries: it is joined when reports and statements are read.
 */
@ApplicationScoped
public class Directory {

    private final AgroalDataSource dataSource;

    /** A member unit as resource-list names it. */
    public record Unit(String unitId, String name, String partyOrganisation, String streetCode) {
    }

    public Directory(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public void apply(InboundEvent event) {
        JsonNode d = event.data();
        try (Connection c = dataSource.getConnection()) {
            switch (event.name()) {
                case "unit.registered", "unit.amended" -> {
                    try (PreparedStatement upsert = c.prepareStatement("INSERT INTO member_unit (unit_id, name, "
                            + "party_organisation, street_code) VALUES (?, ?, ?, ?) ON CONFLICT (unit_id) DO UPDATE SET "
                            + "name = EXCLUDED.name, party_organisation = EXCLUDED.party_organisation, "
                            + "street_code = EXCLUDED.street_code")) {
                        upsert.setString(1, d.path("unitId").asText());
                        upsert.setString(2, d.path("name").asText());
                        upsert.setString(3, d.hasNonNull("partyOrganisation") ? d.path("partyOrganisation").asText() : null);
                        upsert.setString(4, d.path("streetCode").asText());
                        upsert.executeUpdate();
                    }
                }
                case "resource.offered", "resource.amended" -> {
                    try (PreparedStatement upsert = c.prepareStatement("INSERT INTO resource (resource_id, unit_id, type, "
                            + "capacity_unit, title) VALUES (?, ?, ?, ?, ?) ON CONFLICT (resource_id) DO UPDATE SET "
                            + "unit_id = EXCLUDED.unit_id, type = EXCLUDED.type, capacity_unit = EXCLUDED.capacity_unit, "
                            + "title = EXCLUDED.title")) {
                        upsert.setString(1, d.path("resourceId").asText());
                        upsert.setString(2, d.path("unitId").asText());
                        upsert.setString(3, d.path("type").asText());
                        upsert.setString(4, d.path("capacity").path("unit").asText());
                        upsert.setString(5, d.path("title").asText());
                        upsert.executeUpdate();
                    }
                }
                case "volunteer.registered" -> {
                    try (PreparedStatement upsert = c.prepareStatement("INSERT INTO volunteer (volunteer_id, unit_id, "
                            + "home_community, masked_name) VALUES (?, ?, ?, ?) ON CONFLICT (volunteer_id) DO UPDATE SET "
                            + "unit_id = EXCLUDED.unit_id, home_community = EXCLUDED.home_community, masked_name = "
                            + "CASE WHEN volunteer.erased_at IS NULL THEN EXCLUDED.masked_name END")) {
                        upsert.setString(1, d.path("volunteerId").asText());
                        upsert.setString(2, d.path("unitId").asText());
                        upsert.setString(3, d.path("homeCommunity").asText());
                        upsert.setString(4, d.path("maskedName").asText());
                        upsert.executeUpdate();
                    }
                }
                case "volunteer.amended" -> {
                    try (PreparedStatement upsert = c.prepareStatement("INSERT INTO volunteer (volunteer_id, unit_id, "
                            + "home_community) VALUES (?, ?, ?) ON CONFLICT (volunteer_id) DO UPDATE SET "
                            + "unit_id = EXCLUDED.unit_id, home_community = EXCLUDED.home_community")) {
                        upsert.setString(1, d.path("volunteerId").asText());
                        upsert.setString(2, d.path("unitId").asText());
                        upsert.setString(3, d.path("homeCommunity").asText());
                        upsert.executeUpdate();
                    }
                }
                case "volunteer.data-erased" -> {
                    try (PreparedStatement upsert = c.prepareStatement("INSERT INTO volunteer (volunteer_id, unit_id, "
                            + "erased_at) VALUES (?, ?, ?) ON CONFLICT (volunteer_id) DO UPDATE SET masked_name = NULL, "
                            + "erased_at = COALESCE(volunteer.erased_at, EXCLUDED.erased_at)")) {
                        upsert.setString(1, d.path("volunteerId").asText());
                        upsert.setString(2, d.path("unitId").asText());
                        upsert.setTimestamp(3, Timestamp.from(event.time()));
                        upsert.executeUpdate();
                    }
                }
                case "party-group.member-added" -> {
                    // A resident member (居民党员) is no unit's volunteer: this masked name is the only one their hour
                    // statement can print. A volunteer's comes from volunteer.registered, which this never overrides.
                    if ("RESIDENT".equals(d.path("kind").asText())) {
                        rememberMaskedName(d.path("memberId").asText(), d.path("maskedName").asText());
                    }
                }
                default -> {
                    // membership changes, withdrawals and capacity bookkeeping do not concern the ledger
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot apply " + event.type() + " " + event.id(), e);
        }
    }

    /** A masked name a delivery report carries fills a gap; it never overrides resource-list, nor an erasure. */
    public void rememberMaskedName(String volunteerId, String maskedName) {
        try (Connection c = dataSource.getConnection(); PreparedStatement upsert = c.prepareStatement("INSERT INTO "
                + "volunteer (volunteer_id, masked_name) VALUES (?, ?) ON CONFLICT (volunteer_id) DO UPDATE SET "
                + "masked_name = EXCLUDED.masked_name WHERE volunteer.masked_name IS NULL AND volunteer.erased_at IS NULL")) {
            upsert.setString(1, volunteerId);
            upsert.setString(2, maskedName);
            upsert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot remember the masked name of " + volunteerId, e);
        }
    }

    /**
     * A rebuild's batch of masked names (volunteer → the first name the batch's reports carry) in one statement; the
     * same rows as {@link #rememberMaskedName} one by one, where the first name fills the gap and later ones find it
     * filled.
     */
    public void rememberMaskedNames(Map<String, String> firstNames) {
        Pipeline pipeline = new Pipeline();
        rememberMaskedNames(pipeline, firstNames);
        try (Connection c = dataSource.getConnection()) {
            pipeline.execute(c);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot remember " + firstNames.size() + " masked names", e);
        }
    }

    /** {@link #rememberMaskedNames}'s statement, added to {@code pipeline} (a live poll's). */
    public void rememberMaskedNames(Pipeline pipeline, Map<String, String> firstNames) {
        if (firstNames.isEmpty()) {
            return;
        }
        Map<String, String> sorted = new TreeMap<>(firstNames);
        pipeline.add("INSERT INTO "
                + "volunteer (volunteer_id, masked_name) SELECT * FROM unnest(?::varchar[], ?::varchar[]) ON CONFLICT "
                + "(volunteer_id) DO UPDATE SET masked_name = EXCLUDED.masked_name WHERE volunteer.masked_name IS NULL "
                + "AND volunteer.erased_at IS NULL", List.of(Pipeline.array("varchar", sorted.keySet().toArray()),
                Pipeline.array("varchar", sorted.values().toArray())));
    }

    /** A volunteer's masked name (null once erased) and unit, as resource-list last said. */
    public record Volunteer(String maskedName, String unitId) {
    }

    public Optional<Volunteer> volunteer(String volunteerId) {
        try (Connection c = dataSource.getConnection(); PreparedStatement q = c.prepareStatement(
                "SELECT masked_name, unit_id FROM volunteer WHERE volunteer_id = ?")) {
            q.setString(1, volunteerId);
            try (ResultSet rs = q.executeQuery()) {
                return rs.next() ? Optional.of(new Volunteer(rs.getString(1), rs.getString(2))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public Optional<Unit> unit(String unitId) {
        try (Connection c = dataSource.getConnection(); PreparedStatement q = c.prepareStatement(
                "SELECT unit_id, name, party_organisation, street_code FROM member_unit WHERE unit_id = ?")) {
            q.setString(1, unitId);
            try (ResultSet rs = q.executeQuery()) {
                return rs.next() ? Optional.of(new Unit(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                        : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
