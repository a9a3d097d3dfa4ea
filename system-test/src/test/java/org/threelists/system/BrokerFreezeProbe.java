package org.threelists.system;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.junit.jupiter.api.Test;
import org.threelists.localstack.LocalStack;
import org.threelists.localstack.ServiceReplica;
import org.threelists.localstack.ServiceSpec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * A quick experiment, not a test of the build (its name keeps it out of the default run): {@code -Dprobe.replicas}
 * replicas (1) of every service with the fault suite's workload, the broker frozen for {@code -Dprobe.freeze} seconds
 * (60), and the time of every hop of a new demand after the broker is back. With more than one replica it first kills
 * every replica with SIGKILL in turn and waits for its restart, as {@code FaultToleranceTest} does before its freeze:
 * which replica holds a relay's segment when the broker freezes then depends on those restarts, as it does there.
 * From shortly before the thaw until the new demand is through, it takes a thread dump of every replica every
 * {@code -Dprobe.dump-every} seconds (5; 0 for none), so a relay blocked in a call shows where. The services' logs and
 * the dumps are copied to {@code -Dprobe.logs} ({@code /tmp/bf/logs}).
 * Run: {@code ./mvnw -B -o -Dconsole.web.skip=true -pl system-test -am verify -Dtest=BrokerFreezeProbe
 * -Dprobe.replicas=2 -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class BrokerFreezeProbe {

    private static final Duration PATIENCE = Duration.ofSeconds(180);
    /** As FaultToleranceTest: the pause between two kills, each after its replica is ready again. */
    private static final Duration BETWEEN_KILLS = Duration.ofSeconds(2);

    @Test
    void hopsAfterTheBrokerThaws() throws Exception {
        RunningSystem.stop();
        Duration freeze = Duration.ofSeconds(Long.getLong("probe.freeze", 60));
        int replicas = Integer.getInteger("probe.replicas", 1);
        Path logs = Path.of(System.getProperty("probe.logs", "/tmp/bf/logs"));
        List<ServiceSpec> services = LocalStack.SERVICES.stream().map(s -> s.onPort(LocalStack.freePort())).toList();
        try (LocalStack stack = LocalStack.builder()
                .repoRoot(LocalStack.findRepositoryRoot(Path.of("")))
                .services(services)
                .replicas(replicas)
                .supervise(true)
                .serviceEnvironment(Map.of(
                        "THREELISTS_MATCHMAKER_REPLAN_DEBOUNCE", "PT1H",
                        "THREELISTS_DEADLINES_POLL_INTERVAL", "PT1S",
                        "QUARKUS_LOG_CATEGORY__ORG_AXONFRAMEWORK_EVENTHANDLING_POOLED__LEVEL", "DEBUG",
                        // joins, leaves and assignments of every consumer, with the member id the group sampler prints
                        "QUARKUS_LOG_CATEGORY__ORG_APACHE_KAFKA_CLIENTS_CONSUMER_INTERNALS__LEVEL", "INFO"))
                .start()) {
            ReplicatedClient client = new ReplicatedClient(stack);
            FaultDrill.Unit unit = FaultDrill.registerUnit(client, "unit-probe-");
            System.out.println("PROBE " + Instant.now() + " set up");
            try (FaultWorkload work = unit.workload(client, 2)) {
                Thread.sleep(10_000);
                RelayClaims claims = RelayClaims.sampled(stack);
                if (replicas > 1) {
                    killEveryReplica(stack);
                }
                hops(client, "warm", unit);
                System.out.println("PROBE " + Instant.now() + " broker suspended");
                stack.kafkaBroker().suspend();
                Thread.sleep(freeze.minusSeconds(5).toMillis());
                try (claims; ThreadDumps dumps = ThreadDumps.every(Duration.ofSeconds(Long.getLong("probe.dump-every", 5)),
                        stack.allReplicas(), logs.resolve("dumps"))) {
                    Thread.sleep(5_000);
                    stack.kafkaBroker().resume();
                    System.out.println("PROBE " + Instant.now() + " broker resumed");
                    try (ConsumerGroups groups = ConsumerGroups.sampled(stack.bootstrapServers())) {
                        hops(client, "thawed", unit);
                    }
                }
                Thread.sleep(5_000);
                hops(client, "after", unit);
            } finally {
                copyLogs(stack.logDir(), logs);
            }
        }
    }

    /** Every replica of every service killed in turn, each awaited until the supervisor has started it again. */
    private static void killEveryReplica(LocalStack stack) throws InterruptedException {
        for (ServiceSpec service : stack.services()) {
            for (ServiceReplica replica : stack.replicas(service.name())) {
                int before = replica.restarts().size();
                Instant killed = Instant.now();
                replica.kill();
                await(() -> replica.restarts().size() > before);
                System.out.printf("PROBE %s SIGKILL %s → ready again in %.1f s%n", Instant.now(), replica.name(),
                        Duration.between(killed, Instant.now()).toMillis() / 1000.0);
                Thread.sleep(BETWEEN_KILLS.toMillis());
            }
        }
    }

    private static void hops(ReplicatedClient client, String label, FaultDrill.Unit unit) {
        Instant start = Instant.now();
        FaultDrill.awaitPipeline(client, unit, (step, done) -> {
            await(done);
            mark(label, step, start);
        });
    }

    private static void mark(String label, String hop, Instant start) {
        System.out.printf("PROBE %s %-8s %-40s +%6.1f s%n", Instant.now(), label, hop,
                Duration.between(start, Instant.now()).toMillis() / 1000.0);
    }

    private static void await(BooleanSupplier condition) {
        Instant deadline = Instant.now().plus(PATIENCE);
        while (Instant.now().isBefore(deadline)) {
            try {
                if (condition.getAsBoolean()) {
                    return;
                }
            } catch (RuntimeException notYet) {
                // still coming back
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("not within " + PATIENCE);
    }

    private static void copyLogs(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (var files = Files.list(from)) {
            for (Path file : files.toList()) {
                Files.copy(file, to.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    /**
     * Who holds each service's relay segment, from its {@code token_entry} row, sampled every 500 ms: printed when the
     * owner changes, and when the claim's time stamp goes stale (unmoved for over 7 s) or moves again. The holder moves
     * it whenever it stores a token or extends its claim (every 5 s or so), so a stale stamp means a blocked holder;
     * another replica may take the segment over once it is 10 s old (JdbcTokenStore's claim time-out).
     */
    private static final class RelayClaims implements AutoCloseable {

        private static final Duration STALE = Duration.ofSeconds(7);
        private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        private final Map<String, String> owners = new java.util.HashMap<>();
        private final Map<String, Boolean> stale = new java.util.HashMap<>();

        static RelayClaims sampled(LocalStack stack) {
            RelayClaims claims = new RelayClaims();
            claims.timer.scheduleWithFixedDelay(() -> stack.services().forEach(s -> claims.sample(stack, s)), 0, 500,
                    TimeUnit.MILLISECONDS);
            return claims;
        }

        private void sample(LocalStack stack, ServiceSpec service) {
            try (Connection db = DriverManager.getConnection(stack.jdbcUrl(service.database()), stack.databaseUser(),
                    stack.databasePassword());
                    ResultSet row = db.createStatement().executeQuery(
                            "SELECT owner, time_stamp FROM token_entry WHERE processor_name = 'kafka-relay'")) {
                if (!row.next()) {
                    return;
                }
                String owner = String.valueOf(row.getString(1));
                Instant stamp = Instant.parse(row.getString(2));
                boolean staleNow = Duration.between(stamp, Instant.now()).compareTo(STALE) > 0;
                boolean ownerChanged = !owner.equals(owners.put(service.name(), owner));
                Boolean staleBefore = stale.put(service.name(), staleNow);
                if (ownerChanged || staleBefore == null || staleBefore != staleNow) {
                    System.out.printf("PROBE %s relay claim %-14s owner %s, stamped %s%s%n", Instant.now(),
                            service.name(), owner, stamp, staleNow ? " (stale)" : "");
                }
            } catch (SQLException | RuntimeException e) {
                System.out.println("PROBE relay claim of " + service.name() + " unreadable: " + e.getMessage());
            }
        }

        @Override
        public void close() {
            timer.shutdownNow();
        }
    }

    /**
     * The state, members and assignment of every consumer group, sampled every 500 ms and printed when they change: a
     * group that rebalances for long, or keeps a member that no longer polls, shows here.
     */
    private static final class ConsumerGroups implements AutoCloseable {

        private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        private final Admin admin;
        private final Map<String, String> last = new java.util.HashMap<>();

        private ConsumerGroups(String bootstrapServers) {
            Properties settings = new Properties();
            settings.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
            settings.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "2000");
            settings.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "3000");
            admin = Admin.create(settings);
        }

        static ConsumerGroups sampled(String bootstrapServers) {
            ConsumerGroups groups = new ConsumerGroups(bootstrapServers);
            groups.timer.scheduleWithFixedDelay(groups::sample, 0, 500, TimeUnit.MILLISECONDS);
            return groups;
        }

        private void sample() {
            try {
                List<String> ids = admin.listConsumerGroups().all().get(3, TimeUnit.SECONDS).stream()
                        .map(g -> g.groupId()).sorted().toList();
                for (ConsumerGroupDescription group : admin.describeConsumerGroups(ids).all()
                        .get(3, TimeUnit.SECONDS).values()) {
                    String now = group.groupState() + " " + group.members().stream()
                            .map(m -> m.consumerId().substring(Math.max(0, m.consumerId().length() - 8)) + "="
                                    + m.assignment().topicPartitions().stream().map(tp -> tp.partition())
                                    .sorted().toList())
                            .sorted().toList();
                    if (!now.equals(last.put(group.groupId(), now))) {
                        System.out.printf("PROBE %s group %-34s %s%n", Instant.now(), group.groupId(), now);
                    }
                }
            } catch (ExecutionException | java.util.concurrent.TimeoutException | RuntimeException e) {
                System.out.println("PROBE " + Instant.now() + " groups unreadable: " + e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public void close() {
            timer.shutdownNow();
            admin.close(Duration.ofSeconds(1));
        }
    }

    /**
     * {@code jcmd <pid> Thread.print} of every replica every so often, into {@code <replica>-<HHmmss>.txt}, on a
     * thread of its own until closed: what a relay's worker is blocked on is there when its log says nothing.
     */
    private static final class ThreadDumps implements AutoCloseable {

        private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("HHmmss").withZone(ZoneOffset.UTC);
        private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();

        static ThreadDumps every(Duration interval, List<ServiceReplica> replicas, Path into) throws IOException {
            ThreadDumps dumps = new ThreadDumps();
            if (!interval.isZero()) {
                Files.createDirectories(into);
                dumps.timer.scheduleWithFixedDelay(() -> replicas.forEach(r -> dump(r, into)), 0,
                        interval.toMillis(), TimeUnit.MILLISECONDS);
            }
            return dumps;
        }

        private static void dump(ServiceReplica replica, Path into) {
            try {
                Path file = into.resolve(replica.name() + "-" + STAMP.format(Instant.now()) + ".txt");
                Process jcmd = new ProcessBuilder("jcmd", Long.toString(replica.pid()), "Thread.print")
                        .redirectErrorStream(true).redirectOutput(file.toFile()).start();
                if (!jcmd.waitFor(20, TimeUnit.SECONDS)) {
                    jcmd.destroyForcibly();
                }
            } catch (IOException | RuntimeException e) {
                System.out.println("PROBE no thread dump of " + replica.name() + ": " + e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public void close() {
            timer.shutdownNow();
        }
    }
}
