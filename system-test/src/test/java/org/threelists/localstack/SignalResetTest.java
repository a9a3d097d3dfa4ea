package org.threelists.localstack;

import org.threelists.devkit.Processes;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A shell that starts a job in the background hands it SIGINT ignored, and a JVM started so installs no handler for
 * it: `./run-local.sh &` then ignored Ctrl-C and `kill -INT`, and so did every service it started. The launcher resets
 * the signals before it starts a process (and run-local.sh before the launcher): a JVM started with SIGINT ignored
 * still runs its shutdown hooks and stops on SIGINT.
 */
@Order(10) // junit-platform.properties: the shared system's classes first
class SignalResetTest {

    /** Started as a background job would be: SIGINT ignored on entry. */
    private static final List<String> AS_A_BACKGROUND_JOB = List.of("/usr/bin/env", "--ignore-signal=INT");

    @Test
    void aProcessStartedWithSigintIgnoredStopsCleanlyOnSigintWhenStartedThroughTheLauncher() throws Exception {
        Process reset = start(Processes.withDefaultSignals(sleeper()));
        Process ignoring = start(sleeper());
        try {
            awaitLine(reset, "ready");
            awaitLine(ignoring, "ready");

            Processes.signal(reset.pid(), "INT");
            Processes.signal(ignoring.pid(), "INT");

            assertThat(reset.waitFor(20, TimeUnit.SECONDS)).as("stopped on SIGINT").isTrue();
            assertThat(reset.exitValue()).isEqualTo(130);
            assertThat(lines(reset)).contains("shutdown hook ran");
            // the defect, kept visible: without the reset the same process ignores SIGINT altogether
            assertThat(ignoring.waitFor(3, TimeUnit.SECONDS)).as("a process without the reset ignores SIGINT").isFalse();
        } finally {
            reset.destroyForcibly();
            ignoring.destroyForcibly();
        }
    }

    private static List<String> sleeper() {
        return List.of(Processes.javaExecutable(), "-cp", System.getProperty("java.class.path"), Sleeper.class.getName());
    }

    private static Process start(List<String> command) throws IOException {
        List<String> full = new ArrayList<>(AS_A_BACKGROUND_JOB);
        full.addAll(command);
        return new ProcessBuilder(full).redirectErrorStream(true).start();
    }

    private static void awaitLine(Process process, String expected) throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            if (line.equals(expected)) {
                return;
            }
        }
        throw new AssertionError("the process ended before printing " + expected);
    }

    private static List<String> lines(Process process) throws IOException {
        return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
    }

    /** Says it is ready, then waits to be stopped; its shutdown hook says so. */
    public static final class Sleeper {
        public static void main(String[] args) throws InterruptedException {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> System.out.println("shutdown hook ran")));
            System.out.println("ready");
            System.out.flush();
            Thread.sleep(TimeUnit.MINUTES.toMillis(2));
        }
    }
}
