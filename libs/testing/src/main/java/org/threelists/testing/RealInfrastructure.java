package org.threelists.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.threelists.devkit.EmbeddedPostgresServer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;

/**
 * The real parts a service is tested against: a PostgreSQL 17 server (embedded binaries from Maven Central) and a
 * KRaft Kafka broker running inside the test JVM. Both start once per test JVM, however many test classes use
 * this resource, and stop when the JVM exits. Use with {@code @QuarkusTestResource(RealInfrastructure.class)}.
 */
public class RealInfrastructure implements QuarkusTestResourceLifecycleManager {

    // Quarkus may load this class in more than one class loader of the same JVM; system properties are the JVM's own,
    // so every copy finds and reuses the one PostgreSQL and the one broker.
    private static final String JDBC_URL = "threelists.test.jdbc-url";
    private static final String BOOTSTRAP = "threelists.test.kafka-bootstrap";

    @Override
    public Map<String, String> start() {
        startOnce();
        return Map.of(
                "quarkus.datasource.jdbc.url", jdbcUrl(),
                "quarkus.datasource.username", EmbeddedPostgresServer.USER,
                "quarkus.datasource.password", EmbeddedPostgresServer.PASSWORD,
                "kafka.bootstrap.servers", bootstrapServers());
    }

    @Override
    public void stop() {
        // Shared by every test class of the JVM; stopped by the shutdown hook.
    }

    /**
     * Points the probes of this JVM at servers started by someone else (the whole-system test's local stack) instead
     * of starting embedded ones.
     */
    public static void useExisting(String bootstrapServers, String jdbcUrl) {
        synchronized (System.class) {
            System.setProperty(BOOTSTRAP, bootstrapServers);
            System.setProperty(JDBC_URL, jdbcUrl);
        }
    }

    public static String bootstrapServers() {
        startOnce();
        return System.getProperty(BOOTSTRAP);
    }

    public static String jdbcUrl() {
        startOnce();
        return System.getProperty(JDBC_URL);
    }

    private static void startOnce() {
        synchronized (System.class) {
            if (System.getProperty(BOOTSTRAP) != null) {
                return;
            }
            EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start(null, 0);
            KafkaClusterTestKit kafka;
            Path kafkaDir;
            try {
                // Our own directory: the kit's default one is deleted by a shutdown hook of its own that can race the
                // broker's shutdown, and a broker that loses its log directory halts the JVM with exit code 1.
                kafkaDir = Files.createTempDirectory("threelists-test-kafka");
                kafka = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                        .setCombined(true)
                        .setNumBrokerNodes(1)
                        .setNumControllerNodes(1)
                        .setBaseDirectory(kafkaDir)
                        .build())
                        .setConfigProp("auto.create.topics.enable", "true")
                        .setConfigProp("num.partitions", "3")
                        .setConfigProp("offsets.topic.replication.factor", "1")
                        .setConfigProp("transaction.state.log.replication.factor", "1")
                        .setConfigProp("transaction.state.log.min.isr", "1")
                        .setConfigProp("group.initial.rebalance.delay.ms", "0")
                        .build();
                kafka.format();
                kafka.startup();
                kafka.waitForReadyBrokers();
            } catch (Exception e) {
                postgres.close();
                throw new IllegalStateException("Cannot start the test Kafka broker", e);
            }
            System.setProperty(JDBC_URL, postgres.jdbcUrl("postgres"));
            System.setProperty(BOOTSTRAP, kafka.bootstrapServers());
            Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(kafka, kafkaDir, postgres), "real-infrastructure-stop"));
        }
    }

    /** In order: the broker, then its files, then PostgreSQL. */
    private static void stop(KafkaClusterTestKit kafka, Path kafkaDir, EmbeddedPostgresServer postgres) {
        try {
            kafka.close();
        } catch (Exception ignored) {
            // The JVM is exiting.
        }
        try (var files = Files.walk(kafkaDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // A temporary directory left behind is harmless.
        }
        postgres.close();
    }
}
