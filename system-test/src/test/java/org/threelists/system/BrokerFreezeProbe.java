package org.threelists.system;

import org.junit.jupiter.api.Test;
import org.threelists.localstack.LocalStack;
import org.threelists.localstack.ServiceSpec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * A quick experiment, not a test of the build (its name keeps it out of the default run): one replica of every
 * service with the fault suite's workload, the broker frozen for {@code -Dprobe.freeze} seconds (60), and the time of
 * every hop of a new demand after the broker is back. The services' logs are copied to {@code -Dprobe.logs}.
 * Run: {@code ./mvnw -B -o -Dconsole.web.skip=true -pl system-test -am verify -Dtest=BrokerFreezeProbe
 * -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class BrokerFreezeProbe {

    private static final Duration PATIENCE = Duration.ofSeconds(180);

    @Test
    void hopsAfterTheBrokerThaws() throws Exception {
        RunningSystem.stop();
        Duration freeze = Duration.ofSeconds(Long.getLong("probe.freeze", 60));
        List<ServiceSpec> services = LocalStack.SERVICES.stream().map(s -> s.onPort(LocalStack.freePort())).toList();
        try (LocalStack stack = LocalStack.builder()
                .repoRoot(LocalStack.findRepositoryRoot(Path.of("")))
                .services(services)
                .replicas(Integer.getInteger("probe.replicas", 1))
                .supervise(true)
                .serviceEnvironment(Map.of(
                        "THREELISTS_MATCHMAKER_REPLAN_DEBOUNCE", "PT1H",
                        "THREELISTS_DEADLINES_POLL_INTERVAL", "PT1S",
                        "QUARKUS_LOG_CATEGORY__ORG_AXONFRAMEWORK_EVENTHANDLING_POOLED__LEVEL", "DEBUG"))
                .start()) {
            ReplicatedClient client = new ReplicatedClient(stack);
            FaultDrill.Unit unit = FaultDrill.registerUnit(client, "unit-probe-");
            System.out.println("PROBE " + Instant.now() + " set up");
            try (FaultWorkload work = unit.workload(client, 2)) {
                Thread.sleep(10_000);
                hops(client, "warm", unit);
                System.out.println("PROBE " + Instant.now() + " broker suspended");
                stack.kafkaBroker().suspend();
                Thread.sleep(freeze.toMillis());
                stack.kafkaBroker().resume();
                System.out.println("PROBE " + Instant.now() + " broker resumed");
                hops(client, "thawed", unit);
                Thread.sleep(5_000);
                hops(client, "after", unit);
            } finally {
                copyLogs(stack.logDir(), Path.of(System.getProperty("probe.logs", "/tmp/bf/logs")));
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
}
