package org.threelists.localstack;

import org.threelists.devkit.Processes;
import org.threelists.devkit.PostgresDatabases;

import org.threelists.devkit.DevTokens;
import org.threelists.devkit.EmbeddedPostgresServer;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The whole system on one machine: PostgreSQL (embedded, or one you name), a Kafka broker (a child process, or
 * one you name), and every built service as its own process, with demo data and ready-made tokens.
 *
 * <p>Run it with {@code ./run-local.sh}, or reuse it from a test:
 * <pre>{@code
 * try (LocalStack stack = LocalStack.builder().repoRoot(root).services(LocalStack.SERVICES).start()) {
 *     String demands = stack.baseUrl("demand-list") + "/demands";
 * }
 * }</pre>
 * Without {@link Builder#dataDir(Path)} everything lives in a temporary directory deleted on close, and
 * PostgreSQL and Kafka listen on free ports.
 */
public final class LocalStack implements AutoCloseable {

    public static final String DEMAND_LIST = "demand-list";
    public static final String RESOURCE_LIST = "resource-list";
    public static final String MATCHMAKER = "matchmaker";
    public static final String LEDGER = "ledger";

    /**
     * The services, in start order: the producers before matchmaker, which builds its read models from their
     * topics (it would catch up anyway; this way its first plan already sees the demo data); the ledger last, as
     * it records what the project list delivers.
     */
    public static final List<ServiceSpec> SERVICES = List.of(
            new ServiceSpec(DEMAND_LIST, 8081, "demand_list"),
            new ServiceSpec(RESOURCE_LIST, 8082, "resource_list"),
            new ServiceSpec(MATCHMAKER, 8083, "matchmaker", "matchmaker/service"),
            new ServiceSpec(LEDGER, 8084, "ledger"));

    /**
     * The web console: not a service (no database, no topics) but one more process of the local run, in front of
     * the services; its module is console/ at the repository root, beside services/.
     */
    public static final String CONSOLE = "console";
    public static final int DEFAULT_CONSOLE_PORT = 8080;

    /** 5433 rather than 5432, so that a PostgreSQL installed on the machine does not get in the way. */
    public static final int DEFAULT_POSTGRES_PORT = 5433;
    public static final int DEFAULT_KAFKA_PORT = 9092;

    public static final String ENV_DB_URL = "THREELISTS_DB_URL";
    public static final String ENV_DB_USER = "THREELISTS_DB_USER";
    public static final String ENV_DB_PASSWORD = "THREELISTS_DB_PASSWORD";
    public static final String ENV_DB_PORT = "THREELISTS_DB_PORT";
    public static final String ENV_KAFKA_BOOTSTRAP_SERVERS = "THREELISTS_KAFKA_BOOTSTRAP_SERVERS";
    public static final String ENV_KAFKA_PORT = "THREELISTS_KAFKA_PORT";
    /** Set in the environment, a temporary data directory is left in place at close, for a post-mortem. */
    public static final String KEEP_DATA = "THREELISTS_KEEP_DATA";

    /** The system property that sets {@link Builder#startTogether}'s default. */
    public static final String START_TOGETHER = "threelists.local-stack.start-together";

    /** "Quiet" for {@link Builder#startApart}: at most 2 ticks (20 ms of CPU) in each of four samples of 250 ms. */
    private static final Duration QUIET_SAMPLE = Duration.ofMillis(250);
    private static final int QUIET_SAMPLES = 4;
    private static final long QUIET_TICKS_PER_SAMPLE = 2;
    private static final Duration QUIET_TIMEOUT = Duration.ofSeconds(60);

    private final Builder settings;
    private final PrintStream out;
    private final Deque<AutoCloseable> running = new ArrayDeque<>();
    private final Map<String, List<ServiceReplica>> services = new LinkedHashMap<>();
    private final List<ServiceSpec> skipped = new ArrayList<>();
    private boolean closed;
    private LeftoverProcesses leftovers;
    private Supervisor supervisor;
    private EmbeddedPostgresServer postgres;
    private KafkaBroker broker;
    private ServiceProcess console;

    private Path repoRoot;
    private Path dataDir;
    private boolean temporaryDataDir;
    private String baseJdbcUrl;
    private String databaseUser;
    private String databasePassword;
    private String bootstrapServers;
    private Path publicKeyFile;

    private LocalStack(Builder settings) {
        this.settings = settings.copy();
        this.out = settings.progress;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static void main(String[] args) {
        if (List.of(args).contains("--help")) {
            System.out.println(ConsoleSummary.usage());
            return;
        }
        // the launcher's own libraries (Kafka admin client, zonky) log at INFO by default: too chatty for a console
        if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        }
        LocalStack stack;
        try {
            Path root = findRepositoryRoot(Path.of("").toAbsolutePath());
            stack = builder()
                    .repoRoot(root)
                    .dataDir(root.resolve(".local"))
                    .postgresPort(DEFAULT_POSTGRES_PORT)
                    .kafkaPort(DEFAULT_KAFKA_PORT)
                    .console(true)
                    .consolePort(DEFAULT_CONSOLE_PORT)
                    .demoData(true)
                    .supervise(true)
                    .fromEnvironment(System.getenv())
                    .build();
        } catch (IllegalArgumentException | IllegalStateException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        ShutdownSignals.stopOnSignals(stack);
        try {
            stack.startAll();
        } catch (RuntimeException e) {
            if (!stack.isClosed()) {
                System.err.println();
                System.err.println("The local stack could not start: " + e.getMessage());
                stack.close();
                System.exit(1);
            }
            return; // stopped by Ctrl-C while starting; the signal handler exits
        }
        stack.writeTokensFile();
        new ConsoleSummary(stack).print(System.out);
        awaitShutdown();
    }

    /** A TCP port that is free now on localhost, e.g. to run the services beside a local stack that uses theirs. */
    public static int freePort() {
        return Processes.freePort();
    }

    /** The folder with {@code mvnw} and {@code services/}, found by walking up from {@code start}. */
    public static Path findRepositoryRoot(Path start) {
        for (Path dir = start.toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("mvnw")) && Files.isDirectory(dir.resolve("services"))) {
                return dir;
            }
        }
        throw new IllegalStateException("run the local stack from inside the threelists repository:"
                + " no folder with mvnw and services/ at or above " + start);
    }

    /** The base URL of a running service, e.g. http://localhost:8081 */
    public String baseUrl(String service) {
        return replicas(service).get(0).baseUrl();
    }

    /** The replicas of a running service, the first on the service's own port. */
    public List<ServiceReplica> replicas(String service) {
        List<ServiceReplica> replicas = services.get(service);
        if (replicas == null) {
            throw new IllegalArgumentException(service + " is not running; running: " + services.keySet()
                    + (skipped.isEmpty() ? "" : ", skipped as not built: " + skipped.stream().map(ServiceSpec::name).toList()));
        }
        return replicas;
    }

    /** Every replica of every running service, in start order. */
    public List<ServiceReplica> allReplicas() {
        return services.values().stream().flatMap(List::stream).toList();
    }

    /** The web console's URL, or null when it does not run (not built, or not asked for). */
    public String consoleUrl() {
        return console == null ? null : console.baseUrl();
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    public String jdbcUrl(String database) {
        return PostgresDatabases.jdbcUrl(baseJdbcUrl, database);
    }

    public String baseJdbcUrl() {
        return baseJdbcUrl;
    }

    public String databaseUser() {
        return databaseUser;
    }

    public String databasePassword() {
        return databasePassword;
    }

    /** The services that run, in start order. */
    public List<ServiceSpec> services() {
        return services.values().stream().map(replicas -> replicas.get(0).spec()).toList();
    }

    /** The services left out because their runner jar is not built. */
    public List<ServiceSpec> skippedServices() {
        return List.copyOf(skipped);
    }

    public Path repoRoot() {
        return repoRoot;
    }

    /**
     * Writes {@code tokens.env} into the data directory (the service URLs and a dev token per demo role, as
     * {@code ./run-local.sh} prints them) and returns it: {@code source .local/tokens.env} in a shell.
     */
    public Path writeTokensFile() {
        new ConsoleSummary(this).writeTokensFile();
        return dataDir().resolve("tokens.env");
    }

    public Path dataDir() {
        return dataDir;
    }

    public Path logDir() {
        return dataDir.resolve("logs");
    }

    /** The PEM file of the dev public key, which every service is told to verify tokens with. */
    public Path publicKeyFile() {
        return publicKeyFile;
    }

    public synchronized boolean isClosed() {
        return closed;
    }

    /**
     * Stops everything in reverse start order: services first (they still need the broker and the database to
     * shut down cleanly), then Kafka, then PostgreSQL. A second caller waits until the first has finished.
     */
    @Override
    public void close() {
        Supervisor watching;
        synchronized (this) {
            watching = supervisor;
            supervisor = null;
        }
        // outside the lock: a restart the supervisor is doing needs it to register its process
        if (watching != null) {
            watching.close();
        }
        closeParts();
    }

    private synchronized void closeParts() {
        if (closed) {
            return;
        }
        closed = true;
        while (!running.isEmpty()) {
            AutoCloseable next = running.pop();
            try {
                next.close();
            } catch (Exception e) {
                System.err.println("while stopping " + describe(next) + ": " + e);
            }
        }
        if (temporaryDataDir && System.getenv(KEEP_DATA) == null) {
            deleteRecursively(dataDir);
        } else if (temporaryDataDir) {
            out.println("  data kept in " + dataDir + " (" + KEEP_DATA + ")");
        }
    }

    /**
     * Stops a running service and starts it again with the same settings, waiting until it is ready: gracefully
     * (SIGTERM) or, when {@code crash}, with SIGKILL, as a crash or an evicted pod would end it. For tests of what
     * must survive a restart (persistent deadlines, consumer positions, relay positions).
     */
    public void restart(String service, boolean crash) {
        replicas(service).get(0).restart(crash);
    }

    /**
     * Stops PostgreSQL (fast shutdown: open transactions roll back, every connection breaks) and starts it again on
     * the same port and data, as a fail-over or a database restart would look to the services.
     */
    public void restartPostgres() {
        EmbeddedPostgresServer old;
        synchronized (this) {
            if (postgres == null) {
                throw new IllegalStateException("PostgreSQL is external: restart it yourself");
            }
            old = postgres;
        }
        old.close();
        EmbeddedPostgresServer restarted = EmbeddedPostgresServer.start(old.dataDirectory(), old.port(),
                logDir().resolve("postgres.log"));
        synchronized (this) {
            running.remove(old);
            postgres = register(restarted);
        }
    }

    /** The local Kafka broker, to freeze and thaw it in fault tests; fails if Kafka is external. */
    public KafkaBroker kafkaBroker() {
        if (broker == null) {
            throw new IllegalStateException("Kafka is external");
        }
        return broker;
    }

    void startAll() {
        long started = System.nanoTime();
        repoRoot = settings.repoRoot != null ? settings.repoRoot.toAbsolutePath() : findRepositoryRoot(Path.of(""));
        prepareDataDir();
        out.println("threelists local stack (data in " + dataDir + ")");
        if (!temporaryDataDir) {
            leftovers = register(LeftoverProcesses.lock(dataDir));
        }

        List<ServiceSpec> toStart = new ArrayList<>();
        for (ServiceSpec spec : settings.services) {
            if (ServiceProcess.isBuilt(repoRoot, spec)) {
                toStart.add(spec);
            } else {
                skipped.add(spec);
                out.println("  skipping " + spec.name() + ": " + repoRoot.relativize(spec.runJar(repoRoot).toAbsolutePath())
                        + " is not built (./run-local.sh --build, or ./mvnw install -DskipTests)");
            }
        }

        startPostgres();
        for (ServiceSpec spec : toStart) {
            PostgresDatabases.createIfMissing(baseJdbcUrl, databaseUser, databasePassword, spec.database());
        }
        startKafka();
        if (settings.startApart && broker != null) {
            broker.createInternalTopics();
            awaitQuiet("Kafka", broker.pid(), "after its start");
        }
        publicKeyFile = DevTokens.writePublicKey(dataDir.resolve("jwt").resolve("public-key.pem"));
        String piiMasterKey = piiMasterKey();

        List<ServiceReplica> replicas = new ArrayList<>();
        for (ServiceSpec spec : toStart) {
            ServiceSettings serviceSettings = new ServiceSettings(jdbcUrl(spec.database()), databaseUser, databasePassword,
                    bootstrapServers, publicKeyFile, DevTokens.ISSUER, piiMasterKey, settings.serviceEnvironment);
            List<ServiceReplica> ofService = new ArrayList<>();
            for (int index = 0; index < settings.replicas; index++) {
                ServiceSpec replicaSpec = index == 0 ? spec : spec.onPort(Processes.freePort());
                ofService.add(new ServiceReplica(replicaSpec, index,
                        logDir().resolve((index == 0 ? spec.name() : spec.name() + "-" + (index + 1)) + ".log"),
                        it -> timed(it.name(), () -> startService(it, serviceSettings), ServiceProcess::baseUrl)));
            }
            replicas.addAll(ofService);
            services.put(spec.name(), List.copyOf(ofService));
        }
        if (settings.startApart) {
            for (ServiceReplica replica : replicas) {
                replica.start();
                awaitQuiet(replica.name(), replica.pid(), "after ready");
            }
        } else {
            startTogether(replicas);
        }
        if (settings.supervise) {
            supervisor = register(Supervisor.start(this::allReplicas));
        }
        if (settings.console) {
            startConsole();
        }

        if (settings.demoData) {
            loadDemoData();
        }
        out.printf("  ready in %.1f s%n", (System.nanoTime() - started) / 1e9);
    }

    /** Each running service gets its own demo data, through its REST API, unless it already has some. */
    private void loadDemoData() {
        if (demoDataTarget(DEMAND_LIST)) {
            new DemandDemoData(baseUrl(DEMAND_LIST), out).loadIfEmpty();
        }
        if (demoDataTarget(RESOURCE_LIST)) {
            new ResourceDemoData(baseUrl(RESOURCE_LIST), out).loadIfEmpty();
            new PartyGroupDemoData(baseUrl(RESOURCE_LIST), out).loadIfEmpty();
        }
        if (demoDataTarget(MATCHMAKER) && services.containsKey(DEMAND_LIST) && services.containsKey(RESOURCE_LIST)) {
            new ProjectDemoData(baseUrl(DEMAND_LIST), baseUrl(RESOURCE_LIST), baseUrl(MATCHMAKER),
                    services.containsKey(LEDGER) ? baseUrl(LEDGER) : null, out).runOnceIfEmpty();
        }
    }

    /** Whether the service runs; says so if it was asked for but is not running (not built). */
    private boolean demoDataTarget(String service) {
        if (services.containsKey(service)) {
            return true;
        }
        if (settings.services.stream().anyMatch(spec -> spec.name().equals(service))) {
            out.println("  demo data skipped for " + service + ": it is not running");
        }
        return false;
    }

    private void prepareDataDir() {
        try {
            if (settings.dataDir != null) {
                dataDir = Files.createDirectories(settings.dataDir.toAbsolutePath());
            } else {
                dataDir = Files.createTempDirectory("threelists-local-");
                temporaryDataDir = true;
            }
            Files.createDirectories(logDir());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data directory", e);
        }
    }

    private void startPostgres() {
        if (settings.externalDbUrl != null) {
            baseJdbcUrl = settings.externalDbUrl;
            databaseUser = settings.dbUser;
            databasePassword = settings.dbPassword;
            out.println("  PostgreSQL    " + baseJdbcUrl + " (external)");
            return;
        }
        postgres = timed("PostgreSQL",
                () -> register(EmbeddedPostgresServer.start(dataDir.resolve("postgres"), settings.postgresPort,
                        logDir().resolve("postgres.log"))),
                started -> "on port " + started.port());
        baseJdbcUrl = postgres.baseJdbcUrl();
        databaseUser = EmbeddedPostgresServer.USER;
        databasePassword = EmbeddedPostgresServer.PASSWORD;
    }

    private void startKafka() {
        if (settings.externalKafka != null) {
            bootstrapServers = settings.externalKafka;
            out.println("  Kafka         " + bootstrapServers + " (external)");
            return;
        }
        broker = timed("Kafka", () -> {
            KafkaBroker launched = register(KafkaBroker.launch(dataDir.resolve("kafka"), settings.kafkaPort,
                    logDir().resolve("kafka.log")));
            launched.awaitReady();
            return launched;
        }, KafkaBroker::bootstrapServers);
        bootstrapServers = broker.bootstrapServers();
    }

    /**
     * Starts the replicas {@link Builder#startTogether} at a time, in their order, and returns once all are ready.
     * A service's start is mostly one thread loading classes, and the next one's waits between its polls of the
     * readiness check: started one after another, eight replicas took a third longer on two cores
     * (tools/local-stack/README.md, "Starting together"). The first failure is thrown once the starts under way have ended.
     */
    private void startTogether(List<ServiceReplica> replicas) {
        int width = Math.max(1, Math.min(settings.startTogether, replicas.size()));
        if (width == 1) {
            replicas.forEach(ServiceReplica::start);
            return;
        }
        ExecutorService starts = Executors.newFixedThreadPool(width, runnable -> {
            Thread thread = new Thread(runnable, "local-stack-start");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<?>> started = new ArrayList<>();
            for (ServiceReplica replica : replicas) {
                started.add(starts.submit(replica::start));
            }
            RuntimeException failure = null;
            for (Future<?> start : started) {
                try {
                    start.get();
                } catch (ExecutionException e) {
                    if (failure == null) {
                        failure = e.getCause() instanceof RuntimeException runtime ? runtime
                                : new IllegalStateException(e.getCause());
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while the services started", e);
                }
            }
            if (failure != null) {
                throw failure;
            }
        } finally {
            starts.shutdownNow();
        }
    }

    private ServiceProcess startService(ServiceReplica replica, ServiceSettings serviceSettings) {
        ServiceSpec spec = replica.spec();
        if (leftovers != null) {
            leftovers.stopLeftover(replica.name(), spec.runJar(repoRoot).toAbsolutePath().toString());
            // registered before the service, so that close() runs it after the service has stopped
            register(() -> leftovers.forget(replica.name()));
        }
        // registered before waiting for it, so that Ctrl-C during the wait stops this process too
        ServiceProcess launched = register(ServiceProcess.launch(repoRoot, spec, serviceSettings, replica.logFile()));
        if (leftovers != null) {
            leftovers.record(replica.name(), launched.pid());
        }
        try {
            launched.awaitReady();
        } catch (RuntimeException e) {
            launched.close();
            throw e;
        }
        return launched;
    }

    /**
     * The console, in front of the services that run, with the demo sign-in on: the local run is where the dev
     * issuer's tokens are trusted (README "Tokens"). Skipped, like a service, when it is not built.
     */
    private void startConsole() {
        ServiceSpec spec = consoleSpec(settings.consolePort == 0 ? Processes.freePort() : settings.consolePort);
        if (!ServiceProcess.isBuilt(repoRoot, spec)) {
            out.println("  skipping the console: " + repoRoot.relativize(spec.runJar(repoRoot).normalize().toAbsolutePath())
                    + " is not built (./run-local.sh --build, or ./mvnw install -DskipTests)");
            return;
        }
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put(ServiceSettings.HTTP_PORT, Integer.toString(spec.port()));
        environment.put("THREELISTS_CONSOLE_DEV_SIGN_IN_ENABLED", "true");
        for (String service : services.keySet()) {
            environment.put("THREELISTS_CONSOLE_UPSTREAM_" + service.toUpperCase(java.util.Locale.ROOT).replace('-', '_'),
                    baseUrl(service));
        }
        environment.putAll(settings.consoleEnvironment);
        console = timed("console", () -> {
            Path log = logDir().resolve(CONSOLE + ".log");
            ServiceProcess.startLogAfresh(log);
            ServiceProcess launched = register(ServiceProcess.launch(repoRoot, spec, environment, log));
            launched.awaitReady();
            return launched;
        }, ServiceProcess::baseUrl);
    }

    /** The console's module lies beside services/, hence the module path relative to services/. */
    static ServiceSpec consoleSpec(int port) {
        return new ServiceSpec(CONSOLE, port, null, "../" + CONSOLE);
    }

    private String piiMasterKey() {
        if (settings.piiMasterKey != null) {
            return settings.piiMasterKey;
        }
        return temporaryDataDir ? PiiMasterKey.generate() : PiiMasterKey.loadOrCreate(dataDir.resolve("pii-master-key"));
    }

    /**
     * Waits until a process that has just become ready (a service, the broker) uses less than a tenth of a core, so
     * that the next service starts alone, as a pod does on its own CPU beside a broker that has long been up: the
     * warm-ups that run after {@code HttpServerStart} (the matchmaker's solver) otherwise share the two cores with the
     * next start and are counted in its time (bench/README.md, "Start-up: each service alone").
     */
    private void awaitQuiet(String name, long pid, String since) {
        long began = System.nanoTime();
        long used = Processes.awaitQuiet(pid, QUIET_SAMPLE, QUIET_TICKS_PER_SAMPLE, QUIET_SAMPLES, QUIET_TIMEOUT);
        if (used >= 0) {
            out.printf("  %-13s quiet after %.1f s more, %.2f s of CPU %s%n", name,
                    (System.nanoTime() - began) / 1e9, used / (double) Processes.CPU_TICKS_PER_SECOND, since);
        }
    }

    private <T> T timed(String what, Supplier<T> start, Function<T, String> where) {
        out.printf("  %-13s starting...%n", what);
        long began = System.nanoTime();
        T result = start.get();
        out.printf("  %-13s up in %.1f s, %s%n", what, (System.nanoTime() - began) / 1e9, where.apply(result));
        return result;
    }

    /** Remembers a started part for close(); if the stack was closed meanwhile (Ctrl-C), stops the part at once. */
    private synchronized <T extends AutoCloseable> T register(T part) {
        if (closed) {
            try {
                part.close();
            } catch (Exception e) {
                System.err.println("while stopping " + describe(part) + ": " + e);
            }
            throw new IllegalStateException("the local stack was stopped while starting");
        }
        running.push(part);
        return part;
    }

    private static String describe(AutoCloseable part) {
        return part instanceof ServiceProcess service ? service.spec().name() : part.getClass().getSimpleName();
    }

    private static void deleteRecursively(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            System.err.println("cannot delete " + dir + ": " + e.getMessage());
        }
    }

    private static void awaitShutdown() {
        try {
            new CountDownLatch(1).await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Settings for a {@link LocalStack}; every one has a default fit for a test. */
    public static final class Builder {
        private Path repoRoot;
        private Path dataDir;
        private List<ServiceSpec> services = SERVICES;
        private boolean demoData;
        private String piiMasterKey;
        private String externalDbUrl;
        private String dbUser = EmbeddedPostgresServer.USER;
        private String dbPassword = EmbeddedPostgresServer.PASSWORD;
        private int postgresPort;
        private String externalKafka;
        private int kafkaPort;
        private Map<String, String> serviceEnvironment = Map.of();
        private PrintStream progress = System.out;
        private int replicas = 1;
        private boolean supervise;
        private boolean console;
        private int consolePort;
        private Map<String, String> consoleEnvironment = Map.of();
        private boolean startApart;
        private int startTogether = Integer.getInteger(START_TOGETHER, Integer.MAX_VALUE);

        private Builder() {
        }

        /** The repository with services/ and their built jars; default: found from the working directory. */
        public Builder repoRoot(Path repoRoot) {
            this.repoRoot = repoRoot;
            return this;
        }

        /** Where data, logs and keys live and stay; default: a temporary directory deleted on close. */
        public Builder dataDir(Path dataDir) {
            this.dataDir = dataDir;
            return this;
        }

        /** Which services to run, in start order; default {@link LocalStack#SERVICES}. */
        public Builder services(List<ServiceSpec> services) {
            this.services = List.copyOf(services);
            return this;
        }

        /**
         * Whether to load the demo data (demands into demand-list; units, offers and volunteers into resource-list),
         * each only when the service has none for the demo streets yet; default false.
         */
        public Builder demoData(boolean demoData) {
            this.demoData = demoData;
            return this;
        }

        /** The base64 PII master key for the services; default: kept in dataDir/pii-master-key, or random if temporary. */
        public Builder piiMasterKey(String piiMasterKey) {
            this.piiMasterKey = piiMasterKey;
            return this;
        }

        /** Use this PostgreSQL server instead of starting one; {@code baseJdbcUrl} like jdbc:postgresql://host:5432/ */
        public Builder externalPostgres(String baseJdbcUrl, String user, String password) {
            this.externalDbUrl = Objects.requireNonNull(baseJdbcUrl);
            this.dbUser = Objects.requireNonNull(user);
            this.dbPassword = Objects.requireNonNull(password);
            return this;
        }

        /** The embedded PostgreSQL's port; default 0, a free one. */
        public Builder postgresPort(int port) {
            this.postgresPort = port;
            return this;
        }

        /** Use this Kafka cluster instead of starting a broker. */
        public Builder externalKafka(String bootstrapServers) {
            this.externalKafka = Objects.requireNonNull(bootstrapServers);
            return this;
        }

        /** The broker's client port; default 0, a free one. */
        public Builder kafkaPort(int port) {
            this.kafkaPort = port;
            return this;
        }

        /**
         * How many processes run each service (default 1): the first on the service's port, the others on free ports,
         * all on the same database and consumer groups, as replicas of a Kubernetes Deployment.
         */
        public Builder replicas(int replicas) {
            if (replicas < 1) {
                throw new IllegalArgumentException("at least one replica, not " + replicas);
            }
            this.replicas = replicas;
            return this;
        }

        /** Whether a service process that dies is started again by itself, as Kubernetes would (default false). */
        public Builder supervise(boolean supervise) {
            this.supervise = supervise;
            return this;
        }

        /** Whether to run the web console in front of the services, when it is built (default false; the local run: true). */
        public Builder console(boolean console) {
            this.console = console;
            return this;
        }

        /** The console's HTTP port; default 0, a free one. */
        public Builder consolePort(int port) {
            this.consolePort = port;
            return this;
        }

        /** More environment variables for the console, e.g. its identity provider (they win over the stack's own). */
        public Builder consoleEnvironment(Map<String, String> environment) {
            this.consoleEnvironment = Map.copyOf(environment);
            return this;
        }

        /** More environment variables for every service (they win over the stack's own). */
        public Builder serviceEnvironment(Map<String, String> environment) {
            this.serviceEnvironment = Map.copyOf(environment);
            return this;
        }

        /**
         * Whether each service starts only once the one before it has gone quiet after its warm-ups, and the first
         * once the broker has its internal topics and has gone quiet (default: at once, when the one before is ready):
         * what a start costs alone, for the bench's start-up figures.
         */
        public Builder startApart(boolean startApart) {
            this.startApart = startApart;
            return this;
        }

        /**
         * How many replicas start at the same time (default: all of them, or the system property
         * {@value LocalStack#START_TOGETHER}); with fewer, the next in the services' order begins when one is ready.
         * Ignored with {@link #startApart}.
         */
        public Builder startTogether(int startTogether) {
            if (startTogether < 1) {
                throw new IllegalArgumentException("at least one start at a time, not " + startTogether);
            }
            this.startTogether = startTogether;
            return this;
        }

        /** Where progress messages go; default System.out. */
        public Builder progress(PrintStream progress) {
            this.progress = Objects.requireNonNull(progress);
            return this;
        }

        /**
         * Applies the THREELISTS_* variables: THREELISTS_DB_URL (+ THREELISTS_DB_USER, THREELISTS_DB_PASSWORD),
         * THREELISTS_DB_PORT, THREELISTS_KAFKA_BOOTSTRAP_SERVERS, THREELISTS_KAFKA_PORT. Blank counts as unset.
         */
        public Builder fromEnvironment(Map<String, String> environment) {
            String dbUrl = value(environment, ENV_DB_URL);
            if (dbUrl != null) {
                String user = value(environment, ENV_DB_USER);
                String password = value(environment, ENV_DB_PASSWORD);
                externalPostgres(dbUrl, user != null ? user : EmbeddedPostgresServer.USER,
                        password != null ? password : EmbeddedPostgresServer.PASSWORD);
            }
            String dbPort = value(environment, ENV_DB_PORT);
            if (dbPort != null) {
                postgresPort(port(ENV_DB_PORT, dbPort));
            }
            String kafka = value(environment, ENV_KAFKA_BOOTSTRAP_SERVERS);
            if (kafka != null) {
                externalKafka(kafka);
            }
            String kafkaPortValue = value(environment, ENV_KAFKA_PORT);
            if (kafkaPortValue != null) {
                kafkaPort(port(ENV_KAFKA_PORT, kafkaPortValue));
            }
            return this;
        }

        /** Starts everything and waits until every service is ready; on failure stops what had started. */
        public LocalStack start() {
            LocalStack stack = build();
            try {
                stack.startAll();
                return stack;
            } catch (RuntimeException e) {
                stack.close();
                throw e;
            }
        }

        LocalStack build() {
            return new LocalStack(this);
        }

        private Builder copy() {
            Builder copy = new Builder();
            copy.repoRoot = repoRoot;
            copy.dataDir = dataDir;
            copy.services = services;
            copy.demoData = demoData;
            copy.piiMasterKey = piiMasterKey;
            copy.externalDbUrl = externalDbUrl;
            copy.dbUser = dbUser;
            copy.dbPassword = dbPassword;
            copy.postgresPort = postgresPort;
            copy.externalKafka = externalKafka;
            copy.kafkaPort = kafkaPort;
            copy.serviceEnvironment = serviceEnvironment;
            copy.progress = progress;
            copy.replicas = replicas;
            copy.supervise = supervise;
            copy.console = console;
            copy.consolePort = consolePort;
            copy.consoleEnvironment = consoleEnvironment;
            copy.startApart = startApart;
            copy.startTogether = startTogether;
            return copy;
        }

        private static String value(Map<String, String> environment, String name) {
            String value = environment.get(name);
            return value == null || value.isBlank() ? null : value.strip();
        }

        private static int port(String name, String value) {
            try {
                int port = Integer.parseInt(value);
                if (port < 0 || port > 65535) {
                    throw new NumberFormatException();
                }
                return port;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(name + " must be a port number, not " + value, e);
            }
        }
    }
}
