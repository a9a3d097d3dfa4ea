package org.threelists.platform.inbox;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Writes a message that cannot be processed to {@code <topic>.dlq}: the original key, value and headers unchanged,
 * plus {@code dlq.*} headers that say why, where it came from and how often it was tried.
 */
final class DeadLetters implements AutoCloseable {

    static final String SUFFIX = ".dlq";

    private final KafkaProducer<String, byte[]> producer;
    private final String group;

    DeadLetters(Properties producerSettings, String group) {
        this.producer = new KafkaProducer<>(producerSettings);
        this.group = group;
    }

    void send(ConsumerRecord<String, byte[]> original, String reason, Throwable error, int attempts) {
        ProducerRecord<String, byte[]> dead = new ProducerRecord<>(original.topic() + SUFFIX, null, original.key(),
                original.value(), original.headers());
        header(dead, "dlq.reason", reason);
        header(dead, "dlq.error-class", error == null ? "" : error.getClass().getName());
        header(dead, "dlq.original-topic", original.topic());
        header(dead, "dlq.original-partition", Integer.toString(original.partition()));
        header(dead, "dlq.original-offset", Long.toString(original.offset()));
        header(dead, "dlq.attempts", Integer.toString(attempts));
        header(dead, "dlq.consumer-group", group);
        header(dead, "dlq.failed-at", Instant.now().toString());
        try {
            producer.send(dead).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while dead-lettering", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Cannot write to " + dead.topic(), e);
        }
    }

    private static void header(ProducerRecord<String, byte[]> record, String name, String value) {
        record.headers().add(name, String.valueOf(value).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        producer.close();
    }
}
