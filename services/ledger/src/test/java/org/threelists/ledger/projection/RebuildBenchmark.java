package org.threelists.ledger.projection;

import io.agroal.api.AgroalDataSource;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.threelists.devkit.EmbeddedPostgresServer;
import org.threelists.ledger.messaging.Topics;
import org.threelists.ledger.projection.directory.Directory;
import org.threelists.ledger.projection.entries.ChainStore;
import org.threelists.ledger.projection.entries.Generations;
import org.threelists.ledger.projection.projects.ProjectFacts;
import org.threelists.ledger.projection.rollups.LedgerRollups;
import org.threelists.ledger.projection.slips.SlipDemands;
import org.threelists.ledger.projection.summaries.SummaryCorrections;
import org.threelists.ledger.service.BatchRecording;
import org.threelists.ledger.service.BulkCompletion;
import org.threelists.ledger.service.LedgerRecording;
import org.threelists.ledger.service.LedgerReplay.Replayed;
import org.threelists.platform.inbox.InboundEvent;
import org.threelists.platform.inbox.InvalidMessageException;
import org.threelists.platform.json.Json;
import org.threelists.platform.relay.CloudEvent;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

/**
 * A benchmark, not a test: a rebuild's work without Kafka, the per-event path against the batched one, on a real
 * (embedded) PostgreSQL with the service's schema. Generates EVENTS project-list events (deliveries of 1 to 4
 * volunteers with masked names; with {@code mixed}, each project also confirmed by its community (nine in ten) and
 * rated), then applies them into generation 2 one by one as the live path does (a commit per 100 events) and into
 * generation 3 as a rebuild does (a commit per batch of 2,000), and into generation 4 as the live consumer's polls
 * do (a commit per 100, each with its chains' heads locked), parsing and schema-checking each record in each, and
 * prints events/s of each and whether the generations have the same chains and roll-ups. Run (after
 * {@code test-compile}, classpath as for {@link LedgerBenchmark}):
 * <pre>
 * java -cp … org.threelists.ledger.projection.RebuildBenchmark 20000 mixed
 * </pre>
 */
public final class RebuildBenchmark {

    static final int PER_EVENT_COMMIT = 100;
    static final int BATCH = 2000;

