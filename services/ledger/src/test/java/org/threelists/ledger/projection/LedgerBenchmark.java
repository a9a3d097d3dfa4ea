package org.threelists.ledger.projection;

import io.agroal.api.AgroalDataSource;
import io.agroal.api.configuration.supplier.AgroalPropertiesReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.threelists.ledger.domain.LedgerEntry;
import org.threelists.ledger.domain.LedgerEntry.Kind;
import org.threelists.ledger.messaging.Topics;
import org.threelists.ledger.projection.entries.OneEventChains;
import org.threelists.ledger.projection.reports.LedgerReports;
import org.threelists.ledger.projection.rollups.LedgerRollups;
import org.threelists.ledger.projection.reports.Standings;
import org.threelists.ledger.service.LedgerRecording;
import org.threelists.devkit.EmbeddedPostgresServer;
import org.threelists.platform.inbox.InboundEvent;
import org.threelists.platform.json.Json;
import org.threelists.platform.relay.CloudEvent;

import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * A benchmark, not a test: generates ENTRIES ledger entries (default 1,000,000) into a real (embedded) PostgreSQL
 * with the service's schema, then prints the p50/p99 latency of the reports the API serves, and the rate at which the
 * projection applies delivered events (what a rebuild does per event, without Kafka; one transaction per 100 events, as a rebuild commits per poll). Run:
 * <pre>
 * mvn -o -q -pl services/ledger test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -cp "services/ledger/target/test-classes:services/ledger/target/classes:$(cat services/ledger/target/cp.txt)" \
 *   org.threelists.ledger.projection.LedgerBenchmark 1000000
 * </pre>
 */
public final class LedgerBenchmark {

