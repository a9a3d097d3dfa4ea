package org.threelists.platform.background;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A service's background work run every interval on a daemon thread of its own (the deadline pollers, the sweep of
 * expired submission keys): the next run begins an interval after the last one ended, so runs never overlap, and
 * stopping interrupts a run and waits for it up to ten seconds.
 */
public final class Repeating {

    private final String name;
    private final Duration interval;
    private final Runnable work;
    private ScheduledExecutorService executor;

    /** @param name the thread's name, e.g. "deadline-poller" */
    public Repeating(String name, Duration interval, Runnable work) {
        this.name = name;
        this.interval = interval;
        this.work = work;
    }

    public synchronized void start() {
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, name);
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(work, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    public synchronized void stop() throws InterruptedException {
        if (executor != null) {
            executor.shutdownNow();
            executor.awaitTermination(10, TimeUnit.SECONDS);
        }
    }

    public synchronized boolean running() {
        return executor != null && !executor.isShutdown();
    }
}
