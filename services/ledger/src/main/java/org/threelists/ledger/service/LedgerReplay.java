package org.threelists.ledger.service;

import org.threelists.platform.inbox.InboundEvent;

import java.util.List;
import java.util.function.Consumer;

/**
 * The topics the ledger's entries come from (project-list.events.v1, and demand-list.events.v1 for closed slips) read
 * again from offset 0, for a rebuild. The messaging edge implements it with a Kafka consumer of its own; the rebuild
 * decides what each batch is applied to and in which transaction.
 */
public interface LedgerReplay {

    /**
     * An event read again, with where it sits: its partition's chain ({@link org.threelists.ledger.domain.Chains}) and
     * its offset in that partition.
     */
    record Replayed(InboundEvent event, int partition, long offset) {
    }

    /** Starts reading every partition of the topics from its beginning. */
    Reading fromTheBeginning();

    interface Reading extends AutoCloseable {

        /**
         * Reads every partition up to its end offset as of now and hands each poll's valid events to {@code apply};
         * answers how many records were read. A record that is not a valid event is skipped, as the live consumer
         * dead-lettered it.
         */
        long catchUp(Consumer<List<Replayed>> apply);

        @Override
        void close();
    }
}
