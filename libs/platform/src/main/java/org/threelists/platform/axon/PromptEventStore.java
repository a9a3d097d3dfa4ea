package org.threelists.platform.axon;

import jakarta.transaction.RollbackException;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.SystemException;
import jakarta.transaction.TransactionManager;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackingEventStream;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;

import java.util.List;

/**
 * Axon's embedded event store, made to hand new events to the streaming processors (the relay, the projections) as
 * soon as they are committed rather than on the next poll. Two things stood in the way:
 * <ul>
 * <li>Axon looks for new events after its unit of work commits, but a unit of work that joined the caller's JTA
 * transaction (a REST request, an inbound message) "commits" before the database does, so the look found nothing
 * and the next came a fetch delay later. Here the look waits for the JTA transaction's own commit.</li>
 * <li>The pooled processors' coordinator looks at an idle stream every 500 ms unless the stream can call it back.
 * The streams opened here call back when the store's reader has taken new events in ({@link NewEvents}).</li>
 * </ul>
 * Events written by another process (a second replica) are still found by the reader's poll, every fetch delay.
 * <p>
 * An aggregate loads from its first event, without first asking for its latest snapshot: no service takes snapshots
 * (an aggregate here has a handful of events), so that query, one empty {@code SELECT} on {@code snapshot_event_entry}
 * per command on an existing aggregate, always found nothing (bench/README.md, "Fast path, part eight").
 */
final class PromptEventStore extends EmbeddedEventStore {

    private final TransactionManager jta;
    private final NewEvents newEvents;

    PromptEventStore(EmbeddedEventStore.Builder builder, TransactionManager jta, NewEvents newEvents) {
        super(builder);
        this.jta = jta;
        this.newEvents = newEvents;
    }

    @Override
    protected void afterCommit(List<? extends EventMessage<?>> events) {
        if (!afterJtaCommit(() -> super.afterCommit(events))) {
            super.afterCommit(events);
        }
    }

    /** What Axon reads once it found no snapshot: the stored events from the first, then the transaction's staged ones. */
    @Override
    public DomainEventStream readEvents(String aggregateIdentifier) {
        return readEvents(aggregateIdentifier, 0L);
    }

    @Override
    public TrackingEventStream openStream(TrackingToken trackingToken) {
        return new PromptStream(super.openStream(trackingToken), newEvents);
    }

    /** Runs {@code action} once the caller's JTA transaction has committed; false when there is none to wait for. */
    private boolean afterJtaCommit(Runnable action) {
        try {
            if (jta.getStatus() != Status.STATUS_ACTIVE) {
                return false;
            }
            jta.getTransaction().registerSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                }

                @Override
                public void afterCompletion(int status) {
                    if (status == Status.STATUS_COMMITTED) {
                        action.run();
                    }
                }
            });
            return true;
        } catch (RollbackException | SystemException | IllegalStateException e) {
            // Marked for rollback or ending: nothing will be committed, and looking once more costs one query.
            return false;
        }
    }
}
