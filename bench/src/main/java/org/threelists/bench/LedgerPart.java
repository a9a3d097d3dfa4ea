package org.threelists.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.resource.AllowSchemaLoader;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.threelists.contracts.Category;
import org.threelists.devkit.DevTokens;
import org.threelists.localstack.LocalStack;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Date;
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
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

/**
 * Part 4, the ledger against the running ledger service.
 * <ol>
 *   <li>Rebuild: N generated {@code threelists.project.delivered.v1} events (each checked against
 *       contracts/schemas/project-list.events.v1.schema.json) are produced to project-list.events.v1; the live
 *       consumers catch up (the ledger's live rate is timed); then {@code POST /ledger/rebuild} reads the whole topic
 *       into a new generation. Baseline: a plain KafkaConsumer reading the same topic from offset 0.</li>
 *   <li>Reports: {@link LedgerFill} writes ~1M entries into the current generation (and their roll-ups, as the
 *       projection keeps them); then each report is timed over REST ({@code GET /ledger/reports}, which reads the
 *       roll-ups) and, as the baseline, the raw SUM over the entries (the report and the totals as the service computed
 *       them before the roll-ups) over JDBC on the same PostgreSQL; both must give the same rows, hours and
 *       activities.</li>
 *   <li>Verification: the operator's {@code GET /ledger/verification} walks the whole ledger (every hash recomputed);
 *       baseline: the same rows streamed over JDBC in chain order, nothing computed.</li>
 * </ol>
 */
final class LedgerPart {

    static final String TOPIC = "project-list.events.v1";

    private final LocalStack stack;
    private final World world;
    private final KafkaKit kafka;
    private final Http http = new Http();
    private final PrintStream console;

    LedgerPart(LocalStack stack, World world, KafkaKit kafka, PrintStream console) {
        this.stack = stack;
        this.world = world;
        this.kafka = kafka;
        this.console = console;
    }

    Connection ledgerDatabase() throws SQLException {
        return DriverManager.getConnection(stack.jdbcUrl("ledger"), stack.databaseUser(), stack.databasePassword());
    }

    // ---------------------------------------------------------------------------------------------- rebuild

    Map<String, Object> rebuild(int events, long seed, CpuMeter meter) throws Exception {
        Map<String, Object> json = new LinkedHashMap<>();
        console.printf("ledger: generating %,d project.delivered events and checking each against the schema...%n", events);
        long t = System.nanoTime();
        List<byte[]> values = new ArrayList<>(events);
        List<String> keys = new ArrayList<>(events);
        JsonSchema schema = schema();
        Random random = new Random(seed);
        for (int i = 0; i < events; i++) {
            String projectId = UUID.randomUUID().toString();
            JsonNode event = Http.JSON.valueToTree(delivered(projectId, random));
            Set<ValidationMessage> errors = schema.validate(event);
            if (!errors.isEmpty()) {
                throw new IllegalStateException("a generated event does not follow the schema: " + errors + "\n" + event);
            }
            keys.add(projectId);
            values.add(Http.JSON.writeValueAsBytes(event));
        }
        json.put("events", events);
        json.put("generateAndValidateSeconds", CpuMeter.round((System.nanoTime() - t) / 1e9));
        json.put("eventBytesAverage", values.stream().mapToInt(v -> v.length).average().orElse(0));

        kafka.awaitCaughtUp(List.of(), Duration.ofSeconds(120));
        console.printf("ledger: producing them to %s...%n", TOPIC);
        CpuMeter.Sample before = meter.sample();
        long produceStart = System.nanoTime();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(kafka.producer("bench-delivered"))) {
            for (int i = 0; i < events; i++) {
                ProducerRecord<String, byte[]> record = new ProducerRecord<>(TOPIC, keys.get(i), values.get(i));
                record.headers().add("content-type", "application/cloudevents+json; charset=UTF-8".getBytes(StandardCharsets.UTF_8));
                producer.send(record);
            }
            producer.flush();
        }
        double produceSeconds = (System.nanoTime() - produceStart) / 1e9;
        json.put("produceSeconds", CpuMeter.round(produceSeconds));
        double ledgerLive = kafka.awaitCaughtUp(List.of("ledger.project-list"), Duration.ofSeconds(600));
        double ledgerLiveSeconds = ledgerLive < 0 ? -1 : (System.nanoTime() - produceStart) / 1e9;
        CpuMeter.Usage liveCpu = meter.usage(before, meter.sample(), events);
        json.put("liveConsumerSeconds", CpuMeter.round(ledgerLiveSeconds));
        json.put("liveConsumerEventsPerSecond", ledgerLive < 0 ? -1 : CpuMeter.round(events / ledgerLiveSeconds));
        json.put("liveCpuMsPerEvent", liveCpu.msPerOp());
        json.put("liveOtherCpuMsPerEvent", liveCpu.otherMsPerOp());
        console.printf("ledger: the live consumer applied them in %.1f s (%.0f events/s; demand-list and resource-list consumed them too)%n",
                ledgerLiveSeconds, events / ledgerLiveSeconds);
        kafka.awaitCaughtUp(List.of(), Duration.ofSeconds(300));

