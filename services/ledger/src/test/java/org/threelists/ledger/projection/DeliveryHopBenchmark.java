package org.threelists.ledger.projection;

import io.agroal.api.AgroalDataSource;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.threelists.devkit.EmbeddedPostgresServer;
import org.threelists.ledger.messaging.Topics;
import org.threelists.ledger.projection.directory.Directory;
import org.threelists.ledger.projection.entries.ChainStore;
import org.threelists.ledger.projection.projects.ProjectFacts;
import org.threelists.ledger.projection.rollups.LedgerRollups;
import org.threelists.ledger.projection.slips.SlipDemands;
import org.threelists.ledger.projection.summaries.SummaryCorrections;
import org.threelists.ledger.service.BatchRecording;
import org.threelists.ledger.service.LedgerRecording;
import org.threelists.ledger.service.LedgerReplay.Replayed;
import org.threelists.platform.inbox.InboundEvent;

import java.sql.Connection;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;

/**
 * A benchmark, not a test: the ledger consumer's transaction for a delivery that arrives alone (a poll of one, as when
 * deliveries come one at a time), the way the one-event path applied it ({@link LedgerRecording}: the entries, then
 * the roll-ups grouped again in SQL from the entries just written) and the way the consumers apply it now
 * ({@link BatchRecording#recordLive}, the consumers' call: the generation lock, the chain's head locked and the event
 * marked applied in one round trip, the roll-ups grouped in memory and upserted in one).
 * The two alternate delivery by delivery (which goes first alternates too), each in its own transaction on its own
 * connection of one embedded PostgreSQL, so both see the same machine; each transaction is timed from the parse of
 * the record to its commit. The inbox row is left out; so is the one-event path's generation lock (the batch path's
 * is in its first round trip). Prints
 * p50, p90, p99 and max of each, the first delivery of each on its own (cold), and whether the two generations hold the
 * same chains and roll-ups. Run (after {@code test-compile}, classpath as for {@link LedgerBenchmark}):
 * <pre>
 * java -cp … org.threelists.ledger.projection.DeliveryHopBenchmark 1000
 * </pre>
 */
public final class DeliveryHopBenchmark {

    public static void main(String[] args) throws Exception {
        int deliveries = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        List<ConsumerRecord<String, byte[]>> records = RebuildBenchmark.records(deliveries, false);
        try (EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start(null, 0)) {
            try (AgroalDataSource ds = LedgerBenchmark.dataSource(postgres, 4)) {
                LedgerBenchmark.schema(ds);
                LedgerBenchmark.migrateFrom(ds, 3);
                try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
                    // generation 4 current: the batch path records into it as the live consumers do
                    s.execute("UPDATE ledger_generation SET status = 'RETIRED' WHERE status = 'CURRENT'");
                    s.execute("INSERT INTO ledger_generation (generation, status, started_by) VALUES (2, 'BUILDING', "
                            + "'bench'), (4, 'CURRENT', 'bench')");
                }
                run(ds, records);
            }
        }
    }

    private static void run(AgroalDataSource ds, List<ConsumerRecord<String, byte[]>> records) throws Exception {
        try (Connection a = ds.getConnection(); Connection b = ds.getConnection()) {
            a.setAutoCommit(false);
            b.setAutoCommit(false);
            AgroalDataSource oneA = RebuildBenchmark.oneConnection(a);
            AgroalDataSource oneB = RebuildBenchmark.oneConnection(b);
            LedgerRecording oneEvent = new LedgerRecording(oneA);
            ChainStore chains = new ChainStore(oneB);
            BatchRecording batch = new BatchRecording(new Pipelines(oneB), chains, new ProjectFacts(oneB),
                    new Directory(oneB), new SummaryCorrections(oneB), new LedgerRollups(oneB), new SlipDemands(oneB));
            long[] before = new long[records.size()];
            long[] after = new long[records.size()];
            for (int i = 0; i < records.size(); i++) {
                ConsumerRecord<String, byte[]> record = records.get(i);
                for (int turn = 0; turn < 2; turn++) {
                    boolean oneEventTurn = (turn == 0) == (i % 2 == 0);
                    long t = System.nanoTime();
                    InboundEvent event = InboundEvent.parse(Topics.PROJECT_EVENTS, record);
                    if (oneEventTurn) {
                        oneEvent.apply(2, event, record.partition(), record.offset());
                        a.commit();
                        before[i] = System.nanoTime() - t;
                    } else {
                        batch.recordLive(List.of(new Replayed(event, record.partition(), record.offset())));
                        b.commit();
                        after[i] = System.nanoTime() - t;
                    }
                }
            }
            System.out.printf("%,d deliveries, each alone in its transaction, alternating:%n", records.size());
            System.out.println("one-event path (LedgerRecording, roll-ups grouped in SQL): " + figures(before));
            System.out.println("batch path (BatchRecording.recordLive, a poll of one):   " + figures(after));
            System.out.println("generations: " + RebuildBenchmark.same(ds, 2, 4));
        }
    }

    private static String figures(long[] nanos) {
        long[] warm = Arrays.copyOfRange(nanos, 1, nanos.length);
        Arrays.sort(warm);
        return String.format("first (cold) %.1f ms; then p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.1f ms",
                nanos[0] / 1e6, at(warm, 0.50), at(warm, 0.90), at(warm, 0.99), warm[warm.length - 1] / 1e6);
    }

    private static double at(long[] sorted, double q) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)] / 1e6;
    }
}
