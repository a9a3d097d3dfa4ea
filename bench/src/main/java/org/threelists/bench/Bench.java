package org.threelists.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.threelists.devkit.DevTokens;
import org.threelists.devkit.Processes;
import org.threelists.localstack.DemoClock;
import org.threelists.localstack.LocalStack;
import org.threelists.localstack.ServiceProcess;
import org.threelists.localstack.ServiceSpec;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The benchmark: every figure beside a baseline measured in the same run. Starts a throw-away stack with
 * {@link LocalStack} (embedded PostgreSQL, a Kafka broker, the four services from their quarkus-run.jar, no demo
 * data), then runs the parts asked for ({@code --only}, default all, in this order):
 * <ol>
 *   <li>{@code ingest}: {@code POST /demands} by 1, 8 and 32 closed-loop clients beside single-row INSERT transactions
 *       over JDBC into an event-store-shaped table on the same PostgreSQL.</li>
 *   <li>{@code e2e}: demand listed → proposal on project-list.events.v1 at steady rates ({@link EndToEnd}) beside
 *       the raw Kafka hop at the same rates; {@code delivery}: delivery → ledger entry ({@link DeliveryToLedger})
 *       beside the raw Kafka hop.</li>
 *   <li>{@code ledger}: rebuild (events/s) beside a plain KafkaConsumer, report queries over 1M entries beside the
 *       same SQL over JDBC ({@link LedgerPart}).</li>
 *   <li>{@code services}: spawn to ready and RSS after warm-up of the four services beside a bare JVM.</li>
 *   <li>{@code matching}: the engine beside an exact reference, after the stack has stopped ({@link Matching}).</li>
 * </ol>
 * Prints Markdown tables and writes JSON. Usage: {@code bench/run.sh --help}.
 */
public final class Bench {

    static final String STREET = "dianqian";
    static final String COMMUNITY = "jiafu";
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
    static final Duration WATCHDOG = Duration.ofMinutes(45);
    static final long MAX_OPS_PER_LEVEL = 2_000_000;
    static final List<String> PARTS = List.of("ingest", "e2e", "delivery", "ledger", "services", "matching");
    static final String LATENCY_TOPIC = "bench.latency";
    static final String DEBOUNCE_ENV = "THREELISTS_MATCHMAKER_REPLAN_DEBOUNCE";
    private static final String[] CATEGORIES = {"HEALTH", "ELDER_CARE", "FACILITY_REPAIR", "SANITATION", "LEGAL_ADVICE"};
    private static final String BENCH_DATABASE = "bench_baseline";

    /** Every setting, with the defaults the README's figures come from. */
    static final class Options {
        Set<String> parts = new LinkedHashSet<>(PARTS);
        List<Integer> clients = List.of(1, 8, 32);
        int warmupSeconds = 3;
        int measureSeconds = 10;
        List<Double> rates = List.of(50.0, 200.0);
        int e2eSeconds = 60;
        /** Seconds sent at the first rate before the counted levels: the stack's first load, reported apart. */
        int e2eWarmupSeconds = 30;
        int drainSeconds = 60;
        int baselineSeconds = 20;
        /** null: the matchmaker's own setting (application.properties), the one the local run and the overlays use. */
        Duration debounce;
        int deliveries = 100;

        String debounceName() {
            return debounce == null ? "the service's own" : debounce.toString();
        }
        long ledgerEntries = 1_000_000;
        int rebuildEvents = 50_000;
        int reportRuns = 100;
        // the targets: a street in 0.2 s, a city of 10k×1k in 1 s and 10 s, 100k×10k in 10 s
        List<Matching.Size> matching = List.of(new Matching.Size(1000, 100, 0.2), new Matching.Size(10_000, 1000, 1),
                new Matching.Size(10_000, 1000, 10), new Matching.Size(100_000, 10_000, 10));
        double referenceLimit = 15;
        long seed = 7;
        Path out = Path.of("bench/target/bench.json");
        Path jfr;
        /** null: a temporary directory, deleted with the stack. */
        Path keep;
        /** Each service started once the one before is quiet: its start measured alone, as a pod starts. */
        boolean startApart = true;

        static final String USAGE = """
                usage: bench/run.sh [options]
                  --only PARTS            comma-separated, of ingest,e2e,delivery,ledger,services,matching (default: all)
                  --clients 1,8,32        ingest: closed-loop client counts
                  --warmup 3 --measure 10 ingest: seconds of warm-up and of measurement per level
                  --rates 50,200          e2e: demands per second, each for --e2e-seconds (default 60)
                  --e2e-warmup 30         e2e: seconds sent at the first rate before the counted levels (0: none),
                                          reported apart as the stack's first load (bench/README.md, "The e2e warm-up")
                  --drain 60              e2e: seconds to wait for the last proposals after sending stops
                  --baseline-seconds 20   e2e: seconds of raw Kafka produce→consume at each rate
                  --debounce PT0.15S      the matchmaker's re-plan debounce (THREELISTS_MATCHMAKER_REPLAN_DEBOUNCE); default: the service's own
                  --deliveries 100        delivery → ledger: deliveries timed one at a time
                  --ledger-entries 1000000  ledger: entries filled before the report queries
                  --rebuild-events 50000  ledger: project.delivered events produced before the rebuild
                  --report-runs 100       ledger: timed runs per report (after 3 warm-up runs); the raw SUM on every 5th
                  --matching 1000x100:0.2,10000x1000:1,10000x1000:10,100000x10000:10   sizes and the engine's time limit (s)
                  --reference-limit 15    matching: the exact reference's CP-SAT limit (s; 0 = LP bound only)
                  --seed 7                the generators' seed
                  --out bench/target/bench.json
                  --jfr DIR               record each service with Java Flight Recorder (settings=profile) into DIR,
                                          one file per process, written when the stack stops (bench/README.md, "Profiles")
                  --keep DIR              the stack's data, logs and keys live in DIR (a new or empty directory) and
                                          stay after the run: the services' logs are DIR/logs/*.log
                  --start-together        start each service as soon as the one before is ready, as the local run
                                          does (default: once the broker and the one before have gone quiet after
                                          their warm-ups, so that each start is measured alone, as a pod starts on
                                          its own CPU beside a broker long up; bench/README.md, "Start-up: each
                                          service alone")""";

