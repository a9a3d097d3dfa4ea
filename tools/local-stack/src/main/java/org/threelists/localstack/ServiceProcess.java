package org.threelists.localstack;

import org.threelists.devkit.Processes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * One Quarkus service run from its fast-jar ({@code services/<name>/target/quarkus-app/quarkus-run.jar}) as its
 * own process, the way it runs in production, rather than in dev mode inside the launcher.
 */
public final class ServiceProcess implements AutoCloseable {

    // Eight seconds on a quiet machine; several minutes when several builds share its two cores.
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(300);
    private static final Duration STOP_GRACE = Duration.ofSeconds(20);
    /** A start that records its class-data archive writes it on the way out: tens of seconds on a loaded machine. */
    private static final Duration RECORDING_STOP_GRACE = Duration.ofSeconds(180);
    private static final int LOG_TAIL_LINES = 40;
    /** Overrides {@link #DEFAULT_JVM_OPTIONS} (space-separated), e.g. to compare option sets in one bench run. */
    public static final String JVM_OPTIONS_PROPERTY = "threelists.service.jvm-options";
    /**
     * A small service that starts quickly, for a run of minutes or hours (the local run, its bench, the system
     * tests): the heap deploy/k8s is sized from, and the C1 compiler alone, as Quarkus's dev mode runs. Measured side
     * by side on a quiet machine, C1 alone started each service on 34–52 % less CPU and served half again as many
     * requests in the first minutes, while C2's compiling takes much of two cores (bench/README.md, "C1 only for the
     * local run").
     * The serial collector from a 32 MiB heap up: side by side on a quiet machine it served 49–59 % more requests at
     * 34–37 % less CPU per request than G1, and it keeps none of G1's ~40 MiB of structures; the heap starts small
     * because the JVM's initial heap, 1/64 of this machine's memory, is above the maximum (bench/README.md, "The
     * services' memory: the serial collector").
     * The heap's free ratios (20–40 % free after a full collection instead of 40–70 %): the serial collector sizes
     * its old generation only at a full collection and keeps it until the next one, and the young generation follows
     * it; with these the heap after the bench's ingest was 8–13 MiB smaller with a live set of 17–28 MiB. The native
     * heap trimmed every 5 s (an experimental option of the JDK 17 updates): CP-SAT's and the Kafka clients' freed
     * native memory goes back to the system (bench/README.md, "The services' memory after the ingest").
     * deploy/k8s's manifests pass the heap and the serial collector, and C1 alone for demand-list, resource-list and
     * the matchmaker (after 90 s of ingest C2 was still compiling and served half as many demands, and the engine plans
     * as well with C1; bench/README.md, "demand-list and resource-list without an ORM", "The matchmaker's pod on C1");
     * the ledger's pods keep C2 for its hashing.
     */
    public static final List<String> DEFAULT_JVM_OPTIONS = List.of("-Xmx256m", "-Xms32m", "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1", "-XX:MinHeapFreeRatio=20", "-XX:MaxHeapFreeRatio=40",
            "-XX:+UnlockExperimentalVMOptions", "-XX:TrimNativeHeapInterval=5000");
    /**
     * glibc gives every thread that allocates natively an arena of its own (up to eight per core), and freed memory
     * stays in them: two arenas keep what the JVM's own threads free in fewer places (bench/README.md, "The services'
     * memory after the ingest"). Set only where the caller's environment does not set it already.
     */
    public static final Map<String, String> DEFAULT_ENVIRONMENT = Map.of("MALLOC_ARENA_MAX", "2");

    private final ServiceSpec spec;
    private final Process process;
    private final Path logFile;
    private final ClassDataArchive classData;

    private ServiceProcess(ServiceSpec spec, Process process, Path logFile, ClassDataArchive classData) {
        this.spec = spec;
        this.process = process;
        this.logFile = logFile;
        this.classData = classData;
    }