        console.println("ledger: baseline, a plain KafkaConsumer reading " + TOPIC + " from offset 0...");
        KafkaKit.ReadAll raw = kafka.readAll(TOPIC);
        KafkaKit.ReadAll rawAgain = kafka.readAll(TOPIC);
        KafkaKit.ReadAll best = raw.seconds() <= rawAgain.seconds() ? raw : rawAgain;
        json.put("rawConsumerRecords", best.records());
        json.put("rawConsumerSeconds", CpuMeter.round(best.seconds()));
        json.put("rawConsumerEventsPerSecond", CpuMeter.round(best.perSecond()));
        json.put("rawConsumerNote", "best of 2 reads, read_committed, 100 records per poll, no parsing");

        console.printf("ledger: POST /ledger/rebuild over %,d records (load %s)...%n", best.records(), CpuMeter.loadAverage());
        // a rebuild is the operator's act (services/ledger/README.md, "Roles")
        String operator = DevTokens.operator("bench-operator");
        before = meter.sample();
        long rebuildStart = System.nanoTime();
        Http.Answer answer = http.post(stack.baseUrl(LocalStack.LEDGER) + "/ledger/rebuild", operator, null, Duration.ofMinutes(15))
                .expect(200, "POST /ledger/rebuild");
        double wall = (System.nanoTime() - rebuildStart) / 1e9;
        JsonNode result = answer.body();
        long rebuilt = result.path("events").asLong();
        CpuMeter.Usage rebuildCpu = meter.usage(before, meter.sample(), Math.max(1, rebuilt));
        json.put("rebuildEvents", rebuilt);
        json.put("rebuildEntries", result.path("entries").asLong());
        json.put("rebuildServiceMillis", result.path("millis").asLong());
        json.put("rebuildServiceEventsPerSecond", CpuMeter.round(result.path("eventsPerSecond").asDouble()));
        json.put("rebuildWallSeconds", CpuMeter.round(wall));
        json.put("rebuildWallEventsPerSecond", CpuMeter.round(rebuilt / wall));
        json.put("rebuildSameHead", result.path("sameHead").asBoolean());
        json.put("rebuildGeneration", result.path("generation").asInt());
        json.put("rebuildCpuMsPerEvent", rebuildCpu.msPerOp());
        json.put("rebuildOtherCpuMsPerEvent", rebuildCpu.otherMsPerOp());
        json.put("rebuildOverRaw", CpuMeter.round(result.path("eventsPerSecond").asDouble() / best.perSecond() * 1000) / 1000);
        console.printf("ledger: rebuilt %,d events in %.1f s (service: %.0f events/s, same head %s); raw consumer %.0f records/s%n",
                rebuilt, wall, result.path("eventsPerSecond").asDouble(), result.path("sameHead").asBoolean(), best.perSecond());
        return json;
    }

    private static JsonSchema schema() {
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012, builder -> builder
                .schemaMappers(m -> m.mapPrefix("https://threelists.dev/schemas/", "classpath:contracts/schemas/"))
                .schemaLoaders(l -> l.add(new AllowSchemaLoader(iri -> iri.toString().startsWith("classpath:")))));
        JsonSchema schema = factory.getSchema(SchemaLocation.of("https://threelists.dev/schemas/" + TOPIC + ".schema.json"),
                SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build());
        schema.initializeValidators();
        return schema;
    }

    /** A delivery as the matchmaker publishes it: 1 to 4 volunteers of a bench unit, no capacity consumed. */
    private Map<String, Object> delivered(String projectId, Random random) {
        World.Place place = world.places.get(random.nextInt(world.places.size()));
        List<Map<String, Object>> volunteers = new ArrayList<>();
        for (int v = 0, n = 1 + random.nextInt(4); v < n; v++) {
            volunteers.add(Map.of("volunteerId", UUID.randomUUID().toString(),
                    "unitId", "unit-bench-" + place.street() + "-" + (1 + random.nextInt(World.UNITS_PER_STREET)),
                    "maskedName", "张*", "hours", 1 + random.nextInt(6)));
        }
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("date", LocalDate.of(2026, 1, 1).plusDays(random.nextInt(365)).toString());
        report.put("place", "社区党群服务中心");
        report.put("volunteers", volunteers);
        report.put("residentsServed", 1 + random.nextInt(40));
        report.put("notes", "压测生成的交付");
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("projectId", projectId);
        data.put("streetCode", place.street());
        data.put("communityCode", place.community());
        data.put("category", Category.values()[random.nextInt(Category.values().length)].name());
        data.put("demandIds", List.of(UUID.randomUUID().toString()));
        data.put("report", report);
        data.put("consumptions", List.of());
        data.put("actor", "bench-member");
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("specversion", "1.0");
        event.put("id", UUID.randomUUID().toString());
        event.put("source", "/threelists/matchmaker");
        event.put("type", "threelists.project.delivered.v1");
        event.put("subject", projectId);
        event.put("time", Instant.now().toString());
        event.put("datacontenttype", "application/json");
        event.put("data", data);
        return event;
    }

    // ---------------------------------------------------------------------------------------------- reports

    /** One report as the API serves it: who asks (street, maybe a unit), grouped how, over which period. */
    record Case(String name, String street, String unit, String groupBy, LocalDate from, LocalDate to) {
    }

    Map<String, Object> reports(long entries, int runs, long seed) throws Exception {
        Map<String, Object> json = new LinkedHashMap<>();
        int generation;
        try (Connection c = ledgerDatabase(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT generation FROM ledger_generation WHERE status = 'CURRENT'")) {
            rs.next();
            generation = rs.getInt(1);
        }
        try (Connection c = ledgerDatabase()) {
            int checked = LedgerFill.checkAgainstService(c, generation, 200);
            json.put("hashCheckedAgainstServiceEntries", checked);
            console.printf("ledger: filling %,d entries into generation %d (COPY; hashing checked against %d of the service's own entries)...%n",
                    entries, generation, checked);
            long t = System.nanoTime();
            long written = new LedgerFill(world.communitiesByStreet).fill(c, generation, entries, seed);
            double fillSeconds = (System.nanoTime() - t) / 1e9;
            t = System.nanoTime();
            try (Statement s = c.createStatement()) {
                // what autovacuum would do on its own sooner or later: statistics and the visibility map, which the
                // index-only scans the report indexes are made for depend on
                s.execute("VACUUM ANALYZE ledger_entry, ledger_rollup, ledger_participation, ledger_rollup_span, "
                        + "ledger_rollup_span_volunteer, project");
            }
            json.put("entriesFilled", written);
            json.put("fillSeconds", CpuMeter.round(fillSeconds));
            json.put("fillEntriesPerSecond", CpuMeter.round(written / fillSeconds));
            json.put("vacuumAnalyzeSeconds", CpuMeter.round((System.nanoTime() - t) / 1e9));
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                    "SELECT count(*) FROM ledger_entry WHERE generation = " + generation)) {
                rs.next();
                json.put("entriesInCurrentGeneration", rs.getLong(1));
            }
        }
        console.printf("ledger: filled in %s s; timing reports, %d runs each after 3 warm-up runs, the raw SUM on every %dth (load %s)...%n",
                json.get("fillSeconds"), runs, BASELINE_EVERY, CpuMeter.loadAverage());
        LocalDate from = LocalDate.of(2026, 1, 1);
        LocalDate to = LocalDate.of(2026, 12, 31);
        String street = "heping";
        List<Case> cases = new ArrayList<>();
        for (String by : List.of("street", "unit", "community", "category", "month")) {
            cases.add(new Case("street " + street + ", 2026, by " + by, street, null, by, from, to));
        }
        cases.add(new Case("street " + street + ", 2026-06, by community", street, null, "community",
                LocalDate.of(2026, 6, 1), LocalDate.of(2026, 6, 30)));
        // a period inside months: the daily roll-ups, the volunteers counted over the participation rows
        cases.add(new Case("street " + street + ", 2026-03-15..09-10, by community", street, null, "community",
                LocalDate.of(2026, 3, 15), LocalDate.of(2026, 9, 10)));
        String unit = LedgerFill.unit(street, 7);
        cases.add(new Case("unit " + unit + ", 2026, by month", street, unit, "month", from, to));
        List<Map<String, Object>> rows = new ArrayList<>();
        try (Connection c = ledgerDatabase()) {
            for (Case k : cases) {
                rows.add(time(k, runs, c));
            }
        }
        json.put("runs", runs);
        json.put("cases", rows);
        return json;
    }

    private Map<String, Object> time(Case k, int runs, Connection c) throws Exception {
        String token = k.unit() == null ? world.auditor(k.street())
                : DevTokens.unit("bench-member-" + k.unit(), k.unit(), k.street());
        String url = stack.baseUrl(LocalStack.LEDGER) + "/ledger/reports?groupBy=" + k.groupBy() + "&from=" + k.from() + "&to=" + k.to();
        // The report's p99 needs ~100 runs to be more than its worst run; the raw SUM costs 10–100 times a report,
        // so it is timed once every BASELINE_EVERY runs, interleaved, so that a change of machine load hits both alike.
        double[] rest = new double[runs];
        double[] jdbc = new double[baselineRuns(runs)];
        JsonNode restAnswer = null;
        Sql.Result jdbcAnswer = null;
        for (int i = -3; i < runs; i++) {
            long t = System.nanoTime();
            restAnswer = http.get(url, token).expect(200, "GET " + url).body();
            double restMs = (System.nanoTime() - t) / 1e6;
            boolean baseline = i < 0 || i % BASELINE_EVERY == 0;
            if (baseline) {
                t = System.nanoTime();
                jdbcAnswer = Sql.report(c, k.street(), k.unit(), k.groupBy(), k.from(), k.to());
                double jdbcMs = (System.nanoTime() - t) / 1e6;
                if (i >= 0) {
                    jdbc[i / BASELINE_EVERY] = jdbcMs;
                }
            }
            if (i >= 0) {
                rest[i] = restMs;
            }
        }
        // the baseline must compute what the service answers
        BigDecimal restHours = restAnswer.path("totals").path("hours").decimalValue();
        long restActivities = restAnswer.path("totals").path("activities").asLong();
        long restVolunteers = restAnswer.path("totals").path("volunteers").asLong();
        if (restAnswer.path("rows").size() != jdbcAnswer.rows() || restHours.compareTo(jdbcAnswer.totalHours()) != 0
                || restActivities != jdbcAnswer.activities() || restVolunteers != jdbcAnswer.volunteers()) {
            throw new IllegalStateException(k.name() + ": REST answered " + restAnswer.path("rows").size() + " rows, "
                    + restHours + " h, " + restActivities + " activities, " + restVolunteers + " volunteers; the raw SUM "
                    + "over the entries " + jdbcAnswer.rows() + " rows, " + jdbcAnswer.totalHours() + " h, "
                    + jdbcAnswer.activities() + " activities, " + jdbcAnswer.volunteers() + " volunteers");
        }
        Arrays.sort(rest);
        Arrays.sort(jdbc);
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("report", k.name());
        row.put("rows", jdbcAnswer.rows());
        row.put("activities", jdbcAnswer.activities());
        row.put("totalHours", jdbcAnswer.totalHours());
        row.put("volunteers", jdbcAnswer.volunteers());
        row.put("restRuns", rest.length);
        row.put("jdbcRuns", jdbc.length);
        row.put("restP50Ms", CpuMeter.round(percentile(rest, 50)));
        row.put("restP99Ms", CpuMeter.round(percentile(rest, 99)));
        row.put("jdbcP50Ms", CpuMeter.round(percentile(jdbc, 50)));
        row.put("jdbcP99Ms", CpuMeter.round(percentile(jdbc, 99)));
        row.put("restOverJdbcP50", CpuMeter.round(percentile(rest, 50) / percentile(jdbc, 50)));
        console.printf("ledger: %-40s REST p50 %7.1f ms p99 %7.1f | JDBC p50 %7.1f ms p99 %7.1f%n", k.name(),
                percentile(rest, 50), percentile(rest, 99), percentile(jdbc, 50), percentile(jdbc, 99));
        return row;
    }

    /** The raw SUM is timed on every BASELINE_EVERY-th report run (the first included). */
    static final int BASELINE_EVERY = 5;

    static int baselineRuns(int runs) {
        return (runs + BASELINE_EVERY - 1) / BASELINE_EVERY;
    }

    static double percentile(double[] sorted, double p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    // ---------------------------------------------------------------------------------------------- verification

    /**
     * The operator's walk of the whole ledger as a verification run ({@code POST /ledger/verification/runs}, then its
     * progress polled every 200 ms until it is done), beside a plain JDBC stream of the same rows.
     */
    Map<String, Object> verification() throws Exception {
        Map<String, Object> json = new LinkedHashMap<>();
        String url = stack.baseUrl(LocalStack.LEDGER) + "/ledger/verification/runs";
        String operator = DevTokens.operator("bench-operator");
        console.printf("ledger: POST /ledger/verification/runs as the operator, the whole ledger (load %s)...%n",
                CpuMeter.loadAverage());
        long t = System.nanoTime();
        JsonNode run = http.post(url, operator, null).expect(202, "POST " + url).body();
        String runUrl = url + "/" + run.path("id").asText();
        long shown = System.nanoTime();
        while (!Set.of("DONE", "FAILED").contains(run.path("state").asText())) {
            if (System.nanoTime() - t > Duration.ofMinutes(15).toNanos()) {
                throw new IllegalStateException("the verification run did not end in 15 minutes: " + run);
            }
            Thread.sleep(200);
            run = http.get(runUrl, operator).expect(200, "GET " + runUrl).body();
            if (System.nanoTime() - shown > 2_000_000_000L) {
                console.printf("ledger:   %s, %,d of %,d entries checked%n", run.path("state").asText(),
                        run.path("checked").asLong(), run.path("total").asLong());
                shown = System.nanoTime();
            }
        }
        double seconds = (System.nanoTime() - t) / 1e9;
        if (!run.path("state").asText().equals("DONE")) {
            throw new IllegalStateException("the verification run failed: " + run);
        }
        JsonNode answer = run.path("result");
        json.put("runServiceSeconds", CpuMeter.round(Duration.between(Instant.parse(run.path("startedAt").asText()),
                Instant.parse(run.path("finishedAt").asText())).toMillis() / 1000.0));
        long streamed = 0;
        t = System.nanoTime();
        try (Connection c = ledgerDatabase()) {
            c.setAutoCommit(false);
            try (PreparedStatement q = c.prepareStatement("SELECT entry_id, kafka_partition, seq, kind, event_id, project_id, "
                    + "street_code, community_code, category, entry_date, place, unit_id, volunteer_id, hours, "
                    + "residents_served, resource_id, claim_id, amount, demand_ids, notes, recorded_by, recorded_at, "
                    + "prev_hash, hash FROM ledger_entry WHERE generation = (SELECT generation FROM ledger_generation "
                    + "WHERE status = 'CURRENT') ORDER BY kafka_partition, seq")) {
                q.setFetchSize(5000);
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        rs.getString(24);
                        streamed++;
                    }
                }
            }
            c.commit();
        }
        double baseline = (System.nanoTime() - t) / 1e9;
        json.put("entries", answer.path("entries").asLong());
        json.put("valid", answer.path("valid").asBoolean());
        json.put("seconds", CpuMeter.round(seconds));
        json.put("entriesPerSecond", CpuMeter.round(answer.path("entries").asLong() / seconds));
        json.put("jdbcStreamRows", streamed);
        json.put("jdbcStreamSeconds", CpuMeter.round(baseline));
        json.put("load", CpuMeter.loadAverage());
        console.printf("ledger: verified %,d entries in %.1f s (valid %s, polled to DONE); streaming them over JDBC alone %.1f s%n",
                answer.path("entries").asLong(), seconds, answer.path("valid").asBoolean(), baseline);
        return json;
    }

    /**
     * The raw SUM over the entries: the report as the ledger computed it before its roll-ups (LedgerReports then), every
     * entry of the street and period read, its project's confirmation joined per entry.
     */
    static final class Sql {

        record Result(int rows, BigDecimal totalHours, long activities, long volunteers) {
        }

        static Result report(Connection c, String street, String unit, String groupBy, LocalDate from, LocalDate to)
                throws SQLException {
            String key = switch (groupBy) {
                case "unit" -> "unit_id";
                case "community" -> "community_code";
                case "category" -> "category";
                case "month" -> "to_char(entry_date, 'YYYY-MM')";
                case "street" -> "street_code";
                default -> throw new IllegalArgumentException(groupBy);
            };
            boolean byUnit = groupBy.equals("unit") || unit != null;
            int rows = 0;
            if (groupBy.equals("unit")) {
                try (PreparedStatement q = c.prepareStatement("SELECT unit_id, name FROM member_unit"); ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        rs.getString(2);
                    }
                }
            }
            try (PreparedStatement q = c.prepareStatement(query(key, byUnit, unit != null))) {
                bind(q, street, unit, from, to, byUnit);
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        rs.getString(1);
                        rs.getBigDecimal(2);
                        rows++;
                    }
                }
            }
            BigDecimal total = BigDecimal.ZERO;
            long activities = 0;
            long volunteers = 0;
            try (PreparedStatement q = c.prepareStatement(query("'TOTAL'", unit != null, unit != null))) {
                bind(q, street, unit, from, to, unit != null);
                try (ResultSet rs = q.executeQuery()) {
                    if (rs.next()) {
                        total = rs.getBigDecimal(2);
                        activities = rs.getLong(3);
                        volunteers = rs.getLong(4);
                    }
                }
            }
            return new Result(rows, total, activities, volunteers);
        }

        private static void bind(PreparedStatement q, String street, String unit, LocalDate from, LocalDate to, boolean byUnit)
                throws SQLException {
            List<Object> filter = new ArrayList<>(List.of(street, Date.valueOf(from), Date.valueOf(to)));
            if (unit != null) {
                filter.add(unit);
            }
            List<Object> all = new ArrayList<>(filter);
            if (byUnit) {
                all.addAll(filter);
            }
            all.addAll(filter);
            for (int i = 0; i < all.size(); i++) {
                q.setObject(i + 1, all.get(i));
            }
        }

        private static String query(String key, boolean byUnit, boolean oneUnit) {
            StringBuilder sql = new StringBuilder("WITH g AS (SELECT generation FROM ledger_generation WHERE status = 'CURRENT'), e AS (");
            String filter = " AND x.street_code = ? AND x.entry_date BETWEEN ? AND ?" + (oneUnit ? " AND x.unit_id = ?" : "")
                    + " AND EXISTS (SELECT 1 FROM project cp WHERE cp.project_id = x.project_id AND cp.completed_at IS NOT NULL)";
            if (byUnit) {
                sql.append("SELECT x.kind, x.event_id, x.unit_id, x.community_code, x.category, x.street_code, x.entry_date, "
                        + "x.volunteer_id, x.hours, NULL::integer AS residents_served FROM ledger_entry x, g "
                        + "WHERE x.generation = g.generation AND x.unit_id IS NOT NULL").append(filter);
                sql.append(" UNION ALL SELECT 'DELIVERY', d.event_id, t.unit_id, d.community_code, d.category, d.street_code, "
                        + "d.entry_date, NULL, NULL, d.residents_served FROM (SELECT DISTINCT x.event_id, x.unit_id FROM "
                        + "ledger_entry x, g WHERE x.generation = g.generation AND x.unit_id IS NOT NULL").append(filter)
                        .append(") t JOIN ledger_entry d ON d.event_id = t.event_id AND d.kind = 'DELIVERY' "
                                + "AND d.generation = (SELECT generation FROM g)");
            } else {
                sql.append("SELECT x.kind, x.event_id, x.unit_id, x.community_code, x.category, x.street_code, x.entry_date, "
                        + "x.volunteer_id, x.hours, x.residents_served FROM ledger_entry x, g WHERE x.generation = g.generation")
                        .append(filter);
            }
            sql.append(" UNION ALL SELECT 'HOURS', x.event_id, x.unit_id, x.community_code, x.category, x.street_code, "
                    + "x.entry_date, x.volunteer_id, x.delta, NULL FROM ledger_correction x WHERE true").append(filter);
            sql.append("), t AS (SELECT ").append(key).append(" AS k, volunteer_id, "
                    + "SUM(hours) FILTER (WHERE kind = 'HOURS') AS h, COUNT(*) FILTER (WHERE kind = 'DELIVERY') AS a, "
                    + "SUM(residents_served) FILTER (WHERE kind = 'DELIVERY') AS r FROM e GROUP BY 1, 2) "
                    + "SELECT k, COALESCE(SUM(h), 0), SUM(a), COUNT(volunteer_id) FILTER (WHERE h IS NOT NULL), "
                    + "COALESCE(SUM(r), 0) FROM t GROUP BY 1 ORDER BY 1");
            return sql.toString();
        }
    }
}