        static Options parse(String[] args) {
            Options o = new Options();
            for (int i = 0; i < args.length; i++) {
                String value = i + 1 < args.length ? args[i + 1] : null;
                switch (args[i]) {
                    case "--only" -> {
                        o.parts = new LinkedHashSet<>(Arrays.stream(value.split(",")).map(String::trim).toList());
                        o.parts.stream().filter(p -> !PARTS.contains(p)).findAny().ifPresent(p -> {
                            throw new IllegalArgumentException("unknown part " + p + "; parts: " + PARTS);
                        });
                    }
                    case "--clients" -> o.clients = Arrays.stream(value.split(",")).map(String::trim).map(Integer::valueOf).toList();
                    case "--warmup" -> o.warmupSeconds = Integer.parseInt(value);
                    case "--measure" -> o.measureSeconds = Integer.parseInt(value);
                    case "--rates" -> o.rates = Arrays.stream(value.split(",")).map(String::trim).map(Double::valueOf).toList();
                    case "--e2e-seconds" -> o.e2eSeconds = Integer.parseInt(value);
                    case "--e2e-warmup" -> o.e2eWarmupSeconds = Integer.parseInt(value);
                    case "--drain" -> o.drainSeconds = Integer.parseInt(value);
                    case "--baseline-seconds" -> o.baselineSeconds = Integer.parseInt(value);
                    case "--debounce" -> o.debounce = Duration.parse(value);
                    case "--deliveries" -> o.deliveries = Integer.parseInt(value);
                    case "--ledger-entries" -> o.ledgerEntries = Long.parseLong(value);
                    case "--rebuild-events" -> o.rebuildEvents = Integer.parseInt(value);
                    case "--report-runs" -> o.reportRuns = Integer.parseInt(value);
                    case "--matching" -> o.matching = Arrays.stream(value.split(",")).map(String::trim).map(s -> {
                        String[] sizeAndLimit = s.split(":");
                        String[] dr = sizeAndLimit[0].split("[x×]");
                        return new Matching.Size(Integer.parseInt(dr[0]), Integer.parseInt(dr[1]),
                                sizeAndLimit.length > 1 ? Double.parseDouble(sizeAndLimit[1]) : 30);
                    }).toList();
                    case "--reference-limit" -> o.referenceLimit = Double.parseDouble(value);
                    case "--seed" -> o.seed = Long.parseLong(value);
                    case "--out" -> o.out = Path.of(value);
                    case "--jfr" -> o.jfr = Path.of(value).toAbsolutePath();
                    case "--keep" -> o.keep = Path.of(value).toAbsolutePath();
                    case "--start-together" -> {
                        o.startApart = false;
                        continue;
                    }
                    case "--help", "-h" -> {
                        return null;
                    }
                    default -> throw new IllegalArgumentException("unknown argument " + args[i] + " (try --help)");
                }
                i++;
            }
            if (o.clients.stream().anyMatch(c -> c < 1 || c > 64) || o.warmupSeconds < 0 || o.warmupSeconds > 30
                    || o.measureSeconds < 1 || o.measureSeconds > 60) {
                throw new IllegalArgumentException("clients 1..64, warm-up 0..30 s, measure 1..60 s");
            }
            if (o.rates.stream().anyMatch(r -> r <= 0 || r > 2000) || o.e2eSeconds < 1 || o.e2eSeconds > 300
                    || o.e2eWarmupSeconds < 0 || o.e2eWarmupSeconds > 300
                    || o.drainSeconds < 0 || o.drainSeconds > 900 || o.baselineSeconds < 1 || o.baselineSeconds > 300) {
                throw new IllegalArgumentException("rates 0..2000/s, e2e 1..300 s, e2e warm-up 0..300 s, drain 0..900 s, baseline 1..300 s");
            }
            if (o.deliveries < 1 || o.deliveries > 10_000 || o.ledgerEntries < 0 || o.ledgerEntries > 20_000_000
                    || o.rebuildEvents < 0 || o.rebuildEvents > 2_000_000 || o.reportRuns < 1 || o.reportRuns > 1000) {
                throw new IllegalArgumentException("deliveries 1..10000, ledger entries ≤ 20M, rebuild events ≤ 2M, report runs 1..1000");
            }
            return o;
        }

