package org.threelists.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The results as plain-text tables (Markdown, so the README can take them as they are): first one summary table with
 * every figure beside its baseline, then the details of each part. Parts that did not run are left out.
 */
final class Report {

    private final Map<String, Object> json;

    Report(Map<String, Object> json) {
        this.json = json;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> list(Object o) {
        return o == null ? List.of() : (List<Map<String, Object>>) o;
    }

    static double num(Object o) {
        return o == null ? Double.NaN : ((Number) o).doubleValue();
    }

    static String ms(Object o) {
        double v = num(o);
        return Double.isNaN(v) || v < 0 ? "–" : v >= 100 ? String.format("%.0f", v) : String.format("%.1f", v);
    }

    static String ratio(double a, double b) {
        return b <= 0 || Double.isNaN(a) || Double.isNaN(b) ? "–" : String.format("%.2f", a / b);
    }

    void print(PrintStream out) {
        Map<String, Object> load = map(json.get("loadAverage"));
        out.println();
        out.printf("threelists bench, %s, %s cores, Java %s; load average (1/5/15 min): %s; total %s s%n", json.get("date"),
                json.get("cores"), json.get("java"), load, json.get("totalSeconds"));
        out.println();
        summary(out);
        if (json.containsKey("ingest")) {
            ingest(out);
        }
        if (json.containsKey("e2e")) {
            e2e(out);
        }
        if (json.containsKey("delivery")) {
            delivery(out);
        }
        if (json.containsKey("ledger")) {
            ledger(out);
        }
        if (json.containsKey("matching")) {
            matching(out);
        }
        if (json.containsKey("services")) {
            services(out);
        }
    }

    /** Every figure of the issue in one table: what, the figure, its baseline from the same run, and the ratio. */
    private void summary(PrintStream out) {
        List<String[]> rows = new ArrayList<>();
        if (json.containsKey("ingest")) {
            for (Map<String, Object> level : list(map(json.get("ingest")).get("levels"))) {
                Map<String, Object> rest = map(level.get("rest"));
                Map<String, Object> jdbc = map(level.get("jdbc"));
                rows.add(new String[] {"1 ingest, " + level.get("clients") + " clients",
                        String.format("%.0f req/s, p50 %s ms, p99 %s ms", num(rest.get("perSecond")), ms(rest.get("p50Ms")), ms(rest.get("p99Ms"))),
                        String.format("JDBC INSERT %.0f tx/s, p50 %s ms, p99 %s ms", num(jdbc.get("perSecond")), ms(jdbc.get("p50Ms")), ms(jdbc.get("p99Ms"))),
                        ratio(num(rest.get("perSecond")), num(jdbc.get("perSecond"))) + " (rate)"});
            }
        }
        if (json.containsKey("e2e")) {
            Map<String, Object> e2e = map(json.get("e2e"));
            for (Map<String, Object> level : list(e2e.get("levels"))) {
                Map<String, Object> l = map(level.get("listedToProposal"));
                Map<String, Object> k = baseline(level);
                rows.add(new String[] {String.format("2 demand listed → proposal, %.0f/s offered (%s/s listed), debounce %s%s",
                        num(level.get("ratePerSecond")), level.get("listedPerSecond"), e2e.get("replanDebounce"),
                        isWarmUp(level) ? "; warm-up: the stack's first " + level.get("seconds") + " s of load, not the steady rate" : ""),
                        String.format("p50 %s ms, p99 %s ms, max %s ms (%s of %s proposed)", ms(l.get("p50Ms")), ms(l.get("p99Ms")),
                                ms(l.get("maxMs")), level.get("proposed"), level.get("listed")),
                        k.isEmpty() ? "no raw Kafka hop beside the warm-up"
                                : String.format("raw Kafka hop %.0f/s: p50 %s ms, p99 %s ms, max %s ms", num(k.get("ratePerSecond")),
                                        ms(k.get("p50Ms")), ms(k.get("p99Ms")), ms(k.get("maxMs"))),
                        ratio(num(l.get("p50Ms")), num(k.get("p50Ms"))) + " (p50)"});
            }
        }
        if (json.containsKey("delivery")) {
            Map<String, Object> d = map(json.get("delivery"));
            Map<String, Object> l = map(d.get("deliveryPostToLedgerEntry"));
            Map<String, Object> k = map(d.get("kafkaBaseline"));
            rows.add(new String[] {"2 delivery → ledger entry visible (" + d.get("delivered") + " deliveries)",
                    String.format("p50 %s ms, p99 %s ms, max %s ms", ms(l.get("p50Ms")), ms(l.get("p99Ms")), ms(l.get("maxMs"))),
                    String.format("raw Kafka hop %.0f/s: p50 %s ms, p99 %s ms", num(k.get("ratePerSecond")), ms(k.get("p50Ms")), ms(k.get("p99Ms"))),
                    ratio(num(l.get("p50Ms")), num(k.get("p50Ms"))) + " (p50)"});
        }
        if (json.containsKey("matching")) {
            for (Map<String, Object> row : list(map(json.get("matching")).get("rows"))) {
                rows.add(new String[] {"3 matching " + row.get("demands") + "×" + row.get("resources") + " " + row.get("shape")
                        + (Boolean.FALSE.equals(row.get("warmedUp")) ? " (cold, no warm-up)" : ""),
                        String.format("engine %.1f s, objective %s", num(row.get("engineMillis")) / 1000, fmt(row.get("objective"))),
                        String.format("%s %s (%.1f s)", row.get("referenceMethod"), fmt(row.get("reference")), num(row.get("referenceMillis")) / 1000),
                        String.format("%.4f (objective)", num(row.get("ratio")))});
            }
        }
        if (json.containsKey("ledger")) {
            Map<String, Object> ledger = map(json.get("ledger"));
            Map<String, Object> reports = map(ledger.get("reports"));
            if (reports != null) {
                for (Map<String, Object> row : list(reports.get("cases"))) {
                    rows.add(new String[] {"4 ledger report over " + String.format("%,d", ((Number) reports.get("entriesInCurrentGeneration")).longValue())
                            + " entries: " + row.get("report"),
                            String.format("REST p50 %s ms, p99 %s ms", ms(row.get("restP50Ms")), ms(row.get("restP99Ms"))),
                            String.format("raw SUM over the entries (JDBC) p50 %s ms, p99 %s ms", ms(row.get("jdbcP50Ms")), ms(row.get("jdbcP99Ms"))),
                            ratio(num(row.get("restP50Ms")), num(row.get("jdbcP50Ms"))) + " (p50)"});
                }
            }
            Map<String, Object> verification = map(ledger.get("verification"));
            if (verification != null) {
                rows.add(new String[] {"4 ledger chain verification, " + String.format("%,d", ((Number) verification.get("entries")).longValue())
                        + " entries (valid " + verification.get("valid") + ")",
                        String.format("%.1f s (%.0f entries/s)", num(verification.get("seconds")), num(verification.get("entriesPerSecond"))),
                        String.format("the same rows streamed over JDBC %.1f s", num(verification.get("jdbcStreamSeconds"))),
                        ratio(num(verification.get("seconds")), num(verification.get("jdbcStreamSeconds"))) + " (time)"});
            }
            Map<String, Object> rebuild = map(ledger.get("rebuild"));
            if (rebuild != null) {
                rows.add(new String[] {"4 ledger rebuild, " + String.format("%,d", ((Number) rebuild.get("rebuildEvents")).longValue()) + " events",
                        String.format("%.0f events/s (service's own count; %.0f/s wall, incl. verifying both generations)",
                                num(rebuild.get("rebuildServiceEventsPerSecond")), num(rebuild.get("rebuildWallEventsPerSecond"))),
                        String.format("plain KafkaConsumer %.0f records/s", num(rebuild.get("rawConsumerEventsPerSecond"))),
                        ratio(num(rebuild.get("rebuildServiceEventsPerSecond")), num(rebuild.get("rawConsumerEventsPerSecond"))) + " (rate)"});
                rows.add(new String[] {"4 ledger live consumer, same events",
                        String.format("%.0f events/s", num(rebuild.get("liveConsumerEventsPerSecond"))),
                        String.format("plain KafkaConsumer %.0f records/s", num(rebuild.get("rawConsumerEventsPerSecond"))),
                        ratio(num(rebuild.get("liveConsumerEventsPerSecond")), num(rebuild.get("rawConsumerEventsPerSecond"))) + " (rate)"});
            }
        }
        if (json.containsKey("services")) {
            List<Map<String, Object>> services = list(map(json.get("services")).get("rows"));
            Map<String, Object> floor = services.get(services.size() - 1);
            for (Map<String, Object> row : services.subList(0, services.size() - 1)) {
                rows.add(new String[] {"5 " + row.get("service") + " start-up and RSS",
                        String.format("ready in %.2f s, RSS %.0f MiB", num(row.get("readySeconds")), num(row.get("rssMiB"))),
                        String.format("bare JVM %.2f s, %.0f MiB", num(floor.get("readySeconds")), num(floor.get("rssMiB"))),
                        ratio(num(row.get("readySeconds")), num(floor.get("readySeconds"))) + " (time), "
                                + ratio(num(row.get("rssMiB")), num(floor.get("rssMiB"))) + " (RSS)"});
            }
        }
        out.println("Summary: every figure beside its baseline from this run");
        out.println();
        out.println("| what | figure | baseline (same run) | figure / baseline |");
        out.println("|---|---|---|--:|");
        rows.forEach(r -> out.printf("| %s | %s | %s | %s |%n", r[0], r[1], r[2], r[3]));
        out.println();
    }

    private static String fmt(Object o) {
        return o instanceof Number n ? String.format("%.2f", n.doubleValue()) : String.valueOf(o);
    }

    private void ingest(PrintStream out) {
        Map<String, Object> ingest = map(json.get("ingest"));
        out.printf("1. Ingest: POST /demands (201 = committed) vs single-row INSERT transactions over JDBC into an event-store-shaped"
                + " table on the same PostgreSQL (%s B payload + %s B metadata, a real demand event's)%n",
                ingest.get("eventPayloadBytes"), ingest.get("eventMetaDataBytes"));
        out.println();
        out.println("| clients | REST req/s | REST p50 ms | REST p99 ms | JDBC tx/s | JDBC p50 ms | JDBC p99 ms | REST/JDBC | errors |");
        out.println("|--:|--:|--:|--:|--:|--:|--:|--:|--:|");
        for (Map<String, Object> level : list(ingest.get("levels"))) {
            Map<String, Object> rest = map(level.get("rest"));
            Map<String, Object> jdbc = map(level.get("jdbc"));
            out.printf("| %s | %.0f | %.2f | %.2f | %.0f | %.2f | %.2f | %.3f | %s |%n", level.get("clients"),
                    rest.get("perSecond"), rest.get("p50Ms"), rest.get("p99Ms"),
                    jdbc.get("perSecond"), jdbc.get("p50Ms"), jdbc.get("p99Ms"), level.get("restOverJdbc"),
                    ((Number) rest.get("errors")).longValue() + ((Number) jdbc.get("errors")).longValue());
        }
        out.println();
        out.println("CPU milliseconds per acknowledged request / per insert, by process (other = the rest of the machine's busy time):");
        out.println();
        out.println("| clients | what | demand-list | postgres | kafka | client (bench JVM) | other | machine busy % |");
        out.println("|--:|---|--:|--:|--:|--:|--:|--:|");
        for (Map<String, Object> level : list(ingest.get("levels"))) {
            for (String kind : List.of("rest", "jdbc")) {
                Map<String, Object> result = map(level.get(kind));
                Map<String, Object> cpu = map(result.get("cpuMsPerOp"));
                out.printf("| %s | %s | %.2f | %.2f | %.2f | %.2f | %.2f | %.0f |%n", level.get("clients"), kind.toUpperCase(),
                        cpu.get("demand-list"), cpu.get("postgres"), cpu.get("kafka"), cpu.get("client"),
                        result.get("otherCpuMsPerOp"), result.get("machineBusyPercent"));
            }
        }
        out.println();
        out.printf("Rows one POST /demands adds to demand-list's database: %s; commits per request ≈ %s%n",
                ingest.get("rowsInsertedPerRequest"), ingest.get("commitsPerRequestApprox"));
        out.println();
    }

    private void e2e(PrintStream out) {
        Map<String, Object> e2e = map(json.get("e2e"));
        out.println("2. End to end, demand listed → proposal (re-plan debounce " + e2e.get("replanDebounce") + "): " + e2e.get("path"));
        out.println();
        out.println("| offered /s | listed /s | listed | proposed | missing | errors | listed→proposal p50 / p99 / max ms "
                + "| POST sent→proposal p50 / p99 ms | REST POST+verify (from schedule) p50 / p99 ms | listed→verified on Kafka p50 / p99 ms "
                + "| verified on Kafka→proposal p50 / p99 ms | raw Kafka p50 / p99 / max ms |");
        out.println("|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|");
        for (Map<String, Object> level : list(e2e.get("levels"))) {
            Map<String, Object> k = baseline(level);
            out.printf("| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |%n", levelName(level),
                    level.get("listedPerSecond"), level.get("listed"), level.get("proposed"), level.get("notProposedWithinDrain"),
                    num(level.get("errors")) + num(level.get("skippedAsLate")) == 0 ? "0"
                            : level.get("errors") + " + " + level.get("skippedAsLate") + " late",
                    three(level.get("listedToProposal")), two(level.get("sentToProposal")),
                    two(level.get("restPostAndVerifyFromSchedule")), two(level.get("listedToVerifiedOnKafka")),
                    two(level.get("verifiedOnKafkaToProposal")),
                    ms(k.get("p50Ms")) + " / " + ms(k.get("p99Ms")) + " / " + ms(k.get("maxMs")));
        }
        out.println();
        out.println("CPU milliseconds per listed demand while sending, by process:");
        out.println();
        cpuHeader(out, "offered /s");
        for (Map<String, Object> level : list(e2e.get("levels"))) {
            cpuRow(out, levelName(level), map(level.get("cpuMsPerDemandWhileSending")),
                    level.get("otherCpuMsPerDemandWhileSending"), level.get("machineBusyPercentWhileSending"));
        }
        out.println();
        out.println("Where the matchmaker's share (verified on Kafka → proposal on Kafka) goes, from its own database:");
        out.println();
        out.println("| offered /s | verified on Kafka → consumed by matchmaker p50 / p99 ms | consumed → proposal in its event store (debounce, rounds, solve) p50 / p99 ms | in its event store → on Kafka (relay) p50 / p99 ms |");
        out.println("|--:|--:|--:|--:|");
        for (Map<String, Object> level : list(e2e.get("levels"))) {
            Map<String, Object> b = map(level.get("matchmakerBreakdown"));
            out.printf("| %s | %s | %s | %s |%n", levelName(level), two(b.get("verifiedOnKafkaToConsumedByMatchmaker")),
                    two(b.get("consumedToProposalAppended")), two(b.get("proposalAppendedToOnKafka")));
        }
        out.println();
        out.println("The re-planner in each window (from its log): re-plans, proposals, how often one street was re-planned:");
        out.println();
        out.println("| offered /s | re-plans | proposals | demands per proposal | superseded | street re-planned every (mean / max s) | methods |");
        out.println("|--:|--:|--:|--:|--:|--:|---|");
        for (Map<String, Object> level : list(e2e.get("levels"))) {
            Map<String, Object> r = map(level.get("replanner"));
            out.printf("| %s | %s | %s | %s | %s | %s / %s | %s |%n", levelName(level), r.get("replans"),
                    r.get("proposals"), ratio(num(level.get("proposed")), num(r.get("proposals"))), r.get("superseded"),
                    r.get("intervalPerStreetMeanSeconds"), r.get("intervalPerStreetMaxSeconds"), r.get("methods"));
        }
        out.println();
        for (Map<String, Object> level : list(e2e.get("levels"))) {
            if (num(level.get("notProposedWithinDrain")) > 0) {
                out.printf("At %s/s, %s listed demands had no proposal within %s s of the end: for %s of them demand-list never"
                                + " published demand.submitted to Kafka, for %s never demand.verified.%n", levelName(level),
                        level.get("notProposedWithinDrain"), level.get("drainSeconds"), level.get("missingSubmittedNotOnKafka"),
                        level.get("missingVerifiedNotOnKafka"));
            }
        }
        out.println();
        list(e2e.get("levels")).stream().filter(l -> l.containsKey("firstError"))
                .forEach(l -> out.println("first error at " + l.get("ratePerSecond") + "/s: " + l.get("firstError")));
    }

    private static boolean isWarmUp(Map<String, Object> level) {
        return Boolean.TRUE.equals(level.get("warmUp"));
    }

    /** An e2e level's name in the detail tables: its rate, and whether it was the stack's first load (the warm-up). */
    private static String levelName(Map<String, Object> level) {
        return String.format("%.0f", num(level.get("ratePerSecond"))) + (isWarmUp(level) ? " (warm-up)" : "");
    }

    /** The raw Kafka hop measured beside a level; the warm-up has none (it runs before the first baseline). */
    private static Map<String, Object> baseline(Map<String, Object> level) {
        return level.containsKey("kafkaBaseline") ? map(level.get("kafkaBaseline")) : Map.of();
    }

    private static void cpuHeader(PrintStream out, String first) {
        out.println("| " + first + " | demand-list | resource-list | matchmaker | ledger | postgres | kafka | client (bench JVM) | other | machine busy % |");
        out.println("|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|");
    }

    private static void cpuRow(PrintStream out, String first, Map<String, Object> cpu, Object other, Object busy) {
        out.printf("| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |%n", first, ms(cpu.get("demand-list")),
                ms(cpu.get("resource-list")), ms(cpu.get("matchmaker")), ms(cpu.get("ledger")), ms(cpu.get("postgres")),
                ms(cpu.get("kafka")), ms(cpu.get("client")), ms(other), busy == null ? "–" : String.format("%.0f", num(busy)));
    }

    private static String two(Object o) {
        Map<String, Object> p = map(o);
        return ms(p.get("p50Ms")) + " / " + ms(p.get("p99Ms"));
    }

    private static String three(Object o) {
        Map<String, Object> p = map(o);
        return ms(p.get("p50Ms")) + " / " + ms(p.get("p99Ms")) + " / " + ms(p.get("maxMs"));
    }

    private void delivery(PrintStream out) {
        Map<String, Object> d = map(json.get("delivery"));
        Map<String, Object> k = map(d.get("kafkaBaseline"));
        out.println("2. End to end, delivery → ledger: " + d.get("path") + " (polled every " + d.get("pollMs") + " ms)");
        out.println();
        out.println("| deliveries | POST sent → entry listed p50 / p99 / max ms | POST answered → entry listed p50 / p99 ms | POST /delivery p50 / p99 ms "
                + "| POST answered → delivered on Kafka (matchmaker relay) p50 / p99 ms | on Kafka → entry listed (ledger consumer) p50 / p99 ms | raw Kafka hop p50 / p99 / max ms |");
        out.println("|--:|--:|--:|--:|--:|--:|--:|");
        out.printf("| %s | %s | %s | %s | %s | %s | %s |%n", d.get("delivered"), three(d.get("deliveryPostToLedgerEntry")),
                two(d.get("deliveryAnsweredToLedgerEntry")), two(d.get("deliveryPost")), two(d.get("deliveryAnsweredToOnKafka")),
                two(d.get("onKafkaToLedgerEntryListed")),
                ms(k.get("p50Ms")) + " / " + ms(k.get("p99Ms")) + " / " + ms(k.get("maxMs")));
        out.println();
        if (d.containsKey("onKafkaToListingGetSent")) {
            out.println("The ledger's hop without the check's own share: on Kafka → the GET that listed the entry sent p50 / p99 ms "
                    + two(d.get("onKafkaToListingGetSent")) + "; that GET's own time p50 / p99 ms " + two(d.get("listingGet")));
            out.println();
        }
        out.println("CPU milliseconds per delivery (incl. polling the ledger), by process:");
        out.println();
        cpuHeader(out, "deliveries");
        cpuRow(out, String.valueOf(d.get("delivered")), map(d.get("cpuMsPerDelivery")), d.get("otherCpuMsPerDelivery"), null);
        out.println();
        if (d.containsKey("checkWarmUpGetsMs")) {
            out.println("The check warmed before the first delivery (untimed GET /ledger/entries, ms each): " + d.get("checkWarmUpGetsMs"));
            out.println();
        }
        if (d.get("slowest") instanceof List<?> slowest && !slowest.isEmpty()) {
            out.println("The slowest deliveries (n-th delivered, from 0; GETs = the bench's polls of the ledger, the last one's own time):");
            out.println();
            out.println("| n | project | POST sent → listed ms | POST ms | relay ms | ledger ms | GETs | last GET ms | listed at (UTC) |");
            out.println("|--:|---|--:|--:|--:|--:|--:|--:|---|");
            for (Object o : slowest) {
                Map<String, Object> t = map(o);
                out.printf("| %s | %s | %s | %s | %s | %s | %s | %s | %s |%n", t.get("index"), t.get("projectId"),
                        t.get("postToListedMs"), t.get("postMs"), t.get("relayMs"), t.get("ledgerMs"), t.get("gets"),
                        t.get("lastGetMs"), t.get("listedAt"));
            }
            out.println();
        }
        if (d.containsKey("firstError")) {
            out.println("first error: " + d.get("firstError"));
            out.println();
        }
    }

    private void ledger(PrintStream out) {
        Map<String, Object> ledger = map(json.get("ledger"));
        Map<String, Object> rebuild = map(ledger.get("rebuild"));
        if (rebuild != null) {
            out.printf("4. Ledger rebuild: %s generated project.delivered events (schema-checked, %s B each on average) produced in %s s;"
                            + " POST /ledger/rebuild read %s records into generation %s (%s entries) in %s ms by the service's count, %s s wall"
                            + " (incl. verifying both generations); same head as the live generation: %s%n",
                    rebuild.get("events"), Math.round(num(rebuild.get("eventBytesAverage"))), rebuild.get("produceSeconds"),
                    rebuild.get("rebuildEvents"), rebuild.get("rebuildGeneration"), rebuild.get("rebuildEntries"),
                    rebuild.get("rebuildServiceMillis"), rebuild.get("rebuildWallSeconds"), rebuild.get("rebuildSameHead"));
            out.println();
            out.println("| what | events/s | CPU ms per event: ledger / postgres / kafka / other |");
            out.println("|---|--:|---|");
            Map<String, Object> rc = map(rebuild.get("rebuildCpuMsPerEvent"));
            Map<String, Object> lc = map(rebuild.get("liveCpuMsPerEvent"));
            out.printf("| rebuild (service's own count) | %.0f | %s / %s / %s / %s |%n", num(rebuild.get("rebuildServiceEventsPerSecond")),
                    ms(rc.get("ledger")), ms(rc.get("postgres")), ms(rc.get("kafka")), ms(rebuild.get("rebuildOtherCpuMsPerEvent")));
            out.printf("| rebuild (wall clock of the POST) | %.0f | |%n", num(rebuild.get("rebuildWallEventsPerSecond")));
            out.printf("| live consumer (while demand-list and resource-list consumed them too) | %.0f | %s / %s / %s / %s |%n",
                    num(rebuild.get("liveConsumerEventsPerSecond")), ms(lc.get("ledger")), ms(lc.get("postgres")), ms(lc.get("kafka")),
                    ms(rebuild.get("liveOtherCpuMsPerEvent")));
            out.printf("| baseline: plain KafkaConsumer, %s records | %.0f | |%n", rebuild.get("rawConsumerRecords"),
                    num(rebuild.get("rawConsumerEventsPerSecond")));
            out.println();
        }
        Map<String, Object> reports = map(ledger.get("reports"));
        if (reports != null) {
            out.printf("4. Ledger reports over %,d entries in the current generation (%s filled by COPY in %s s, hash-chained as the"
                            + " service chains them; VACUUM ANALYZE %s s); %s runs each of REST (the roll-ups), the raw SUM over the entries over JDBC on every fifth of them:%n",
                    ((Number) reports.get("entriesInCurrentGeneration")).longValue(), reports.get("entriesFilled"),
                    reports.get("fillSeconds"), reports.get("vacuumAnalyzeSeconds"), reports.get("runs"));
            out.println();
            out.println("| report | rows | hours | REST p50 ms | REST p99 ms | JDBC p50 ms | JDBC p99 ms | REST/JDBC p50 |");
            out.println("|---|--:|--:|--:|--:|--:|--:|--:|");
            for (Map<String, Object> row : list(reports.get("cases"))) {
                out.printf("| %s | %s | %s | %s | %s | %s | %s | %s |%n", row.get("report"), row.get("rows"), row.get("totalHours"),
                        ms(row.get("restP50Ms")), ms(row.get("restP99Ms")), ms(row.get("jdbcP50Ms")), ms(row.get("jdbcP99Ms")),
                        row.get("restOverJdbcP50"));
            }
            out.println();
        }
    }

    private void matching(PrintStream out) {
        Map<String, Object> m = map(json.get("matching"));
        out.println("3. Matching: " + m.get("runner") + "; reference CP-SAT limit " + m.get("referenceLimitSeconds") + " s");
        out.println();
        // explain s: the explanations are built when the plan's assignments are first read, after the answer
        // overrun s: the engine's wall time less its limit, which bounds the whole plan
        // warm-up s: the engine's warm-up when constructed, outside the timed plan; "cold": none (--cold)
        out.println("| instance | shape | pairs | engine limit s | warm-up s | engine s | overrun s | engine cpu s | explain s | objective | engine gap % | method | reference | reference s | reference value | objective / reference |");
        out.println("|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|---|---|--:|--:|--:|");
        for (Map<String, Object> row : list(m.get("rows"))) {
            String method = String.valueOf(row.get("method"));
            String warmUp = Boolean.FALSE.equals(row.get("warmedUp")) ? "cold"
                    : row.get("warmUpMillis") == null ? "—" : String.format("%.2f", num(row.get("warmUpMillis")) / 1000);
            out.printf("| %s×%s | %s | %s | %s | %s | %.2f | %+.2f | %.2f | %.2f | %s | %.3f | %s | %s | %.2f | %s | %.5f |%n", row.get("demands"), row.get("resources"),
                    row.get("shape"), row.get("pairs"), row.get("engineLimitSeconds"), warmUp, num(row.get("engineMillis")) / 1000,
                    num(row.get("engineMillis")) / 1000 - num(row.get("engineLimitSeconds")),
                    num(row.get("engineCpuMillis")) / 1000, num(row.get("explainMillis")) / 1000, fmt(row.get("objective")),
                    100 * num(row.get("engineGap")), method.length() > 60 ? method.substring(0, 60) + "…" : method,
                    row.get("referenceMethod"), num(row.get("referenceMillis")) / 1000, fmt(row.get("reference")), num(row.get("ratio")));
        }
        out.println();
        if (m.get("warmReplan") != null) {
            Map<String, Object> w = map(m.get("warmReplan"));
            out.println("Re-plan after one new demand in a planned " + w.get("demands") + "×" + w.get("resources")
                    + " city (" + w.get("adds") + " new demands, one at a time), beside a full re-plan of the same city:");
            out.println();
            out.println("| re-plan ms, median | max | objective after | its bound | full re-plan s | its objective | after ÷ full |");
            out.println("|--:|--:|--:|--:|--:|--:|--:|");
            out.printf("| %.1f | %.1f | %s | %s | %.1f | %s | %.5f |%n", num(w.get("medianMicros")) / 1000,
                    num(w.get("maxMicros")) / 1000, fmt(w.get("warmObjective")), fmt(w.get("warmBound")),
                    num(w.get("fullMillis")) / 1000, fmt(w.get("fullObjective")),
                    num(w.get("warmObjective")) / num(w.get("fullObjective")));
            out.println();
        }
    }

    private void services(PrintStream out) {
        Map<String, Object> services = map(json.get("services"));
        out.println("5. Services (" + services.get("jvmOptions") + (Boolean.TRUE.equals(services.get("startedApart"))
                ? "; each started alone, once the one before was quiet" : "; each started when the one before was ready") + "):");
        out.println();
        out.println("| service | spawn → ready s | LocalStack \"up in\" s | Quarkus \"started in\" s | CPU s to ready | the stack's other processes' CPU s meanwhile | the machine's CPU s meanwhile | RSS at ready MiB | RSS MiB | peak RSS MiB | warmed up by |");
        out.println("|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|---|");
        for (Map<String, Object> row : list(services.get("rows"))) {
            out.printf("| %s | %s | %s | %s | %s | %s | %s | %.0f | %.0f | %.0f | %s |%n", row.get("service"), dash(row.get("readySeconds")),
                    dash(row.get("localStackUpInSeconds")), dash(row.get("quarkusStartedInSeconds")),
                    dash(row.get("cpuSecondsToReady")), dash(row.get("othersCpuSecondsDuringStart")),
                    dash(row.get("machineCpuSecondsDuringStart")), row.get("rssAtReadyMiB"),
                    row.get("rssMiB"), row.get("peakRssMiB"), row.get("warmedUpBy"));
        }
        out.println();
    }

    private static String dash(Object seconds) {
        if (seconds == null) {
            return "–";
        }
        double value = ((Number) seconds).doubleValue();
        return value < 0 ? "–" : String.format("%.2f", value);
    }
}
