package org.threelists.platform.inbox;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.util.List;

/**
 * What a service does with the messages of one inbound topic. The platform's {@link InboundConsumer} polls the
 * topic, skips messages already processed, runs {@link #handle} in a transaction that also records the message
 * as processed, retries failures a bounded number of times and sends what it cannot process to
 * {@code <topic>.dlq}. Implementations are CDI beans.
 */
public interface InboundHandler {

    String topic();

    /** The consumer group; also the scope in which message ids must be unique. */
    String consumerGroup();

    /** The key of idempotency: stable across redeliveries of the same message. */
    String messageId(ConsumerRecord<String, byte[]> record) throws InvalidMessageException;

    /** Applies the message; runs inside the transaction that records it as processed. */
    void handle(ConsumerRecord<String, byte[]> record) throws InvalidMessageException;

    /**
     * Applies a poll's messages that the inbox did not have, in the order polled, inside the one transaction that
     * records them all as processed (libs/platform/README.md, "Inbox"). A handler that writes a batch more cheaply
     * than message by message overrides it; when it throws, nothing of the poll is applied and the consumer takes the
     * poll message by message through {@link #handle}.
     */
    default void handleAll(List<ConsumerRecord<String, byte[]>> records) throws InvalidMessageException {
        for (ConsumerRecord<String, byte[]> record : records) {
            handle(record);
        }
    }

    default int maxAttempts() {
        return 3;
    }
}
