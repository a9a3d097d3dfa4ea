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
 * Finds which event-store positions the relay has already committed to Kafka, from the last committed records of
 * every partition it writes to. Each record carries the {@link Coverage} of everything published up to and with it
 * ({@link #COVERAGE_HEADER}); records written before that header existed carry only {@link #POSITION_HEADER} and
 * count as covering every position up to it, which is what the relay assumed when it wrote them.
 */
final class HighWaterMark {

    static final String POSITION_HEADER = "threelists.position";
    static final String COVERAGE_HEADER = "threelists.coverage";

    private HighWaterMark() {
    }

    static Coverage read(Properties consumerSettings, Collection<String> topics) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(consumerSettings)) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : topics) {
                List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(30));
                infos.forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
            }
            Map<TopicPartition, Long> begin = consumer.beginningOffsets(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            Coverage published = Coverage.NOTHING;
            for (TopicPartition partition : partitions) {
                published = published.union(last(consumer, partition, begin.get(partition), end.get(partition)));
            }
            return published;
        }
    }

    /** Reads backwards in growing windows until a record with a coverage is found or the partition is exhausted. */
    private static Coverage last(KafkaConsumer<String, byte[]> consumer, TopicPartition partition, long begin, long end) {
        consumer.assign(List.of(partition));
        for (long window = 16; ; window *= 4) {
            long start = Math.max(begin, end - window);
            consumer.seek(partition, start);
            Coverage found = null;
            while (consumer.position(partition) < end) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    Coverage own = coverageOf(record);
                    if (own != null) {
                        found = found == null ? own : found.union(own);
                    }
                }
            }
            if (found != null || start == begin) {
                return found == null ? Coverage.NOTHING : found;
            }
        }
    }

    private static Coverage coverageOf(ConsumerRecord<String, byte[]> record) {
        Header coverage = record.headers().lastHeader(COVERAGE_HEADER);
        if (coverage != null) {
            return Coverage.parse(new String(coverage.value(), StandardCharsets.UTF_8));
        }
        Header position = record.headers().lastHeader(POSITION_HEADER);
        return position == null ? null
                : Coverage.upTo(Long.parseLong(new String(position.value(), StandardCharsets.UTF_8)));
    }
}
