package org.threelists.platform.inbox;

import org.apache.kafka.clients.consumer.ConsumerRecord;

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

    default int maxAttempts() {
        return 3;
    }
}
