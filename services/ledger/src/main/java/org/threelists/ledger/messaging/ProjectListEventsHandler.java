package org.threelists.ledger.messaging;

import jakarta.inject.Singleton;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.threelists.ledger.service.BatchRecording;
import org.threelists.ledger.service.LedgerReplay.Replayed;
import org.threelists.platform.inbox.InboundEvent;
import org.threelists.platform.inbox.InboundHandler;
import org.threelists.platform.inbox.InvalidMessageException;

import java.util.ArrayList;
import java.util.List;

/**
 * Records deliveries from project-list.events.v1 as ledger entries. Like the platform's IntegrationEventHandler
 * (CloudEvents id as the key of idempotency, schema-checked, invalid messages to the DLQ), but the entries also need
 * the record's partition and offset: each partition is one hash chain, appended in offset order.
 */
@Singleton
public class ProjectListEventsHandler implements InboundHandler {

    private final BatchRecording batches;

    ProjectListEventsHandler(BatchRecording batches) {
        this.batches = batches;
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

    /**
     * One message (a poll of one, or a failed poll taken message by message) goes the batch's way too: the roll-ups
     * grouped in memory, not read back from the entries just written (services/ledger/README.md, "Exactly once and
     * rebuild"); {@code BatchRecordingTest} holds the rows equal to those of {@code LedgerRecording}, the one-event
     * path.
     */
    @Override
    public void handle(ConsumerRecord<String, byte[]> record) throws InvalidMessageException {
        handleAll(List.of(record));
    }

    /**
     * A poll's new events with one write per table ({@link BatchRecording#recordLive}); an invalid one fails the poll,
     * which the platform then takes message by message through {@link #handle}.
     */
    @Override
    public void handleAll(List<ConsumerRecord<String, byte[]>> records) throws InvalidMessageException {
        List<Replayed> events = new ArrayList<>(records.size());
        for (ConsumerRecord<String, byte[]> record : records) {
            events.add(new Replayed(InboundEvent.parse(Topics.PROJECT_EVENTS, record), record.partition(), record.offset()));
        }
        batches.recordLive(events);
    }
}
