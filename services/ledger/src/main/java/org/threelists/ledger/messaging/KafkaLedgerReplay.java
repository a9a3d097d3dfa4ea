package org.threelists.ledger.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.threelists.ledger.domain.Chains;
import org.threelists.ledger.service.LedgerReplay;
import org.threelists.platform.inbox.InboundEvent;
import org.threelists.platform.inbox.InvalidMessageException;
import org.threelists.platform.kafka.KafkaClients;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Reads project-list.events.v1 and demand-list.events.v1 from offset 0 with a consumer of its own (group
 * {@code ledger.rebuild}, no commits). Each partition is a chain of its own, read in offset order; how the two topics
 * interleave does not matter (a slip's entries depend only on the events before them in its partition).
 */
@ApplicationScoped
public class KafkaLedgerReplay implements LedgerReplay {

    static final int BATCH = 2000;

    private final KafkaClients kafka;

    KafkaLedgerReplay(KafkaClients kafka) {
        this.kafka = kafka;
    }

    @Override
    public Reading fromTheBeginning() {
        Properties config = kafka.consumer("ledger.rebuild");
        // A rebuild writes each batch with a statement per table: the larger the batch, the fewer round trips per event.
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, Integer.toString(BATCH));
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config);
        try {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : List.of(Topics.PROJECT_EVENTS, Topics.DEMAND_EVENTS)) {
                for (PartitionInfo info : consumer.partitionsFor(topic, Duration.ofSeconds(30))) {
                    partitions.add(new TopicPartition(topic, info.partition()));
                }
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            return new KafkaReading(consumer, partitions);
        } catch (RuntimeException e) {
            consumer.close();
            throw e;
        }
    }

    private record KafkaReading(KafkaConsumer<String, byte[]> consumer, List<TopicPartition> partitions)
            implements Reading {

        /**
         * Reads and parses the next poll on a thread of its own while {@code apply} writes the last one: the broker's
         * fetch and the schema checks overlap the database's work instead of waiting for it (bench/README.md,
         * "Ledger: the write path"). Only that thread touches the consumer until the round ends.
         */
        @Override
        public long catchUp(Consumer<List<Replayed>> apply) {
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            ExecutorService reader = Executors.newSingleThreadExecutor(r -> new Thread(r, "ledger-replay-reader"));
            Future<Polled> next = reader.submit(() -> poll(end));
            long read = 0;
            try {
                for (Polled polled = await(next); polled != null; polled = await(next)) {
                    next = reader.submit(() -> poll(end));
                    apply.accept(polled.events());
                    read += polled.records();
                }
                return read;
            } finally {
                // the consumer is closed or read again only once the reader has let it go
                next.cancel(false);
                reader.shutdown();
                awaitQuietly(reader);
            }
        }

        /** A poll's valid events and how many records it read. */
        private record Polled(List<Replayed> events, int records) {
        }

        /** The next poll up to {@code end}; null when every partition is read up to it. */
        private Polled poll(Map<TopicPartition, Long> end) {
            if (partitions.stream().noneMatch(p -> consumer.position(p) < end.get(p))) {
                return null;
            }
            List<ConsumerRecord<String, byte[]>> batch = new ArrayList<>();
            consumer.poll(Duration.ofMillis(500)).forEach(record -> {
                if (record.offset() < end.get(new TopicPartition(record.topic(), record.partition()))) {
                    batch.add(record);
                }
            });
            // Records past the snapshot's end were read but not applied: read them again in the next round.
            for (TopicPartition p : partitions) {
                if (consumer.position(p) > end.get(p)) {
                    consumer.seek(p, end.get(p));
                }
            }
            // Parsed and schema-checked on every core (each record on its own), kept in the order read.
            return new Polled(batch.parallelStream().map(KafkaReading::replayed).filter(Objects::nonNull).toList(),
                    batch.size());
        }

        private static Polled await(Future<Polled> polled) {
            try {
                return polled.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while reading the topics again", e);
            } catch (ExecutionException e) {
                throw e.getCause() instanceof RuntimeException runtime ? runtime
                        : new IllegalStateException("Cannot read the topics again", e.getCause());
            }
        }

        private static void awaitQuietly(ExecutorService reader) {
            try {
                if (!reader.awaitTermination(1, TimeUnit.MINUTES)) {
                    throw new IllegalStateException("The replay's reader did not stop");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        /**
         * The record as an event; null when it is not a valid one, which the live consumer dead-lettered, or one the
         * live consumer skipped unparsed (DemandListEventsHandler).
         */
        private static Replayed replayed(ConsumerRecord<String, byte[]> record) {
            if (record.topic().equals(Topics.DEMAND_EVENTS) && DemandListEventsHandler.UNRECORDED.skips(record)) {
                return null;
            }
            try {
                int chain = record.topic().equals(Topics.DEMAND_EVENTS) ? Chains.ofSlips(record.partition())
                        : record.partition();
                return new Replayed(InboundEvent.parse(record.topic(), record), chain, record.offset());
            } catch (InvalidMessageException e) {
                return null;
            }
        }

        @Override
        public void close() {
            consumer.close();
        }
    }
}
