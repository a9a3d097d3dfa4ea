package org.threelists.ledger.messaging;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.threelists.ledger.Fixtures;
import org.threelists.platform.inbox.InboundEvent;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A benchmark, not a test: the ledger JVM's CPU per demand-list event it records nothing for, the old way (the body
 * parsed and schema-checked, as {@code InboundEvent.parse} does before the event reaches the recording) beside the
 * new one (its type read by {@link UnrecordedEvents}). CPU time of this thread, so that a loaded machine moves it
 * less than wall time. The database's share of the old way (the generation locked, the poll's chain heads locked, an
 * applied_event row per event) is gone too and not counted here. Run (classpath as for RebuildBenchmark):
 * <pre>
 * java -cp … org.threelists.ledger.messaging.UnrecordedEventsBenchmark 20000
 * </pre>
 */
public final class UnrecordedEventsBenchmark {

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String demand = UUID.randomUUID().toString();
            String member = UUID.randomUUID().toString();
            // a slip's report, valid against demand-list.events.v1: one of the steps the ledger records nothing for
            String json = Fixtures.demandListEvent("slip.reported", demand, Map.of("slipId", UUID.randomUUID().toString(),
                    "demandId", demand, "status", "REPORTED", "actor", "member:" + member, "memberId", member,
                    "homeUnitId", "unit-heping-7", "hours", 2.5, "mode", "ON_SITE", "serviceDate", "2026-05-06")).json();
            records.add(new ConsumerRecord<>(Topics.DEMAND_EVENTS, 0, i, demand, json.getBytes(StandardCharsets.UTF_8)));
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int round = 0; round < 3; round++) {
            long t = threads.getCurrentThreadCpuTime();
            for (ConsumerRecord<String, byte[]> record : records) {
                InboundEvent.parse(Topics.DEMAND_EVENTS, record);
            }
            double parsed = (threads.getCurrentThreadCpuTime() - t) / 1e3 / n;
            t = threads.getCurrentThreadCpuTime();
            int skipped = 0;
            for (ConsumerRecord<String, byte[]> record : records) {
                skipped += DemandListEventsHandler.UNRECORDED.skips(record) ? 1 : 0;
            }
            double typed = (threads.getCurrentThreadCpuTime() - t) / 1e3 / n;
            System.out.printf("round %d, %,d events: parsed and schema-checked %.1f µs CPU each; type read %.2f µs CPU "
                    + "each (%,d skipped); %.0f×%n", round + 1, n, parsed, typed, skipped, parsed / typed);
        }
    }
}
