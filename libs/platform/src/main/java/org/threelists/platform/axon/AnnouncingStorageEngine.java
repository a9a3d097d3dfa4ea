package org.threelists.platform.axon;

import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;

import java.util.Spliterator;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * The JDBC event store that announces {@link NewEvents} once the event store's shared reader has read new events.
 * That reader is the only one that reads with {@code mayBlock} and it files each event into the cache the processors
 * tail before it takes the next, so when its read is used up every event it returned is in the cache. Its reads are
 * paced ({@link ReadPacing}), so that one read and one relay batch take the events of several commits.
 */
final class AnnouncingStorageEngine extends JdbcEventStorageEngine {

    private final NewEvents newEvents;
    private final ReadPacing pacing;

    AnnouncingStorageEngine(JdbcEventStorageEngine.Builder builder, NewEvents newEvents, ReadPacing pacing) {
        super(builder);
        this.newEvents = newEvents;
        this.pacing = pacing;
    }

    @Override
    public Stream<? extends TrackedEventMessage<?>> readEvents(TrackingToken trackingToken, boolean mayBlock) {
        if (!mayBlock) {
            return super.readEvents(trackingToken, false);
        }
        pacing.awaitTurn();
        Stream<? extends TrackedEventMessage<?>> events = super.readEvents(trackingToken, true);
        return StreamSupport.stream(new Announcing<>(events.spliterator(), newEvents, pacing::foundNothing), false)
                .onClose(events::close);
    }

    /**
     * Announces after the last event of a read that returned any has been handed on; tells {@code empty} when the read
     * ended without an event.
     */
    static final class Announcing<T> implements Spliterator<T> {

        private final Spliterator<T> events;
        private final NewEvents newEvents;
        private final Runnable empty;
        private boolean unannounced;
        private boolean any;

        Announcing(Spliterator<T> events, NewEvents newEvents, Runnable empty) {
            this.events = events;
            this.newEvents = newEvents;
            this.empty = empty;
        }

        @Override
        public boolean tryAdvance(Consumer<? super T> action) {
            if (events.tryAdvance(action)) {
                unannounced = true;
                any = true;
                return true;
            }
            announceIfRead();
            return false;
        }

        @Override
        public void forEachRemaining(Consumer<? super T> action) {
            events.forEachRemaining(event -> {
                action.accept(event);
                unannounced = true;
                any = true;
            });
            announceIfRead();
        }

        private void announceIfRead() {
            if (unannounced) {
                unannounced = false;
                newEvents.announce();
            } else if (!any) {
                empty.run();
            }
        }

        @Override
        public Spliterator<T> trySplit() {
            return null;
        }

        @Override
        public long estimateSize() {
            return events.estimateSize();
        }

        @Override
        public int characteristics() {
            return events.characteristics() & ~(Spliterator.SIZED | Spliterator.SUBSIZED);
        }
    }
}
