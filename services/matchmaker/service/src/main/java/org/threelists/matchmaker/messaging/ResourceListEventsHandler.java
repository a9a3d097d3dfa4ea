package org.threelists.matchmaker.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.threelists.matchmaker.projection.ResourceListProjection;
import org.threelists.platform.inbox.InboundHandler;
import org.threelists.platform.inbox.InvalidMessageException;

/**
 * Keeps the matchmaker's picture of the resource list ({@code member_unit}, {@code available_resource},
 * {@code resource_remaining}) from resource-list.events.v1.
 */
@ApplicationScoped
public class ResourceListEventsHandler implements InboundHandler {

    private final ResourceListProjection projection;

    ResourceListEventsHandler(ResourceListProjection projection) {
        this.projection = projection;
    }

    @Override
    public String topic() {
        return Topics.RESOURCE_EVENTS;
    }

    @Override
    public String consumerGroup() {
        return "matchmaker.resource-list";
    }

    @Override
    public String messageId(ConsumerRecord<String, byte[]> record) throws InvalidMessageException {
        return InboundEvent.idOf(record);
    }

    @Override
    public void handle(ConsumerRecord<String, byte[]> record) throws InvalidMessageException {
        projection.apply(InboundEvent.parse(topic(), record));
    }
}
