package org.threelists.bench;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Watches the services' topics from the bench, as any consumer of the published language would (read_committed,
 * every partition, from the end as of the start): the moment each demand's {@code threelists.demand.submitted.v1}
 * and {@code threelists.demand.verified.v1} reach Kafka, and the moment a {@code threelists.project.proposed.v1} naming it does. Times are this JVM's
 * {@link System#nanoTime()}, the clock the REST calls are timed with.
 */
final class EventWatch implements AutoCloseable {

    static final String DEMAND_TOPIC = "demand-list.events.v1";
    static final String PROJECT_TOPIC = "project-list.events.v1";

    /** A proposal as published: what the delivery part needs to carry it on. */
    record Proposal(String projectId, String street, String community, String unitId, String resourceId, List<String> demandIds,
                    long seenAt) {
    }

    final Map<String, Long> submittedSeen = new ConcurrentHashMap<>();
    final Map<String, Long> verifiedSeen = new ConcurrentHashMap<>();
    final Map<String, String> verifiedEventId = new ConcurrentHashMap<>();
    final Map<String, Long> proposedSeen = new ConcurrentHashMap<>();
    final Map<String, String> proposedIn = new ConcurrentHashMap<>();
    final Map<String, Long> deliveredSeen = new ConcurrentHashMap<>();
    final Queue<Proposal> proposals = new ConcurrentLinkedQueue<>();
    final AtomicLong projectEvents = new AtomicLong();
    private final KafkaConsumer<String, byte[]> consumer;
    private final Thread thread;
    private volatile boolean stop;

    EventWatch(KafkaKit kafka) {
        consumer = new KafkaConsumer<>(kafka.consumer(null));
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : List.of(DEMAND_TOPIC, PROJECT_TOPIC)) {
            consumer.partitionsFor(topic, Duration.ofSeconds(30))
                    .forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
        }
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
        thread = new Thread(this::run, "event-watch");
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        while (!stop) {
            for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(50))) {
                long now = System.nanoTime();
                try {
                    note(Envelope.read(record.value()), now);
                } catch (Exception e) {
                    // not JSON: not ours to judge here (the services dead-letter it)
                }
                if (record.topic().equals(PROJECT_TOPIC)) {
                    projectEvents.incrementAndGet();
                }
            }
        }
    }

    private void note(Envelope event, long now) {
        switch (event.type()) {
            case "threelists.demand.submitted.v1" -> submittedSeen.putIfAbsent(event.subject(), now);
            case "threelists.demand.verified.v1" -> {
                verifiedSeen.putIfAbsent(event.subject(), now);
                verifiedEventId.putIfAbsent(event.subject(), event.id());
            }
            case "threelists.project.proposed.v1" -> {
                JsonNode data = event.data();
                List<String> demands = new ArrayList<>();
                data.path("demandIds").forEach(id -> {
                    demands.add(id.asText());
                    proposedSeen.putIfAbsent(id.asText(), now);
                    proposedIn.putIfAbsent(id.asText(), data.path("projectId").asText());
                });
                proposals.add(new Proposal(data.path("projectId").asText(), data.path("streetCode").asText(),
                        data.path("communityCode").asText(), data.path("proposedUnitId").asText(null),
                        data.path("proposedResourceId").asText(null), demands, now));
            }
            case "threelists.project.delivered.v1" -> deliveredSeen.putIfAbsent(event.subject(), now);
            default -> {
            }
        }
    }

    /**
     * The envelope fields the watch needs, read with Jackson's streaming parser; {@code data} is built as a tree only
     * for a proposal (the one event whose data the watch reads), and skipped unread otherwise. The watch shares the two
     * cores with the system it measures, so it should not build a tree of every demand's submission (bench hygiene;
     * bench/README.md, "The e2e path profiled").
     */
    record Envelope(String id, String type, String subject, JsonNode data) {

        static final String WITH_DATA = "threelists.project.proposed.v1";

        static Envelope read(byte[] value) throws java.io.IOException {
            String id = "";
            String type = "";
            String subject = "";
            JsonNode data = MissingNode.getInstance();
            try (JsonParser parser = Http.JSON.getFactory().createParser(value)) {
                if (parser.nextToken() != JsonToken.START_OBJECT) {
                    throw new java.io.IOException("not a JSON object");
                }
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String field = parser.currentName();
                    parser.nextToken();
                    switch (field) {
                        case "id" -> id = parser.getValueAsString("");
                        case "type" -> type = parser.getValueAsString("");
                        case "subject" -> subject = parser.getValueAsString("");
                        // the envelope's order puts type before data; a producer that does not is still read whole
                        case "data" -> {
                            if (type.isEmpty() || type.equals(WITH_DATA)) {
                                JsonNode tree = parser.readValueAsTree();
                                data = tree == null ? MissingNode.getInstance() : tree;
                            } else {
                                parser.skipChildren();
                            }
                        }
                        default -> parser.skipChildren();
                    }
                }
            }
            return new Envelope(id, type, subject, data);
        }
    }

    @Override
    public void close() throws InterruptedException {
        stop = true;
        thread.join(5_000);
        consumer.close();
    }
}
