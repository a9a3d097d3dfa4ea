package org.threelists.devkit;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/** What the child processes of the launcher have in common: the java binary, ports, log tails, a polite stop. */
public final class Processes {

    private static final List<Path> SETSID_LOCATIONS = List.of(Path.of("/usr/bin/setsid"), Path.of("/bin/setsid"));
    /** Ports {@link #freePort()} has handed out, so that two callers starting processes never get the same one. */
    private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();

    private Processes() {
    }

    /** The java binary of the running JVM, so that children run on the same Java version as the launcher. */
    public static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /**
     * The launcher's own class path with absolute entries. Under {@code java -jar} this is only the launcher jar,
     * whose manifest Class-Path brings in lib/*; the JVM honours that manifest for any jar on a class path.
     */
    public static String absoluteClassPath() {
        String separator = System.getProperty("path.separator");
        return String.join(separator, Arrays.stream(System.getProperty("java.class.path").split(separator))
                .filter(entry -> !entry.isBlank())
                .map(entry -> Path.of(entry).toAbsolutePath().toString())
                .toList());
    }

    /**
     * With a terminal, Ctrl-C sends SIGINT to the whole foreground process group, so every child would stop at
     * the same moment as the launcher. Starting children in their own session lets the launcher stop them in
     * reverse order. Without a terminal (tests, CI) children stay in the group, so a job runner that kills the
     * group still reaches them.
     */
    public static List<String> detachedFromTerminal(List<String> command) {
        if (System.console() == null) {
            return command;
        }
        for (Path setsid : SETSID_LOCATIONS) {
            if (Files.isExecutable(setsid)) {
                List<String> detached = new ArrayList<>();
                detached.add(setsid.toString());
                detached.addAll(command);
                return detached;
            }
        }
        return command;
    }

    /**
     * A shell that starts a job in the background (`./run-local.sh &`, a CI step) starts it with SIGINT ignored, and
     * the JVM then installs no handler for it: the process would ignore Ctrl-C and `kill -INT`. Resetting the
     * signals to their defaults before exec (coreutils' env) lets every child drain and stop on SIGINT as on SIGTERM.
     */
    public static List<String> withDefaultSignals(List<String> command) {
        if (!ENV_RESETS_SIGNALS) {
            return command;
        }
        List<String> reset = new ArrayList<>(List.of(ENV.toString(), "--default-signal=INT,TERM,HUP"));
        reset.addAll(command);
        return reset;
    }

    /** USER_HZ, the unit of the CPU times in /proc/<pid>/stat: 100 on every Linux of this kind. */
    public static final long CPU_TICKS_PER_SECOND = 100;

    /** A process's user + system CPU time so far, in ticks ({@link #CPU_TICKS_PER_SECOND}), from Linux's /proc; -1 if it is gone. */
    public static long cpuTicks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // the fields after the command, which may itself hold spaces and parentheses
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(f[11]) + Long.parseLong(f[12]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /**
     * Waits until a process has used at most {@code maxTicks} of CPU in each of {@code samplesInRow} consecutive samples
     * of {@code sample} (it has gone quiet), or until {@code timeout}; answers the CPU ticks it used meanwhile, or -1 if
     * it is gone.
     */
    public static long awaitQuiet(long pid, Duration sample, long maxTicks, int samplesInRow, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        long first = cpuTicks(pid);
        long last = first;
        int quiet = 0;
        while (quiet < samplesInRow && System.nanoTime() < deadline) {
            sleep(sample);
            long now = cpuTicks(pid);
            if (now < 0 || first < 0) {
                return -1;
            }
            quiet = now - last <= maxTicks ? quiet + 1 : 0;
            last = now;
        }
        return last - first;
    }

    /** Sends a signal by name (INT, TERM, KILL, STOP, CONT…) to a process, as {@code kill -NAME pid} does. */
    public static void signal(long pid, String signal) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).redirectErrorStream(true).start();
            if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
                throw new IllegalStateException("kill -" + signal + " " + pid + " failed: "
                        + new String(kill.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot signal " + pid, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while signalling " + pid, e);
        }
    }

    private static final Path ENV = Path.of("/usr/bin/env");
    private static final boolean ENV_RESETS_SIGNALS = envResetsSignals();

    private static boolean envResetsSignals() {
        if (!Files.isExecutable(ENV)) {
            return false;
        }
        try {
            Process probe = new ProcessBuilder(ENV.toString(), "--default-signal=INT", "true")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return probe.waitFor(10, TimeUnit.SECONDS) && probe.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * A TCP port that is free now and stays out of the way of outgoing connections until its process binds it.
     *
     * <p>A port the kernel hands out for {@code bind(0)} comes from the ephemeral range, which every outgoing
     * connection also draws from: between choosing a port and the child process binding it seconds later, a client
     * socket of the broker, the database or another service could take it ("already in use"). So the port is drawn
     * at random from below the ephemeral range, where only explicitly chosen ports live, and never handed out twice
     * by this JVM.
     */
    public static int freePort() {
        int[] range = ephemeralPortRange();
        int low = 10_000;
        int high = range[0] - 1;
        if (high - low < 1_000) { // an unusual kernel setting: fall back to the kernel's choice
            return kernelChosenPort();
        }
        for (int attempt = 0; attempt < 200; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(low, high + 1);
            if (HANDED_OUT.add(port) && isPortFree(port)) {
                return port;
            }
        }
        return kernelChosenPort();
    }

    private static int kernelChosenPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("cannot find a free TCP port", e);
        }
    }

    /** Linux's ip_local_port_range, or its default when the file cannot be read. */
    private static int[] ephemeralPortRange() {
        try {
            String[] bounds = Files.readAllLines(Path.of("/proc/sys/net/ipv4/ip_local_port_range")).get(0).trim().split("\\s+");
            return new int[] {Integer.parseInt(bounds[0]), Integer.parseInt(bounds[1])};
        } catch (IOException | RuntimeException e) {
            return new int[] {32_768, 60_999};
        }
    }

    public static boolean isPortFree(int port) {
        try (ServerSocket socket = new ServerSocket(port)) {
            socket.setReuseAddress(true);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    public static void requirePortFree(int port, String what) {
        if (!isPortFree(port)) {
            throw new IllegalStateException("port " + port + " for " + what + " is already in use"
                    + " (a process left over from an earlier run? `ss -ltnp | grep :" + port + "` shows which)");
        }
    }

    public static boolean acceptsConnections(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** SIGTERM first so the child can shut down cleanly (flush, deregister, release locks); force only after grace. */
    public static void stop(Process process, Duration grace) {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** The last lines of a log file; reads only its end, because a broker's log can grow large. */
    public static String tail(Path file, int lines) {
        if (!Files.isRegularFile(file)) {
            return "(no log at " + file + ")";
        }
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            long length = in.length();
            int size = (int) Math.min(length, 256 * 1024);
            byte[] bytes = new byte[size];
            in.seek(length - size);
            in.readFully(bytes);
            List<String> all = List.of(new String(bytes, StandardCharsets.UTF_8).split("\\R"));
            return String.join(System.lineSeparator(), all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(cannot read " + file + ": " + e.getMessage() + ")";
        }
    }

    public static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting", e);
        }
    }
}
