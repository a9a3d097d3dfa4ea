package org.threelists.ledger.messaging;

import jakarta.inject.Singleton;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.threelists.ledger.service.LedgerRecording;
import org.threelists.platform.inbox.InboundEvent;
import org.threelists.platform.inbox.InboundHandler;
import org.threelists.platform.inbox.InvalidMessageException;

/**
 * Records deliveries from project-list.events.v1 as ledger entries. Like the platform's IntegrationEventHandler
 * (CloudEvents id as the key of idempotency, schema-checked, invalid messages to the DLQ), but the entries also need
 * the record's partition and offset: each partition is one hash chain, appended in offset order.
 */
@Singleton
public class ProjectListEventsHandler implements InboundHandler {

    private final LedgerRecording recording;

    ProjectListEventsHandler(LedgerRecording recording) {
        this.recording = recording;
    }

    @Override
    public String topic() {
        return Topics.PROJECT_EVENTS;
    }

    @Override
    public String consumerGroup() { return "ledger.project-list"; }

    @Override
    public String messageId(ConsumerRecord<String, byte[]> record) throws InvalidMessageException {
        return InboundEvent.idOf(record);
    }

    @Override
    public void handle(ConsumerRecord<String, byte[]> record) throws InvalidMessageException {
        InboundEvent event = InboundEvent.parse(Topics.PROJECT_EVENTS, record);
        recording.record(event, record.partition(), record.offset());
    }
}
