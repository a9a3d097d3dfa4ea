package org.threelists.bench;

import com.fasterxml.jackson.databind.JsonNode;
import org.HdrHistogram.Histogram;
import org.threelists.localstack.DemoClock;
import org.threelists.localstack.LocalStack;

import java.io.PrintStream;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Part 2, delivery to ledger: proposals from the end-to-end run are carried on over REST as the desk and the units
 * would (publish → claim with the proposed offer → CLAIMED once resource-list has reserved the hours → schedule),
 * then delivered one at a time: from {@code POST /projects/{id}/delivery} (two volunteers' hours) until
 * {@code GET /ledger/entries?project=} lists the delivery's entries (polled every {@value #POLL_MS} ms). The path is
 * matchmaker's relay → Kafka → the ledger's consumer (inbox, hash chain). Baseline: the raw Kafka hop.
 */
final class DeliveryToLedger {

    static final int POLL_MS = 5;
    static final int PREPARE_THREADS = 6;
    /** How many of the slowest deliveries the report lists, each with its hops. */
    static final int SLOWEST = 5;
    /** Untimed GETs of the ledger's entries before the first delivery: the check's own cold start. */
    static final int CHECK_WARM_UP = 5;

    private final LocalStack stack;
    private final World world;
    private final Http http = new Http();
    private final PrintStream console;

    DeliveryToLedger(LocalStack stack, World world, PrintStream console) {
        this.stack = stack;
        this.world = world;
        this.console = console;
    }

    /** A project ready to be delivered. */
    record Ready(EventWatch.Proposal proposal, String unitToken, List<String> volunteerIds) {
    }

    /**
     * One timed delivery, in the order delivered: its hops, how many {@code GET}s the bench sent before one listed the
     * entry, how long that last {@code GET} took (the check's own share of the hop), and when (UTC) it was listed, so
     * that a slow one can be found in the services' logs.
     */
    record Timed(int index, String projectId, long sent, long acked, long visible, int gets, long lastGetNanos,
            Instant listedAt) {
        Map<String, Object> json(Long onKafka) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("index", index);
            json.put("projectId", projectId);
            json.put("postToListedMs", ms(visible - sent));
            json.put("postMs", ms(acked - sent));
            json.put("relayMs", onKafka == null ? -1 : ms(Math.max(0, onKafka - acked)));
            json.put("ledgerMs", onKafka == null ? -1 : ms(Math.max(0, visible - onKafka)));
            json.put("gets", gets);
            json.put("lastGetMs", ms(lastGetNanos));
            json.put("listedAt", listedAt.toString());
            return json;
        }

        private static double ms(long nanos) {
            return Math.round(nanos / 10_000.0) / 100.0;
        }
    }

    Map<String, Object> run(List<EventWatch.Proposal> candidates, int count, CpuMeter meter, EventWatch watch) throws Exception {
        String projects = stack.baseUrl(LocalStack.MATCHMAKER) + "/projects/";
        String entries = stack.baseUrl(LocalStack.LEDGER) + "/ledger/entries";
        // a delivery is reported on the day or after it, never ahead of it
        LocalDate day = DemoClock.today();
        String volunteers = stack.baseUrl(LocalStack.RESOURCE_LIST) + "/volunteers";
        List<EventWatch.Proposal> chosen = candidates.stream().filter(p -> p.unitId() != null && p.resourceId() != null)
                .limit(count).toList();
        console.printf("delivery: carrying %d proposals to delivery (publish, claim, schedule; %d threads)...%n", chosen.size(),
                PREPARE_THREADS);
        long prepareStart = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(PREPARE_THREADS);
        List<Future<Ready>> futures = new ArrayList<>();
        for (EventWatch.Proposal p : chosen) {
            futures.add(pool.submit(() -> {
                String desk = world.desk(p.street());
                String unit = world.unit(p.street(), p.unitId());
                http.post(projects + p.projectId() + "/publish", desk, Map.of("mode", "CLAIM", "note", "压测：联席会发布"))
                        .expect(200, "publish " + p.projectId());
                http.post(projects + p.projectId() + "/claims", unit, Map.of("resourceId", p.resourceId()))
                        .expect(202, "claim " + p.projectId());
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                String status = "";
                while (System.nanoTime() < deadline) {
                    status = http.get(projects + p.projectId(), desk).body().path("status").asText();
                    if (status.equals("CLAIMED")) {
                        break;
                    }
                    Thread.sleep(100);
                }
                if (!status.equals("CLAIMED")) {
                    throw new IllegalStateException("project " + p.projectId() + " not CLAIMED within 60 s: " + status);
                }
                http.post(projects + p.projectId() + "/schedule", unit, Map.of("date", day.toString(), "place", "社区党群服务中心"))
                        .expect(200, "schedule " + p.projectId());
                // the matchmaker accepts only volunteers registered with a holder: two of the unit's own
                List<String> volunteerIds = new ArrayList<>();
                for (String name : List.of("王晓明", "李娜")) {
                    volunteerIds.add(http.post(volunteers, unit, Map.of("unitId", p.unitId(), "homeCommunity",
                                    p.community(), "person", Map.of("name", name, "phone", "13800000000"),
                                    "skills", List.of(), "consent", true))
                            .expect(201, "register a volunteer of " + p.unitId()).body().path("volunteerId").asText());
                }
                return new Ready(p, unit, volunteerIds);
            }));
        }
        List<Ready> ready = new ArrayList<>();
        String firstError = null;
        for (Future<Ready> f : futures) {
            try {
                ready.add(f.get(120, TimeUnit.SECONDS));
            } catch (Exception e) {
                if (firstError == null) {
                    firstError = String.valueOf(e.getCause() == null ? e : e.getCause());
                }
            }
        }
        pool.shutdownNow();
        double prepareSeconds = (System.nanoTime() - prepareStart) / 1e9;
        console.printf("delivery: %d ready in %.1f s; delivering one at a time...%n", ready.size(), prepareSeconds);

        // The bench's own check, warmed before the clock runs: the ledger's first GET with a token (its first
        // authenticated request since start: the key read, the JWT and REST classes loaded) took 1–2.6 s, and it fell
        // inside the first delivery's hop, which it then made the slowest (bench/README.md, "Ledger: the delivery's
        // hop"). The ledger's recording path is not warmed: its first delivery stays in the figures.
        List<Double> checkWarmUpMs = new ArrayList<>();
        if (!ready.isEmpty()) {
            String desk = world.desk(ready.get(0).proposal().street());
            for (int i = 0; i < CHECK_WARM_UP; i++) {
                long start = System.nanoTime();
                http.get(entries + "?project=" + UUID.randomUUID() + "&size=1", desk).expect(200, "warm the check");
                checkWarmUpMs.add(Math.round((System.nanoTime() - start) / 10_000.0) / 100.0);
            }
        }
        Histogram fromPost = new Histogram(600_000_000L, 3);
        Histogram fromAck = new Histogram(600_000_000L, 3);
        Histogram rest = new Histogram(600_000_000L, 3);
        int timedOut = 0;
        List<Timed> timed = new ArrayList<>();
        CpuMeter.Sample before = meter.sample();
        for (Ready r : ready) {
            EventWatch.Proposal p = r.proposal();
            Map<String, Object> report = new LinkedHashMap<>();
            report.put("date", day.toString());
            report.put("place", "社区党群服务中心");
            report.put("volunteers", List.of(
                    Map.of("volunteerId", r.volunteerIds().get(0), "hours", 2),
                    Map.of("volunteerId", r.volunteerIds().get(1), "hours", 1.5)));
            report.put("residentsServed", 12);
            report.put("notes", "压测交付");
            long sent = System.nanoTime();
            Http.Answer delivered = http.post(projects + p.projectId() + "/delivery", r.unitToken(), report);
            long acked = System.nanoTime();
            if (!delivered.is(200)) {
                if (firstError == null) {
                    firstError = "delivery " + delivered.status() + " " + delivered.text();
                }
                continue;
            }
            String desk = world.desk(p.street());
            String url = entries + "?project=" + p.projectId() + "&size=1";
            long deadline = sent + TimeUnit.SECONDS.toNanos(60);
            boolean seen = false;
            int gets = 0;
            long getStart = 0;
            while (System.nanoTime() < deadline) {
                getStart = System.nanoTime();
                gets++;
                JsonNode page = http.get(url, desk).body();
                if (page.path("total").asLong() > 0) {
                    seen = true;
                    break;
                }
                Thread.sleep(POLL_MS);
            }
            long visible = System.nanoTime();
            if (!seen) {
                timedOut++;
                continue;
            }
            timed.add(new Timed(timed.size(), p.projectId(), sent, acked, visible, gets, visible - getStart,
                    Instant.now()));
            fromPost.recordValue((visible - sent) / 1_000);
            fromAck.recordValue((visible - acked) / 1_000);
            rest.recordValue((acked - sent) / 1_000);
        }
        CpuMeter.Usage cpu = meter.usage(before, meter.sample(), Math.max(1, fromPost.getTotalCount()));
        Thread.sleep(500);
        // the split at Kafka: the matchmaker's relay before it, the ledger's consumer (and our 5 ms poll) after it
        Histogram toKafka = new Histogram(600_000_000L, 3);
        Histogram fromKafka = new Histogram(600_000_000L, 3);
        // The ledger's hop as the bench sees it holds the check's own share: the wait for the next poll and the time
        // of the GET that found the entry. Split off, the rest ends when that GET was sent: the entry was committed
        // before that GET read it and after the GET before it did (bench/README.md, "Delivery: the inbox row with the
        // chains' lock").
        Histogram toListingGet = new Histogram(600_000_000L, 3);
        Histogram listingGet = new Histogram(600_000_000L, 3);
        for (Timed t : timed) {
            Long onKafka = watch.deliveredSeen.get(t.projectId());
            listingGet.recordValue(t.lastGetNanos() / 1_000);
            if (onKafka != null) {
                toKafka.recordValue(Math.max(0, onKafka - t.acked()) / 1_000);
                fromKafka.recordValue(Math.max(0, t.visible() - onKafka) / 1_000);
                toListingGet.recordValue(Math.max(0, t.visible() - t.lastGetNanos() - onKafka) / 1_000);
            }
        }
        List<Map<String, Object>> slowest = timed.stream()
                .sorted(Comparator.comparingLong((Timed t) -> t.visible() - t.sent()).reversed()).limit(SLOWEST)
                .map(t -> t.json(watch.deliveredSeen.get(t.projectId()))).toList();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("projects", chosen.size());
        json.put("prepared", ready.size());
        json.put("prepareSeconds", CpuMeter.round(prepareSeconds));
        json.put("delivered", fromPost.getTotalCount());
        json.put("notVisibleWithin60s", timedOut);
        if (firstError != null) {
            json.put("firstError", firstError);
        }
        json.put("pollMs", POLL_MS);
        json.put("checkWarmUpGetsMs", checkWarmUpMs);
        json.put("deliveryPostToLedgerEntry", EndToEnd.percentiles(fromPost));
        json.put("deliveryAnsweredToLedgerEntry", EndToEnd.percentiles(fromAck));
        json.put("deliveryPost", EndToEnd.percentiles(rest));
        json.put("deliveryAnsweredToOnKafka", EndToEnd.percentiles(toKafka));
        json.put("onKafkaToLedgerEntryListed", EndToEnd.percentiles(fromKafka));
        json.put("onKafkaToListingGetSent", EndToEnd.percentiles(toListingGet));
        json.put("listingGet", EndToEnd.percentiles(listingGet));
        json.put("slowest", slowest);
        json.put("cpuMsPerDelivery", cpu.msPerOp());
        json.put("otherCpuMsPerDelivery", cpu.otherMsPerOp());
        console.printf("delivery: %d delivered; POST → ledger entry p50 %.0f ms p99 %.0f ms%n", fromPost.getTotalCount(),
                fromPost.getValueAtPercentile(50) / 1000.0, fromPost.getValueAtPercentile(99) / 1000.0);
        return json;
    }
}
