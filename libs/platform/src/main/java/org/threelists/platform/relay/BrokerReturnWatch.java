package org.threelists.platform.relay;

import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Gets the relay going again as soon as the broker answers after a batch failed on Kafka. Axon's pooled processor
 * releases a failed segment for 1, 2, 4… up to 60 s, doubling at every failure in a row and resetting only after a
 * batch succeeds: over a broker outage of a minute the relay fails often enough that, once the broker is back, it
 * would wait tens of seconds more before trying again (docs/architecture.md, "Faults"). This watch instead probes
 * the broker after each such failure and, when it answers, asks the processor to claim its segment at once, which
 * lifts Axon's wait; the claim goes through the token store as Axon's own does, so the relay reads its coverage back
 * from Kafka first and exactly-once holds (libs/platform/README.md, "Relay").
 * <p>
 * Its own back-off is bounded and resets when the broker is reachable again: a failure that followed an outage is
 * retried {@link #FIRST_PAUSE} after the broker answers; failures while the broker kept answering (a fenced producer,
 * a refused transaction) wait twice as long each time, up to {@link #LONGEST_PAUSE}, until a batch succeeds.
 */
final class BrokerReturnWatch implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(BrokerReturnWatch.class);
    static final Duration FIRST_PAUSE = Duration.ofSeconds(1);
    static final Duration LONGEST_PAUSE = Duration.ofSeconds(8);
    private static final Duration PROBE_INTERVAL = Duration.ofMillis(250);

    private final BooleanSupplier brokerAnswers;
    private final Runnable claimAtOnce;
    private final Object lock = new Object();
    private boolean failed;
    private boolean closed;
    private int failuresWhileAnswering;
    private Thread thread;

    BrokerReturnWatch(BooleanSupplier brokerAnswers, Runnable claimAtOnce) {
        this.brokerAnswers = brokerAnswers;
        this.claimAtOnce = claimAtOnce;
    }

    /** Probes the broker with a metadata request; its admin client is made at the first failure, not at start-up. */
    static BrokerReturnWatch of(Properties adminSettings, Runnable claimAtOnce) {
        return new BrokerReturnWatch(new BrokerProbe(adminSettings), claimAtOnce);
    }

    /** A relay batch failed on Kafka: its segment is released, to be claimed again once the broker answers. */
    void failed() {
        synchronized (lock) {
            if (closed) {
                return;
            }
            failed = true;
            if (thread == null) {
                thread = new Thread(this::watch, "relay-broker-watch");
                thread.setDaemon(true);
                thread.start();
            }
            lock.notifyAll();
        }
    }

    /** A batch reached Kafka: the next failure starts from the shortest pause again. */
    void succeeded() {
        synchronized (lock) {
            failuresWhileAnswering = 0;
        }
    }

    private void watch() {
        try {
            while (awaitFailure()) {
                if (!pause(pauseAfter(failuresWhileAnswering()))) {
                    return;
                }
                boolean outage = false;
                while (!brokerAnswers.getAsBoolean()) {
                    outage = true;
                    if (!pause(PROBE_INTERVAL)) {
                        return;
                    }
                }
                synchronized (lock) {
                    failuresWhileAnswering = outage ? 0 : failuresWhileAnswering + 1;
                    // the claim below answers every failure reported until now, those of the outage included
                    failed = false;
                }
                if (outage) {
                    LOG.info("The broker answers again: the relay resumes now");
                }
                claimAtOnce.run();
            }
        } catch (RuntimeException e) {
            LOG.warnf("The relay's broker watch stopped (%s); Axon's own back-off applies", e.toString());
        } finally {
            synchronized (lock) {
                thread = null;
            }
        }
    }

    /** Waits for a failure not yet dealt with; false once closed. */
    private boolean awaitFailure() {
        synchronized (lock) {
            while (!failed && !closed) {
                try {
                    lock.wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
            failed = false;
            return !closed;
        }
    }

    private int failuresWhileAnswering() {
        synchronized (lock) {
            return failuresWhileAnswering;
        }
    }

    static Duration pauseAfter(int failuresWhileAnswering) {
        long millis = FIRST_PAUSE.toMillis() << Math.min(failuresWhileAnswering, 10);
        return Duration.ofMillis(Math.min(millis, LONGEST_PAUSE.toMillis()));
    }

    /** Sleeps, but not past a close; false once closed. */
    private boolean pause(Duration duration) {
        synchronized (lock) {
            long until = System.nanoTime() + duration.toNanos();
            while (!closed) {
                long left = until - System.nanoTime();
                if (left <= 0) {
                    return true;
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(lock, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
            return false;
        }
    }

    @Override
    public void close() {
        synchronized (lock) {
            closed = true;
            lock.notifyAll();
        }
        if (brokerAnswers instanceof BrokerProbe probe) {
            probe.close();
        }
    }
}
