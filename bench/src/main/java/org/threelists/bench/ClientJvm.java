package org.threelists.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The client's JVM compiles with C1 only, as the services' do on the local stack. The bench shares the two cores with
 * the system it measures, and a JVM with C2 spent 42–43 % of the client's CPU in its compilers during the e2e window
 * (bench/README.md, "The e2e path profiled"); with C1 only the client took about half the CPU per listed demand
 * (2.4–2.9 against 4.5–5.6 ms: "The e2e path: what saturates the machine"). {@code java -jar bench.jar} therefore
 * runs the bench in a child JVM with {@code -XX:TieredStopAtLevel=1}, unless the JVM was given a
 * {@code TieredStopAtLevel} of its own (then it runs as told) or {@code -Dthreelists.bench.client-jvm=as-is}.
 */
final class ClientJvm {

    static final String PROPERTY = "threelists.bench.client-jvm";
    static final String C1_ONLY = "-XX:TieredStopAtLevel=1";

    private ClientJvm() {
    }

    /** Whether this JVM should run the bench itself rather than start a C1-only one for it. */
    static boolean runsHere() {
        return "as-is".equals(System.getProperty(PROPERTY))
                || ManagementFactory.getRuntimeMXBean().getInputArguments().stream().anyMatch(a -> a.startsWith("-XX:TieredStopAtLevel="));
    }

    /**
     * Runs the bench with these arguments in a C1-only child JVM (same options, class path and environment, its output
     * this one's) and returns its exit code. Stopping this JVM stops the child, whose shutdown hook stops the stack.
     */
    static int runInChild(String[] args) throws IOException, InterruptedException {
        // options the environment gives every JVM reach the child through the same environment, not twice
        Set<String> fromEnvironment = Stream.of(System.getenv("JAVA_TOOL_OPTIONS"), System.getenv("JDK_JAVA_OPTIONS"))
                .filter(v -> v != null && !v.isBlank()).flatMap(v -> Arrays.stream(v.trim().split("\\s+")))
                .collect(Collectors.toSet());
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        ManagementFactory.getRuntimeMXBean().getInputArguments().stream().filter(a -> !fromEnvironment.contains(a))
                .forEach(command::add);
        command.add(C1_ONLY);
        command.add("-D" + PROPERTY + "=as-is");
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Bench.class.getName()));
        command.addAll(List.of(args));
        Process child = new ProcessBuilder(command).inheritIO().start();
        Thread stopChild = new Thread(() -> {
            child.destroy();
            try {
                child.waitFor(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "stop-client-jvm");
        Runtime.getRuntime().addShutdownHook(stopChild);
        int exit = child.waitFor();
        Runtime.getRuntime().removeShutdownHook(stopChild);
        return exit;
    }
}
