package org.threelists.platform.axon;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/** The store's reader is woken at once after a quiet spell, at most once per linger under a stream of commits, and never misses a commit. */
class ReaderWakeUpsTest {

    private static final long LINGER = TimeUnit.MILLISECONDS.toNanos(20);

    private final AtomicInteger wakes = new AtomicInteger();
    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final ManualTimer timer = new ManualTimer();
    private final ReaderWakeUps wakeUps = new ReaderWakeUps(LINGER, wakes::incrementAndGet, now::get, timer);

    @Test
    void theFirstCommitWakesTheReaderAtOnce() {
        wakeUps.committed();

        assertThat(wakes).hasValue(1);
        assertThat(timer.tasks).isEmpty();
    }

    @Test
    void commitsWithinTheLingerShareOneWakeUpWhenItIsUp() {
        wakeUps.committed();
        now.addAndGet(TimeUnit.MILLISECONDS.toNanos(5));
        wakeUps.committed();
        wakeUps.committed();
        wakeUps.committed();

        assertThat(wakes).hasValue(1);
        assertThat(timer.tasks).hasSize(1);
        assertThat(timer.delays).containsExactly(TimeUnit.MILLISECONDS.toNanos(15));

        now.addAndGet(TimeUnit.MILLISECONDS.toNanos(15));
        timer.runAll();

        assertThat(wakes).hasValue(2);
    }

    @Test
    void aCommitAfterTheDelayedWakeUpWaitsForTheNextLinger() {
        wakeUps.committed();
        now.addAndGet(TimeUnit.MILLISECONDS.toNanos(1));
        wakeUps.committed();
        now.addAndGet(TimeUnit.MILLISECONDS.toNanos(19));
        timer.runAll();
        now.addAndGet(TimeUnit.MILLISECONDS.toNanos(2));
        wakeUps.committed();

        assertThat(wakes).hasValue(2);
        assertThat(timer.delays).containsExactly(TimeUnit.MILLISECONDS.toNanos(18));
        timer.runAll();
        assertThat(wakes).hasValue(3);
    }

    @Test
    void aCommitAfterAQuietSpellWakesTheReaderAtOnce() {
        wakeUps.committed();
        now.addAndGet(TimeUnit.MILLISECONDS.toNanos(21));
        wakeUps.committed();

        assertThat(wakes).hasValue(2);
        assertThat(timer.tasks).isEmpty();
    }

    @Test
    void noLingerWakesTheReaderAtEveryCommit() {
        ReaderWakeUps eager = new ReaderWakeUps(0, wakes::incrementAndGet, now::get, timer);

        eager.committed();
        eager.committed();
        eager.committed();

        assertThat(wakes).hasValue(3);
        assertThat(timer.tasks).isEmpty();
    }

    @Test
    void aCommitWhileTheStoreShutsDownStillWakesTheReader() {
        wakeUps.committed();
        timer.shutdown();
        wakeUps.committed();

        assertThat(wakes).hasValue(2);
    }

    /** Keeps what is scheduled until the test runs it. */
    private static final class ManualTimer extends ScheduledThreadPoolExecutor {
        final List<Runnable> tasks = new ArrayList<>();
        final List<Long> delays = new ArrayList<>();

        ManualTimer() {
            super(1);
        }

        @Override
        public ScheduledFuture<?> schedule(Runnable task, long delay, TimeUnit unit) {
            if (isShutdown()) {
                return super.schedule(task, delay, unit);
            }
            tasks.add(task);
            delays.add(unit.toNanos(delay));
            return null;
        }

        void runAll() {
            List<Runnable> due = new ArrayList<>(tasks);
            tasks.clear();
            delays.clear();
            due.forEach(Runnable::run);
        }
    }
}
