package org.threelists.platform.inbox;

import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * An {@link InboundHandler} for a topic of the published language: messages are CloudEvents, idempotent by their
 * {@code id}, applied only when they validate against the topic's schema in contracts/ (the rest goes to the DLQ).
 * Subclasses say what an event changes; they are {@code @Singleton} beans (these final methods are not proxied).
 */
public abstract class IntegrationEventHandler implements InboundHandler {

    private final String topic;
    private final String consumerGroup;

    protected IntegrationEventHandler(String topic, String consumerGroup) {
        this.topic = topic;
        this.consumerGroup = consumerGroup;
    }

    /** Applies one valid event; runs in the transaction that records it as processed. */
    protected abstract void apply(InboundEvent event) throws InvalidMessageException;

    @Override
    public final String topic() {
        return topic;
    }

    @Override
    public final String consumerGroup() {
        return consumerGroup;
    }

    @Override
    public final String messageId(ConsumerRecord<String, byte[]> record) throws InvalidMessageException {
        return InboundEvent.idOf(record);
    }

    @Override
    public final void handle(ConsumerRecord<String, byte[]> record) throws InvalidMessageException {
        apply(InboundEvent.parse(topic, record));
    }
}
