package org.threelists.localstack;

import org.threelists.devkit.Processes;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * One replica of a service as the local stack keeps it running: its port, its log, the process now serving, and the
 * restarts it has had. Like a Kubernetes pod under its Deployment, a replica whose process died (a crash, SIGKILL,
 * an out-of-memory kill) is started again by the {@link Supervisor}; one stopped on purpose is not.
 */
public final class ServiceReplica {

    private final ServiceSpec spec;
    private final int index;
    private final Path logFile;
    private final Function<ServiceReplica, ServiceProcess> launcher;
    private final List<Instant> restarts = new CopyOnWriteArrayList<>();
    private ServiceProcess process;
    private boolean stopped;
    private int failedStarts;
    private Instant nextAttempt = Instant.MIN;

    ServiceReplica(ServiceSpec spec, int index, Path logFile, Function<ServiceReplica, ServiceProcess> launcher) {
        this.spec = spec;
        this.index = index;
        this.logFile = logFile;
        this.launcher = launcher;
    }

    /** The name its pid is recorded under: the service's own for the first replica, {@code name-2} for the second… */
    public String name() {
        return index == 0 ? spec.name() : spec.name() + "-" + (index + 1);
    }

    public ServiceSpec spec() {
        return spec;
    }

    public int index() {
        return index;
    }

    public String baseUrl() {
        return spec.baseUrl();
    }

    public Path logFile() {
        return logFile;
    }

    public synchronized long pid() {
        return process.pid();
    }

    public synchronized boolean isAlive() {
        return process != null && process.isAlive();
    }

    /** When the supervisor restarted this replica after its process had died. */
    public List<Instant> restarts() {
        return List.copyOf(restarts);
    }

    /**
     * Starts the process and waits until it is ready. Its log starts afresh here; the restarts after a crash append to
     * it, so that what the crashed process wrote is still there to read.
     */
    synchronized void start() {
        ServiceProcess.startLogAfresh(logFile);
        process = launcher.apply(this);
    }

    /** SIGKILL, as a crash or an evicted pod would end it; the supervisor, if any, starts it again. */
    public synchronized void kill() {
        process.kill();
    }

    /** Sends a signal by name (INT, TERM, STOP, CONT…) to the process, as an operator or the kernel would. */
    public synchronized void signal(String signal) {
        Processes.signal(process.pid(), signal);
    }

    /** Stops the process (SIGTERM, forced after a grace period) or kills it, and starts it again at once. */
    synchronized void restart(boolean crash) {
        if (crash) {
            process.kill();
        } else {
            process.close();
        }
        process = launcher.apply(this);
    }

    /**
     * Stops it for good with a signal (INT, TERM…), as an operator or Kubernetes would, and returns the exit code;
     * the supervisor leaves it alone from now on. Fails if it has not ended within {@code grace} (it is then killed).
     */
    public synchronized int stopWith(String signal, Duration grace) {
        stopped = true;
        Processes.signal(process.pid(), signal);
        if (!process.awaitExit(grace)) {
            process.kill();
            throw new IllegalStateException(name() + " did not stop within " + grace.toSeconds() + " s of SIG" + signal);
        }
        return process.exitCode();
    }

    /** Stops it for good: the supervisor leaves it alone from now on. */
    synchronized void stop() {
        stopped = true;
        if (process != null) {
            process.close();
        }
    }

    /**
     * Called by the supervisor: if the process died without being stopped, start it again, backing off (1, 2, 4… up
     * to 30 s) after starts that failed, as Kubernetes' CrashLoopBackOff does.
     */
    synchronized void reviveIfDead() {
        if (stopped || process == null || process.isAlive() || Instant.now().isBefore(nextAttempt)) {
            return;
        }
        System.out.printf("  %-13s exited (code %d); restarting%n", name(), process.exitCode());
        try {
            process = launcher.apply(this);
            restarts.add(Instant.now());
            failedStarts = 0;
        } catch (RuntimeException e) {
            failedStarts++;
            Duration backoff = Duration.ofSeconds(Math.min(30, 1L << Math.min(failedStarts - 1, 5)));
            nextAttempt = Instant.now().plus(backoff);
            System.err.printf("  %-13s did not start (%s); next try in %d s%n", name(), e.getMessage(), backoff.toSeconds());
        }
    }
}
