package org.threelists.platform.axon;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/** The store's reader reads at once after a quiet spell and at most once per linger under a stream of commits. */
class ReadPacingTest {

    private static final long LINGER = TimeUnit.MILLISECONDS.toNanos(20);

    private final AtomicLong now = new AtomicLong(5_000_000_000L);
    private final List<Long> waits = new ArrayList<>();
    private final ReadPacing pacing = new ReadPacing(LINGER, now::get, nanos -> {
        waits.add(nanos);
        now.addAndGet(nanos);
    });

    @Test
    void theFirstReadBeginsAtOnce() {
        pacing.awaitTurn();

        assertThat(waits).isEmpty();
    }

    @Test
    void aReadSoonAfterAnotherWaitsForTheRestOfTheLinger() {
        pacing.awaitTurn();
        now.addAndGet(TimeUnit.MILLISECONDS.toNanos(3));
        pacing.awaitTurn();

        assertThat(waits).containsExactly(TimeUnit.MILLISECONDS.toNanos(17));
    }

    @Test
    void readsInARowBeginOneLingerApart() {
        List<Long> began = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            pacing.awaitTurn();
            began.add(now.get());
            now.addAndGet(TimeUnit.MILLISECONDS.toNanos(2));
        }

        assertThat(began).containsExactly(5_000_000_000L, 5_020_000_000L, 5_040_000_000L, 5_060_000_000L);
    }

    @Test
    void aReadAfterAQuietSpellBeginsAtOnce() {
        pacing.awaitTurn();
        now.addAndGet(TimeUnit.MILLISECONDS.toNanos(200));
        pacing.awaitTurn();

        assertThat(waits).isEmpty();
    }

    @Test
    void aReadAfterOneThatFoundNothingBeginsAtOnce() {
        pacing.awaitTurn();
        pacing.foundNothing();
        now.addAndGet(TimeUnit.MILLISECONDS.toNanos(3));
        pacing.awaitTurn();

        assertThat(waits).isEmpty();
    }

    @Test
    void aReadAfterOneThatFoundEventsStillWaits() {
        pacing.awaitTurn();
        pacing.foundNothing();
        pacing.awaitTurn();
        now.addAndGet(TimeUnit.MILLISECONDS.toNanos(5));
        pacing.awaitTurn();

        assertThat(waits).containsExactly(TimeUnit.MILLISECONDS.toNanos(15));
    }

    @Test
    void noLingerNeverWaits() {
        ReadPacing eager = new ReadPacing(0, now::get, nanos -> waits.add(nanos));

        eager.awaitTurn();
        eager.awaitTurn();
        eager.awaitTurn();

        assertThat(waits).isEmpty();
    }

    @Test
    void anInterruptedWaitReadsAndKeepsTheInterruption() {
        ReadPacing interrupted = new ReadPacing(LINGER, now::get, nanos -> {
            throw new InterruptedException("stopping");
        });

        interrupted.awaitTurn();
        interrupted.awaitTurn();

        assertThat(Thread.interrupted()).isTrue();
    }
}
