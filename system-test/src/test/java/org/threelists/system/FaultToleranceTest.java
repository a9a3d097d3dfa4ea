package org.threelists.system;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.threelists.localstack.LocalStack;
import org.threelists.localstack.ServiceReplica;
import org.threelists.localstack.ServiceSpec;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.threelists.localstack.LocalStack.DEMAND_LIST;
import static org.threelists.localstack.LocalStack.LEDGER;
import static org.threelists.localstack.LocalStack.MATCHMAKER;
import static org.threelists.localstack.LocalStack.RESOURCE_LIST;
import static org.threelists.system.FaultDrill.DESK;

/**
 * The whole system under faults, as a deployment meets them: two replicas of every service on one PostgreSQL and one
 * broker, steady work going on (demands submitted and verified, assigned to a unit through the capacity saga,
 * scheduled and delivered), while each service is killed with SIGKILL in turn (both replicas, one after the other),
 * the broker is frozen (SIGSTOP) for 60 s and PostgreSQL is restarted. Afterwards every accepted demand, claim and
 * delivery is in place exactly once — in its service, on its topic and in the ledger — no claim is left pending,
 * no message was dead-lettered, and every killed replica came back by itself. Finally every process stops cleanly on
 * SIGINT. The figures are printed (see docs/architecture.md, "Faults").
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Order(11) // junit-platform.properties: the shared system's classes first
class FaultToleranceTest {

    private static final Duration BROKER_PAUSE = Duration.ofSeconds(60);
    /**
     * How long the workload runs before the first fault and between two kills: long enough for requests, relays and
     * consumers of every replica to be mid-flight when the next one is killed (each kill also waits for its replica
     * to be ready again), short enough to keep the build within its time.
     */
    private static final Duration WORKLOAD_BEFORE_FAULT = Duration.ofSeconds(10);
    private static final Duration BETWEEN_KILLS = Duration.ofSeconds(2);
    /** After the last fault: the workload's last steps in flight finish before the checks. */
    private static final Duration SETTLE = Duration.ofSeconds(8);
    /** The bound this test holds recovery to: a killed replica ready again, the pipeline flowing after a fault. */
    private static final Duration RECOVERY_BOUND = Duration.ofSeconds(120);

    private static LocalStack stack;
    private static ReplicatedClient client;
    private static TopicAudit topics;
    private static final Map<String, Duration> recovery = new LinkedHashMap<>();

    @BeforeAll
    static void startTwoReplicasOfEveryService() {
        RunningSystem.stop(); // one whole system at a time on a 2-core machine
        List<ServiceSpec> services = LocalStack.SERVICES.stream().map(s -> s.onPort(LocalStack.freePort())).toList();
        stack = LocalStack.builder()
                .repoRoot(LocalStack.findRepositoryRoot(Path.of("")))
                .services(services)
                .replicas(2)
                .supervise(true)
                .serviceEnvironment(Map.of(
                        // the desk assigns every demand itself here: the planner's own proposals would take them first
                        "THREELISTS_MATCHMAKER_REPLAN_DEBOUNCE", "PT1H",
                        "THREELISTS_DEADLINES_POLL_INTERVAL", "PT1S"))
                .start();
        client = new ReplicatedClient(stack);
        topics = new TopicAudit(stack.bootstrapServers());
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    @Order(1)
    void nothingIsLostDuplicatedOrStuckWhenServicesCrashTheBrokerFreezesAndTheDatabaseRestarts() throws Exception {
        FaultDrill.Unit unit = FaultDrill.registerUnit(client, "unit-fault-");
        FaultWorkload work = unit.workload(client, 2);
        try {
            sleep(WORKLOAD_BEFORE_FAULT);
            for (ServiceSpec service : stack.services()) {
                for (ServiceReplica replica : stack.replicas(service.name())) {
                    recovery.put("SIGKILL " + replica.name() + " → ready again", killAndAwaitRestart(replica));
                    sleep(BETWEEN_KILLS);
                }
            }

            stack.kafkaBroker().suspend();
            sleep(BROKER_PAUSE);
            stack.kafkaBroker().resume();
            Instant resumed = Instant.now();
            awaitPipeline(unit);
            recovery.put("broker frozen 60 s → a new demand assigned end to end", Duration.between(resumed, Instant.now()));

            Instant restarting = Instant.now();
            stack.restartPostgres();
            awaitPipeline(unit);
            recovery.put("PostgreSQL restarted → a new demand assigned end to end", Duration.between(restarting, Instant.now()));
            sleep(SETTLE);
        } finally {
            work.close();
        }

        assertThat(work.stuckSteps()).as("steps that did not complete within their patience").isEmpty();
        awaitTrue("no claim pending", Duration.ofSeconds(180), () -> count(MATCHMAKER,
                "SELECT count(*) FROM project_claim WHERE status = 'PENDING'") == 0);
        awaitTrue("every delivery in the ledger", Duration.ofSeconds(180),
                () -> ledgerDeliveries().keySet().containsAll(work.deliveries));

        List<JsonNode> demandEvents = topics.events("demand-list.events.v1");
        List<JsonNode> projectEvents = topics.events("project-list.events.v1");
        List<JsonNode> resourceEvents = topics.events("resource-list.events.v1");
        Map<String, Long> submitted = TopicAudit.countBySubject(demandEvents, "threelists.demand.submitted.v1");
        Map<String, Long> claimed = TopicAudit.countBySubject(projectEvents, "threelists.project.claimed.v1");
        Map<String, Long> delivered = TopicAudit.countBySubject(projectEvents, "threelists.project.delivered.v1");
        Map<String, Long> reserved = countByProject(resourceEvents, "threelists.capacity.reserved.v1");
        Map<String, Long> inLedger = ledgerDeliveries();
        Set<String> storedDemands = new java.util.HashSet<>();
        for (String demand : work.demands) {
            if (client.get(DEMAND_LIST, DESK, "/demands/" + demand).is(200)) {
                storedDemands.add(demand);
            }
        }

        Map<String, String> figures = new LinkedHashMap<>();
        figures.put("demands", line(work.demands, storedDemands::contains, submitted));
        figures.put("claims", line(work.claims, p -> claimed.getOrDefault(p, 0L) >= 1, reserved));
        figures.put("deliveries", line(work.deliveries, p -> inLedger.getOrDefault(p, 0L) >= 1, delivered));
        print(figures);

        assertThat(work.demands).as("demands accepted").isNotEmpty();
        assertThat(work.deliveries).as("deliveries accepted").isNotEmpty();
        assertThat(storedDemands).as("accepted demands stored in demand-list").containsExactlyInAnyOrderElementsOf(work.demands);
        work.demands.forEach(d -> assertThat(submitted.get(d)).as("demand.submitted of " + d).isEqualTo(1L));
        work.claims.forEach(p -> assertThat(claimed.get(p)).as("project.claimed of " + p).isEqualTo(1L));
        work.claims.forEach(p -> assertThat(reserved.get(p)).as("capacity.reserved for " + p).isEqualTo(1L));
        work.deliveries.forEach(p -> assertThat(delivered.get(p)).as("project.delivered of " + p).isEqualTo(1L));
        work.deliveries.forEach(p -> assertThat(inLedger.get(p)).as("ledger DELIVERY entries of " + p).isEqualTo(1L));
        assertNoDuplicateIds("demand-list.events.v1", demandEvents);
        assertNoDuplicateIds("project-list.events.v1", projectEvents);
        assertNoDuplicateIds("resource-list.events.v1", resourceEvents);
        assertThat(topics.deadLetters()).as("records on dead-letter topics").allSatisfy((topic, records) ->
                assertThat(records).as(topic).isZero());
        assertThat(recovery.values()).allSatisfy(d -> assertThat(d).isLessThanOrEqualTo(RECOVERY_BOUND));
    }

    @Test
    @Order(2)
    void everyProcessDrainsAndStopsOnSigint() throws Exception {
        Map<String, String> outcomes = new LinkedHashMap<>();
        // the matchmakers first, each while its native solver works on a plan: a stop must end the solve cleanly
        List<ServiceReplica> matchmakersFirst = new ArrayList<>(stack.replicas(MATCHMAKER));
        stack.allReplicas().stream().filter(r -> !matchmakersFirst.contains(r)).forEach(matchmakersFirst::add);
        for (ServiceReplica replica : matchmakersFirst) {
            long logBefore = Files.size(replica.logFile());
            boolean solving = replica.spec().name().equals(MATCHMAKER);
            if (solving) {
                var solve = LongSolve.start(replica.baseUrl(), DESK);
                Thread.sleep(3_000);
                assertThat(solve).as(replica.name() + " still solving when SIGINT is sent").isNotDone();
            }
            int exit = replica.stopWith("INT", Duration.ofSeconds(30));
            String log = Files.readString(replica.logFile()).substring((int) Math.min(logBefore, Files.size(replica.logFile())));
            outcomes.put(replica.name(), "exit " + exit + (solving ? " (while solving)" : ""));
            assertThat(log).as(replica.name() + " log after SIGINT").contains("stopped in")
                    .doesNotContain("terminate called").doesNotContain("core dumped");
            assertThat(exit).as(replica.name() + " exit code after SIGINT").isIn(0, 130);
        }
        System.out.println("SIGINT: " + outcomes);
    }

    /** No event twice on a topic; each copy of one that is, with where it sits, in the failure's message. */
    private static void assertNoDuplicateIds(String topic, List<JsonNode> events) {
        Map<String, Long> duplicates = topics.duplicateIds(events);
        assertThat(duplicates).as("event ids twice on " + topic + ": "
                + (duplicates.isEmpty() ? "" : String.join("\n", topics.copiesOf(topic, duplicates.keySet())))).isEmpty();
    }

    private static Duration killAndAwaitRestart(ServiceReplica replica) {
        int before = replica.restarts().size();
        Instant killed = Instant.now();
        replica.kill();
        // waits longer than the bound so that a slow start is reported with its figure rather than as a time-out
        awaitTrue(replica.name() + " restarted by the supervisor", RECOVERY_BOUND.multipliedBy(3),
                () -> replica.restarts().size() > before);
        return Duration.between(killed, replica.restarts().get(replica.restarts().size() - 1));
    }

    /** A new demand goes all the way, each step within the recovery bound. */
    private static void awaitPipeline(FaultDrill.Unit unit) {
        FaultDrill.awaitPipeline(client, unit, (step, done) -> awaitTrue("the probe demand " + step, RECOVERY_BOUND, done));
    }

    private static Map<String, Long> countByProject(List<JsonNode> events, String type) {
        Map<String, Long> counts = new HashMap<>();
        events.stream().filter(e -> type.equals(e.path("type").asText()))
                .forEach(e -> counts.merge(e.path("data").path("projectId").asText(), 1L, Long::sum));
        return counts;
    }

    private static Map<String, Long> ledgerDeliveries() {
        Map<String, Long> counts = new HashMap<>();
        try (Connection db = connect(LEDGER); ResultSet rows = db.createStatement().executeQuery(
                "SELECT project_id, count(*) FROM ledger_entry WHERE kind = 'DELIVERY' AND generation ="
                        + " (SELECT generation FROM ledger_generation WHERE status = 'CURRENT') GROUP BY project_id")) {
            while (rows.next()) {
                counts.put(rows.getString(1), rows.getLong(2));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return counts;
    }

    private static long count(String service, String sql) {
        try (Connection db = connect(service); ResultSet rows = db.createStatement().executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Connection connect(String service) throws SQLException {
        String database = stack.services().stream().filter(s -> s.name().equals(service)).findFirst().orElseThrow().database();
        return DriverManager.getConnection(stack.jdbcUrl(database), stack.databaseUser(), stack.databasePassword());
    }

    /** accepted / present / on the topic more than once, for one kind of record. */
    private static String line(Set<String> accepted, java.util.function.Predicate<String> present, Map<String, Long> onTopic) {
        long presentCount = accepted.stream().filter(present).count();
        long duplicated = accepted.stream().filter(id -> onTopic.getOrDefault(id, 0L) > 1).count();
        return "accepted " + accepted.size() + ", present " + presentCount + ", duplicated " + duplicated;
    }

    private static void print(Map<String, String> figures) {
        List<String> lines = new ArrayList<>();
        lines.add("=== fault suite (2 replicas per service) ===");
        figures.forEach((kind, line) -> lines.add(String.format("%-11s %s", kind, line)));
        recovery.forEach((what, took) -> lines.add(String.format("%-62s %5.1f s", what, took.toMillis() / 1000.0)));
        System.out.println(String.join(System.lineSeparator(), lines));
    }

    private static void awaitTrue(String what, Duration patience, BooleanSupplier condition) {
        Instant deadline = Instant.now().plus(patience);
        while (Instant.now().isBefore(deadline)) {
            try {
                if (condition.getAsBoolean()) {
                    return;
                }
            } catch (RuntimeException notYet) {
                // a service or the database may still be coming back
            }
            sleep(Duration.ofMillis(500));
        }
        throw new AssertionError("not within " + patience.toSeconds() + " s: " + what);
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
