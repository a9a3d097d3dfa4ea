package org.threelists.ledger.messaging;

import jakarta.inject.Singleton;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.threelists.ledger.domain.Chains;
import org.threelists.ledger.service.BatchRecording;
import org.threelists.ledger.service.LedgerReplay.Replayed;
import org.threelists.platform.inbox.InboundEvent;
import org.threelists.platform.inbox.InboundHandler;
import org.threelists.platform.inbox.InvalidMessageException;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Records closed slips (三联单) from demand-list.events.v1 as ledger entries, and the demands' listings their entries
 * need; every other event of the topic is acknowledged and changes nothing. Like {@link ProjectListEventsHandler}: the
 * platform inbox (CloudEvents id, schema-checked, a poll in one transaction, invalid messages to the DLQ, transient
 * failures retried on their partition only), and each partition of the topic is a hash chain of its own
 * ({@link Chains#ofSlips}), appended in offset order. The events it records nothing for are recognised by their type
 * and skipped before they are parsed ({@link UnrecordedEvents}): most of the topic is the demands' and slips' other
 * steps.
 */
@Singleton
public class DemandListEventsHandler implements InboundHandler {

    /** What the ledger records from this topic: a slip's close and the demand's listing its entries take. */
    static final Set<String> RECORDED = Set.of("threelists.slip.closed.v1", "threelists.demand.submitted.v1",
            "threelists.demand.amended.v1");

    static final UnrecordedEvents UNRECORDED = UnrecordedEvents.of(Topics.DEMAND_EVENTS, RECORDED);

    private final BatchRecording batches;

    DemandListEventsHandler(BatchRecording batches) {
        this.batches = batches;
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

    /** One message goes the batch's way too, as in {@link ProjectListEventsHandler#handle}. */
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
            if (UNRECORDED.skips(record)) {
                continue;
            }
            events.add(new Replayed(InboundEvent.parse(Topics.DEMAND_EVENTS, record), Chains.ofSlips(record.partition()), record.offset()));
        }
        if (!events.isEmpty()) {
            batches.recordLive(events);
        }
    }
}
