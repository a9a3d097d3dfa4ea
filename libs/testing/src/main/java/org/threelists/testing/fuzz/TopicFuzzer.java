package org.threelists.testing.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.threelists.platform.json.ContractSchemas;
import org.threelists.platform.json.Json;
import org.threelists.testing.KafkaProbe;
import org.threelists.testing.RealInfrastructure;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Puts values that break a consumed topic's schema on one partition, then one valid message behind them, and checks
 * the promise of the inbox: every invalid value is dead-lettered exactly once on {@code <topic>.dlq}, and the valid
 * one is applied (recorded PROCESSED in the service's processed_message table), so the partition keeps moving.
 * Values with odd ids (400 or 10,000 characters, a NUL) go in a second batch, on another partition, so that a
 * partition they block does not hide what the first batch shows.
 */
public final class TopicFuzzer {

    private final String topic;
    private String group;
    private String idField = "id";
    private Supplier<String> valid;
    private DataSource dataSource;
    private long seed = 11;
    private int cap = 40;
    private Duration timeout = Duration.ofSeconds(30);

    private TopicFuzzer(String topic) {
        this.topic = topic;
    }

    public static TopicFuzzer forTopic(String topic) {
        return new TopicFuzzer(topic);
    }

    /** The consumer group of the service that reads the topic (its processed_message rows and DLQ headers). */
    public TopicFuzzer consumerGroup(String group) {
        this.group = group;
        return this;
    }

    /** The field that identifies a message ({@code id} for CloudEvents). */
    public TopicFuzzer idField(String idField) {
        this.idField = idField;
        return this;
    }

    /** A fresh valid message the service applies without error, each call with a new id. */
    public TopicFuzzer valid(Supplier<String> json) {
        this.valid = json;
        return this;
    }

    public TopicFuzzer dataSource(DataSource dataSource) {
        this.dataSource = dataSource;
        return this;
    }

    public TopicFuzzer seed(long seed) {
        this.seed = seed;
        return this;
    }

    /** At most this many cases in the first batch; the whole-value ones always, field violations sampled. */
    public TopicFuzzer cases(int cap) {
        this.cap = cap;
        return this;
    }

    public TopicFuzzer timeout(Duration timeout) {
        this.timeout = timeout;
        return this;
    }

    public List<Finding> run() {
        Supplier<JsonNode> template = () -> parse(valid.get());
        JsonNode sample = template.get();
        if (!ContractSchemas.violations(topic, sample).isEmpty()) {
            throw new IllegalStateException("The valid message breaks " + topic + ": "
                    + ContractSchemas.violations(topic, sample) + " " + sample);
        }
        String key = "fuzz-" + new Random(seed).nextInt(1_000_000);
        List<MessageCase> invalid = MessageViolations.of(topic, template, idField, cap, new Random(seed));
        List<MessageCase> oddIds = MessageViolations.oddIds(topic, template, idField, breaking(sample));
        List<Finding> findings = new ArrayList<>(batch("", key, 0, invalid));
        findings.addAll(batch("odd ids: ", key, 1, oddIds));
        System.out.printf("Kafka fuzz of %s for %s (seed %d): %d invalid values + %d odd ids, %d findings%n", topic, group,
                seed, invalid.size(), oddIds.size(), findings.size());
        findings.forEach(f -> System.out.println("FINDING " + f));
        return findings;
    }

    /** Sends the cases and one valid message after them to one partition (the n-th, modulo the topic's count). */
    private List<Finding> batch(String prefix, String key, int n, List<MessageCase> cases) {
        List<RecordMetadata> sent = new ArrayList<>();
        RecordMetadata last;
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(producerSettings())) {
            int partition = n % producer.partitionsFor(topic).size();
            for (MessageCase c : cases) {
                sent.add(send(producer, partition, key, c.value()));
            }
            last = send(producer, partition, key, valid.get().getBytes(StandardCharsets.UTF_8));
        }
        List<Finding> findings = new ArrayList<>();
        String operation = topic + " (" + group + ")";
        if (!awaitProcessed(last)) {
            findings.add(new Finding(operation, prefix + "the valid message after " + cases.size() + " invalid ones",
                    "partition " + last.partition() + " offset " + last.offset(),
                    "not applied within " + timeout + ": the partition is blocked"));
        }
        Map<Long, Integer> deadLettered = deadLettered(last.partition());
        for (int i = 0; i < cases.size(); i++) {
            MessageCase c = cases.get(i);
            long offset = sent.get(i).offset();
            int copies = deadLettered.getOrDefault(offset, 0);
            boolean processed = processed(last.partition(), offset);
            String outcome = switch (c.expect()) {
                case DEAD_LETTERED -> copies == 1 ? null : copies + " copies on " + topic + ".dlq" + (processed ? " and applied" : "");
                case HANDLED_ONCE -> (copies == 1 && !processed) || (copies == 0 && processed) ? null
                        : copies + " copies on " + topic + ".dlq, " + (processed ? "applied" : "not applied");
            };
            if (outcome != null) {
                findings.add(new Finding(operation, prefix + c.label(), "offset " + offset + ": " + c.describe(), outcome));
            }
        }
        return findings;
    }

    private boolean awaitProcessed(RecordMetadata valid) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (processed(valid.partition(), valid.offset())) {
                return true;
            }
            sleep(200);
        }
        return false;
    }

    private boolean processed(int partition, long offset) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement q = c.prepareStatement("SELECT count(*) FROM processed_message WHERE consumer_group = ? "
                     + "AND topic = ? AND kafka_partition = ? AND kafka_offset = ? AND outcome = 'PROCESSED'")) {
            q.setString(1, group);
            q.setString(2, topic);
            q.setInt(3, partition);
            q.setLong(4, offset);
            try (ResultSet rows = q.executeQuery()) {
                rows.next();
                return rows.getLong(1) > 0;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Copies on the DLQ from this group and partition of the topic, by original offset. */
    private Map<Long, Integer> deadLettered(int partition) {
        Map<Long, Integer> copies = new HashMap<>();
        for (ConsumerRecord<String, String> dead : KafkaProbe.readAll(topic + ".dlq")) {
            if (topic.equals(KafkaProbe.header(dead, "dlq.original-topic"))
                    && group.equals(KafkaProbe.header(dead, "dlq.consumer-group"))
                    && String.valueOf(partition).equals(KafkaProbe.header(dead, "dlq.original-partition"))) {
                copies.merge(Long.parseLong(KafkaProbe.header(dead, "dlq.original-offset")), 1, Integer::sum);
            }
        }
        return copies;
    }

    /** A message that breaks the schema but keeps its id: an unknown event type, or one required field removed. */
    private JsonNode breaking(JsonNode sample) {
        List<JsonNode> candidates = new ArrayList<>();
        candidates.add(BodyViolations.set(sample, "/type", JsonNodeFactory.instance.textNode("threelists.fuzz.unknown.v1")));
        sample.fieldNames().forEachRemaining(name -> {
            if (!name.equals(idField)) {
                candidates.add(BodyViolations.set(sample, "/" + name, null));
            }
        });
        return candidates.stream().filter(m -> !ContractSchemas.violations(topic, m).isEmpty()).findFirst()
                .orElseThrow(() -> new IllegalStateException("No violation of " + topic + " keeps the id"));
    }

    private RecordMetadata send(KafkaProducer<String, byte[]> producer, int partition, String key, byte[] value) {
        try {
            return producer.send(new ProducerRecord<>(topic, partition, key, value)).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot send to " + topic, e);
        }
    }

    private static Properties producerSettings() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, RealInfrastructure.bootstrapServers());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 2 * 1024 * 1024);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        return props;
    }

    private static JsonNode parse(String json) {
        try {
            return Json.mapper().readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
