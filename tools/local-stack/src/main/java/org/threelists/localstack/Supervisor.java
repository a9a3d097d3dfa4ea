package org.threelists.localstack;

import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

/**
 * Restarts replicas whose process died, as Kubernetes restarts a crashed container: the local run then behaves
 * like a deployment, and the whole-system fault tests can kill a service and watch it come back by itself.
 */
final class Supervisor implements AutoCloseable {

    private static final Duration CHECK_INTERVAL = Duration.ofMillis(500);

    private final Supplier<List<ServiceReplica>> replicas;
    private final Thread thread;
    private volatile boolean running = true;

    private Supervisor(Supplier<List<ServiceReplica>> replicas) {
        this.replicas = replicas;
        this.thread = new Thread(this::watch, "local-stack-supervisor");
        this.thread.setDaemon(true);
    }

    static Supervisor start(Supplier<List<ServiceReplica>> replicas) {
        Supervisor supervisor = new Supervisor(replicas);
        supervisor.thread.start();
        return supervisor;
    }

    private void watch() {
        while (running) {
            for (ServiceReplica replica : replicas.get()) {
                if (!running) {
                    return;
                }
                try {
                    replica.reviveIfDead();
                } catch (RuntimeException e) {
                    System.err.println("supervisor: " + replica.name() + ": " + e);
                }
            }
            try {
                Thread.sleep(CHECK_INTERVAL.toMillis());
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Stops watching first, so that the replicas the stack then stops are not started again. */
    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join(Duration.ofSeconds(150).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
