package org.threelists.ledger.projection;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.SQLException;

/** Runs a {@link Pipeline} on the connection of the caller's transaction. */
@ApplicationScoped
public class Pipelines {

    private final AgroalDataSource dataSource;

    public Pipelines(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public void run(Pipeline pipeline) {
        try (Connection c = dataSource.getConnection()) {
            pipeline.execute(c);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot run the statements " + pipeline, e);
        }
    }
}