    static final String[] STREETS = {"heping", "dianqian", "qingshan", "shuangma"};
    static final Map<String, String[]> COMMUNITIES = Map.of("heping", new String[] {"lianqiao", "dingzikou", "huahuaqiao"},
            "dianqian", new String[] {"jiafu"}, "qingshan", new String[] {"xihuxincun"}, "shuangma", new String[] {"xintangli"});
    static final String[] CATEGORIES = {"HEALTH", "SAFETY", "ELDER_CARE", "LEGAL_ADVICE", "SANITATION", "CHILD_CARE"};

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].startsWith("jdbc:")) {
            // the reports only, over a ledger that is there already (e.g. the bench's, or one kept for EXPLAIN)
            try (AgroalDataSource ds = dataSource(args[0], args.length > 1 ? args[1] : EmbeddedPostgresServer.USER, args.length > 2 ? args[2] : EmbeddedPostgresServer.PASSWORD, 2)) {
                reports(ds);
            }
            return;
        }
        int target = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int rebuildEvents = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
        try (EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start(null, 0)) {
            try (AgroalDataSource ds = dataSource(postgres, 8)) {
                schema(ds);
                // the service's whole schema: the entries are written with today's columns
                migrateFrom(ds, 3);
                long t0 = System.nanoTime();
                long entries = generate(ds, target);
                double seconds = (System.nanoTime() - t0) / 1e9;
                System.out.printf("generated %,d entries in %.1f s (%.0f entries/s, chained and hashed)%n", entries, seconds,
                        entries / seconds);
                try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
                    // nine projects in ten confirmed by their community, so that reports have figures to count
                    s.execute("INSERT INTO project (project_id, completed_at, confirmed_by) SELECT DISTINCT project_id, "
                            + "now(), 'bench' FROM ledger_entry WHERE substr(project_id, 1, 1) <> 'f'");
                }
                t0 = System.nanoTime();
                // the roll-ups of the generated entries at once, as a rebuild fills them before its flip
                rollUp(ds, 1);
                System.out.printf("rolled up (as a rebuild's generation) in %.1f s%n", (System.nanoTime() - t0) / 1e9);
                try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
                    s.execute("VACUUM ANALYZE");
                }
                reports(ds);
                rebuild(ds, rebuildEvents);
            }
        }
    }

    /**
     * Rolls up every entry of {@code generation} as a rebuild does ({@link LedgerRollups.RollUp}), its two shares one
     * after the other in one transaction on one connection.
     */
    static void rollUp(AgroalDataSource ds, int generation) throws SQLException {
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            LedgerRollups.RollUp.begin(c);
            LedgerRollups.RollUp.figures(c, generation);
            LedgerRollups.RollUp.volunteers(c, generation);
            LedgerRollups.RollUp.countVolunteers(c, generation);
            c.commit();
        }
    }

    /** A small pool on the given database, as every ledger benchmark opens it. */
    public static AgroalDataSource dataSource(String jdbcUrl, String user, String password, int maxSize)
            throws java.sql.SQLException {
        Map<String, String> props = new HashMap<>();
        props.put(AgroalPropertiesReader.JDBC_URL, jdbcUrl);
        props.put(AgroalPropertiesReader.PRINCIPAL, user);
        props.put(AgroalPropertiesReader.CREDENTIAL, password);
        props.put(AgroalPropertiesReader.MAX_SIZE, Integer.toString(maxSize));
        return AgroalDataSource.from(new AgroalPropertiesReader().readProperties(props).get());
    }

    /** A small pool on the embedded server's {@code postgres} database. */
    public static AgroalDataSource dataSource(EmbeddedPostgresServer postgres, int maxSize) throws java.sql.SQLException {
        return dataSource(postgres.jdbcUrl("postgres"), EmbeddedPostgresServer.USER, EmbeddedPostgresServer.PASSWORD,
                maxSize);
    }

    public static void schema(AgroalDataSource ds) throws Exception {
        for (String script : List.of("db/platform/V0_1__axon_event_store.sql", "db/platform/V0_2__processed_message.sql",
                "db/migration/V1__ledger.sql", "db/migration/V2__statement_codes_and_summary_corrections.sql")) {
            run(ds, script);
        }
    }

    /**
     * Runs every migration of the service's folder from version {@code from} on, in version order, so that a
     * benchmark's schema is the service's whatever migrations come later (the folder, not a list kept here).
     */
    public static void migrateFrom(AgroalDataSource ds, int from) throws Exception {
        for (String script : migrations()) {
            if (version(script) >= from) {
                run(ds, "db/migration/" + script);
            }
        }
    }

    static List<String> migrations() throws Exception {
        java.net.URL folder = LedgerBenchmark.class.getClassLoader().getResource("db/migration");
        if (folder == null || !folder.getProtocol().equals("file")) {
            throw new IllegalStateException("db/migration is not a folder on the class path: " + folder);
        }
        try (var files = java.nio.file.Files.list(java.nio.file.Path.of(folder.toURI()))) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.matches("V\\d+__.*\\.sql"))
                    .sorted(java.util.Comparator.comparingInt(LedgerBenchmark::version)).toList();
        }
    }

    private static int version(String script) {
        return Integer.parseInt(script.substring(1, script.indexOf("__")));
    }

    public static void run(AgroalDataSource ds, String script) throws Exception {
        try (InputStream in = LedgerBenchmark.class.getClassLoader().getResourceAsStream(script);
             Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    /** Deliveries of 1 to 4 volunteers, ~3.5 entries each, over 2025–2026, in 12 partition chains. */
    public static long generate(AgroalDataSource ds, int target) throws Exception {
        Random random = new Random(1);
        String[] volunteers = new String[5000];
        Arrays.setAll(volunteers, i -> UUID.nameUUIDFromBytes(("v" + i).getBytes()).toString());
        long[] seq = new long[12];
        String[] heads = new String[12];
        Arrays.fill(heads, LedgerEntry.GENESIS);
        long count = 0;
        long offset = 0;
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            while (count < target) {
                List<LedgerEntry> batch = new ArrayList<>();
                int partition = random.nextInt(12);
                for (int d = 0; d < 500 && count < target; d++) {
                    String event = UUID.randomUUID().toString();
                    String street = STREETS[random.nextInt(STREETS.length)];
                    String[] communities = COMMUNITIES.get(street);
                    String community = communities[random.nextInt(communities.length)];
                    String category = CATEGORIES[random.nextInt(CATEGORIES.length)];
                    LocalDate date = LocalDate.of(2025, 1, 1).plusDays(random.nextInt(730));
                    String project = UUID.randomUUID().toString();
                    String unit = "unit-" + street + "-" + random.nextInt(40);
                    int n = 1 + random.nextInt(4);
                    for (int i = 0; i <= n; i++) {
                        Kind kind = i == 0 ? Kind.DELIVERY : Kind.HOURS;
                        LedgerEntry entry = new LedgerEntry(UUID.nameUUIDFromBytes((event + "/" + i).getBytes()).toString(),
                                partition, ++seq[partition], kind, event, project, street, community, category, date,
                                "活动中心", kind == Kind.HOURS ? unit : null,
                                kind == Kind.HOURS ? volunteers[random.nextInt(volunteers.length)] : null,
                                kind == Kind.HOURS ? BigDecimal.valueOf(1 + random.nextInt(8), 0) : null,
                                kind == Kind.DELIVERY ? 1 + random.nextInt(30) : null, null, null, null, UUID.randomUUID().toString(),
                                null, "bench", Instant.now(), null, null, LedgerEntry.Origin.PROJECT, null, null)
                                .chainedAfter(heads[partition]);
                        heads[partition] = entry.hash();
                        batch.add(entry);
                        count++;
                    }
                }
                OneEventChains.insert(c, 1, offset++, batch);
                OneEventChains.moveHead(c, 1, partition, seq[partition], heads[partition]);
                c.commit();
            }
        }
        return count;
    }

    private static void reports(AgroalDataSource ds) {
        LedgerReports reports = new LedgerReports(ds);
        Standings standings = new Standings(ds);
        LocalDate from = LocalDate.of(2026, 1, 1);
        LocalDate to = LocalDate.of(2026, 12, 31);
        Map<String, Runnable> cases = new LinkedHashMap<>();
        LedgerReports.Scope street = new LedgerReports.Scope("heping", null);
        for (LedgerReports.GroupBy by : LedgerReports.GroupBy.values()) {
            cases.put("street heping, one year, by " + by, () -> answer(reports, street, by, from, to));
        }
        cases.put("street heping, one month, by COMMUNITY", () -> answer(reports, street, LedgerReports.GroupBy.COMMUNITY,
                LocalDate.of(2026, 6, 1), LocalDate.of(2026, 6, 30)));
        cases.put("street heping, 2026-03-15..2026-09-10, by COMMUNITY", () -> answer(reports, street,
                LedgerReports.GroupBy.COMMUNITY, LocalDate.of(2026, 3, 15), LocalDate.of(2026, 9, 10)));
        for (String unit : List.of("unit-heping-7", "unit-fill-heping-7")) {
            cases.put("unit " + unit + ", one year, by MONTH", () -> answer(reports,
                    new LedgerReports.Scope("heping", unit), LedgerReports.GroupBy.MONTH, from, to));
        }
        cases.put("rankings of units, heping, one year", () -> standings.rank("heping", from, to, false));
        System.out.println("| report | p50 ms | p99 ms | max ms |");
        System.out.println("|---|--:|--:|--:|");
        for (var c : cases.entrySet()) {
            for (int i = 0; i < 3; i++) {
                c.getValue().run();
            }
            int runs = 30;
            double[] ms = new double[runs];
            for (int i = 0; i < runs; i++) {
                long t = System.nanoTime();
                c.getValue().run();
                ms[i] = (System.nanoTime() - t) / 1e6;
            }
            Arrays.sort(ms);
            System.out.printf("| %s | %.1f | %.1f | %.1f |%n", c.getKey(), ms[runs / 2], ms[(int) Math.ceil(runs * 0.99) - 1],
                    ms[runs - 1]);
        }
    }

    /** What GET /ledger/reports reads: the rows, the totals and the pending figures. */
    private static void answer(LedgerReports reports, LedgerReports.Scope scope, LedgerReports.GroupBy by, LocalDate from,
            LocalDate to) {
        reports.answer(scope, by, from, to, true);
    }

    /** What a rebuild does per event, minus Kafka: parse and validate the CloudEvent, apply it to a new generation. */
    private static void rebuild(AgroalDataSource ds, int events) throws Exception {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO ledger_generation (generation, status, started_by) VALUES (2, 'BUILDING', 'bench')");
        }
        // As the rebuild does: one transaction per poll of up to 100 records (here on one connection, shared by a proxy).
        Connection shared = ds.getConnection();
        shared.setAutoCommit(false);
        Connection unclosable = (Connection) java.lang.reflect.Proxy.newProxyInstance(Connection.class.getClassLoader(),
                new Class<?>[] {Connection.class}, (proxy, method, margs) -> method.getName().equals("close") ? null
                        : method.invoke(shared, margs));
        AgroalDataSource oneConnection = (AgroalDataSource) java.lang.reflect.Proxy.newProxyInstance(
                AgroalDataSource.class.getClassLoader(), new Class<?>[] {AgroalDataSource.class}, (proxy, method, margs) -> {
                    if (method.getName().equals("getConnection")) {
                        return unclosable;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
        LedgerRecording projection = new LedgerRecording(oneConnection);
        Random random = new Random(2);
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        for (int i = 0; i < events; i++) {
            String project = UUID.randomUUID().toString();
            Map<String, Object> report = new LinkedHashMap<>();
            report.put("date", LocalDate.of(2026, 1, 1).plusDays(random.nextInt(365)).toString());
            report.put("place", "活动中心");
            List<Map<String, Object>> volunteers = new ArrayList<>();
            for (int v = 0; v < 1 + random.nextInt(4); v++) {
                volunteers.add(Map.of("volunteerId", UUID.randomUUID().toString(), "unitId", "unit-heping-1", "hours", 2));
            }
            report.put("volunteers", volunteers);
            report.put("residentsServed", 10);
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("projectId", project);
            data.put("streetCode", "heping");
            data.put("communityCode", "lianqiao");
            data.put("category", "HEALTH");
            data.put("demandIds", List.of(UUID.randomUUID().toString()));
            data.put("report", report);
            data.put("consumptions", List.of());
            data.put("actor", "bench");
            byte[] json = Json.mapper().writeValueAsBytes(CloudEvent.of(UUID.randomUUID().toString(), "/threelists/matchmaker",
                    "threelists.project.delivered.v1", project, Instant.now(), data));
            records.add(new ConsumerRecord<>(Topics.PROJECT_EVENTS, i % 3, i / 3, project, json));
        }
        long t = System.nanoTime();
        int inBatch = 0;
        for (ConsumerRecord<String, byte[]> record : records) {
            projection.apply(2, InboundEvent.parse(Topics.PROJECT_EVENTS, record), record.partition(), record.offset());
            if (++inBatch == 100) {
                shared.commit();
                inBatch = 0;
            }
        }
        shared.commit();
        shared.close();
        double seconds = (System.nanoTime() - t) / 1e9;
        System.out.printf("rebuild (parse + schema check + apply, one commit per 100 events, no Kafka): %,d events in %.1f s = %.0f events/s%n",
                events, seconds, events / seconds);
    }
}