        Map<String, Object> json() {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("parts", parts);
            json.put("ingestClients", clients);
            json.put("ingestWarmupSeconds", warmupSeconds);
            json.put("ingestMeasureSeconds", measureSeconds);
            json.put("e2eRates", rates);
            json.put("e2eSeconds", e2eSeconds);
            json.put("e2eWarmupSeconds", e2eWarmupSeconds);
            json.put("e2eDrainSeconds", drainSeconds);
            json.put("kafkaBaselineSeconds", baselineSeconds);
            json.put("replanDebounce", debounceName());
            json.put("deliveries", deliveries);
            json.put("ledgerEntries", ledgerEntries);
            json.put("rebuildEvents", rebuildEvents);
            json.put("reportRuns", reportRuns);
            json.put("matching", matching);
            json.put("referenceLimitSeconds", referenceLimit);
            json.put("seed", seed);
            return json;
        }
    }

    private final Options options;
    private final Duration warmup;
    private final Duration measure;
    private final PrintStream console = System.out;
    private final Map<String, Object> json = new LinkedHashMap<>();

    private Bench(Options options) {
        this.options = options;
        this.warmup = Duration.ofSeconds(options.warmupSeconds);
        this.measure = Duration.ofSeconds(options.measureSeconds);
    }

    public static void main(String[] args) throws Exception {
        if (!ClientJvm.runsHere()) {
            System.exit(ClientJvm.runInChild(args));
        }
        if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        }
        Options options = Options.parse(args);
        if (options == null) {
            System.out.println(Options.USAGE);
            return;
        }
        Thread watchdog = new Thread(() -> {
            try {
                Thread.sleep(WATCHDOG.toMillis());
                System.err.println("bench: still running after " + WATCHDOG.toMinutes() + " min, giving up");
                System.exit(3); // the shutdown hook stops the stack
            } catch (InterruptedException done) {
                // finished in time
            }
        }, "watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
        new Bench(options).run();
        watchdog.interrupt();
        // Kafka and HTTP client threads must not keep the JVM alive
        System.exit(0);
    }

    private boolean part(String name) {
        return options.parts.contains(name);
    }

    private void run() throws Exception {
        Path root = LocalStack.findRepositoryRoot(Path.of("").toAbsolutePath());
        Instant startedAt = Instant.now();
        String loadAtStart = CpuMeter.loadAverage();
        console.printf("threelists bench, %s, %d cores, load average %s, parts %s%n", startedAt,
                Runtime.getRuntime().availableProcessors(), loadAtStart, options.parts);
        json.put("date", startedAt.toString());
        json.put("cores", Runtime.getRuntime().availableProcessors());
        json.put("java", System.getProperty("java.version"));
        json.put("settings", options.json());
        Map<String, String> load = new LinkedHashMap<>();
        load.put("start", loadAtStart);
        json.put("loadAverage", load);

        if (PARTS.stream().filter(p -> !p.equals("matching")).anyMatch(this::part)) {
            runOnStack(root, load);
        }
        if (part("matching")) {
            Path work = Files.createDirectories(root.resolve("bench/target"));
            json.put("matching", new Matching(console).run(options.matching, options.referenceLimit, 42, work));
            load.put("afterMatching", CpuMeter.loadAverage());
        }
        load.put("end", CpuMeter.loadAverage());
        json.put("totalSeconds", CpuMeter.round((Instant.now().toEpochMilli() - startedAt.toEpochMilli()) / 1000.0));
        new Report(json).print(console);
        Path out = options.out.isAbsolute() ? options.out : root.resolve(options.out);
        Files.createDirectories(out.toAbsolutePath().getParent());
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(out.toFile(), json);
        console.println("written " + out);
    }

