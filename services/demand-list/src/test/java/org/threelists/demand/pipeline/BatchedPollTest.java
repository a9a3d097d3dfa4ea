package org.threelists.demand.pipeline;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.Test;
import org.threelists.testing.KafkaProbe;
import org.threelists.testing.RealInfrastructure;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.threelists.demand.pipeline.PipelineProbes.deadLetters;
import static org.threelists.demand.pipeline.PipelineProbes.sleep;

/**
 * An inbound consumer applies a polled batch in one transaction, inbox rows included, and keeps exactly-once effects:
 * a poison message in the batch goes alone to the DLQ while the others apply once, and a crash in the middle of a
 * batch applies nothing of it twice (libs/platform/README.md, "Inbox").
 */
@QuarkusTest
@TestProfile(ConsumerSupervisionTest.ShortBounds.class)
@QuarkusTestResource(RealInfrastructure.class)
class BatchedPollTest {

    private static final String GROUP = "demand-list.pipeline-probe";
    /** The probe topic's partitions (threelists.kafka.partitions). */
    private static final int PARTITIONS = 3;

    @Test
    void messages_held_back_by_a_crash_apply_in_one_transaction_once_it_passes() {
        ProbeHandler.hold();
        List<String> keys = keysOfOnePartition(5);
        try {
            List<Map.Entry<String, String>> records = new ArrayList<>();
            records.add(Map.entry(keys.get(0), "error-until-released"));
            keys.subList(1, keys.size()).forEach(key -> records.add(Map.entry(key, "ok")));
            KafkaProbe.sendAll(ProbeHandler.TOPIC, records);
            // Every session dies on the first message; the others wait behind it in the partition.
            sleep(2_000);
            assertThat(keys).allSatisfy(key -> assertThat(ProbeHandler.COMMITTED).doesNotContainKey(key));
        } finally {
            ProbeHandler.release();
        }

        await(() -> keys.stream().allMatch(ProbeHandler.COMMITTED::containsKey), Duration.ofSeconds(60));
        KafkaProbe.awaitConsumed(GROUP, ProbeHandler.TOPIC, Duration.ofSeconds(30));

        assertThat(keys).allSatisfy(key -> assertThat(ProbeHandler.COMMITTED.get(key)).isEqualTo(1));
        assertThat(keys.stream().map(ProbeHandler.TRANSACTION::get).distinct()).hasSize(1);
    }

    @Test
    void a_poison_message_in_a_batch_goes_alone_to_the_dlq_and_the_others_apply_once() {
        List<String> keys = keysOfOnePartition(5);
        String poison = keys.get(2);
        List<Map.Entry<String, String>> records = new ArrayList<>();
        keys.forEach(key -> records.add(Map.entry(key, key.equals(poison) ? "poison" : "ok")));
        KafkaProbe.sendAll(ProbeHandler.TOPIC, records);

        KafkaProbe.awaitConsumed(GROUP, ProbeHandler.TOPIC, Duration.ofSeconds(60));

        List<String> good = keys.stream().filter(key -> !key.equals(poison)).toList();
        assertThat(good).allSatisfy(key -> assertThat(ProbeHandler.COMMITTED.get(key)).isEqualTo(1));
        assertThat(ProbeHandler.COMMITTED).doesNotContainKey(poison);
        List<ConsumerRecord<String, String>> dead = KafkaProbe.readAll(ProbeHandler.TOPIC + ".dlq").stream()
                .filter(r -> keys.contains(r.key())).toList();
        assertThat(dead).extracting(ConsumerRecord::key).containsExactly(poison);
        assertThat(KafkaProbe.header(dead.get(0), "dlq.reason")).contains("poison");
    }

    @Test
    void a_crash_in_the_middle_of_a_batch_applies_none_of_it_twice() {
        List<String> keys = keysOfOnePartition(6);
        String crashing = keys.get(3);
        List<Map.Entry<String, String>> records = new ArrayList<>();
        keys.forEach(key -> records.add(Map.entry(key, key.equals(crashing) ? "error-once" : "ok")));
        KafkaProbe.sendAll(ProbeHandler.TOPIC, records);

        await(() -> keys.stream().allMatch(ProbeHandler.COMMITTED::containsKey), Duration.ofSeconds(60));
        KafkaProbe.awaitConsumed(GROUP, ProbeHandler.TOPIC, Duration.ofSeconds(30));
        // A redelivery that applied again would show here as a second commit of the same message.
        sleep(1_000);

        assertThat(keys).allSatisfy(key -> assertThat(ProbeHandler.COMMITTED.get(key)).isEqualTo(1));
        assertThat(deadLetters(ProbeHandler.TOPIC, crashing)).isEmpty();
    }

    /** Fresh keys that Kafka's default partitioner puts into one partition, so that they are polled in order. */
    private static List<String> keysOfOnePartition(int count) {
        String run = UUID.randomUUID().toString();
        List<String> keys = new ArrayList<>();
        Integer partition = null;
        for (int i = 0; keys.size() < count; i++) {
            String key = "batch-" + run + "-" + i;
            int own = Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % PARTITIONS;
            if (partition == null) {
                partition = own;
            }
            if (own == partition) {
                keys.add(key);
            }
        }
        return keys;
    }

    private static void await(BooleanSupplier condition, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("Not within " + timeout);
            }
            sleep(200);
        }
    }
}
