package org.threelists.system;

import org.threelists.localstack.LocalStack;
import org.threelists.localstack.ServiceSpec;
import org.threelists.testing.RealInfrastructure;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The whole system, once per test JVM: one PostgreSQL, one Kafka broker and every service as its own process from its
 * packaged fast-jar, started by the same launcher as {@code ./run-local.sh}. The services listen on free ports, so a
 * local stack running on the usual ones does not get in the way; the web console runs in front of them, for the browser
 * tests; the deadlines are short so that the tests can watch
 * them pass.
 */
public final class RunningSystem {

    /** The claim deadline of LOW-urgency projects in this system; other urgencies keep the defaults (days). */
    static final int LOW_URGENCY_CLAIM_DEADLINE_SECONDS = 20;
    /**
     * A slip's acceptance time (services/demand-list/README.md, "Times"): long enough for the browser tests to see a
     * dispatched slip's countdown, short enough to watch an unaccepted slip escalate.
     */
    public static final int SLIP_ACCEPTANCE_SECONDS = 30;
    /** How long after the group's leader the community is told of a slip that has still not moved. */
    public static final int SLIP_TO_COMMUNITY_SECONDS = 5;

    /**
     * How long a CRITICAL project's delivery waits for its community's confirmation before it escalates to the desk
     * (services/matchmaker/service/README.md, "Confirmation wait"); other urgencies keep the default (a week).
     */
    public static final int CRITICAL_CONFIRMATION_WAIT_SECONDS = 5;

    private static LocalStack stack;

    private RunningSystem() {
    }

    public static synchronized LocalStack stack() {
        if (stack == null) {
            Path root = LocalStack.findRepositoryRoot(Path.of(""));
            List<ServiceSpec> services = LocalStack.SERVICES.stream()
                    .map(spec -> spec.onPort(LocalStack.freePort())).toList();
            stack = LocalStack.builder()
                    .repoRoot(root)
                    .services(services)
                    .console(true)
                    .serviceEnvironment(Map.of(
                            "THREELISTS_DEADLINES_CLAIM_LOW", "PT" + LOW_URGENCY_CLAIM_DEADLINE_SECONDS + "S",
                            "THREELISTS_DEADLINES_POLL_INTERVAL", "PT1S",
                            "THREELISTS_DEADLINES_CONFIRMATION_CRITICAL", "PT" + CRITICAL_CONFIRMATION_WAIT_SECONDS + "S",
                            "THREELISTS_SLIP_ACCEPTANCE", "PT" + SLIP_ACCEPTANCE_SECONDS + "S",
                            "THREELISTS_SLIP_TO_COMMUNITY", "PT" + SLIP_TO_COMMUNITY_SECONDS + "S",
                            "THREELISTS_SLIP_POLL_INTERVAL", "PT1S",
                            // the browser tests read every public board of every street through the one console, one
                            // client address to the services: the public rate limit must not refuse them
                            "THREELISTS_PUBLIC_RATE_LIMIT_BURST", "1000"))
                    .start();
            if (!stack.skippedServices().isEmpty()) {
                stack.close();
                throw new IllegalStateException("not built: " + stack.skippedServices()
                        + " (the system test runs the packaged services: ./mvnw verify builds them first)");
            }
            RealInfrastructure.useExisting(stack.bootstrapServers(), stack.jdbcUrl("postgres"));
            Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "system-test-stack-stop"));
        }
        return stack;
    }

    /** Stops the shared system if it runs, e.g. before a test that needs the machine for a system of its own. */
    static synchronized void stop() {
        if (stack != null) {
            stack.close();
            stack = null;
        }
    }

    public static String url(String service) {
        return stack().baseUrl(service);
    }
}
