package org.threelists.demand.pipeline;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import static org.threelists.demand.pipeline.PipelineProbes.administrator;

/**
 * As if the process died between the relay's two commits, for as long as it is armed: the relay's token fails when
 * its transaction commits, after the batch's Kafka transaction has committed (a deferred trigger fires at commit), so
 * the relay retries the batch, reading back what is on Kafka each time.
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
                    + "DEFERRABLE INITIALLY DEFERRED FOR EACH ROW WHEN (NEW.processor_name = 'kafka-relay') "
                    + "EXECUTE FUNCTION relay_fault_check()");
            sql.execute("INSERT INTO relay_fault VALUES (true)");
        } catch (SQLException e) {
            admin.close();
            throw e;
        }
        return new RelayTokenFault(admin);
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
