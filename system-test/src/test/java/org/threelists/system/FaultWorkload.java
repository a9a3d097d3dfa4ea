package org.threelists.system;

import org.threelists.system.ReplicatedClient.Answer;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.Supplier;

import static org.threelists.localstack.LocalStack.DEMAND_LIST;
import static org.threelists.localstack.LocalStack.MATCHMAKER;

/**
 * Steady work while the faults happen: workers that each, over and over, have a community worker submit and verify
 * a demand, the desk assign it to a unit (a claim through the capacity saga), and the unit schedule and report its
 * delivery with a volunteer of its own. What the system accepted — a 201 or 200, or a step found applied after an
 * unanswered request — is recorded per kind, so that afterwards every accepted record can be looked for.
 */
final class FaultWorkload implements AutoCloseable {

    /** How long one step may wait for the system to catch up (a broker paused for 60 s must fit in it). */
    private static final Duration STEP_PATIENCE = Duration.ofSeconds(240);

    private final ReplicatedClient client;
    private final String desk;
    private final String worker;
    private final String community;
    private final String unitId;
    private final String unitToken;
    private final String resourceId;
    private final String volunteerId;
    private final ExecutorService workers;
    private volatile boolean running = true;

    final Set<String> demands = ConcurrentHashMap.newKeySet();
    final Set<String> claims = ConcurrentHashMap.newKeySet();
    final Set<String> deliveries = ConcurrentHashMap.newKeySet();
    final List<String> stuck = new java.util.concurrent.CopyOnWriteArrayList<>();

    FaultWorkload(ReplicatedClient client, String desk, String worker, String community, String unitId, String unitToken,
            String resourceId, String volunteerId, int workerCount) {
        this.client = client;
        this.desk = desk;
        this.worker = worker;
        this.community = community;
        this.unitId = unitId;
        this.unitToken = unitToken;
        this.resourceId = resourceId;
        this.volunteerId = volunteerId;
        this.workers = Executors.newFixedThreadPool(workerCount, r -> {
            Thread thread = new Thread(r, "fault-workload");
            thread.setDaemon(true);
            return thread;
        });
        for (int i = 0; i < workerCount; i++) {
            workers.submit(this::work);
        }
    }

    private void work() {
        while (running) {
            try {
                cycle();
            } catch (RuntimeException e) {
                stuck.add(e.getMessage());
            }
            pause(Duration.ofMillis(300));
        }
    }

    /** One demand from submission to delivery; each step is recorded as soon as the system accepts it. */
    private void cycle() {
        LocalDate today = DemoWorld.today();
        Answer submitted = client.post(DEMAND_LIST, worker, "/demands", Map.of(
                "communityCode", community, "compound", "嘉福盐业小区", "building", "5栋",
                "category", "HEALTH", "description", "故障演练：独居老人上门量血压", "beneficiaries", 2,
                "urgency", "NORMAL",
                "window", Map.of("start", today.toString(), "end", today.plusDays(20).toString()),
                "estimatedHours", 1,
                "resident", Map.of("name", "演练居民", "phone", "13900000001")));
        if (!submitted.is(201)) {
            return; // refused or unanswered: not accepted, so nothing to look for later
        }
        String demand = submitted.text("demandId");
        demands.add(demand);

        step("verify " + demand, () -> client.post(DEMAND_LIST, worker, "/demands/" + demand + "/verify", null),
                a -> a.is(200) || (a.is(409) && "LISTED".equals(client.get(DEMAND_LIST, desk, "/demands/" + demand).text("status"))));

        Answer created = step("assign " + demand, () -> client.post(MATCHMAKER, desk, "/projects", Map.of(
                        "demandIds", List.of(demand), "unitId", unitId, "resourceId", resourceId,
                        "title", "故障演练 " + demand.substring(0, 8), "note", "联席会议定")),
                a -> a.is(201) || a.is(409));
        if (!created.is(201)) {
            return; // an earlier unanswered request created it: its id is unknown here, so it is not counted
        }
        String project = created.text("projectId");
        claims.add(project);

        step("claimed " + project, () -> client.get(MATCHMAKER, desk, "/projects/" + project),
                a -> a.is(200) && "CLAIMED".equals(a.text("status")));
        step("schedule " + project, () -> client.post(MATCHMAKER, unitToken, "/projects/" + project + "/schedule",
                        Map.of("date", today.toString(), "place", "嘉福社区党群服务中心")),
                a -> a.is(200) || (a.is(409) && "SCHEDULED".equals(status(project))));
        Answer delivered = step("deliver " + project, () -> client.post(MATCHMAKER, unitToken,
                        "/projects/" + project + "/delivery", Map.of(
                                "date", today.toString(), "place", "嘉福社区党群服务中心",
                                "volunteers", List.of(Map.of("volunteerId", volunteerId, "hours", 1.5)),
                                "residentsServed", 2, "notes", "量血压 2 人次")),
                a -> a.is(200) || (a.is(409) && "DELIVERED".equals(status(project))));
        if (delivered.is(200) || "DELIVERED".equals(status(project))) {
            deliveries.add(project);
        }
    }

    private String status(String project) {
        return client.get(MATCHMAKER, desk, "/projects/" + project).text("status");
    }

    /**
     * Repeats a step until the system gives an answer that {@code done} accepts: a replica down, a paused broker or a
     * restarting database make it fail for a while; a step that never gets there within the patience is stuck.
     */
    private Answer step(String what, Supplier<Answer> call, Predicate<Answer> done) {
        Instant deadline = Instant.now().plus(STEP_PATIENCE);
        Answer last = null;
        while (true) {
            last = call.get();
            if (done.test(last)) {
                return last;
            }
            if (Instant.now().isAfter(deadline)) {
                break;
            }
            pause(Duration.ofMillis(500));
        }
        throw new IllegalStateException(what + " not done within " + STEP_PATIENCE.toSeconds() + " s; last answer "
                + (last == null ? "none" : last.status() + " " + last.body()));
    }

    /** Lets every cycle under way finish (each step within its patience), then stops. */
    @Override
    public void close() {
        running = false;
        workers.shutdown();
        try {
            if (!workers.awaitTermination(STEP_PATIENCE.toSeconds() * 5, TimeUnit.SECONDS)) {
                workers.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    List<String> stuckSteps() {
        return new ArrayList<>(stuck);
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
