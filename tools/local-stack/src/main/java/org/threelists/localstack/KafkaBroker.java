package org.threelists.localstack;

import org.threelists.devkit.Processes;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.Uuid;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * A single-node KRaft Kafka broker (broker and controller in one process), run as a child JVM from the
 * {@code kafka_2.13} artifact on the launcher's class path: a real broker without a Kafka installation or Docker.
 *
 * <p>The data directory survives restarts; it is formatted once, when it has no {@code meta.properties} yet.
 * The quorum is static ({@code controller.quorum.voters}), not a dynamic {@code --standalone} one, because a
 * dynamic quorum records the controller's address in the metadata log and the controller port is chosen anew
 * at every start.
 */
public final class KafkaBroker implements AutoCloseable {

    // A broker on a machine shared with several builds (load average 30-50 on 2 cores) needs more than a minute.
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(180);
    private static final Duration FORMAT_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration STOP_GRACE = Duration.ofSeconds(20);
    private static final int LOG_TAIL_LINES = 40;

    private final Process process;
    private final int port;
    private final Path logFile;

    private KafkaBroker(Process process, int port, Path logFile) {
        this.process = process;
        this.port = port;
        this.logFile = logFile;
    }

    /**
     * Starts a broker and waits until it answers.
     *
     * @param dataDir    holds server.properties and the log segments; kept across runs
     * @param portOrZero the client port; 0 for a free one
     * @param logFile    receives the broker's output (replaced at every start)
     */
    public static KafkaBroker start(Path dataDir, int portOrZero, Path logFile) {
        KafkaBroker started = launch(dataDir, portOrZero, logFile);
        try {
            started.awaitReady();
        } catch (RuntimeException e) {
            started.close();
            throw e;
        }
        return started;
    }

    /** Formats the storage if needed and starts the broker process, without waiting for it to be ready. */
    static KafkaBroker launch(Path dataDir, int portOrZero, Path logFile) {
        try {
            Path home = Files.createDirectories(dataDir.toAbsolutePath());
            Path log = logFile.toAbsolutePath();
            Files.createDirectories(log.getParent());
            Files.deleteIfExists(log);

            int port = portOrZero == 0 ? Processes.freePort() : portOrZero;
            Processes.requirePortFree(port, "Kafka");
            int controllerPort = Processes.freePort();
            Path logDirs = home.resolve("kraft-logs");
            Path config = writeConfig(home.resolve("server.properties"), port, controllerPort, logDirs);

            if (!Files.exists(logDirs.resolve("meta.properties"))) {
                format(config, log);
            }
            ProcessBuilder broker = new ProcessBuilder(Processes.detachedFromTerminal(Processes.withDefaultSignals(javaCommand(
                    List.of("-Xms128m", "-Xmx512m"),
                    ExitWithParent.class.getName(), "kafka.Kafka", config.toString()))))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            // stdin stays a pipe that we never close: ExitWithParent stops the broker when it closes with our death
            return new KafkaBroker(broker.start(), port, log);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the Kafka broker", e);
        }
    }

    /** The broker's process id. */
    public long pid() {
        return process.pid();
    }

    public String bootstrapServers() {
        return "localhost:" + port;
    }

    public int port() {
        return port;
    }

    public Path logFile() {
        return logFile;
    }

    /**
     * Freezes the broker (SIGSTOP) as a stalled machine or a long GC pause would: connections stay open but nothing
     * answers, so clients see time-outs rather than refused connections. {@link #resume()} thaws it.
     */
    public void suspend() {
        Processes.signal(process.pid(), "STOP");
    }

    public void resume() {
        Processes.signal(process.pid(), "CONT");
    }

    /** SIGTERM lets the broker shut down cleanly (no log recovery at the next start); forced after 20 s. */
    @Override
    public void close() {
        Processes.stop(process, STOP_GRACE);
    }

