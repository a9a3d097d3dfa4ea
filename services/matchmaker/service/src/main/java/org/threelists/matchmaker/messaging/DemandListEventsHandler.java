package org.threelists.matchmaker.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.threelists.matchmaker.projection.DemandListProjection;
import org.threelists.platform.inbox.InboundHandler;
import org.threelists.platform.inbox.InvalidMessageException;

/** Keeps the matchmaker's picture of the demand list ({@code open_demand}) from demand-list.events.v1. */
@ApplicationScoped
public class DemandListEventsHandler implements InboundHandler {

    private final DemandListProjection projection;

    DemandListEventsHandler(DemandListProjection projection) {
        this.projection = projection;
    }

    @Override
    public String topic() {
        return Topics.DEMAND_EVENTS;
    }

    @Override
    public String consumerGroup() {
        return "matchmaker.demand-list";
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
