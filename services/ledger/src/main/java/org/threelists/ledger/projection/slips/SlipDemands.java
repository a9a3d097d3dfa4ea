package org.threelists.ledger.projection.slips;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.Optional;

/**
 * What a closed slip's entries need from its demand and {@code slip.closed} does not carry: the demand's category and
 * how many residents it serves, as {@code demand.submitted} and {@code demand.amended} last said them. The only writer
 * of {@code slip_demand}; per generation like the entries (a rebuild fills its own from the replay), so that a rebuilt
 * slip entry reads its demand as the live one did. Runs inside the caller's transaction.
 */
@ApplicationScoped
public class SlipDemands {

    /** A demand as listed: its category and its beneficiaries (residents served). */
    public record Listing(String demandId, String category, int beneficiaries) {
    }

    private final AgroalDataSource dataSource;

    public SlipDemands(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** A rebuild's batch: each demand's last listing in the batch (the rows one listing at a time would leave). */
    public void listedAll(int generation, Collection<Listing> lastListings) {
        if (lastListings.isEmpty()) {
            return;
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement upsert = c.prepareStatement(UPSERT
                + "SELECT ?, d, k, b FROM unnest(?::varchar[], ?::varchar[], ?::integer[]) AS t(d, k, b)" + ON_CONFLICT)) {
            upsert.setInt(1, generation);
            upsert.setArray(2, c.createArrayOf("varchar", lastListings.stream().map(Listing::demandId).toArray()));
            upsert.setArray(3, c.createArrayOf("varchar", lastListings.stream().map(Listing::category).toArray()));
            upsert.setArray(4, c.createArrayOf("integer", lastListings.stream().map(Listing::beneficiaries).toArray()));
            upsert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot record " + lastListings.size() + " demands", e);
        }
    }

    public Optional<Listing> find(int generation, String demandId) {
        try (Connection c = dataSource.getConnection(); PreparedStatement q = c.prepareStatement(
                "SELECT category, beneficiaries FROM slip_demand WHERE generation = ? AND demand_id = ?")) {
            q.setInt(1, generation);
            q.setString(2, demandId);
            try (ResultSet rs = q.executeQuery()) {
                return rs.next() ? Optional.of(new Listing(demandId, rs.getString(1), rs.getInt(2))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read demand " + demandId, e);
        }
    }

    private static final String UPSERT = "INSERT INTO slip_demand (generation, demand_id, category, beneficiaries) ";
    private static final String ON_CONFLICT = " ON CONFLICT (generation, demand_id) DO UPDATE SET category = "
            + "EXCLUDED.category, beneficiaries = EXCLUDED.beneficiaries";
}
