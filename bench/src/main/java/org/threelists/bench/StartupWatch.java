package org.threelists.bench;

import org.threelists.devkit.Processes;
import org.threelists.localstack.ServiceSpec;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Watches LocalStack's progress lines while it starts the services. LocalStack prints "{@code <name> starting...}"
 * just before it spawns a service and "{@code <name> up in X s}" once ServiceProcess has seen /q/health/ready answer
 * 200 (it polls every 500 ms). At the first line this class also polls /q/health/ready itself every 20 ms, for a
 * finer spawn-to-ready time, and reads the CPU time and RSS the process has at that moment: on a machine shared with
 * other builds the wall time varies with the load, the CPU time spent to get ready much less.
 */
final class StartupWatch {

    private static final Pattern STARTING = Pattern.compile("^\\s*(\\S+)\\s+starting\\.\\.\\.");
    private static final Pattern UP = Pattern.compile("^\\s*(\\S+)\\s+up in ([0-9.]+) s");
    private static final Duration POLL = Duration.ofMillis(20);
    private static final Duration GIVE_UP = Duration.ofSeconds(150);

    private final Map<String, ServiceSpec> specs = new ConcurrentHashMap<>();
    private final Map<String, Long> spawned = new ConcurrentHashMap<>();
    private final Map<String, Long> ready = new ConcurrentHashMap<>();
    private final Map<String, Double> upIn = new ConcurrentHashMap<>();
    private final Map<String, Double> cpuAtReady = new ConcurrentHashMap<>();
    private final Map<String, Double> rssAtReady = new ConcurrentHashMap<>();
    private final Map<String, Double> othersCpu = new ConcurrentHashMap<>();
    private final Map<String, Double> machineBusy = new ConcurrentHashMap<>();
    private final Map<String, Map<String, Double>> othersCpuBy = new ConcurrentHashMap<>();
    private final PrintStream echo;

    StartupWatch(List<ServiceSpec> services, PrintStream echo) {
        services.forEach(spec -> specs.put(spec.name(), spec));
        this.echo = echo;
    }

    /** The stream to give LocalStack as its progress: lines are echoed and watched. */
    PrintStream stream() {
        return new PrintStream(new OutputStream() {
            private final ByteArrayOutputStream line = new ByteArrayOutputStream();

            @Override
            public synchronized void write(int b) {
                if (b == '\n') {
                    onLine(line.toString(StandardCharsets.UTF_8));
                    line.reset();
                } else {
                    line.write(b);
                }
            }
        }, true, StandardCharsets.UTF_8);
    }

    /** Seconds from spawn to the first 200 of /q/health/ready seen by the 20 ms poll, or -1. */
    double readySeconds(String service) {
        Long from = spawned.get(service);
        Long to = ready.get(service);
        return from == null || to == null ? -1 : CpuMeter.round((to - from) / 1e9);
    }

    /** LocalStack's own "up in X s" (launch and ServiceProcess.awaitReady, which polls every 500 ms), or -1. */
    double upInSeconds(String service) {
        return upIn.getOrDefault(service, -1.0);
    }

    /** CPU seconds (user + system) the process had used when /q/health/ready first answered 200, or -1. */
    double cpuSecondsAtReady(String service) {
        return cpuAtReady.getOrDefault(service, -1.0);
    }

    /** RSS in MiB when /q/health/ready first answered 200, or -1. */
    double rssMiBAtReady(String service) {
        return rssAtReady.getOrDefault(service, -1.0);
    }

    /**
     * CPU seconds the stack's other processes (the services started before, the Kafka broker, anything else the bench
     * started) used between this service's spawn and its ready: what its start shared the two cores with, or -1.
     */
    double othersCpuSecondsDuringStart(String service) {
        return othersCpu.getOrDefault(service, -1.0);
    }

    /** {@link #othersCpuSecondsDuringStart} by process (a service's name, kafka, or the executable's name). */
    Map<String, Double> othersCpuSecondsDuringStartByProcess(String service) {
        return othersCpuBy.getOrDefault(service, Map.of());
    }

    /** CPU seconds the whole machine (every process, other sessions' too) used between spawn and ready, or -1. */
    double machineCpuSecondsDuringStart(String service) {
        return machineBusy.getOrDefault(service, -1.0);
    }

