package org.threelists.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.threelists.localstack.DevTokens;
import org.threelists.localstack.LocalStack;
import org.threelists.localstack.ServiceProcess;
import org.threelists.localstack.ServiceSpec;

import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
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
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The benchmark of issue 7, parts 1 (ingest) and 5 (services). Starts a throw-away stack with {@link LocalStack}
 * (embedded PostgreSQL, a Kafka broker, demand-list and resource-list from their quarkus-run.jar, no demo data), then:
 * <ol>
 *   <li>Ingest: {@code POST /demands} (201: committed before the answer) by 1, 8 and 32 closed-loop clients, and
 *       beside each level, on the same PostgreSQL, single-row INSERT transactions over JDBC into a table shaped like
 *       Axon's {@code domain_event_entry}, with a real demand event's payload and metadata; the ratio of the two.</li>
 *   <li>Services: spawn to /q/health/ready 200, Quarkus' own "started in", RSS after warm-up; beside them a bare JVM
 *       with the same heap limit answering the same health URL.</li>
 * </ol>
 * Prints a table and writes JSON. Usage: {@code bench/run.sh [--clients 1,8,32] [--warmup 3] [--measure 15]
 * [--out bench/target/bench-results.json]}.
 */
public final class Bench {

    static final String STREET = "dianqian";
    static final String COMMUNITY = "jiafu";
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
    static final Duration WATCHDOG = Duration.ofMinutes(10);
    static final long MAX_OPS_PER_LEVEL = 2_000_000;
    private static final String[] CATEGORIES = {"HEALTH", "ELDER_CARE", "FACILITY_REPAIR", "SANITATION", "LEGAL_ADVICE"};
    private static final String BENCH_DATABASE = "bench_baseline";

    private final List<Integer> clientLevels;
    private final Duration warmup;
    private final Duration measure;
    private final Path out;
    private final PrintStream console = System.out;
    private final Map<String, Object> json = new LinkedHashMap<>();

    private Bench(List<Integer> clientLevels, Duration warmup, Duration measure, Path out) {
        this.clientLevels = clientLevels;
        this.warmup = warmup;
        this.measure = measure;
        this.out = out;
    }

