package org.threelists.ledger.projection.verification;

import io.agroal.api.AgroalDataSource;
import io.agroal.api.configuration.supplier.AgroalPropertiesReader;
import org.threelists.devkit.EmbeddedPostgresServer;
import org.threelists.ledger.projection.LedgerBenchmark;
import org.threelists.ledger.projection.entries.ChainStore;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

/**
 * A benchmark, not a test: the operator's walk of the whole ledger ({@link ChainVerification#verify(int)}, every hash
 * recomputed) over ENTRIES generated entries (default 1,000,000) in a real (embedded) PostgreSQL, beside streaming the
 * same rows over JDBC in chain order with nothing computed; RUNS walks each, alternating. Run (classpath as for
 * {@link LedgerBenchmark}):
 * <pre>
 * java -cp … org.threelists.ledger.projection.verification.VerificationBenchmark 1000000 3
 * </pre>
 */
public final class VerificationBenchmark {

    public static void main(String[] args) throws Exception {
        int target = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        try (EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start(null, 0)) {
            Map<String, String> props = new HashMap<>();
            props.put(AgroalPropertiesReader.JDBC_URL, postgres.jdbcUrl("postgres"));
            props.put(AgroalPropertiesReader.PRINCIPAL, EmbeddedPostgresServer.USER);
            props.put(AgroalPropertiesReader.CREDENTIAL, EmbeddedPostgresServer.PASSWORD);
            props.put(AgroalPropertiesReader.MAX_SIZE, "4");
            try (AgroalDataSource ds = AgroalDataSource.from(new AgroalPropertiesReader().readProperties(props).get())) {
                LedgerBenchmark.schema(ds);
                long t = System.nanoTime();
                long entries = LedgerBenchmark.generate(ds, target);
                System.out.printf("generated %,d entries in %.1f s%n", entries, (System.nanoTime() - t) / 1e9);
                try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
                    s.execute("VACUUM ANALYZE ledger_entry");
                }
                // the service walks inside a transaction, so that the rows stream through a cursor: no auto-commit
                props.put(AgroalPropertiesReader.AUTO_COMMIT, "false");
                try (AgroalDataSource inTransaction = AgroalDataSource.from(new AgroalPropertiesReader()
                        .readProperties(props).get())) {
                    ChainVerification verification = new ChainVerification(inTransaction);
                    for (int run = 0; run < runs; run++) {
                        t = System.nanoTime();
                        ChainVerification.Result result = verification.verify(1);
                        double walk = (System.nanoTime() - t) / 1e9;
                        t = System.nanoTime();
                        long streamed = stream(ds);
                        double baseline = (System.nanoTime() - t) / 1e9;
                        System.out.printf("walk %,d entries (valid %s) in %.2f s; streaming %,d rows over JDBC %.2f s%n",
                                result.entries(), result.valid(), walk, streamed, baseline);
                    }
                }
            }
        }
    }

    private static long stream(AgroalDataSource ds) throws Exception {
        long streamed = 0;
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement q = c.prepareStatement("SELECT " + ChainStore.ENTRY_COLUMNS
                    + " FROM ledger_entry WHERE generation = 1 ORDER BY kafka_partition, seq")) {
                q.setFetchSize(5000);
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        rs.getString(24);
                        streamed++;
                    }
                }
            }
            c.commit();
        }
        return streamed;
    }
}
