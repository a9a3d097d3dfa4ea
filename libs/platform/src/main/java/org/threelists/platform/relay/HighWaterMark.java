package org.threelists.platform.relay;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Finds the highest event-store position that the relay has already committed to Kafka, by reading the last
 * committed record of every partition it writes to. Because the relay publishes each batch in one Kafka
 * transaction and in event-store order, every event at or below that position is on Kafka, and every event
 * above it is not: so after a crash between the Kafka commit and the token commit, nothing is sent twice.
 */
final class HighWaterMark {

    static final String POSITION_HEADER = "threelists.position";

    private HighWaterMark() {
    }

    static long read(Properties consumerSettings, Collection<String> topics) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(consumerSettings)) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : topics) {
                List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(30));
                infos.forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
            }
            Map<TopicPartition, Long> begin = consumer.beginningOffsets(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long highest = -1;
            for (TopicPartition partition : partitions) {
                highest = Math.max(highest, lastPosition(consumer, partition, begin.get(partition), end.get(partition)));
            }
            return highest;
        }
    }

    /** Reads backwards in growing windows until a record with a position is found or the partition is exhausted. */
    private static long lastPosition(KafkaConsumer<String, byte[]> consumer, TopicPartition partition, long begin, long end) {
        consumer.assign(List.of(partition));
        for (long window = 16; ; window *= 4) {
            long start = Math.max(begin, end - window);
            consumer.seek(partition, start);
            long found = -1;
            while (consumer.position(partition) < end) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    Header header = record.headers().lastHeader(POSITION_HEADER);
                    if (header != null) {
                        found = Math.max(found, Long.parseLong(new String(header.value(), StandardCharsets.UTF_8)));
                    }
                }
            }
            if (found >= 0 || start == begin) {
                return found;
            }
        }
    }
}
