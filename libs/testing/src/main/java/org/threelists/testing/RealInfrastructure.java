package org.threelists.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.threelists.localstack.EmbeddedPostgresServer;

import java.util.Map;

/**
 * The real parts a service is tested against: a PostgreSQL 17 server (embedded binaries from Maven Central) and a
 * KRaft Kafka broker running inside the test JVM. Both start once per test JVM, however many test classes use
 * this resource, and stop when the JVM exits. Use with {@code @QuarkusTestResource(RealInfrastructure.class)}.
 */
public class RealInfrastructure implements QuarkusTestResourceLifecycleManager {

    private static EmbeddedPostgresServer postgres;
    private static KafkaClusterTestKit kafka;

    @Override
    public Map<String, String> start() {
        startOnce();
        return Map.of(
                "quarkus.datasource.jdbc.url", postgres.jdbcUrl("postgres"),
                "quarkus.datasource.username", postgres.user(),
                "quarkus.datasource.password", postgres.password(),
                "kafka.bootstrap.servers", kafka.bootstrapServers());
    }

    @Override
    public void stop() {
        // Shared by every test class of the JVM; stopped by the shutdown hook.
    }

    public static synchronized String bootstrapServers() {
        startOnce();
        return kafka.bootstrapServers();
    }

    public static synchronized String jdbcUrl() {
        startOnce();
        return postgres.jdbcUrl("postgres");
    }

    private static synchronized void startOnce() {
        if (postgres != null) {
            return;
        }
        try {
            postgres = EmbeddedPostgresServer.start(null, 0);
            kafka = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                    .setCombined(true)
                    .setNumBrokerNodes(1)
                    .setNumControllerNodes(1)
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
            throw new IllegalStateException("Cannot start the test infrastructure", e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(RealInfrastructure::shutdown, "real-infrastructure-stop"));
    }

    private static void shutdown() {
        try {
            kafka.close();
        } catch (Exception ignored) {
            // The JVM is exiting.
        }
        postgres.close();
    }
}
