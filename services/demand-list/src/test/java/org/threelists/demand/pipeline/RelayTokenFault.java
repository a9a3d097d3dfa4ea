package org.threelists.demand.pipeline;

import org.threelists.demand.Fixtures;
import org.threelists.demand.messaging.Topics;
import org.threelists.testing.KafkaProbe;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;

import static org.threelists.demand.pipeline.PipelineProbes.administrator;
import static org.threelists.demand.pipeline.PipelineProbes.sleep;

/**
 * As if the process died between the relay's two commits, for as long as it is armed: the relay's token fails when
 * its transaction commits, after the batch's Kafka transaction has committed (a deferred trigger fires at commit), so
 * the relay retries the batch, reading back what is on Kafka each time. Only a token that moves fails: the segment's
 * claim, its extension and its release (the owner and the time stamp alone) still commit, as a restarted process would
 * claim it again. Were they to fail too, a claim extension or an empty batch's token falling due before the armed
 * submission's batch would keep the relay from ever claiming its segment, and nothing would reach Kafka while armed.
 */
final class RelayTokenFault implements AutoCloseable {

    private final Connection admin;

    private RelayTokenFault(Connection admin) {
        this.admin = admin;
    }

    static RelayTokenFault arm() throws SQLException {
        Connection admin = administrator();
        try (Statement sql = admin.createStatement()) {
            sql.execute("CREATE TABLE IF NOT EXISTS relay_fault (armed BOOLEAN)");
            sql.execute("""
                    CREATE OR REPLACE FUNCTION relay_fault_check() RETURNS trigger LANGUAGE plpgsql AS $$
                    BEGIN
                      IF EXISTS (SELECT 1 FROM relay_fault) THEN
                        RAISE EXCEPTION 'injected: the relay token does not commit';
                      END IF;
                      RETURN NULL;
                    END $$""");
            sql.execute("DROP TRIGGER IF EXISTS relay_fault_trigger ON token_entry");
            sql.execute("CREATE CONSTRAINT TRIGGER relay_fault_trigger AFTER UPDATE ON token_entry "
                    + "DEFERRABLE INITIALLY DEFERRED FOR EACH ROW "
                    + "WHEN (NEW.processor_name = 'kafka-relay' AND NEW.token IS DISTINCT FROM OLD.token) "
                    + "EXECUTE FUNCTION relay_fault_check()");
            sql.execute("INSERT INTO relay_fault VALUES (true)");
        } catch (SQLException e) {
            admin.close();
            throw e;
        }
        return new RelayTokenFault(admin);
    }

    /**
     * Submits a demand while the fault is armed and waits until it is on Kafka; keeps the fault through the relay's
     * retries of that batch (Axon's release back-off: after 1 s, then 2 s more), then submits another once the fault
     * is gone and waits for it too. Returns the ids of both demands.
     */
    static List<String> submitThroughRetriedBatches() throws SQLException {
        String id;
        try (RelayTokenFault fault = arm()) {
            id = Fixtures.submitted();
            KafkaProbe.await(Topics.DEMAND_EVENTS, r -> id.equals(r.key()), 1, Duration.ofSeconds(30));
            sleep(4_000);
        }
        String after = Fixtures.submitted();
        KafkaProbe.await(Topics.DEMAND_EVENTS, r -> after.equals(r.key()), 1, Duration.ofSeconds(90));
        return List.of(id, after);
    }

    /** Disarms it: the relay's next batch commits its token. */
    @Override
    public void close() throws SQLException {
        try (Statement sql = admin.createStatement()) {
            sql.execute("DELETE FROM relay_fault");
            sql.execute("DROP TRIGGER IF EXISTS relay_fault_trigger ON token_entry");
        } finally {
            admin.close();
        }
    }
}