    /**
     * A kept directory must start empty: a database or broker left by an earlier run would carry its demands and
     * offsets into this one's figures.
     */
    private static void requireEmpty(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            try (var entries = Files.list(dir)) {
                if (entries.findAny().isPresent()) {
                    throw new IllegalArgumentException("--keep " + dir + " is not empty");
                }
            }
        }
    }

    /**
     * The services' environment: the re-plan debounce and, with {@code --jfr}, a flight recording of each process. A
     * directory as the file name makes the JVM name each recording after its process, and the stack's orderly stop
     * writes it.
     */
    private Map<String, String> serviceEnvironment() throws IOException {
        Map<String, String> environment = new LinkedHashMap<>();
        if (options.debounce != null) {
            environment.put(DEBOUNCE_ENV, options.debounce.toString());
        }
        if (options.jfr != null) {
            Files.createDirectories(options.jfr);
            environment.put("JAVA_TOOL_OPTIONS", "-XX:StartFlightRecording=settings=profile,dumponexit=true,filename="
                    + options.jfr + "/");
        }
        return environment;
    }

    private void runOnStack(Path root, Map<String, String> load) throws Exception {
        List<ServiceSpec> specs = LocalStack.SERVICES.stream().map(spec -> spec.onPort(LocalStack.freePort())).toList();
        for (ServiceSpec spec : specs) {
            if (!ServiceProcess.isBuilt(root, spec)) {
                throw new IllegalStateException(spec.runJar(root) + " is missing: build first (bench/run.sh does)");
            }
        }
        StartupWatch watch = new StartupWatch(specs, console);
        LocalStack.Builder builder = LocalStack.builder().repoRoot(root).services(specs).demoData(false)
                .progress(watch.stream()).serviceEnvironment(serviceEnvironment()).startApart(options.startApart);
        if (options.keep != null) {
            requireEmpty(options.keep);
            builder.dataDir(options.keep);
        }
        LocalStack stack = builder.start();
        Thread stopper = new Thread(stack::close, "stop-stack");
        Runtime.getRuntime().addShutdownHook(stopper);
        try {
            Map<String, Long> pids = new LinkedHashMap<>();
            for (ServiceSpec spec : specs) {
                pids.put(spec.name(), servicePid(root, spec));
            }
            load.put("afterStart", CpuMeter.loadAverage());
            Map<String, Supplier<List<Long>>> groups = new LinkedHashMap<>();
            pids.forEach((name, pid) -> groups.put(name, () -> List.of(pid)));
            groups.put("postgres", () -> postgresPids(stack));
            groups.put("kafka", Bench::kafkaPids);
            groups.put("client", () -> List.of(ProcessHandle.current().pid()));
            CpuMeter meter = new CpuMeter(groups);
            KafkaKit kafka = new KafkaKit(stack.bootstrapServers());
            World world = new World();
            List<String> warmedBy = new ArrayList<>();

            if (part("ingest")) {
                json.put("ingest", new Ingest(stack, pids.get(LocalStack.DEMAND_LIST)).run());
                load.put("afterIngest", CpuMeter.loadAverage());
                warmedBy.add("ingest");
            }
            if (part("e2e") || part("delivery") || part("ledger")) {
                console.printf("world: %d streets, %d communities; registering %d units with one generous offer each...%n",
                        world.streets().size(), world.places.size(), world.streets().size() * World.UNITS_PER_STREET);
                world.registerUnits(stack, new Http());
                kafka.awaitCaughtUp(List.of("matchmaker.resource-list"), Duration.ofSeconds(60));
            }
            if (part("e2e") || part("delivery")) {
                try (EventWatch events = new EventWatch(kafka)) {
                    if (part("e2e")) {
                        json.put("e2e", endToEnd(stack, world, events, meter, kafka));
                        load.put("afterE2e", CpuMeter.loadAverage());
                        warmedBy.add("e2e");
                    }
                    if (part("delivery")) {
                        json.put("delivery", delivery(stack, world, events, meter, kafka));
                        load.put("afterDelivery", CpuMeter.loadAverage());
                        warmedBy.add("delivery");
                    }
                }
            }
            if (part("ledger")) {
                LedgerPart ledger = new LedgerPart(stack, world, kafka, console);
                Map<String, Object> ledgerJson = new LinkedHashMap<>();
                json.put("ledger", ledgerJson);
                ledgerJson.put("rebuild", ledger.rebuild(options.rebuildEvents, options.seed, meter));
                ledgerJson.put("reports", ledger.reports(options.ledgerEntries, options.reportRuns, options.seed));
                ledgerJson.put("verification", ledger.verification());
                load.put("afterLedger", CpuMeter.loadAverage());
                warmedBy.add("ledger");
            }
            if (part("services")) {
                json.put("services", services(root, stack, specs, pids, watch, warmedBy));
            }
        } finally {
            stack.close();
            try {
                Runtime.getRuntime().removeShutdownHook(stopper);
            } catch (IllegalStateException shuttingDown) {
                // the hook runs anyway
            }
        }
    }

    private Map<String, Object> endToEnd(LocalStack stack, World world, EventWatch events, CpuMeter meter, KafkaKit kafka)
            throws Exception {
        Map<String, Object> e2e = new LinkedHashMap<>();
        e2e.put("replanDebounce", options.debounceName());
        e2e.put("path", "POST /demands + POST /demands/{id}/verify (200 = listed) → demand-list relay → demand-list.events.v1"
                + " → matchmaker consumer (read model, marks the street) → re-planner (debounced; the street's kept plan) → engine → ProposeProject"
                + " → matchmaker relay → project-list.events.v1 → the bench's read_committed consumer");
        List<Map<String, Object>> levels = new ArrayList<>();
        EndToEnd runner = new EndToEnd(stack, world, events, meter, console);
        if (options.e2eWarmupSeconds > 0) {
            // A stack that has just started spends its first tens of seconds of load compiling (C2 in the broker, the
            // ledger and the client; C1 in the rest) and sizing its heaps: that is its start, not its steady rate. The
            // warm-up level is that first load at the first rate, measured and reported apart, never left out unseen.
            double rate = options.rates.get(0);
            console.printf("e2e: warm-up, %.0f demands/s for %d s (the stack's first load, reported apart)...%n", rate,
                    options.e2eWarmupSeconds);
            Map<String, Object> warmUp = runner.run(rate, Duration.ofSeconds(options.e2eWarmupSeconds),
                    Duration.ofSeconds(options.drainSeconds), options.seed - 1);
            warmUp.put("warmUp", true);
            levels.add(warmUp);
        }
        for (double rate : options.rates) {
            // the services first digest what the previous parts left on the topics, so that no backlog is measured
            double waited = kafka.awaitCaughtUp(List.of(), Duration.ofSeconds(240));
            Map<String, Long> backlog = waited < 0 ? kafka.lagByGroup() : Map.of();
            console.printf("e2e: consumers caught up %s%n", waited < 0 ? "NOT within 240 s: " + backlog
                    : String.format("after %.1f s", waited));
            console.printf("e2e: baseline, raw Kafka produce → consume at %.0f records/s for %d s...%n", rate, options.baselineSeconds);
            KafkaKit.Latency raw = kafka.latency(LATENCY_TOPIC, rate, options.baselineSeconds, 1024);
            console.printf("e2e: raw Kafka p50 %.1f ms p99 %.1f ms max %.1f ms%n", raw.p50Ms(), raw.p99Ms(), raw.maxMs());
            Map<String, Object> level = runner.run(rate, Duration.ofSeconds(options.e2eSeconds),
                    Duration.ofSeconds(options.drainSeconds), options.seed + (long) rate);
            level.put("kafkaBaseline", KafkaKit.json(raw));
            level.put("waitedForConsumersSeconds", CpuMeter.round(waited));
            level.put("consumerLagAtStart", backlog);
            levels.add(level);
        }
        e2e.put("levels", levels);
        e2e.put("proposalsSeen", events.proposals.size());
        e2e.put("projectListEventsSeen", events.projectEvents.get());
        return e2e;
    }

    private Map<String, Object> delivery(LocalStack stack, World world, EventWatch events, CpuMeter meter, KafkaKit kafka)
            throws Exception {
        if (events.proposals.size() < options.deliveries) {
            // without the e2e run (--only delivery): make the proposals to deliver first, at a gentle rate
            double rate = 20;
            int seconds = (int) Math.ceil(options.deliveries * 1.2 / rate);
            new EndToEnd(stack, world, events, meter, console).run(rate, Duration.ofSeconds(seconds),
                    Duration.ofSeconds(options.drainSeconds), options.seed);
        }
        kafka.awaitCaughtUp(List.of(), Duration.ofSeconds(300));
        Map<String, Object> json = new DeliveryToLedger(stack, world, console)
                .run(List.copyOf(events.proposals), options.deliveries, meter, events);
        json.put("path", "POST /projects/{id}/delivery → matchmaker relay → project-list.events.v1 → ledger consumer (inbox,"
                + " hash chain) → GET /ledger/entries?project= lists it");
        double rate = 10;
        console.printf("delivery: baseline, raw Kafka produce → consume, %d records at %.0f/s...%n", options.deliveries, rate);
        KafkaKit.Latency raw = kafka.latency(LATENCY_TOPIC, rate, options.deliveries / rate, 1024);
        json.put("kafkaBaseline", KafkaKit.json(raw));
        return json;
    }

    private Map<String, Object> services(Path root, LocalStack stack, List<ServiceSpec> specs, Map<String, Long> pids,
            StartupWatch watch, List<String> warmedBy) throws Exception {
        ClosedLoop.Result unitWarmup = warmUpResourceList(stack, pids.get(LocalStack.RESOURCE_LIST));
        List<Map<String, Object>> services = new ArrayList<>();
        for (ServiceSpec spec : specs) {
            long pid = pids.get(spec.name());
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("service", spec.name());
            row.put("readySeconds", watch.readySeconds(spec.name()));
            row.put("localStackUpInSeconds", watch.upInSeconds(spec.name()));
            row.put("quarkusStartedInSeconds", quarkusStartedIn(stack.logDir().resolve(spec.name() + ".log")));
            row.put("cpuSecondsToReady", watch.cpuSecondsAtReady(spec.name()));
            row.put("rssAtReadyMiB", watch.rssMiBAtReady(spec.name()));
            row.put("othersCpuSecondsDuringStart", watch.othersCpuSecondsDuringStart(spec.name()));
            row.put("machineCpuSecondsDuringStart", watch.machineCpuSecondsDuringStart(spec.name()));
            row.put("othersCpuSecondsDuringStartByProcess", watch.othersCpuSecondsDuringStartByProcess(spec.name()));
            row.put("rssMiB", CpuMeter.statusMiB(pid, "VmRSS"));
            row.put("peakRssMiB", CpuMeter.statusMiB(pid, "VmHWM"));
            row.put("warmedUpBy", warmedUpBy(spec.name(), warmedBy, unitWarmup));
            row.put("jvmOptions", String.join(" ", ServiceProcess.jvmOptions(spec)));
            services.add(row);
        }
        services.add(JvmFloorRun.measure());
        Map<String, Object> servicesJson = new LinkedHashMap<>();
        servicesJson.put("jvmOptions", String.join(" ", ServiceProcess.jvmOptions())
                + (ServiceProcess.classDataArchives() ? " and each service's class-data archive" : "")
                + " (as ServiceProcess starts them)");
        servicesJson.put("startedApart", options.startApart);
        servicesJson.put("rows", services);
        servicesJson.put("resourceListWarmUp", resultJson(unitWarmup));
        return servicesJson;
    }

    private static String warmedUpBy(String service, List<String> ran, ClosedLoop.Result unitWarmup) {
        List<String> by = new ArrayList<>();
        switch (service) {
            case LocalStack.DEMAND_LIST -> ran.stream().filter(p -> !p.equals("ledger")).forEach(by::add);
            case LocalStack.RESOURCE_LIST -> {
                ran.stream().filter(p -> !p.equals("ingest")).forEach(by::add);
                by.add(unitWarmup.ok() + " POST /units (" + unitWarmup.clients() + " clients)");
            }
            case LocalStack.MATCHMAKER -> ran.stream().filter(p -> p.equals("e2e") || p.equals("delivery")).forEach(by::add);
            case LocalStack.LEDGER -> ran.stream().filter(p -> p.equals("delivery") || p.equals("ledger")).forEach(by::add);
            default -> {
            }
        }
        return by.isEmpty() ? "nothing (start-up only)" : String.join(", ", by);
    }

    /** The ingest part: REST beside JDBC at each level, and what one request costs the database. */
    private final class Ingest {
        private final LocalStack stack;
        private final long servicePid;
        private final String demandsUrl;
        private final String token = DevTokens.community("bench-worker", STREET, COMMUNITY);
        private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        private final CpuMeter meter;

        Ingest(LocalStack stack, long servicePid) {
            this.stack = stack;
            this.servicePid = servicePid;
            this.demandsUrl = stack.baseUrl(LocalStack.DEMAND_LIST) + "/demands";
            Map<String, Supplier<List<Long>>> groups = new LinkedHashMap<>();
            groups.put("demand-list", () -> List.of(servicePid));
            groups.put("postgres", () -> postgresPids(stack));
            groups.put("kafka", Bench::kafkaPids);
            groups.put("client", () -> List.of(ProcessHandle.current().pid()));
            this.meter = new CpuMeter(groups);
        }

        Map<String, Object> run() throws Exception {
            prepareBaselineTable();
            console.println("ingest: warming demand-list up (8 clients, " + (warmup.toSeconds() + 2) + " s)...");
            ClosedLoop.Result first = ClosedLoop.run("warmup", 8, Duration.ZERO, warmup.plusSeconds(2), MAX_OPS_PER_LEVEL, this::restOp, meter);
            if (first.ok() == 0) {
                throw new IllegalStateException("no demand was accepted: " + first.firstError());
            }
            Event event = lastEvent();
            console.printf("ingest: a demand event is %d bytes of payload + %d of metadata (%s)%n",
                    event.payload().length, event.metaData() == null ? 0 : event.metaData().length, event.payloadType());
            Map<String, Long> rowsBefore = rowCounts();
            long commitsBefore = commits();
            long restRequests = 0;
            List<Map<String, Object>> levels = new ArrayList<>();
            for (int clients : options.clients) {
                settle();
                console.printf("ingest: REST, %d clients (load %s)...%n", clients, CpuMeter.loadAverage());
                ClosedLoop.Result rest = ClosedLoop.run("rest", clients, warmup, measure, MAX_OPS_PER_LEVEL, this::restOp, meter);
                restRequests += rest.okInAll();
                console.printf("  %.0f/s p50 %.2f ms p99 %.2f ms, %d errors%s%n", rest.perSecond(), rest.p50Ms(), rest.p99Ms(), rest.errors(),
                        rest.firstError() == null ? "" : " (first: " + rest.firstError() + ")");
                settle();
                console.printf("ingest: JDBC, %d clients (load %s)...%n", clients, CpuMeter.loadAverage());
                List<Connection> connections = new ArrayList<>();
                ClosedLoop.Result jdbc;
                try {
                    jdbc = ClosedLoop.run("jdbc", clients, warmup, measure, MAX_OPS_PER_LEVEL,
                            worker -> jdbcOp(worker, event, connections), meter);
                } finally {
                    for (Connection connection : connections) {
                        connection.close();
                    }
                }
                console.printf("  %.0f/s p50 %.2f ms p99 %.2f ms, %d errors%s%n", jdbc.perSecond(), jdbc.p50Ms(), jdbc.p99Ms(), jdbc.errors(),
                        jdbc.firstError() == null ? "" : " (first: " + jdbc.firstError() + ")");
                Map<String, Object> level = new LinkedHashMap<>();
                level.put("clients", clients);
                level.put("rest", resultJson(rest));
                level.put("jdbc", resultJson(jdbc));
                level.put("restOverJdbc", jdbc.perSecond() == 0 ? 0 : CpuMeter.round(rest.perSecond() / jdbc.perSecond() * 1000) / 1000);
                level.put("loadAverageAfter", CpuMeter.loadAverage());
                levels.add(level);
            }
            settle();
            Map<String, Long> rowsAfter = rowCounts();
            long commitsAfter = commits();
            Map<String, Object> perRequest = new LinkedHashMap<>();
            for (Map.Entry<String, Long> table : rowsAfter.entrySet()) {
                long added = table.getValue() - rowsBefore.getOrDefault(table.getKey(), 0L);
                if (added > 0 && restRequests > 0) {
                    perRequest.put(table.getKey(), CpuMeter.round((double) added / restRequests));
                }
            }
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("rest", "POST /demands with a resident contact, community token of " + COMMUNITY + "; 201 = committed");
            result.put("jdbc", "INSERT into an event-store-shaped table (bigserial, UNIQUE event id, UNIQUE (aggregate id, sequence)),"
                    + " autocommit, one connection per client, database " + BENCH_DATABASE + " on the same server");
            result.put("eventPayloadBytes", event.payload().length);
            result.put("eventMetaDataBytes", event.metaData() == null ? 0 : event.metaData().length);
            result.put("levels", levels);
            result.put("rowsInsertedPerRequest", perRequest);
            result.put("commitsPerRequestApprox", restRequests == 0 ? 0 : CpuMeter.round((double) (commitsAfter - commitsBefore) / restRequests));
            return result;
        }

        private ClosedLoop.Op restOp(int worker) {
            return new ClosedLoop.Op() {
                private int n;
                private String error;

                @Override
                public boolean call() throws Exception {
                    HttpRequest request = HttpRequest.newBuilder(URI.create(demandsUrl))
                            .timeout(REQUEST_TIMEOUT)
                            .header("Authorization", "Bearer " + token)
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(demandBody(worker, n++), StandardCharsets.UTF_8))
                            .build();
                    HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
                    if (answer.statusCode() == 201) {
                        return true;
                    }
                    String body = answer.body();
                    error = answer.statusCode() + " " + body.substring(0, Math.min(300, body.length()));
                    return false;
                }

                @Override
                public String lastError() {
                    return error;
                }
            };
        }

        private ClosedLoop.Op jdbcOp(int worker, Event event, List<Connection> connections) throws SQLException {
            Connection connection = DriverManager.getConnection(stack.jdbcUrl(BENCH_DATABASE), stack.databaseUser(), stack.databasePassword());
            synchronized (connections) {
                connections.add(connection);
            }
            connection.setAutoCommit(true);
            PreparedStatement insert = connection.prepareStatement("INSERT INTO event_entry (event_identifier, aggregate_identifier,"
                    + " sequence_number, type, time_stamp, payload_type, payload_revision, payload, meta_data) VALUES (?,?,?,?,?,?,?,?,?)");
            insert.setQueryTimeout((int) REQUEST_TIMEOUT.toSeconds());
            return () -> {
                insert.setString(1, UUID.randomUUID().toString());
                insert.setString(2, UUID.randomUUID().toString());
                insert.setLong(3, 0);
                insert.setString(4, "Demand");
                insert.setString(5, Instant.now().toString());
                insert.setString(6, event.payloadType());
                insert.setString(7, null);
                insert.setBytes(8, event.payload());
                insert.setBytes(9, event.metaData());
                return insert.executeUpdate() == 1;
            };
        }

        private void prepareBaselineTable() throws SQLException {
            try (Connection connection = DriverManager.getConnection(stack.jdbcUrl("postgres"), stack.databaseUser(), stack.databasePassword());
                 Statement statement = connection.createStatement()) {
                statement.execute("CREATE DATABASE " + BENCH_DATABASE);
            }
            try (Connection connection = DriverManager.getConnection(stack.jdbcUrl(BENCH_DATABASE), stack.databaseUser(), stack.databasePassword());
                 Statement statement = connection.createStatement()) {
                // the columns and constraints of Axon's domain_event_entry (libs/platform db/platform V0_1)
                statement.execute("""
                        CREATE TABLE event_entry (
                            global_index         BIGSERIAL    NOT NULL PRIMARY KEY,
                            event_identifier     VARCHAR(255) NOT NULL UNIQUE,
                            aggregate_identifier VARCHAR(255) NOT NULL,
                            sequence_number      BIGINT       NOT NULL,
                            type                 VARCHAR(255),
                            time_stamp           VARCHAR(255) NOT NULL,
                            payload_type         VARCHAR(255) NOT NULL,
                            payload_revision     VARCHAR(255),
                            payload              BYTEA        NOT NULL,
                            meta_data            BYTEA,
                            CONSTRAINT event_entry_aggregate_sequence UNIQUE (aggregate_identifier, sequence_number))""");
            }
        }

        private Connection demandListDatabase() throws SQLException {
            return DriverManager.getConnection(stack.jdbcUrl("demand_list"), stack.databaseUser(), stack.databasePassword());
        }

        private Event lastEvent() throws SQLException {
            try (Connection connection = demandListDatabase();
                 Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("SELECT payload_type, payload, meta_data FROM domain_event_entry"
                         + " WHERE type = 'Demand' ORDER BY global_index DESC LIMIT 1")) {
                if (!rows.next()) {
                    throw new IllegalStateException("no demand event in demand-list's event store");
                }
                return new Event(rows.getString(1), rows.getBytes(2), rows.getBytes(3));
            }
        }

        private Map<String, Long> rowCounts() throws SQLException {
            Map<String, Long> counts = new LinkedHashMap<>();
            try (Connection connection = demandListDatabase(); Statement statement = connection.createStatement()) {
                List<String> tables = new ArrayList<>();
                try (ResultSet rows = statement.executeQuery("SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename")) {
                    while (rows.next()) {
                        tables.add(rows.getString(1));
                    }
                }
                for (String table : tables) {
                    try (ResultSet rows = statement.executeQuery("SELECT count(*) FROM \"" + table.replace("\"", "") + "\"")) {
                        rows.next();
                        counts.put(table, rows.getLong(1));
                    }
                }
            }
            return counts;
        }

        /** Committed transactions of demand-list's database so far (statistics lag by up to a second per backend). */
        private long commits() throws SQLException {
            try (Connection connection = demandListDatabase(); Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("SELECT xact_commit FROM pg_stat_database WHERE datname = 'demand_list'")) {
                return rows.next() ? rows.getLong(1) : 0;
            }
        }

        /** Waits (at most 15 s) until demand-list is quiet: its relay has published what the last run stored. */
        private void settle() {
            // at most 10 % of one core over 500 ms
            Processes.awaitQuiet(servicePid, Duration.ofMillis(500), 5, 1, Duration.ofSeconds(15));
        }
    }

    record Event(String payloadType, byte[] payload, byte[] metaData) {
    }

    /** A valid submission for 嘉福社区, different each time, with a resident contact (sealed, as in real use). */
    static String demandBody(int worker, int n) {
        LocalDate today = DemoClock.today();
        return """
                {"communityCode": "%s", "compound": "嘉福盐业小区", "building": "%d栋",
                 "category": "%s", "description": "独居老人上门量血压、义诊（压测 %d-%d）：行动不便，需要志愿者每周上门一次",
                 "beneficiaries": %d, "urgency": "%s",
                 "window": {"start": "%s", "end": "%s"}, "estimatedHours": 3,
                 "requiredSkills": ["健康咨询"],
                 "resident": {"name": "林阿婆", "phone": "138%08d", "address": "嘉福盐业小区%d栋%d室"}}"""
                .formatted(COMMUNITY, 1 + n % 12, CATEGORIES[(worker + n) % CATEGORIES.length], worker, n,
                        1 + n % 30, n % 5 == 0 ? "HIGH" : "NORMAL", today.plusDays(10), today.plusDays(30),
                        (worker * 1_000_000 + n) % 100_000_000, 1 + n % 12, 101 + n % 600);
    }

    /** Warms resource-list up the way its users write to it: the desk registers units (bounded in time and count). */
    private ClosedLoop.Result warmUpResourceList(LocalStack stack, long pid) throws Exception {
        console.println("services: warming resource-list up (POST /units, 4 clients, " + (warmup.toSeconds() + 5) + " s)...");
        String url = stack.baseUrl(LocalStack.RESOURCE_LIST) + "/units";
        String desk = DevTokens.desk("bench-desk", STREET);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        Map<String, Supplier<List<Long>>> groups = new LinkedHashMap<>();
        groups.put("resource-list", () -> List.of(pid));
        groups.put("postgres", () -> postgresPids(stack));
        groups.put("client", () -> List.of(ProcessHandle.current().pid()));
        return ClosedLoop.run("units", 4, warmup, Duration.ofSeconds(5), 20_000, worker -> new ClosedLoop.Op() {
            private int n;
            private String error;

            @Override
            public boolean call() throws Exception {
                String body = """
                        {"unitId": "unit-bench-%d-%d", "name": "压测共建单位 %d-%d", "kind": "GOVERNMENT_BODY",
                         "partyOrganisation": "压测党支部", "communities": ["%s"],
                         "contact": {"person": "陈志远", "phone": "13800002001", "email": "bench@example.com"}}"""
                        .formatted(worker, n, worker, n, COMMUNITY);
                n++;
                HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(REQUEST_TIMEOUT)
                        .header("Authorization", "Bearer " + desk).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(), HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() == 201) {
                    return true;
                }
                error = answer.statusCode() + " " + answer.body().substring(0, Math.min(300, answer.body().length()));
                return false;
            }

            @Override
            public String lastError() {
                return error;
            }
        }, new CpuMeter(groups));
    }

    static Map<String, Object> resultJson(ClosedLoop.Result result) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("clients", result.clients());
        json.put("ok", result.ok());
        json.put("errors", result.errors());
        json.put("seconds", CpuMeter.round(result.seconds()));
        json.put("perSecond", CpuMeter.round(result.perSecond()));
        json.put("p50Ms", result.p50Ms());
        json.put("p99Ms", result.p99Ms());
        json.put("maxMs", result.maxMs());
        if (result.firstError() != null) {
            json.put("firstError", result.firstError());
        }
        json.put("cpuMsPerOp", new LinkedHashMap<>(result.cpu().msPerOp()));
        json.put("otherCpuMsPerOp", result.cpu().otherMsPerOp());
        json.put("machineBusyPercent", result.cpu().busyPercent());
        return json;
    }

    private static double quarkusStartedIn(Path log) {
        try {
            Matcher started = Pattern.compile("started in ([0-9.]+)s").matcher(Files.readString(log));
            return started.find() ? Double.parseDouble(started.group(1)) : -1;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static long servicePid(Path root, ServiceSpec spec) {
        String jar = spec.runJar(root).toAbsolutePath().toString();
        return ProcessHandle.current().descendants()
                .filter(p -> p.info().commandLine().map(line -> line.contains(jar)).orElse(false))
                .map(ProcessHandle::pid)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("cannot find the process of " + spec.name()));
    }

    /** The broker's main class, on its command line. */
    static final String KAFKA_MAIN_CLASS = "kafka.Kafka";

    static List<Long> kafkaPids() {
        return ProcessHandle.current().descendants()
                .filter(p -> p.info().commandLine().map(line -> line.contains(KAFKA_MAIN_CLASS)).orElse(false))
                .map(ProcessHandle::pid).toList();
    }

    /** Our server's postmaster (from postmaster.pid in the stack's data directory) and its children. */
    static List<Long> postgresPids(LocalStack stack) {
        try {
            long postmaster = Long.parseLong(Files.readAllLines(stack.dataDir().resolve("postgres").resolve("postmaster.pid")).get(0).strip());
            Optional<ProcessHandle> handle = ProcessHandle.of(postmaster);
            if (handle.isEmpty()) {
                return List.of();
            }
            return Stream.concat(Stream.of(handle.get()), handle.get().descendants()).map(ProcessHandle::pid).toList();
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }

}
