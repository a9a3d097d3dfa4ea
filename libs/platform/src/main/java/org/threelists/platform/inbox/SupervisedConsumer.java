package org.threelists.platform.inbox;

import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;

/**
 * Keeps one {@link InboundConsumer} alive: whatever ends its session (a failed offset commit, a coordinator time-out,
 * an {@link Error} from a handler) starts a new session on a new Kafka consumer after a capped exponential backoff.
 * A consumer counts as recovered once a session has committed progress, or has polled without failing for half the
 * recovery bound (at most 30 s: an idle topic has no progress to show); one that has not recovered within
 * {@code recoveryBound} is reported failed, and liveness then asks the platform to restart the process.
 */
final class SupervisedConsumer implements Runnable {

    private static final Logger LOG = Logger.getLogger(SupervisedConsumer.class);

    private final InboundConsumer consumer;
    private final Backoff restartBackoff;
    private final Duration recoveryBound;
    private volatile Instant failingSince;
    private volatile String lastFailure;
    private volatile int failuresInRow;
    private volatile long restarts;
    private volatile Thread thread;

    SupervisedConsumer(InboundConsumer consumer, Backoff restartBackoff, Duration recoveryBound) {
        this.consumer = consumer;
        this.restartBackoff = restartBackoff;
        this.recoveryBound = recoveryBound;
    }

    Thread start() {
        Thread started = new Thread(this, "inbound-" + consumer.topic());
        started.setDaemon(true);
        thread = started;
        started.start();
        return started;
    }

    @Override
    public void run() {
        while (consumer.running()) {
            long started = System.nanoTime();
            try {
                consumer.run(progress -> {
                    // The first polls of a new session are often empty (joining the group, fetching): a session that
                    // dies on its first message must not count as recovered by them.
                    if (progress || System.nanoTime() - started >= stableAfter().toNanos()) {
                        recovered();
                    }
                });
            } catch (Throwable e) {
                if (!consumer.running()) {
                    return;
                }
                if (failingSince == null) {
                    failingSince = Instant.now();
                }
                failuresInRow++;
                restarts++;
                lastFailure = e.toString();
                Duration wait = restartBackoff.after(failuresInRow);
                LOG.errorf(e, "Consumer of %s failed (%d in a row); restarting in %s", consumer.topic(), failuresInRow,
                        wait);
                sleep(wait);
            }
        }
    }

    void stop() {
        consumer.stop();
    }

    void join(Duration timeout) throws InterruptedException {
        Thread current = thread;
        if (current != null) {
            current.join(timeout.toMillis());
        }
    }

    private Duration stableAfter() {
        Duration half = recoveryBound.dividedBy(2);
        return half.compareTo(Duration.ofSeconds(30)) > 0 ? Duration.ofSeconds(30) : half;
    }

    private void recovered() {
        if (failingSince != null) {
            LOG.infof("Consumer of %s recovered after %d restarts", consumer.topic(), failuresInRow);
            failingSince = null;
            failuresInRow = 0;
        }
    }

    String topic() {
        return consumer.topic();
    }

    ConsumerStatus status() {
        Thread current = thread;
        boolean alive = current != null && current.isAlive();
        Instant since = failingSince;
        if (!alive) {
            return new ConsumerStatus(false, "stopped", restarts);
        }
        if (since == null) {
            return new ConsumerStatus(true, "running", restarts);
        }
        boolean withinBound = Duration.between(since, Instant.now()).compareTo(recoveryBound) <= 0;
        return new ConsumerStatus(withinBound, (withinBound ? "restarting since " : "failed since ") + since
                + ": " + lastFailure, restarts);
    }

    /** Waits, but not past a stop: interrupting instead would break the Kafka clients' orderly close. */
    private void sleep(Duration duration) {
        long until = System.nanoTime() + duration.toNanos();
        try {
            while (consumer.running() && System.nanoTime() < until) {
                Thread.sleep(Math.min(100, Math.max(1, (until - System.nanoTime()) / 1_000_000)));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