    /** Whether {@code ./mvnw install} has built the service's runner jar. */
    public static boolean isBuilt(Path repoRoot, ServiceSpec spec) {
        return Files.isRegularFile(spec.runJar(repoRoot));
    }

    /**
     * Starts the service and waits until {@code /q/health/ready} answers 200.
     *
     * @param logFile receives the service's output, appended (see {@link #startLogAfresh})
     */
    public static ServiceProcess start(Path repoRoot, ServiceSpec spec, ServiceSettings settings, Path logFile) {
        ServiceProcess started = launch(repoRoot, spec, settings, logFile);
        try {
            started.awaitReady();
        } catch (RuntimeException e) {
            started.close();
            throw e;
        }
        return started;
    }

    /** Empties a log that a process's output will be appended to, for a start that is not a restart. */
    static void startLogAfresh(Path logFile) {
        try {
            Files.deleteIfExists(logFile);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + logFile + " afresh", e);
        }
    }

    /** Starts the process without waiting for it to be ready; its output is appended to the log. */
    static ServiceProcess launch(Path repoRoot, ServiceSpec spec, ServiceSettings settings, Path logFile) {
        return launch(repoRoot, spec, settings.environment(spec.port()), logFile);
    }

    /**
     * Starts the process with these environment variables added (and {@link #DEFAULT_ENVIRONMENT}'s where neither
     * they nor the launcher's environment set them), without waiting for it to be ready.
     */
    static ServiceProcess launch(Path repoRoot, ServiceSpec spec, Map<String, String> environment, Path logFile) {
        Path runJar = spec.runJar(repoRoot).toAbsolutePath();
        if (!Files.isRegularFile(runJar)) {
            throw new IllegalStateException(spec.name() + " is not built: " + runJar + " is missing (run ./mvnw install -DskipTests)");
        }
        Processes.requirePortFree(spec.port(), spec.name());
        try {
            Path log = logFile.toAbsolutePath();
            Files.createDirectories(log.getParent());
            List<String> command = new ArrayList<>();
            command.add(Processes.javaExecutable());
            command.addAll(jvmOptions(spec));
            ClassDataArchive classData = ClassDataArchive.forRunJar(runJar, makesFlightRecording(command, environment));
            command.addAll(classData.jvmOptions());
            command.addAll(List.of("-jar", runJar.toString()));
            command = onCpus(command);
            // run inside quarkus-app/ so that a .env or config/ folder at the repository root is not picked up
            ProcessBuilder builder = new ProcessBuilder(Processes.detachedFromTerminal(Processes.withDefaultSignals(command)))
                    .directory(runJar.getParent().toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            DEFAULT_ENVIRONMENT.forEach(builder.environment()::putIfAbsent);
            builder.environment().putAll(environment);
            return new ServiceProcess(spec, builder.start(), log, classData);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + spec.name(), e);
        }
    }

    /**
     * Runs every service on these CPUs only (a {@code taskset} list such as {@code 1}), e.g. to start a service as a
     * pod limited to one core does (deploy/k8s: a limit of 1 CPU); unset, the services share every core.
     */
    public static final String CPUS_PROPERTY = "threelists.service.cpus";

    static List<String> onCpus(List<String> command) {
        String cpus = System.getProperty(CPUS_PROPERTY);
        if (cpus == null || cpus.isBlank()) {
            return command;
        }
        List<String> pinned = new ArrayList<>(List.of("taskset", "--cpu-list", cpus.trim()));
        pinned.addAll(command);
        return pinned;
    }

    /** The JVM options every service process gets: {@link #DEFAULT_JVM_OPTIONS} unless the system property says otherwise. */
    public static List<String> jvmOptions() {
        return overridden().orElse(DEFAULT_JVM_OPTIONS);
    }

    /** The options the system property gives every service, if it gives any. */
    private static Optional<List<String>> overridden() {
        String override = System.getProperty(JVM_OPTIONS_PROPERTY);
        return override == null || override.isBlank() ? Optional.empty()
                : Optional.of(List.of(override.trim().split("\\s+")));
    }

    /**
     * The services that keep C2 beside C1 (the default options without {@code -XX:TieredStopAtLevel=1}), as deploy/k8s
     * runs them: the ledger, whose verification walk hashes every entry with SHA-256, which only C2 compiles
     * to the processor's SHA instructions; with C1 alone the hashing took 36 % of the walk's CPU. Measured side by
     * side: bench/README.md, "Ledger: a period inside months, the totals from the rows' volunteers; C2 for the ledger".
     */
    static final Set<String> WITH_C2 = Set.of("ledger");

    /** The JVM options of this service's process: {@link #jvmOptions()}, without C1 alone for {@link #WITH_C2}. */
    public static List<String> jvmOptions(ServiceSpec spec) {
        return overridden().orElseGet(() -> WITH_C2.contains(spec.name())
                ? DEFAULT_JVM_OPTIONS.stream().filter(o -> !o.startsWith("-XX:TieredStopAtLevel=")).toList()
                : DEFAULT_JVM_OPTIONS);
    }

    /**
     * Whether the JVM of this command makes a flight recording: asked on its command line or in the options the JVM
     * reads from its environment (these variables added to the launcher's own).
     */
    private static boolean makesFlightRecording(List<String> command, Map<String, String> environment) {
        return Stream.concat(command.stream(), Stream.of("JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS")
                        .map(name -> environment.getOrDefault(name, System.getenv(name))))
                .anyMatch(option -> option != null && option.contains("-XX:StartFlightRecording"));
    }

    /**
     * Whether services start with their class-data archive ({@link ClassDataArchive}: recorded by the first start
     * after a build, mapped by the next): on unless {@code -Dthreelists.service.class-data-archive=off}.
     */
    public static boolean classDataArchives() {
        return ClassDataArchive.enabled();
    }

    public ServiceSpec spec() {
        return spec;
    }

    public String baseUrl() {
        return spec.baseUrl();
    }

    public Path logFile() {
        return logFile;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** The exit code once the process has ended (128 + signal number when a signal ended it). */
    public int exitCode() {
        return process.exitValue();
    }

    /** Waits up to {@code timeout} for the process to end; true if it did. */
    public boolean awaitExit(Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * SIGTERM lets Quarkus finish requests and close its Kafka clients and connection pool; forced after 20 s, or
     * after 3 min when the process is writing its class-data archive.
     */
    @Override
    public void close() {
        Processes.stop(process, classData.recording() ? RECORDING_STOP_GRACE : STOP_GRACE);
        // 137 = SIGKILL: the grace ran out, and a class-data archive being written then is incomplete
        classData.processEnded(process.isAlive() || process.exitValue() == 137);
    }

    /** SIGKILL, as a crash or an evicted pod would end it: nothing is flushed or closed. */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        classData.processEnded(true);
    }

    /** Waits for HTTP 200 from /q/health/ready; fails with the log tail if the process dies or the time is up. */
    void awaitReady() {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest ready = HttpRequest.newBuilder(URI.create(baseUrl() + "/q/health/ready"))
                .timeout(Duration.ofSeconds(5))
                .GET()
                .build();
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (true) {
            if (!process.isAlive()) {
                throw new IllegalStateException(spec.name() + " exited with code " + process.exitValue()
                        + "; last lines of " + logFile + ":\n" + Processes.tail(logFile, LOG_TAIL_LINES));
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(spec.name() + " was not ready after " + READY_TIMEOUT.toSeconds()
                        + " s; last lines of " + logFile + ":\n" + Processes.tail(logFile, LOG_TAIL_LINES));
            }
            try {
                if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + spec.name(), e);
            }
            Processes.sleep(Duration.ofMillis(500));
        }
    }
}
