package org.threelists.platform.kafka;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The consumers' group session: a rebalance waits for every member its group knows, and a member that died without
 * leaving is known until its session times out (docs/architecture.md, "Faults").
 */
class KafkaClientsTest {

    private final KafkaClients kafka = new KafkaClients(Map.of("bootstrap.servers", "localhost:9092"),
            "localhost:9092", 3, (short) 1);

    @Test
    void aDeadMembersSessionEndsAfterTenSecondsNotKafkasFortyFive() {
        Properties consumer = kafka.consumer("a-group");

        assertThat(consumer.getProperty(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG)).isEqualTo("10000");
    }

    @Test
    void aLiveMemberHeartbeatsThreeTimesPerSession() {
        Properties consumer = kafka.consumer("a-group");

        long session = Long.parseLong(consumer.getProperty(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG));
        long heartbeat = Long.parseLong(consumer.getProperty(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG));
        assertThat(heartbeat * 3).isLessThanOrEqualTo(session);
    }
}
