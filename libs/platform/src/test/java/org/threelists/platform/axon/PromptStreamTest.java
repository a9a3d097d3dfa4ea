package org.threelists.platform.axon;

import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingEventStream;
import org.junit.jupiter.api.Test;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/** A processor waiting on an idle stream is woken by new events, never left waiting for its next poll. */
class PromptStreamTest {

    private final NewEvents newEvents = new NewEvents();
    private final AtomicInteger emptyReads = new AtomicInteger();
    private final FakeStream events = new FakeStream();
    private final AtomicInteger wakeUps = new AtomicInteger();

    @Test
    void aStreamWithACallbackIsWokenWhenNewEventsAreAnnounced() {
        PromptStream stream = new PromptStream(events, newEvents);

        assertThat(stream.setOnAvailableCallback(wakeUps::incrementAndGet)).isTrue();
        newEvents.announce();

        assertThat(wakeUps).hasValue(1);
    }

    @Test
    void aStreamThatReachesTheSharedCacheIsAskedAgainBeforeItSaysNothing() throws InterruptedException {
        PromptStream stream = new PromptStream(events, newEvents);
        // Axon's stream answers "nothing" on the look that switches it from its own read to the shared cache
        events.answers.add(false);
        events.answers.add(true);

        assertThat(stream.hasNextAvailable(0, TimeUnit.NANOSECONDS)).isTrue();
    }

    @Test
    void aClosedStreamIsNoLongerWokenAndClosesWhatItWraps() {
        PromptStream stream = new PromptStream(events, newEvents);
        stream.setOnAvailableCallback(wakeUps::incrementAndGet);

        stream.close();
        newEvents.announce();

        assertThat(wakeUps).hasValue(0);
        assertThat(events.closed).isTrue();
    }

    @Test
    void aListenerThatRefusesDoesNotKeepTheNewsFromTheOthers() {
        newEvents.listen(() -> {
            throw new IllegalStateException("stopping");
        });
        new PromptStream(events, newEvents).setOnAvailableCallback(wakeUps::incrementAndGet);

        newEvents.announce();

        assertThat(wakeUps).hasValue(1);
    }

    @Test
    void theStoresReadAnnouncesOnceAfterItsLastEventWasHandedOn() {
        List<String> seen = new ArrayList<>();
        newEvents.listen(() -> seen.add("announced"));

        announcing(Stream.of(event(1), event(2))).forEach(e -> seen.add("event " + e.trackingToken().position().orElseThrow()));

        assertThat(seen).containsExactly("event 1", "event 2", "announced");
    }

    @Test
    void theStoresReadAnnouncesOnceWhenReadOneByOne() {
        List<String> seen = new ArrayList<>();
        newEvents.listen(() -> seen.add("announced"));

        var iterator = announcing(Stream.of(event(1), event(2))).iterator();
        while (iterator.hasNext()) {
            seen.add("event " + iterator.next().trackingToken().position().orElseThrow());
        }

        assertThat(seen).containsExactly("event 1", "event 2", "announced");
    }

    @Test
    void anEmptyReadAnnouncesNothing() {
        AtomicInteger announced = new AtomicInteger();
        newEvents.listen(announced::incrementAndGet);

        assertThat(announcing(Stream.empty()).count()).isZero();

        assertThat(announced).hasValue(0);
        assertThat(emptyReads).hasValue(1);
    }

    @Test
    void aReadThatFoundEventsIsNotToldEmpty() {
        assertThat(announcing(Stream.of(event(1), event(2))).count()).isEqualTo(2);

        assertThat(emptyReads).hasValue(0);
    }

    private Stream<TrackedEventMessage<?>> announcing(Stream<TrackedEventMessage<?>> read) {
        return StreamSupport.stream(new AnnouncingStorageEngine.Announcing<>(read.spliterator(), newEvents,
                emptyReads::incrementAndGet), false);
    }

    private static TrackedEventMessage<?> event(long position) {
        return new GenericTrackedEventMessage<>(new GlobalSequenceTrackingToken(position),
                GenericEventMessage.asEventMessage("event " + position));
    }

    /** Axon's stream as the coordinator sees it: answers from a queue, "nothing" when the queue is empty. */
    private static final class FakeStream implements TrackingEventStream {
        final Deque<Boolean> answers = new ArrayDeque<>();
        boolean closed;

        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            return Optional.empty();
        }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) {
            Boolean answer = answers.poll();
            return answer != null && answer;
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() {
            throw new UnsupportedOperationException();
        }

        @Override
        public void close() {
            closed = true;
        }
    }
}
