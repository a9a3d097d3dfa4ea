package org.threelists.bench;

import org.HdrHistogram.Histogram;
import org.threelists.contracts.Category;
import org.threelists.localstack.LocalStack;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Part 2, demand to proposal: an open-loop load of demands at a steady rate (each one {@code POST /demands} by its
 * community's worker, then {@code POST /demands/{id}/verify}: listed), spread evenly over every community of the
 * directory and every category, while {@link EventWatch} notes when each demand's {@code demand.verified} and the
 * {@code project.proposed} naming it reach Kafka. The latency is from the verify's 200 (the demand is listed) to
 * the proposal on project-list.events.v1; the path is demand-list's relay → Kafka → matchmaker's consumer → the
 * re-planner (debounced) → the engine → ProposeProject → matchmaker's relay → Kafka. Baseline: the raw Kafka hop at
 * the same rate ({@link KafkaKit#latency}).
 */
final class EndToEnd {

    /** Concurrent REST submissions at most; beyond that the schedule falls behind and the lag is measured. */
    static final int MAX_IN_FLIGHT = 96;
    /** A submission not started within this of its scheduled time is skipped (counted): the client is behind. */
    static final Duration GIVE_UP_LATE = Duration.ofSeconds(10);

    private final LocalStack stack;
    private final World world;
    private final EventWatch watch;
    private final Http http = new Http();
    private final CpuMeter meter;
    private final PrintStream console;

    EndToEnd(LocalStack stack, World world, EventWatch watch, CpuMeter meter, PrintStream console) {
        this.stack = stack;
        this.world = world;
        this.watch = watch;
        this.meter = meter;
        this.console = console;
    }

    /** One submitted demand: nanoTime when due, sent, answered 201, listed (verify 200). */
    static final class Sample {
        final long due;
        long sent;
        long submitted;
        long listed;
        String demandId;

        Sample(long due) {
            this.due = due;
        }
    }

    Map<String, Object> run(double rate, Duration length, Duration drain, long seed) throws Exception {
        String demands = stack.baseUrl(LocalStack.DEMAND_LIST) + "/demands";
        SplittableRandom random = new SplittableRandom(seed);
        Category[] categories = Category.values();
        int total = (int) Math.round(rate * length.toSeconds());
        ConcurrentLinkedQueue<Sample> samples = new ConcurrentLinkedQueue<>();
        AtomicLong skipped = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        AtomicReference<String> firstError = new AtomicReference<>();
        ExecutorService pool = Executors.newFixedThreadPool(MAX_IN_FLIGHT, r -> {
            Thread t = new Thread(r, "e2e-client");
            t.setDaemon(true);
            return t;
        });
        console.printf("e2e: %.0f demands/s for %d s (%d demands over %d communities, %d categories; load %s)...%n", rate,
                length.toSeconds(), total, world.places.size(), categories.length, CpuMeter.loadAverage());
        Path matchmakerLog = stack.logDir().resolve(LocalStack.MATCHMAKER + ".log");
        long logLinesBefore = lines(matchmakerLog).size();
        long storeBefore = Clock.matchmakerStorePosition(stack);
        Instant windowStart = Instant.now();
        CpuMeter.Sample before = meter.sample();
        long start = System.nanoTime() + 50_000_000L;
        for (int i = 0; i < total; i++) {
            // uniformly over the directory's communities and the categories (seeded)
            World.Place place = world.places.get(random.nextInt(world.places.size()));
            Category category = categories[random.nextInt(categories.length)];
            Map<String, Object> body = World.demand(place, category, random.split(), "e2e " + (long) rate + "/s #" + i);
            String token = world.community(place);
            Sample sample = new Sample(start + (long) (i * 1e9 / rate));
            long wait = sample.due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            pool.execute(() -> {
                try {
                    sample.sent = System.nanoTime();
                    if (sample.sent - sample.due > GIVE_UP_LATE.toNanos()) {
                        skipped.incrementAndGet();
                        return;
                    }
                    Http.Answer created = http.post(demands, token, body);
                    if (!created.is(201)) {
                        throw new IllegalStateException("POST /demands " + created.status() + " " + created.text());
                    }
                    sample.submitted = System.nanoTime();
                    sample.demandId = created.body().path("demandId").asText();
                    Http.Answer verified = http.post(demands + "/" + sample.demandId + "/verify", token, null);
                    if (!verified.is(200)) {
                        throw new IllegalStateException("verify " + verified.status() + " " + verified.text());
                    }
                    sample.listed = System.nanoTime();
                    samples.add(sample);
                } catch (Exception e) {
                    errors.incrementAndGet();
                    firstError.compareAndSet(null, e.toString().substring(0, Math.min(400, e.toString().length())));
                }
            });
        }
        long sendEnd = System.nanoTime();
        pool.shutdown();
        pool.awaitTermination(GIVE_UP_LATE.toSeconds() + 60, TimeUnit.SECONDS);
        long lastListed = System.nanoTime();
        CpuMeter.Sample afterSending = meter.sample();
        // drain: wait until every listed demand has its proposal, or the drain time is up
        long deadline = System.nanoTime() + drain.toNanos();
        while (System.nanoTime() < deadline && samples.stream().anyMatch(s -> !watch.proposedSeen.containsKey(s.demandId))) {
            Thread.sleep(200);
        }
        CpuMeter.Sample after = meter.sample();

        Histogram listedToProposed = new Histogram(3_600_000_000L, 3);
        Histogram sentToProposed = new Histogram(3_600_000_000L, 3);
        Histogram rest = new Histogram(3_600_000_000L, 3);
        Histogram listedToVerifiedOnKafka = new Histogram(3_600_000_000L, 3);
        Histogram verifiedOnKafkaToProposed = new Histogram(3_600_000_000L, 3);
        long proposed = 0;
        long missing = 0;
        long submittedNotOnKafka = 0;
        long verifiedNotOnKafka = 0;
        for (Sample s : samples) {
            rest.recordValue(micros(s.listed - s.due));
            Long verifiedAt = watch.verifiedSeen.get(s.demandId);
            Long proposedAt = watch.proposedSeen.get(s.demandId);
            if (verifiedAt != null) {
                listedToVerifiedOnKafka.recordValue(micros(verifiedAt - s.listed));
            }
            if (proposedAt == null) {
                missing++;
                if (!watch.submittedSeen.containsKey(s.demandId)) {
                    submittedNotOnKafka++;
                } else if (verifiedAt == null) {
                    verifiedNotOnKafka++;
                }
                continue;
            }
            proposed++;
            listedToProposed.recordValue(micros(proposedAt - s.listed));
            sentToProposed.recordValue(micros(proposedAt - s.sent));
            if (verifiedAt != null) {
                verifiedOnKafkaToProposed.recordValue(micros(proposedAt - verifiedAt));
            }
        }
        double seconds = Math.max(1e-9, (lastListed - start) / 1e9);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("ratePerSecond", rate);
        json.put("seconds", length.toSeconds());
        json.put("offered", total);
        json.put("listed", samples.size());
        json.put("listedPerSecond", CpuMeter.round(samples.size() / seconds));
        json.put("sendingFellBehindSeconds", CpuMeter.round(Math.max(0, (sendEnd - start) / 1e9 - length.toSeconds())));
        json.put("skippedAsLate", skipped.get());
        json.put("errors", errors.get());
        if (firstError.get() != null) {
            json.put("firstError", firstError.get());
        }
        json.put("proposed", proposed);
        json.put("notProposedWithinDrain", missing);
        // why: the demand's own events never reached Kafka (its submission, or its verification), or they did and no
        // proposal named it within the drain
        json.put("missingSubmittedNotOnKafka", submittedNotOnKafka);
        json.put("missingVerifiedNotOnKafka", verifiedNotOnKafka);
        json.put("drainSeconds", drain.toSeconds());
        json.put("listedToProposal", percentiles(listedToProposed));
        json.put("sentToProposal", percentiles(sentToProposed));
        json.put("restPostAndVerifyFromSchedule", percentiles(rest));
        json.put("listedToVerifiedOnKafka", percentiles(listedToVerifiedOnKafka));
        json.put("verifiedOnKafkaToProposal", percentiles(verifiedOnKafkaToProposed));
        CpuMeter.Usage sending = meter.usage(before, afterSending, Math.max(1, samples.size()));
        CpuMeter.Usage whole = meter.usage(before, after, Math.max(1, samples.size()));
        json.put("cpuMsPerDemandWhileSending", sending.msPerOp());
        json.put("otherCpuMsPerDemandWhileSending", sending.otherMsPerOp());
        json.put("machineBusyPercentWhileSending", sending.busyPercent());
        json.put("cpuMsPerDemandUntilDrained", whole.msPerOp());
        json.put("replanner", replans(lines(matchmakerLog), (int) logLinesBefore));
        json.put("matchmakerBreakdown", breakdown(samples, storeBefore, windowStart));
        json.put("loadAverageAfter", CpuMeter.loadAverage());
        console.printf("e2e: %.0f/s: %d listed (%.1f/s), %d proposed, %d missing; listed→proposal p50 %.0f ms p99 %.0f ms max %.0f ms%n",
                rate, samples.size(), samples.size() / seconds, proposed, missing, listedToProposed.getValueAtPercentile(50) / 1000.0,
                listedToProposed.getValueAtPercentile(99) / 1000.0, listedToProposed.getMaxValue() / 1000.0);
        return json;
    }

    /**
     * Where the matchmaker's share goes, per proposed demand, from its own database: when its consumer processed the
     * demand's verified event (the inbox row's processed_at), when the proposal was appended to its event store (the
     * ProjectProposed event's time stamp), and when the bench saw the proposal on Kafka. Wall-clock times of the same
     * machine, mapped onto this JVM's nanoTime.
     */
    private Map<String, Object> breakdown(Iterable<Sample> samples, long storeBefore, Instant windowStart) throws Exception {
        Map<String, Instant> consumed = new java.util.HashMap<>();
        Map<String, Instant> appended = new java.util.HashMap<>();
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(stack.jdbcUrl("matchmaker"), stack.databaseUser(),
                stack.databasePassword())) {
            try (java.sql.PreparedStatement q = c.prepareStatement("SELECT message_id, processed_at FROM processed_message"
                    + " WHERE consumer_group = 'matchmaker.demand-list' AND processed_at >= ?")) {
                q.setObject(1, java.time.OffsetDateTime.ofInstant(windowStart.minusSeconds(5), java.time.ZoneOffset.UTC));
                try (java.sql.ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        consumed.put(rs.getString(1), rs.getObject(2, java.time.OffsetDateTime.class).toInstant());
                    }
                }
            }
            try (java.sql.PreparedStatement q = c.prepareStatement("SELECT aggregate_identifier, time_stamp FROM domain_event_entry"
                    + " WHERE global_index > ? AND payload_type LIKE '%ProjectProposed'")) {
                q.setLong(1, storeBefore);
                try (java.sql.ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        appended.put(rs.getString(1), Instant.parse(rs.getString(2)));
                    }
                }
            }
        }
        Histogram toConsumed = new Histogram(3_600_000_000L, 3);
        Histogram toAppended = new Histogram(3_600_000_000L, 3);
        Histogram toKafka = new Histogram(3_600_000_000L, 3);
        for (Sample s : samples) {
            Long verified = watch.verifiedSeen.get(s.demandId);
            Long proposed = watch.proposedSeen.get(s.demandId);
            Instant consumedAt = consumed.get(watch.verifiedEventId.get(s.demandId));
            Instant appendedAt = appended.get(watch.proposedIn.get(s.demandId));
            if (verified == null || proposed == null || consumedAt == null || appendedAt == null) {
                continue;
            }
            long c = Clock.toNano(consumedAt);
            long a = Clock.toNano(appendedAt);
            toConsumed.recordValue(micros(c - verified));
            toAppended.recordValue(micros(a - c));
            toKafka.recordValue(micros(proposed - a));
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("verifiedOnKafkaToConsumedByMatchmaker", percentiles(toConsumed));
        json.put("consumedToProposalAppended", percentiles(toAppended));
        json.put("proposalAppendedToOnKafka", percentiles(toKafka));
        return json;
    }

    private static final Pattern REPLANNED = Pattern.compile(
            "^(\\d\\d):(\\d\\d):(\\d\\d)\\.(\\d{3}) .*Re-planned (\\S+): (\\d+) proposed, (\\d+) superseded \\((.*)\\)");

    private static List<String> lines(Path log) {
        try {
            return Files.readAllLines(log);
        } catch (IOException e) {
            return List.of();
        }
    }

    /**
     * What the re-planner did in the window, from its log lines ("Re-planned street: n proposed, m superseded"): how
     * often each street was re-planned (the interval is the debounce plus a whole round over every marked street,
     * which runs the streets one after another on one thread) and how many proposals a re-plan made.
     */
    static Map<String, Object> replans(List<String> log, int from) {
        Map<String, List<Double>> times = new LinkedHashMap<>();
        long proposals = 0;
        long superseded = 0;
        int count = 0;
        Map<String, Integer> methods = new LinkedHashMap<>();
        for (String line : log.subList(Math.min(from, log.size()), log.size())) {
            Matcher m = REPLANNED.matcher(line);
            if (!m.find()) {
                continue;
            }
            double t = Integer.parseInt(m.group(1)) * 3600 + Integer.parseInt(m.group(2)) * 60 + Integer.parseInt(m.group(3))
                    + Integer.parseInt(m.group(4)) / 1000.0;
            times.computeIfAbsent(m.group(5), k -> new ArrayList<>()).add(t);
            proposals += Long.parseLong(m.group(6));
            superseded += Long.parseLong(m.group(7));
            methods.merge(m.group(8).replaceAll("[0-9]+", "#"), 1, Integer::sum);
            count++;
        }
        List<Double> intervals = new ArrayList<>();
        times.values().forEach(ts -> {
            for (int i = 1; i < ts.size(); i++) {
                double d = ts.get(i) - ts.get(i - 1);
                intervals.add(d < 0 ? d + 86_400 : d);
            }
        });
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("replans", count);
        json.put("streets", times.size());
        json.put("proposals", proposals);
        json.put("superseded", superseded);
        json.put("proposalsPerReplan", count == 0 ? 0 : CpuMeter.round((double) proposals / count));
        json.put("intervalPerStreetMeanSeconds", intervals.isEmpty() ? -1
                : CpuMeter.round(intervals.stream().mapToDouble(Double::doubleValue).average().orElse(0)));
        json.put("intervalPerStreetMaxSeconds", intervals.isEmpty() ? -1
                : CpuMeter.round(intervals.stream().mapToDouble(Double::doubleValue).max().orElse(0)));
        json.put("methods", methods);
        return json;
    }

    private static long micros(long nanos) {
        return Math.max(0, Math.min(3_600_000_000L, nanos / 1_000));
    }

    static Map<String, Object> percentiles(Histogram h) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("count", h.getTotalCount());
        json.put("p50Ms", h.getTotalCount() == 0 ? -1 : h.getValueAtPercentile(50) / 1000.0);
        json.put("p99Ms", h.getTotalCount() == 0 ? -1 : h.getValueAtPercentile(99) / 1000.0);
        json.put("maxMs", h.getTotalCount() == 0 ? -1 : h.getMaxValue() / 1000.0);
        return json;
    }

    static List<String> groups() {
        return new ArrayList<>(List.of("matchmaker.demand-list", "matchmaker.resource-list"));
    }
}