    static Map<String, String> brokerSettings(int port, int controllerPort, Path logDirs) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("process.roles", "broker,controller");
        settings.put("node.id", "1");
        settings.put("controller.quorum.voters", "1@localhost:" + controllerPort);
        settings.put("listeners", "PLAINTEXT://localhost:" + port + ",CONTROLLER://localhost:" + controllerPort);
        settings.put("advertised.listeners", "PLAINTEXT://localhost:" + port);
        settings.put("controller.listener.names", "CONTROLLER");
        settings.put("inter.broker.listener.name", "PLAINTEXT");
        settings.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        settings.put("log.dirs", logDirs.toString());
        // one node: every replication factor and in-sync minimum is 1
        settings.put("default.replication.factor", "1");
        settings.put("min.insync.replicas", "1");
        settings.put("offsets.topic.replication.factor", "1");
        settings.put("transaction.state.log.replication.factor", "1");
        settings.put("transaction.state.log.min.isr", "1");
        settings.put("share.coordinator.state.topic.replication.factor", "1");
        settings.put("share.coordinator.state.topic.min.isr", "1");
        // fewer internal partitions than the production default of 50: a faster first start, plenty for one machine
        settings.put("offsets.topic.num.partitions", "10");
        settings.put("transaction.state.log.num.partitions", "10");
        settings.put("group.initial.rebalance.delay.ms", "0");
        // after a restart the controller refuses the broker's new registration (DUPLICATE_BROKER_REGISTRATION) until
        // the previous incarnation's session expires, even after a clean shutdown: 9 s by default, 3 s here
        settings.put("broker.heartbeat.interval.ms", "1000");
        settings.put("broker.session.timeout.ms", "3000");
        settings.put("auto.create.topics.enable", "true");
        settings.put("num.partitions", "3");
        // keep every event: projections such as the ledger are rebuilt by replaying the topics from the beginning
        settings.put("log.retention.ms", "-1");
        settings.put("num.network.threads", "2");
        settings.put("num.io.threads", "4");
        return settings;
    }

    private static Path writeConfig(Path file, int port, int controllerPort, Path logDirs) throws IOException {
        Properties properties = new Properties();
        properties.putAll(brokerSettings(port, controllerPort, logDirs));
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            properties.store(out, "written by the threelists local stack at every start; edits are overwritten");
        }
        return file;
    }

    private static void format(Path config, Path log) throws IOException {
        String clusterId = Uuid.randomUuid().toString();
        Process format = new ProcessBuilder(javaCommand(List.of("-Xmx256m"),
                "kafka.tools.StorageTool", "format", "--cluster-id", clusterId, "--config", config.toString()))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        try {
            if (!format.waitFor(FORMAT_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                format.destroyForcibly();
                throw new IllegalStateException("formatting the Kafka storage took longer than " + FORMAT_TIMEOUT
                        + "; see " + log);
            }
        } catch (InterruptedException e) {
            format.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while formatting the Kafka storage", e);
        }
        if (format.exitValue() != 0) {
            throw new IllegalStateException("formatting the Kafka storage failed (exit " + format.exitValue() + "):\n"
                    + Processes.tail(log, LOG_TAIL_LINES));
        }
    }

    private static List<String> javaCommand(List<String> jvmOptions, String... mainAndArgs) {
        List<String> command = new ArrayList<>();
        command.add(Processes.javaExecutable());
        command.addAll(jvmOptions);
        // slf4j-simple is the logging backend on the launcher class path; the broker log wants times and INFO.
        // Named outright: a test class path also holds JBoss's SLF4J provider, which SLF4J may pick first and which
        // logs nothing outside Quarkus, so a broker that failed to start left no reason in its log.
        command.add("-Dslf4j.provider=org.slf4j.simple.SimpleServiceProvider");
        command.add("-Dorg.slf4j.simpleLogger.defaultLogLevel=info");
        command.add("-Dorg.slf4j.simpleLogger.showDateTime=true");
        command.add("-Dorg.slf4j.simpleLogger.dateTimeFormat=yyyy-MM-dd HH:mm:ss.SSS");
        command.add("-cp");
        command.add(Processes.absoluteClassPath());
        command.addAll(List.of(mainAndArgs));
        return command;
    }

    /** Waits until the broker describes its cluster; fails with the log tail if it dies or takes over 60 s. */
    void awaitReady() {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        // the port opens before the broker can serve; waiting for it first keeps the admin client from logging
        // a connection warning every few milliseconds
        while (!Processes.acceptsConnections(port)) {
            checkAlive();
            checkDeadline(deadline);
            Processes.sleep(Duration.ofMillis(200));
        }
        Properties admin = new Properties();
        admin.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        admin.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000");
        admin.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "5000");
        try (Admin client = Admin.create(admin)) {
            while (true) {
                checkAlive();
                checkDeadline(deadline);
                try {
                    if (!client.describeCluster().nodes().get(5, TimeUnit.SECONDS).isEmpty()) {
                        return;
                    }
                } catch (Exception notYet) {
                    if (notYet instanceof InterruptedException) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException("interrupted while waiting for Kafka", notYet);
                    }
                }
                Processes.sleep(Duration.ofMillis(200));
            }
        }
    }

    /**
     * Has the broker create its internal topics (the group and transaction coordinators' logs) now, as a broker long
     * up has them, rather than for the first service that joins a group or starts a transaction: that service's
     * start would otherwise carry the broker's creating and loading them (bench/README.md, "Start-up: each service
     * alone"). Asking for a coordinator is what creates them; what the answers say is of no interest.
     */
    void createInternalTopics() {
        Properties admin = new Properties();
        admin.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        admin.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "30000");
        try (Admin client = Admin.create(admin)) {
            await(client.describeConsumerGroups(List.of("local-stack-coordinator-probe")).all());
            await(client.describeTransactions(List.of("local-stack-coordinator-probe")).all());
        }
    }

    private static void await(KafkaFuture<?> answer) {
        try {
            answer.get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for Kafka", e);
        } catch (Exception unknownGroupOrTransaction) {
            // the coordinator answered (or not in time): either way the topic exists or is being created
        }
    }

    private void checkAlive() {
        if (!process.isAlive()) {
            throw new IllegalStateException("the Kafka broker exited with code " + process.exitValue()
                    + "; last lines of " + logFile + ":\n" + Processes.tail(logFile, LOG_TAIL_LINES));
        }
    }

    private void checkDeadline(long deadline) {
        if (System.nanoTime() > deadline) {
            throw new IllegalStateException("the Kafka broker was not ready after " + READY_TIMEOUT.toSeconds()
                    + " s; last lines of " + logFile + ":\n" + Processes.tail(logFile, LOG_TAIL_LINES));
        }
    }
}
