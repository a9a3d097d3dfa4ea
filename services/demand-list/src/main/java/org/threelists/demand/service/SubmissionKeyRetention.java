package org.threelists.demand.service;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.threelists.platform.background.Repeating;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;

/**
 * Forgets the {@code submission_key} rows older than the retention (services/demand-list/README.md, "Retrying a
 * submission": a key only has to outlive its client's retries). Every {@code sweep-interval} it deletes the expired
 * rows in batches of {@code sweep-batch}, each batch one statement in a transaction of its own, so no lock is held for
 * longer than one batch takes; rows another transaction holds are skipped ({@code SKIP LOCKED}) and left for the next
 * sweep, so the sweep never waits for a submission. Age is the database's clock, the one that stamped
 * {@code created_at}. Replicas sweeping at once take different rows.
 */
@ApplicationScoped
public class SubmissionKeyRetention {

    private static final Logger LOG = Logger.getLogger(SubmissionKeyRetention.class);
    private static final String DELETE_EXPIRED = "DELETE FROM submission_key WHERE (submitted_by, idempotency_key) IN"
            + " (SELECT submitted_by, idempotency_key FROM submission_key WHERE created_at < now() - make_interval(secs"
            + " => ?) ORDER BY created_at LIMIT ? FOR UPDATE SKIP LOCKED)";

    private final AgroalDataSource dataSource;
    private final Duration retention;
    private final int batch;
    private final Repeating sweeps;

    SubmissionKeyRetention(AgroalDataSource dataSource,
            @ConfigProperty(name = "threelists.submission-keys.retention") Duration retention,
            @ConfigProperty(name = "threelists.submission-keys.sweep-interval") Duration interval,
            @ConfigProperty(name = "threelists.submission-keys.sweep-batch") int batch) {
        if (retention.isNegative() || retention.isZero() || batch < 1) {
            throw new IllegalArgumentException("threelists.submission-keys: retention must be positive, sweep-batch at"
                    + " least 1");
        }
        this.dataSource = dataSource;
        this.retention = retention;
        this.batch = batch;
        this.sweeps = new Repeating("submission-key-sweep", interval, this::sweepLogged);
    }

    void onStart(@Observes StartupEvent event) {
        sweeps.start();
    }

    void onStop(@Observes ShutdownEvent event) throws InterruptedException {
        sweeps.stop();
    }

    /** One sweep: deletes expired keys, a batch at a time, until a batch finds fewer than it may take. */
    public int sweep() {
        int swept = 0;
        try (Connection connection = dataSource.getConnection();
             PreparedStatement delete = connection.prepareStatement(DELETE_EXPIRED)) {
            delete.setDouble(1, retention.toMillis() / 1000.0);
            delete.setInt(2, batch);
            int deleted;
            do {
                deleted = delete.executeUpdate();
                swept += deleted;
            } while (deleted == batch);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot sweep the expired submission keys", e);
        }
        return swept;
    }

    private void sweepLogged() {
        try {
            int swept = sweep();
            if (swept > 0) {
                LOG.debugf("swept %d submission keys older than %s", swept, retention);
            }
        } catch (RuntimeException e) {
            // the next sweep tries again; a key kept a little longer harms nobody
            LOG.warnf(e, "sweeping the expired submission keys failed");
        }
    }
}