    public static void main(String[] args) throws Exception {
        int events = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        boolean mixed = args.length > 1 && args[1].equals("mixed");
        List<ConsumerRecord<String, byte[]>> records = records(events, mixed);
        try (EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start(null, 0)) {
            try (AgroalDataSource ds = LedgerBenchmark.dataSource(postgres, 4)) {
                LedgerBenchmark.schema(ds);
                // every later migration (roll-ups, slips, spans, the entries partitioned by generation, …)
                LedgerBenchmark.migrateFrom(ds, 3);
                try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
                    s.execute("INSERT INTO ledger_generation (generation, status, started_by) VALUES (2, 'BUILDING', "
                            + "'bench'), (3, 'BUILDING', 'bench'), (4, 'BUILDING', 'bench')");
                }
                String kind = mixed ? "deliveries, confirmations, ratings" : "deliveries";
                if (Boolean.getBoolean("bench.batchedOnly")) {
                    // the one-event path takes minutes on a loaded machine; the live polls are then the reference
                    double batched = batched(ds, records);
                    double polls = livePolls(ds, records);
                    System.out.printf("%,d records (%s): batched %.0f events/s; live polls of %d %.0f events/s; batched "
                            + "against live polls: %s%n", records.size(), kind, batched, PER_EVENT_COMMIT, polls,
                            same(ds, 4, 3));
                    if (!Boolean.getBoolean("bench.noBulk")) {
                        double rebuilt = rebuilt(ds, records);
                        System.out.printf("rebuild into a bulk generation %.0f events/s (%.1f× the batches); against the "
                                + "batches: %s%n", rebuilt, rebuilt / batched, same(ds, 3, REBUILT));
                    }
                    return;
                }
                double perEvent = perEvent(ds, records);
                double batched = batched(ds, records);
                double polls = livePolls(ds, records);
                System.out.printf("%,d records (%s): per event %.0f events/s; batched %.0f events/s (%.1f×); live polls "
                        + "of %d %.0f events/s (%.1f×); %s%n", records.size(), kind, perEvent, batched, batched / perEvent,
                        PER_EVENT_COMMIT, polls, polls / perEvent, same(ds, 2, 3) + "; live polls: " + same(ds, 2, 4));
            }
        }
    }

    private static double perEvent(AgroalDataSource ds, List<ConsumerRecord<String, byte[]>> records) throws Exception {
        try (Connection shared = ds.getConnection()) {
            shared.setAutoCommit(false);
            AgroalDataSource one = oneConnection(shared);
            LedgerRecording recording = new LedgerRecording(one);
            long t = System.nanoTime();
            int inBatch = 0;
            for (ConsumerRecord<String, byte[]> record : records) {
                recording.apply(2, InboundEvent.parse(Topics.PROJECT_EVENTS, record), record.partition(), record.offset());
                if (++inBatch == PER_EVENT_COMMIT) {
                    shared.commit();
                    inBatch = 0;
                }
            }
            shared.commit();
            return records.size() / ((System.nanoTime() - t) / 1e9);
        }
    }

    /** The generation {@link #rebuilt} builds: the next after the current one and the three above. */
    static final int REBUILT = 5;

    /**
     * A rebuild as {@code LedgerRebuild} writes it (services/ledger/README.md, "Exactly once and rebuild"): a bulk
     * generation begun (its own partition), batches of 2,000 without roll-ups, then its indexes, its roll-ups from all
     * its entries at once (side by side on two connections, {@code BulkCompletion}), and the flip; the time of each step
     * printed, the whole timed.
     */
    private static double rebuilt(AgroalDataSource ds, List<ConsumerRecord<String, byte[]>> records) throws Exception {
        try (Connection shared = ds.getConnection()) {
            shared.setAutoCommit(false);
            AgroalDataSource one = oneConnection(shared);
            ChainStore chains = new ChainStore(one);
            Generations generations = new Generations(one);
            LedgerRollups rollups = new LedgerRollups(one);
            BatchRecording recording = new BatchRecording(new Pipelines(one), chains, new ProjectFacts(one),
                    new Directory(one), new SummaryCorrections(one), rollups, new SlipDemands(one));
            long t = System.nanoTime();
            ProcessCpu cpu = ProcessCpu.of(shared);
            long[] cpuStart = cpu.millis();
            Generations.Build build = generations.begin("bench");
            shared.commit();
            if (build.next() != REBUILT) {
                throw new IllegalStateException("built generation " + build.next() + ", expected " + REBUILT);
            }
            Map<Integer, ChainStore.Head> heads = chains.heads(build.next());
            for (int from = 0; from < records.size(); from += BATCH) {
                recording.build(build.next(), replayed(records.subList(from, Math.min(records.size(), from + BATCH))),
                        heads);
                shared.commit();
            }
            long written = System.nanoTime();
            long[] cpuWritten = cpu.millis();
            // on connections of its own, as the service's rebuild does
            Set<String> pending = new BulkCompletion(ds).complete(build.next());
            long rolledUp = System.nanoTime();
            long[] cpuRolledUp = cpu.millis();
            generations.lockExclusively();
            generations.rolledUp(build.next());
            rollups.confirmedSince(build.next(), pending);
            generations.finish(build);
            shared.commit();
            long done = System.nanoTime();
            long[] cpuDone = cpu.millis();
            System.out.printf("rebuild into a bulk generation: batches %.2f s, indexes and roll-ups %.2f s, flip "
                    + "%.2f s%n", (written - t) / 1e9, (rolledUp - written) / 1e9, (done - rolledUp) / 1e9);
            System.out.printf("  CPU ms per event, this JVM / PostgreSQL: batches %.3f / %.3f, indexes and roll-ups "
                    + "%.3f / %.3f, flip %.3f / %.3f, whole %.3f / %.3f%n", per(cpuStart, cpuWritten, 0, records),
                    per(cpuStart, cpuWritten, 1, records), per(cpuWritten, cpuRolledUp, 0, records),
                    per(cpuWritten, cpuRolledUp, 1, records), per(cpuRolledUp, cpuDone, 0, records),
                    per(cpuRolledUp, cpuDone, 1, records), per(cpuStart, cpuDone, 0, records),
                    per(cpuStart, cpuDone, 1, records));
            return records.size() / ((done - t) / 1e9);
        }
    }

    private static double per(long[] from, long[] to, int which, List<?> records) {
        return (double) (to[which] - from[which]) / records.size();
    }

    private static List<Replayed> replayed(List<ConsumerRecord<String, byte[]>> records) throws Exception {
        List<Replayed> batch = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            batch.add(new Replayed(InboundEvent.parse(Topics.PROJECT_EVENTS, record), record.partition(), record.offset()));
        }
        return batch;
    }

    /** A rebuild's batches of 2,000 into generation 3, its heads carried in memory. */
    private static double batched(AgroalDataSource ds, List<ConsumerRecord<String, byte[]>> records) throws Exception {
        return inBatches(ds, records, 3, BATCH, false);
    }

    /** The live consumer's polls of 100 into generation 4, each with its chains' heads locked and read (recordLive). */
    private static double livePolls(AgroalDataSource ds, List<ConsumerRecord<String, byte[]>> records) throws Exception {
        return inBatches(ds, records, 4, PER_EVENT_COMMIT, true);
    }

    private static double inBatches(AgroalDataSource ds, List<ConsumerRecord<String, byte[]>> records, int generation,
            int size, boolean lockHeads) throws Exception {
        try (Connection shared = ds.getConnection()) {
            shared.setAutoCommit(false);
            AgroalDataSource one = oneConnection(shared);
            ChainStore chains = new ChainStore(one);
            BatchRecording recording = new BatchRecording(new Pipelines(one), chains, new ProjectFacts(one),
                    new Directory(one), new SummaryCorrections(one), new LedgerRollups(one), new SlipDemands(one));
            long t = System.nanoTime();
            Map<Integer, ChainStore.Head> heads = chains.heads(generation);
            for (int from = 0; from < records.size(); from += size) {
                List<Replayed> batch = new ArrayList<>();
                for (ConsumerRecord<String, byte[]> record : records.subList(from, Math.min(records.size(), from + size))) {
                    batch.add(new Replayed(InboundEvent.parse(Topics.PROJECT_EVENTS, record), record.partition(),
                            record.offset()));
                }
                recording.apply(generation, batch, lockHeads
                        ? chains.lockHeads(generation, batch.stream().map(Replayed::partition).toList()) : heads);
                shared.commit();
            }
            return records.size() / ((System.nanoTime() - t) / 1e9);
        }
    }

    /** Whether generations {@code reference} and {@code other} hold the same entries, heads and roll-ups. */
    static String same(AgroalDataSource ds, int reference, int other) throws Exception {
        List<String> checks = new ArrayList<>();
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            for (String[] q : new String[][] {
                    {"chain heads", "SELECT kafka_partition, seq, hash FROM chain_head WHERE generation = %d ORDER BY 1"},
                    {"entries", "SELECT md5(string_agg(entry_id || kafka_offset || seq || hash, ',' ORDER BY kafka_partition, "
                            + "seq)) FROM ledger_entry WHERE generation = %d"},
                    {"applied events", "SELECT count(*) FROM applied_event WHERE generation = %d"},
                    {"roll-ups", "SELECT street_code, entry_date, unit_id, community_code, category, confirmed, hours, "
                            + "services, residents_served, entries FROM ledger_rollup WHERE generation = %d ORDER BY 1, 2, 3, 4, 5, 6"},
                    {"participation", "SELECT street_code, entry_date, unit_id, volunteer_id, project_id, confirmed, hours, "
                            + "entries FROM ledger_participation WHERE generation = %d ORDER BY 1, 2, 3, 4, 5, 6"},
                    {"year and month roll-ups", "SELECT street_code, span, span_start, dim, dim_value, confirmed, hours, "
                            + "services, residents_served, entries, volunteers FROM ledger_rollup_span WHERE generation = %d "
                            + "ORDER BY 1, 2, 3, 4, 5, 6"},
                    {"their volunteers", "SELECT row_key, volunteer_id, entries, days FROM ledger_rollup_span_volunteer "
                            + "WHERE generation = %d ORDER BY 1, 2"}}) {
                checks.add(q[0] + (rows(s, q[1].formatted(reference)).equals(rows(s, q[1].formatted(other))) ? " same"
                        : " DIFFER"));
            }
        }
        return String.join(", ", checks);
    }

    private static List<String> rows(Statement s, String sql) throws Exception {
        List<String> rows = new ArrayList<>();
        try (ResultSet rs = s.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= n; i++) {
                    row.append(rs.getString(i)).append('|');
                }
                rows.add(row.toString());
            }
        }
        return rows;
    }

    /** One connection for every call (one transaction per commit above), as a rebuild's transaction joins them. */
    static AgroalDataSource oneConnection(Connection shared) {
        Connection unclosable = (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
                new Class<?>[] {Connection.class}, (proxy, method, margs) -> method.getName().equals("close") ? null
                        : method.invoke(shared, margs));
        return (AgroalDataSource) Proxy.newProxyInstance(AgroalDataSource.class.getClassLoader(),
                new Class<?>[] {AgroalDataSource.class}, (proxy, method, margs) -> {
                    if (method.getName().equals("getConnection")) {
                        return unclosable;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    /** Deliveries as the bench's ledger part produces them, three partitions keyed by project. */
    static List<ConsumerRecord<String, byte[]>> records(int events, boolean mixed) throws Exception {
        String[] streets = LedgerBenchmark.STREETS;
        Random random = new Random(7);
        long[] offsets = new long[3];
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        while (records.size() < events) {
            String project = UUID.randomUUID().toString();
            String street = streets[random.nextInt(streets.length)];
            String[] communities = LedgerBenchmark.COMMUNITIES.get(street);
            int partition = Math.floorMod(project.hashCode(), 3);
            List<Map<String, Object>> volunteers = new ArrayList<>();
            for (int v = 0, n = 1 + random.nextInt(4); v < n; v++) {
                volunteers.add(Map.of("volunteerId", UUID.randomUUID().toString(), "unitId",
                        "unit-" + street + "-" + random.nextInt(40), "maskedName", "张*", "hours", 1 + random.nextInt(6)));
            }
            Map<String, Object> report = new LinkedHashMap<>();
            report.put("date", LocalDate.of(2026, 1, 1).plusDays(random.nextInt(365)).toString());
            report.put("place", "社区党群服务中心");
            report.put("volunteers", volunteers);
            report.put("residentsServed", 1 + random.nextInt(40));
            report.put("notes", "压测生成的交付");
            String demand = UUID.randomUUID().toString();
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("projectId", project);
            data.put("streetCode", street);
            data.put("communityCode", communities[random.nextInt(communities.length)]);
            data.put("category", LedgerBenchmark.CATEGORIES[random.nextInt(LedgerBenchmark.CATEGORIES.length)]);
            data.put("demandIds", List.of(demand));
            data.put("report", report);
            data.put("consumptions", List.of());
            data.put("actor", "bench-member");
            records.add(record(partition, offsets[partition]++, project, "delivered", data));
            if (mixed && random.nextInt(10) != 0) {
                records.add(record(partition, offsets[partition]++, project, "completed", Map.of("projectId", project,
                        "demandIds", List.of(demand), "confirmedBy", "wang-fang", "actor", "wang-fang")));
                records.add(record(partition, offsets[partition]++, project, "rated", Map.of("projectId", project,
                        "demandId", demand, "score", 1 + random.nextInt(5), "allRated", true, "actor", "wang-fang")));
            }
        }
        for (ConsumerRecord<String, byte[]> record : records) {
            try {
                InboundEvent.parse(Topics.PROJECT_EVENTS, record);
            } catch (InvalidMessageException e) {
                throw new IllegalStateException("a generated event does not follow the schema: " + e.getMessage());
            }
        }
        return records;
    }

    private static ConsumerRecord<String, byte[]> record(int partition, long offset, String project, String event,
            Map<String, Object> data) throws Exception {
        byte[] json = Json.mapper().writeValueAsBytes(CloudEvent.of(UUID.randomUUID().toString(), "/threelists/matchmaker",
                "threelists.project." + event + ".v1", project, Instant.now(), data));
        return new ConsumerRecord<>(Topics.PROJECT_EVENTS, partition, offset, project, json);
    }
}
