package org.threelists.platform.axon;

import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingEventStream;

import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * An event store stream that calls its processor back when new events are in ({@link NewEvents}), so that an idle
 * pooled processor wakes at once instead of looking again every 500 ms. Only the processor's coordinator thread
 * reads the stream; the callback merely asks that coordinator to run, and a call that comes while it runs makes it
 * run again, so no announcement is lost.
 */
final class PromptStream implements TrackingEventStream {

    private final TrackingEventStream events;
    private final NewEvents newEvents;
    private volatile Runnable callback;

    PromptStream(TrackingEventStream events, NewEvents newEvents) {
        this.events = events;
        this.newEvents = newEvents;
    }

    @Override
    public boolean setOnAvailableCallback(Runnable callback) {
        Runnable previous = this.callback;
        if (previous != null) {
            newEvents.stopListening(previous);
        }
        this.callback = callback;
        newEvents.listen(callback);
        return true;
    }

    @Override
    public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
        // Asked twice: Axon's stream answers "nothing" on the look that takes it from its own read of the store to
        // the shared cache, even when the cache holds its next event; no announcement would come for that one.
        return events.hasNextAvailable(timeout, unit) || events.hasNextAvailable(0, TimeUnit.NANOSECONDS);
    }

    @Override
    public Optional<TrackedEventMessage<?>> peek() {
        return events.peek();
    }

    @Override
    public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
        return events.nextAvailable();
    }

    @Override
    public void skipMessagesWithPayloadTypeOf(TrackedEventMessage<?> ignoredMessage) {
        events.skipMessagesWithPayloadTypeOf(ignoredMessage);
    }

    @Override
    public void close() {
        Runnable listening = callback;
        if (listening != null) {
            newEvents.stopListening(listening);
        }
        events.close();
    }
}