    private void onLine(String text) {
        long now = System.nanoTime();
        echo.println(text);
        Matcher starting = STARTING.matcher(text);
        if (starting.find() && specs.containsKey(starting.group(1))) {
            String name = starting.group(1);
            spawned.put(name, now);
            Map<Long, Long> stackBefore = stackTicks();
            long machineBefore = machineBusyTicks();
            Thread poller = new Thread(() -> poll(specs.get(name), now, stackBefore, machineBefore), "ready-" + name);
            poller.setDaemon(true);
            poller.start();
        }
        Matcher up = UP.matcher(text);
        if (up.find() && specs.containsKey(up.group(1))) {
            upIn.put(up.group(1), Double.parseDouble(up.group(2)));
        }
    }

    /** The bench runs one process per service: the one whose command line names its runner jar. */
    private static Optional<Long> processOf(ServiceSpec spec) {
        return ProcessHandle.current().descendants()
                .filter(p -> p.info().commandLine().map(line -> runs(line, spec)).orElse(false))
                .map(ProcessHandle::pid)
                .findFirst();
    }

    /** Whether a command line runs this service: it names the service's runner jar (relative to the repository). */
    private static boolean runs(String commandLine, ServiceSpec spec) {
        return commandLine.contains(spec.runJar(Path.of("")).toString());
    }

    /** A service's name for its process, kafka for the broker, else the executable's file name. */
    private String processName(long pid) {
        String line = ProcessHandle.of(pid).flatMap(p -> p.info().commandLine()).orElse("");
        for (ServiceSpec spec : specs.values()) {
            if (runs(line, spec)) {
                return spec.name();
            }
        }
        if (line.contains(Bench.KAFKA_MAIN_CLASS)) {
            return "kafka";
        }
        return ProcessHandle.of(pid).flatMap(p -> p.info().command()).map(c -> Path.of(c).getFileName().toString())
                .orElse("pid " + pid);
    }

    /** CPU ticks so far of every process below the bench's own. */
    private static Map<Long, Long> stackTicks() {
        Map<Long, Long> ticks = new HashMap<>();
        ProcessHandle.current().descendants().forEach(p -> {
            long t = Processes.cpuTicks(p.pid());
            if (t >= 0) {
                ticks.put(p.pid(), t);
            }
        });
        return ticks;
    }

    /** The machine's busy CPU ticks so far (all cores, {@link CpuMeter#machineTicks}), or -1. */
    private static long machineBusyTicks() {
        long[] ticks = CpuMeter.machineTicks();
        return ticks[1] == 0 ? -1 : ticks[0];
    }

    private static double seconds(long ticks) {
        return CpuMeter.round(ticks / (double) Processes.CPU_TICKS_PER_SECOND);
    }

    private void poll(ServiceSpec spec, long since, Map<Long, Long> stackBefore, long machineBefore) {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(spec.baseUrl() + "/q/health/ready"))
                .timeout(Duration.ofSeconds(2)).GET().build();
        while (System.nanoTime() - since < GIVE_UP.toNanos()) {
            try {
                if (http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    ready.put(spec.name(), System.nanoTime());
                    long machineAfter = machineBusyTicks();
                    Map<Long, Long> stackAfter = stackTicks();
                    if (machineBefore >= 0 && machineAfter >= 0) {
                        machineBusy.put(spec.name(), seconds(machineAfter - machineBefore));
                    }
                    processOf(spec).ifPresent(pid -> {
                        long others = stackAfter.entrySet().stream().filter(e -> e.getKey() != pid.longValue())
                                .mapToLong(e -> e.getValue() - stackBefore.getOrDefault(e.getKey(), 0L)).sum();
                        othersCpu.put(spec.name(), seconds(others));
                        Map<String, Double> by = new TreeMap<>();
                        stackAfter.forEach((other, ticks) -> {
                            long used = ticks - stackBefore.getOrDefault(other, 0L);
                            if (other != pid.longValue() && used > 0) {
                                by.merge(processName(other), used / (double) Processes.CPU_TICKS_PER_SECOND, Double::sum);
                            }
                        });
                        by.replaceAll((name, seconds) -> CpuMeter.round(seconds));
                        othersCpuBy.put(spec.name(), by);
                        long ticks = Processes.cpuTicks(pid);
                        cpuAtReady.put(spec.name(), ticks < 0 ? -1 : seconds(ticks));
                        rssAtReady.put(spec.name(), CpuMeter.statusMiB(pid, "VmRSS"));
                    });
                    return;
                }
            } catch (java.io.IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                return;
            }
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                return;
            }
        }
    }
}
