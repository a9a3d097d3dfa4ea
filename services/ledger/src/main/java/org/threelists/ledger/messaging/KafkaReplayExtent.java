package org.threelists.ledger.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.threelists.ledger.domain.Chains;
import org.threelists.ledger.service.ReplayExtent;
import org.threelists.platform.kafka.KafkaClients;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The offsets of the partitions {@link KafkaLedgerReplay} reads, asked of the brokers with a consumer of the same group
 * that joins nothing and commits nothing.
 */
@ApplicationScoped
public class KafkaReplayExtent implements ReplayExtent {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final KafkaClients kafka;

    KafkaReplayExtent(KafkaClients kafka) {
        this.kafka = kafka;
    }

    @Override
    public Map<Integer, Span> now() {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(kafka.consumer("ledger.rebuild"))) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : List.of(Topics.PROJECT_EVENTS, Topics.DEMAND_EVENTS)) {
                for (PartitionInfo info : consumer.partitionsFor(topic, TIMEOUT)) {
                    partitions.add(new TopicPartition(topic, info.partition()));
                }
            }
            Map<TopicPartition, Long> beginning = consumer.beginningOffsets(partitions, TIMEOUT);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, TIMEOUT);
            Map<Integer, Span> spans = new TreeMap<>();
            for (TopicPartition p : partitions) {
                int chain = p.topic().equals(Topics.DEMAND_EVENTS) ? Chains.ofSlips(p.partition()) : p.partition();
                spans.put(chain, new Span(beginning.get(p), end.get(p)));
            }
            return spans;
        }
    }
}
