package org.threelists.bench;

import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Kafka as the baselines see it, with the clients configured as the services configure theirs (platform
 * KafkaClients: idempotent producers with acks=all and linger 5 ms, read_committed consumers, 100 records per poll),
 * and the consumer groups' lag, to know when the services have caught up.
 */
final class KafkaKit {

    private final String bootstrap;

    KafkaKit(String bootstrap) {
        this.bootstrap = bootstrap;
    }

    Properties producer(String clientId) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        return p;
    }

    Properties consumer(String groupId) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        if (groupId != null) {
            p.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        }
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "100");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        return p;
    }

    Admin admin() {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        return Admin.create(p);
    }

    void createTopic(String topic, int partitions) throws Exception {
        try (Admin admin = admin()) {
            if (!admin.listTopics().names().get(30, TimeUnit.SECONDS).contains(topic)) {
                admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get(30, TimeUnit.SECONDS);
            }
        }
    }

    /** Every partition of a topic, assigned to {@code consumer}. */
    static List<TopicPartition> assignAll(KafkaConsumer<?, ?> consumer, String topic) {
        List<TopicPartition> partitions = new ArrayList<>();
        for (PartitionInfo info : consumer.partitionsFor(topic, Duration.ofSeconds(30))) {
            partitions.add(new TopicPartition(topic, info.partition()));
        }
        consumer.assign(partitions);
        return partitions;
    }

    /**
     * Records behind, per consumer group (every group on the broker), over all its partitions. A group that has
     * processed everything has committed the offset after the last record, which is not the end offset when the
     * producer wrote in transactions (each commit marker takes an offset too): so the target is the offset after the
     * last data record, found by reading the tail of each partition read_committed.
     */
    Map<String, Long> lagByGroup() throws Exception {
        Map<String, Long> lag = new LinkedHashMap<>();
        try (Admin admin = admin()) {
            Map<String, Map<TopicPartition, OffsetAndMetadata>> committed = new LinkedHashMap<>();
            java.util.Set<TopicPartition> partitions = new java.util.HashSet<>();
            for (ConsumerGroupListing group : admin.listConsumerGroups().all().get(30, TimeUnit.SECONDS)) {
                Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(group.groupId())
                        .partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
                committed.put(group.groupId(), offsets);
                partitions.addAll(offsets.keySet());
            }
            Map<TopicPartition, Long> targets = afterLastRecord(partitions);
            committed.forEach((group, offsets) -> {
                long behind = 0;
                for (Map.Entry<TopicPartition, OffsetAndMetadata> e : offsets.entrySet()) {
                    if (e.getValue() != null && targets.containsKey(e.getKey())) {
                        behind += Math.max(0, targets.get(e.getKey()) - e.getValue().offset());
                    }
                }
                lag.put(group, behind);
            });
        }
        return lag;
    }

    /** Per partition: its end offset as last seen, and the offset after its last committed data record then. */
    private final Map<TopicPartition, long[]> tails = new java.util.concurrent.ConcurrentHashMap<>();

    private Map<TopicPartition, Long> afterLastRecord(java.util.Set<TopicPartition> partitions) {
        Map<TopicPartition, Long> targets = new HashMap<>();
        if (partitions.isEmpty()) {
            return targets;
        }
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(consumer(null))) {
            Map<TopicPartition, Long> begin = consumer.beginningOffsets(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions); // read_committed: the last stable offset
            for (TopicPartition p : partitions) {
                long[] known = tails.get(p);
                if (known != null && known[0] == end.get(p)) {
                    targets.put(p, known[1]);
                    continue;
                }
                long target = begin.get(p);
                consumer.assign(List.of(p));
                for (long window = 32; ; window *= 4) {
                    long start = Math.max(begin.get(p), end.get(p) - window);
                    consumer.seek(p, start);
                    long found = -1;
                    while (consumer.position(p) < end.get(p)) {
                        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                            if (record.offset() < end.get(p)) {
                                found = Math.max(found, record.offset() + 1);
                            }
                        }
                    }
                    if (found >= 0 || start == begin.get(p)) {
                        target = Math.max(target, found);
                        break;
                    }
                }
                tails.put(p, new long[] {end.get(p), target});
                targets.put(p, target);
            }
        }
        return targets;
    }

    /**
     * Waits until the named groups (all groups when empty) have no lag, at most {@code timeout}; returns the seconds
     * it took, or -1 if it timed out.
     */
    double awaitCaughtUp(List<String> groups, Duration timeout) throws Exception {
        long started = System.nanoTime();
        long deadline = started + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            Map<String, Long> lag = lagByGroup();
            boolean done = lag.entrySet().stream().filter(e -> groups.isEmpty() || groups.contains(e.getKey()))
                    .allMatch(e -> e.getValue() == 0) && (groups.isEmpty() || lag.keySet().containsAll(groups));
            if (done) {
                return (System.nanoTime() - started) / 1e9;
            }
            Thread.sleep(200);
        }
        return -1;
    }

    /** The raw hop: records produced at a steady rate, each timed from just before send to its consumption. */
    record Latency(double rate, long sent, long received, double p50Ms, double p99Ms, double maxMs, String producer) {
    }

    /**
     * Produces {@code rate} records per second for {@code seconds} to {@code topic} (created with 3 partitions, like
     * the services' topics), one Kafka transaction per record as the relay commits one per batch, ~{@code bytes}
     * bytes each, while a read_committed consumer (assigned every partition) times each from its send to its poll.
     */
    Latency latency(String topic, double rate, double seconds, int bytes) throws Exception {
        createTopic(topic, 3);
        Histogram histogram = new Histogram(60_000_000L, 3);
        AtomicLong received = new AtomicLong();
        AtomicBoolean stop = new AtomicBoolean();
        long total = Math.round(rate * seconds);
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(consumer(null))) {
            List<TopicPartition> partitions = assignAll(consumer, topic);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position); // resolve the end now, before anything is produced
            Thread reader = new Thread(() -> {
                while (!stop.get()) {
                    for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(50))) {
                        long now = System.nanoTime();
                        long sent = ByteBuffer.wrap(record.value()).getLong();
                        histogram.recordValue(Math.max(0, Math.min(60_000_000L, (now - sent) / 1_000)));
                        received.incrementAndGet();
                    }
                }
            }, "latency-reader");
            reader.start();
            Properties props = producer("bench-latency");
            props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "bench-latency-" + UUID.randomUUID());
            try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(props)) {
                producer.initTransactions();
                long start = System.nanoTime();
                for (long i = 0; i < total; i++) {
                    long due = start + (long) (i * 1e9 / rate);
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                        TimeUnit.NANOSECONDS.sleep(wait);
                    }
                    byte[] value = new byte[bytes];
                    ByteBuffer.wrap(value).putLong(System.nanoTime());
                    producer.beginTransaction();
                    producer.send(new ProducerRecord<>(topic, UUID.randomUUID().toString(), value));
                    producer.commitTransaction();
                }
            }
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (received.get() < total && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            stop.set(true);
            reader.join(5_000);
        }
        return new Latency(rate, total, received.get(), histogram.getValueAtPercentile(50) / 1000.0,
                histogram.getValueAtPercentile(99) / 1000.0, histogram.getMaxValue() / 1000.0,
                "transactional, one record per transaction, acks=all, linger 5 ms, " + bytes + " B");
    }

    /** A plain KafkaConsumer reading a whole topic from offset 0 to its end as of now: records and seconds. */
    record ReadAll(long records, double seconds) {
        double perSecond() {
            return records / Math.max(1e-9, seconds);
        }
    }

    ReadAll readAll(String topic) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(consumer(null))) {
            List<TopicPartition> partitions = assignAll(consumer, topic);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long started = System.nanoTime();
            consumer.seekToBeginning(partitions);
            long records = 0;
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.offset() < end.get(new TopicPartition(record.topic(), record.partition()))) {
                        records++;
                    }
                }
            }
            return new ReadAll(records, (System.nanoTime() - started) / 1e9);
        }
    }

    static Map<String, Object> json(Latency l) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("ratePerSecond", l.rate());
        json.put("sent", l.sent());
        json.put("received", l.received());
        json.put("p50Ms", l.p50Ms());
        json.put("p99Ms", l.p99Ms());
        json.put("maxMs", l.maxMs());
        json.put("producer", l.producer());
        return json;
    }
}