    public static void main(String[] args) throws Exception {
        if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        }
        List<Integer> clients = List.of(1, 8, 32);
        int warmupSeconds = 3;
        int measureSeconds = 15;
        Path out = Path.of("bench/target/bench-results.json");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--clients" -> clients = Arrays.stream(args[++i].split(",")).map(String::trim).map(Integer::valueOf).toList();
                case "--warmup" -> warmupSeconds = Integer.parseInt(args[++i]);
                case "--measure" -> measureSeconds = Integer.parseInt(args[++i]);
                case "--out" -> out = Path.of(args[++i]);
                case "--help", "-h" -> {
                    System.out.println("usage: bench/run.sh [--clients 1,8,32] [--warmup SECONDS] [--measure SECONDS] [--out FILE]");
                    return;
                }
                default -> throw new IllegalArgumentException("unknown argument " + args[i] + " (try --help)");
            }
        }
        if (clients.stream().anyMatch(c -> c < 1 || c > 64) || warmupSeconds < 0 || warmupSeconds > 30
                || measureSeconds < 1 || measureSeconds > 60) {
            throw new IllegalArgumentException("clients 1..64, warm-up 0..30 s, measure 1..60 s");
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
        new Bench(clients, Duration.ofSeconds(warmupSeconds), Duration.ofSeconds(measureSeconds), out).run();
        watchdog.interrupt();
    }

    private void run() throws Exception {
        Path root = LocalStack.findRepositoryRoot(Path.of("").toAbsolutePath());
        List<ServiceSpec> specs = List.of(
                new ServiceSpec(LocalStack.DEMAND_LIST, freePort(), "demand_list"),
                new ServiceSpec(LocalStack.RESOURCE_LIST, freePort(), "resource_list"));
        for (ServiceSpec spec : specs) {
            if (!ServiceProcess.isBuilt(root, spec)) {
                throw new IllegalStateException(spec.runJar(root) + " is missing: build first (bench/run.sh does)");
            }
        }
        Instant startedAt = Instant.now();
        String loadAtStart = CpuMeter.loadAverage();
        console.printf("threelists bench, %s, %d cores, load average %s%n", startedAt, Runtime.getRuntime().availableProcessors(), loadAtStart);
        json.put("date", startedAt.toString());
        json.put("cores", Runtime.getRuntime().availableProcessors());
        json.put("java", System.getProperty("java.version"));
        json.put("settings", Map.of("clients", clientLevels, "warmupSeconds", warmup.toSeconds(), "measureSeconds", measure.toSeconds()));
        Map<String, String> load = new LinkedHashMap<>();
        load.put("start", loadAtStart);
        json.put("loadAverage", load);

        StartupWatch watch = new StartupWatch(specs, console);
        LocalStack stack = LocalStack.builder().repoRoot(root).services(specs).demoData(false).progress(watch.stream()).start();
        Thread stopper = new Thread(stack::close, "stop-stack");
        Runtime.getRuntime().addShutdownHook(stopper);
        try {
            Map<String, Long> pids = new LinkedHashMap<>();
            for (ServiceSpec spec : specs) {
                pids.put(spec.name(), servicePid(root, spec));
            }
            load.put("afterStart", CpuMeter.loadAverage());
            Ingest ingest = new Ingest(stack, pids.get(LocalStack.DEMAND_LIST));
            Map<String, Object> ingestJson = ingest.run();
            json.put("ingest", ingestJson);
            load.put("afterIngest", CpuMeter.loadAverage());
            ClosedLoop.Result unitWarmup = warmUpResourceList(stack, pids.get(LocalStack.RESOURCE_LIST));

            List<Map<String, Object>> services = new ArrayList<>();
            for (ServiceSpec spec : specs) {
                long pid = pids.get(spec.name());
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("service", spec.name());
                row.put("readySeconds", watch.readySeconds(spec.name()));
                row.put("localStackUpInSeconds", watch.upInSeconds(spec.name()));
                row.put("quarkusStartedInSeconds", quarkusStartedIn(stack.logDir().resolve(spec.name() + ".log")));
                row.put("rssMiB", CpuMeter.statusMiB(pid, "VmRSS"));
                row.put("peakRssMiB", CpuMeter.statusMiB(pid, "VmHWM"));
                row.put("warmedUpBy", spec.name().equals(LocalStack.DEMAND_LIST)
                        ? "the ingest run above" : unitWarmup.ok() + " POST /units (" + unitWarmup.clients() + " clients)");
                services.add(row);
            }
            services.add(JvmFloorRun.measure());
            Map<String, Object> servicesJson = new LinkedHashMap<>();
            servicesJson.put("heap", "-Xmx256m each (as ServiceProcess starts them)");
            servicesJson.put("rows", services);
            servicesJson.put("resourceListWarmUp", resultJson(unitWarmup));
            json.put("services", servicesJson);
        } finally {
            stack.close();
            try {
                Runtime.getRuntime().removeShutdownHook(stopper);
            } catch (IllegalStateException shuttingDown) {
                // the hook runs anyway
            }
        }
        load.put("end", CpuMeter.loadAverage());
        json.put("totalSeconds", CpuMeter.round((Instant.now().toEpochMilli() - startedAt.toEpochMilli()) / 1000.0));
        new Report(json).print(console);
        Files.createDirectories(out.toAbsolutePath().getParent());
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(out.toFile(), json);
        console.println("written " + out);
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
            for (int clients : clientLevels) {
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
        private void settle() throws InterruptedException {
            long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
            long previous = CpuMeter.processTicks(servicePid);
            while (System.nanoTime() < deadline) {
                Thread.sleep(500);
                long now = CpuMeter.processTicks(servicePid);
                if (now - previous <= 5) { // at most 10 % of one core over 500 ms
                    return;
                }
                previous = now;
            }
        }
    }

    record Event(String payloadType, byte[] payload, byte[] metaData) {
    }

    /** A valid submission for 嘉福社区, different each time, with a resident contact (sealed, as in real use). */
    static String demandBody(int worker, int n) {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
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

    static List<Long> kafkaPids() {
        return ProcessHandle.current().descendants()
                .filter(p -> p.info().commandLine().map(line -> line.contains("kafka.Kafka")).orElse(false))
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

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

}
