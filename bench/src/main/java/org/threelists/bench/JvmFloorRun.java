package org.threelists.bench;

import org.threelists.devkit.Processes;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs {@link JvmFloor} as its own process, the way ServiceProcess runs a service, and measures it the same way. */
final class JvmFloorRun {

    private static final int WARM_UP_REQUESTS = 500;

    private JvmFloorRun() {
    }

    static Map<String, Object> measure() throws Exception {
        int port = Processes.freePort();
        String classPath = String.join(System.getProperty("path.separator"),
                List.of(System.getProperty("java.class.path").split(System.getProperty("path.separator"))).stream()
                        .filter(entry -> !entry.isBlank()).map(entry -> Path.of(entry).toAbsolutePath().toString()).toList());
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", classPath, JvmFloor.class.getName(), Integer.toString(port)));
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest ready = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/q/health/ready"))
                .timeout(Duration.ofSeconds(2)).GET().build();
        long spawned = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            double readySeconds = -1;
            long deadline = spawned + Duration.ofSeconds(30).toNanos();
            while (System.nanoTime() < deadline && process.isAlive()) {
                try {
                    if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                        readySeconds = CpuMeter.round((System.nanoTime() - spawned) / 1e9);
                        break;
                    }
                } catch (java.io.IOException notYet) {
                    Thread.sleep(20);
                }
            }
            long ticksAtReady = Processes.cpuTicks(process.pid());
            double rssAtReady = CpuMeter.statusMiB(process.pid(), "VmRSS");
            if (readySeconds >= 0) {
                for (int i = 0; i < WARM_UP_REQUESTS; i++) {
                    http.send(ready, HttpResponse.BodyHandlers.discarding());
                }
            }
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("service", "bare JVM (baseline)");
            row.put("readySeconds", readySeconds);
            row.put("localStackUpInSeconds", -1.0);
            row.put("quarkusStartedInSeconds", -1.0);
            row.put("cpuSecondsToReady", ticksAtReady < 0 ? -1.0 : CpuMeter.round(ticksAtReady / 100.0));
            row.put("rssAtReadyMiB", rssAtReady);
            row.put("rssMiB", CpuMeter.statusMiB(process.pid(), "VmRSS"));
            row.put("peakRssMiB", CpuMeter.statusMiB(process.pid(), "VmHWM"));
            row.put("warmedUpBy", WARM_UP_REQUESTS + " GET /q/health/ready (JDK HttpServer, -Xmx256m)");
            return row;
        } finally {
            process.getOutputStream().close(); // JvmFloor exits when its stdin closes
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }
}
