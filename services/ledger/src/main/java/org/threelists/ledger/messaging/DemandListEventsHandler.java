package org.threelists.ledger.messaging;

import jakarta.inject.Singleton;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.threelists.ledger.domain.Chains;
import org.threelists.ledger.service.LedgerRecording;
import org.threelists.platform.inbox.InboundEvent;
import org.threelists.platform.inbox.InboundHandler;
import org.threelists.platform.inbox.InvalidMessageException;

/**
 * Records closed slips (三联单) from demand-list.events.v1 as ledger entries, and the demands' listings their entries
 * need; every other event of the topic is acknowledged and changes nothing. Like {@link ProjectListEventsHandler}: the
 * platform inbox (CloudEvents id, schema-checked, a poll in one transaction, invalid messages to the DLQ, transient
 * failures retried on their partition only), and each partition of the topic is a hash chain of its own
 * ({@link Chains#ofSlips}), appended in offset order.
 */
@Singleton
public class DemandListEventsHandler implements InboundHandler {

    private final LedgerRecording recording;

    DemandListEventsHandler(LedgerRecording recording) {
        this.recording = recording;
    }

    @Override
    public String topic() {
        return Topics.DEMAND_EVENTS;
    }

    @Override
    public String consumerGroup() {
        return "ledger.demand-list";
    }

    @Override
    public String messageId(ConsumerRecord<String, byte[]> record) throws InvalidMessageException {
        return InboundEvent.idOf(record);
    }

    @Override
    public void handle(ConsumerRecord<String, byte[]> record) throws InvalidMessageException {
        InboundEvent event = InboundEvent.parse(Topics.DEMAND_EVENTS, record);
        recording.record(event, Chains.ofSlips(record.partition()), record.offset());
    }
}
