package org.threelists.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Reads whole topics of a running broker, committed records only, to count what reached them and how often. */
final class TopicAudit {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String bootstrapServers;

    TopicAudit(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    /** The CloudEvents on a topic, in partition and offset order. */
    List<JsonNode> events(String topic) {
        List<JsonNode> events = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : records(topic)) {
            events.add(json(topic, record));
        }
        return events;
    }

    /** The CloudEvents ids that appear more than once on a topic, with how often. */
    Map<String, Long> duplicateIds(List<JsonNode> events) {
        return events.stream().collect(Collectors.groupingBy(e -> e.path("id").asText(), Collectors.counting()))
                .entrySet().stream().filter(e -> e.getValue() > 1)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /**
     * Where each copy of the given event ids sits on a topic: partition, offset, type, subject, time and the relay's
     * coverage header, so that a duplicate can be traced to the relay batches that wrote it.
     */
    List<String> copiesOf(String topic, Set<String> ids) {
        List<String> copies = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : records(topic)) {
            JsonNode event = json(topic, record);
            if (ids.contains(event.path("id").asText())) {
                Header coverage = record.headers().lastHeader("threelists.coverage");
                copies.add(String.format("%s p%d@%d %s %s subject=%s time=%s ts=%d coverage=%s",
                        event.path("id").asText(), record.partition(), record.offset(), event.path("type").asText(),
                        topic, event.path("subject").asText(), event.path("time").asText(), record.timestamp(),
                        coverage == null ? "-" : new String(coverage.value(), StandardCharsets.UTF_8)));
            }
        }
        return copies;
    }

    private static JsonNode json(String topic, ConsumerRecord<String, byte[]> record) {
        try {
            return JSON.readTree(record.value());
        } catch (IOException e) {
            throw new IllegalStateException("not JSON on " + topic + " at " + record.offset(), e);
        }
    }

    /** How many events of a type each subject (the aggregate's id) has. */
    static Map<String, Long> countBySubject(List<JsonNode> events, String type) {
        return events.stream().filter(e -> type.equals(e.path("type").asText()))
                .collect(Collectors.groupingBy(e -> e.path("subject").asText(), Collectors.counting()));
    }

    /** Every dead-letter topic the broker has, with the number of records on it. */
    Map<String, Integer> deadLetters() {
        Properties admin = new Properties();
        admin.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        Set<String> topics;
        try (Admin client = Admin.create(admin)) {
            topics = new TreeSet<>(client.listTopics().names().get());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot list topics", e);
        }
        Map<String, Integer> counts = new HashMap<>();
        topics.stream().filter(t -> t.endsWith(".dlq")).forEach(t -> counts.put(t, records(t).size()));
        return counts;
    }

    private List<ConsumerRecord<String, byte[]>> records(String topic) {
        Properties settings = new Properties();
        settings.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        settings.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        settings.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        settings.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        List<ConsumerRecord<String, byte[]>> all = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(settings)) {
            List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(30));
            if (infos == null || infos.isEmpty()) {
                return all;
            }
            List<TopicPartition> partitions = infos.stream().map(i -> new TopicPartition(topic, i.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            Function<TopicPartition, Boolean> done = p -> consumer.position(p) >= end.get(p);
            long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
            while (!partitions.stream().allMatch(done::apply)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("cannot read " + topic + " to its end within 120 s");
                }
                consumer.poll(Duration.ofMillis(500)).forEach(all::add);
            }
        }
        return all;
    }
}
