package org.threelists.demand.service;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Optional;

/**
 * The {@code submission_key} rows: which demand a caller's Idempotency-Key made (services/demand-list/README.md,
 * "Retrying a submission"). Each statement runs on the submission's own connection, in its transaction, so a key is
 * kept exactly when its demand is.
 */
@ApplicationScoped
class SubmissionKeys {

    /** What a key already names: the demand, and whether the body it came with then is the body now. */
    record Earlier(String demandId, boolean sameRequest) {
    }

    private final AgroalDataSource dataSource;

    SubmissionKeys(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Takes the key for a new demand, or answers what it names already. A concurrent attempt with the same key waits
     * in PostgreSQL for the first one's transaction: when it commits, this one finds its demand; when it rolls back,
     * this one takes the key. So two attempts never both submit, and neither is refused for the other being in flight.
     */
    Optional<Earlier> claim(String caller, String key, byte[] requestSha256, String demandId) {
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO submission_key (submitted_by,"
                    + " idempotency_key, request_sha256, demand_id) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING")) {
                insert.setString(1, caller);
                insert.setString(2, key);
                insert.setBytes(3, requestSha256);
                insert.setString(4, demandId);
                if (insert.executeUpdate() == 1) {
                    return Optional.empty();
                }
            }
            // READ COMMITTED: this statement sees the row whose commit the insert waited for.
            try (PreparedStatement select = connection.prepareStatement("SELECT demand_id, request_sha256 FROM"
                    + " submission_key WHERE submitted_by = ? AND idempotency_key = ?")) {
                select.setString(1, caller);
                select.setString(2, key);
                try (ResultSet row = select.executeQuery()) {
                    if (!row.next()) {
                        throw new IllegalStateException("submission key " + key + " conflicted but is not there");
                    }
                    return Optional.of(new Earlier(row.getString(1), Arrays.equals(row.getBytes(2), requestSha256)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot record the submission key", e);
        }
    }
}
