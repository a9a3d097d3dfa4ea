package org.threelists.platform.kafka;

import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import io.smallrye.common.annotation.Identifier;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Client settings every service uses the same way: durable producers (idempotent, acks=all), consumers that read
 * only committed records and commit offsets themselves, and topics created with the configured partition count
 * when they do not exist yet (on Kubernetes the Strimzi topic operator has created them already).
 */
@ApplicationScoped
public class KafkaClients {

    private final String bootstrapServers;
    private final Map<String, Object> brokerSettings;
    private final int partitions;
    private final short replicationFactor;
    private final Set<String> ensured = ConcurrentHashMap.newKeySet();

    /**
     * {@code brokerSettings} is every {@code kafka.*} property of the service (Quarkus's "default-kafka-broker"):
     * security protocol, SASL login and trust store reach every client this class builds, not only the health check.
     */
    KafkaClients(@Identifier("default-kafka-broker") Map<String, Object> brokerSettings,
            @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
            @ConfigProperty(name = "threelists.kafka.partitions", defaultValue = "3") int partitions,
            @ConfigProperty(name = "threelists.kafka.replication-factor", defaultValue = "1") short replicationFactor) {
        this.bootstrapServers = bootstrapServers;
        this.brokerSettings = Map.copyOf(brokerSettings);
        this.partitions = partitions;
        this.replicationFactor = replicationFactor;
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    public Properties producer(String clientId) {
        Properties props = base();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        props.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        return props;
    }

    public Properties transactionalProducer(String transactionalId) {
        Properties props = producer(transactionalId);
        props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
        return props;
    }

    public Properties admin() {
        Properties props = base();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        return props;
    }

    public Properties consumer(String groupId) {
        Properties props = base();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        // Producers in this system write in Kafka transactions; an aborted write must never be acted upon.
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "100");
        // A rebalance waits for every member the group knows, and a consumer that died without leaving (a SIGKILLed
        // or evicted replica, one closed while the coordinator was unreachable) is known until its session times out;
        // a coordinator that reloads its groups (a broker restart, a broker fenced after a freeze) starts every
        // member's session afresh. Kafka's 45 s default held a group without partitions for that long after each
        // (docs/architecture.md, "Faults"); 10 s, three missed heartbeats, still outlasts a GC pause.
        props.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, "10000");
        props.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, "3000");
        return props;
    }

    private Properties base() {
        Properties props = new Properties();
        brokerSettings.forEach((key, value) -> props.put(key, String.valueOf(value)));
        return props;
    }

    public void ensureTopics(Collection<String> topics) {
        // Each admin client costs a connection, a metadata round trip and a close that joins its thread (~150 ms of
        // a service's start-up, bench/README.md "Start-up and memory"): a topic known to exist is not asked again.
        List<String> unknown = topics.stream().filter(t -> !ensured.contains(t)).toList();
        if (unknown.isEmpty()) {
            return;
        }
        try (Admin admin = Admin.create(admin())) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            var missing = unknown.stream().filter(t -> !existing.contains(t))
                    .map(t -> new NewTopic(t, partitions, replicationFactor)).toList();
            if (missing.isEmpty()) {
                ensured.addAll(unknown);
                return;
            }
            try {
                admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
            }
            ensured.addAll(unknown);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while creating topics " + topics, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Cannot create topics " + topics + " on " + bootstrapServers, e);
        }
    }
}
