package org.threelists.ledger.api;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.threelists.devkit.DevTokens;
import org.threelists.ledger.messaging.Topics;
import org.threelists.ledger.projection.entries.EntryPartitions;
import org.threelists.ledger.projection.entries.Generations;
import org.threelists.ledger.projection.entries.RebuildLock;
import org.threelists.ledger.projection.runs.RunStore;
import org.threelists.ledger.service.OtherReplica;
import org.threelists.ledger.service.RebuildRuns;
import org.threelists.platform.json.Json;
import org.threelists.testing.RealInfrastructure;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.threelists.ledger.Fixtures.as;
import static org.threelists.ledger.Fixtures.awaitConsumed;
import static org.threelists.ledger.Fixtures.entriesOf;
import static org.threelists.ledger.Fixtures.deliverConfirmed;
import static org.threelists.ledger.Fixtures.delivered;
import static org.threelists.ledger.Fixtures.sleep;
import static org.threelists.ledger.Fixtures.uuid;
import static org.threelists.ledger.Fixtures.volunteerHours;

/**
 * A rebuild run rebuilds the ledger in the background and tells how far it is (services/ledger/README.md, "Rebuild
 * runs"): its phase, the offsets read of those the topics held, and, when done, the same result as the synchronous
 * rebuild. One rebuild at a time: a second one, in the background or not, is refused while it runs and changes
 * nothing.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class RebuildRunTest {

    static final String OPERATOR = DevTokens.operator("ops-rebuild-runs");
    static final String DESK = DevTokens.desk("desk-wangchenglu", "wangchenglu");
    /** A street whose summaries only this suite sends. */
    static final String SUMMARY_DESK = DevTokens.desk("desk-jiefang", "jiefang");

    @Inject
    AgroalDataSource dataSource;

    @Inject
    OtherReplica.Parts replicas;

    @Test
    void a_run_rebuilds_in_the_background_telling_its_progress_and_gives_the_same_head_and_entries() throws Exception {
        String projectId = deliverOne(3);
        JsonPath before = as(OPERATOR).get("/ledger/verification").then().statusCode(200).extract().jsonPath();
        List<String> entriesBefore = entriesOf(dataSource, before.getInt("generation"));
        assertThat(entriesBefore).anyMatch(row -> row.contains(projectId));
        int runsBefore = as(OPERATOR).get("/ledger/rebuild/runs").then().statusCode(200).extract().jsonPath()
                .getList("$").size();

        JsonPath stalled;
        String id;
        // Holding the generation lock shared (as a live event's application does) keeps the run at its flip, so that
        // it is seen half-way and a second rebuild meets it.
        try (Connection holder = dataSource.getConnection()) {
            lockShared(holder, true);
            try {
                ExtractableResponse<Response> started = as(OPERATOR).post("/ledger/rebuild/runs").then().statusCode(202)
                        .extract();
                id = started.jsonPath().getString("id");
                assertThat(started.header("Location")).endsWith("/ledger/rebuild/runs/" + id);
                assertThat(started.jsonPath().getString("state")).isIn("QUEUED", "RUNNING");
                assertThat(started.jsonPath().getString("startedBy")).isEqualTo("operator:ops-rebuild-runs");

                stalled = awaitRun(id, run -> "FLIP".equals(run.getString("phase")));
                assertThat(stalled.getString("state")).isEqualTo("RUNNING");
                assertThat(stalled.getLong("eventsRead")).isPositive()
                        .isLessThanOrEqualTo(stalled.getLong("eventsToRead"));
                assertThat(stalled.getString("finishedAt")).isNull();
                assertThat((Object) stalled.get("result")).isNull();

                // a second rebuild, in the background or not, is refused and names the run under way
                JsonPath refused = as(OPERATOR).header("Accept-Language", "zh-CN").post("/ledger/rebuild/runs").then()
                        .statusCode(409).extract().jsonPath();
                assertThat(refused.getString("detail")).isEqualTo("台账重建 " + id
                        + "（由 operator:ops-rebuild-runs 发起）正在进行：同一时间只能进行一次重建");
                assertThat(refused.getString("runId")).isEqualTo(id);
                as(OPERATOR).post("/ledger/rebuild").then().statusCode(409).extract().jsonPath();
                // and no monthly summary is sent while it runs
                assertSummaryRefusedDuringRebuild("2026-06");
                JsonPath runs = as(OPERATOR).get("/ledger/rebuild/runs").then().statusCode(200).extract().jsonPath();
                assertThat(runs.getList("$")).hasSize(runsBefore + 1);
                assertThat(runs.getString("[0].id")).isEqualTo(id);
                assertThat(currentGeneration()).isEqualTo(before.getInt("generation"));
            } finally {
                lockShared(holder, false);
            }
        }

        JsonPath done = awaitRun(id, run -> !List.of("QUEUED", "RUNNING").contains(run.getString("state")));
        assertThat(done.getString("state")).as(done.prettify()).isEqualTo("DONE");
        assertThat(done.getString("phase")).isEqualTo("DROPPING_OLD_GENERATION");
        assertThat(done.getLong("eventsRead")).isGreaterThanOrEqualTo(stalled.getLong("eventsRead"))
                .isEqualTo(done.getLong("eventsToRead"));
        assertThat(done.getString("finishedAt")).isNotNull();
        assertThat(done.getInt("result.previousGeneration")).isEqualTo(before.getInt("generation"));
        assertThat(done.getInt("result.generation")).isEqualTo(before.getInt("generation") + 1);
        assertThat(done.getString("result.previousHead")).isEqualTo(before.getString("head"));
        assertThat(done.getString("result.head")).isEqualTo(before.getString("head"));
        assertThat(done.getBoolean("result.sameHead")).isTrue();
        assertThat(done.getLong("result.entries")).isEqualTo(before.getLong("entries"));
        assertThat(done.getLong("result.events")).isPositive().isLessThanOrEqualTo(done.getLong("eventsRead"));

        JsonPath after = as(OPERATOR).get("/ledger/verification").then().statusCode(200).extract().jsonPath();
        assertThat(after.getBoolean("valid")).isTrue();
        assertThat(after.getInt("generation")).isEqualTo(done.getInt("result.generation"));
        assertThat(entriesOf(dataSource, after.getInt("generation"))).isEqualTo(entriesBefore);
        assertThat(as(OPERATOR).get("/ledger/rebuild/runs").then().statusCode(200).extract().jsonPath()
                .getString("[0].state")).isEqualTo("DONE");
        // once it is done, the summary goes
        as(SUMMARY_DESK).body(Map.of("month", "2026-06")).post("/ledger/municipal-summaries").then().statusCode(201);
    }

    /**
     * A rebuild run of another replica holds the rebuild lock (here the test's own session, as that replica's would):
     * this replica refuses a rebuild, in the background or not, and a monthly summary, and changes nothing; once the
     * lock is let go, both go. The lock is the session's, so a replica that dies mid-run lets it go with its connection.
     */
    @Test
    void a_rebuild_on_another_replica_holds_off_a_second_rebuild_and_the_monthly_summary() throws Exception {
        awaitNoRebuildUnderWay();
        int runsBefore = as(OPERATOR).get("/ledger/rebuild/runs").then().statusCode(200).extract().jsonPath()
                .getList("$").size();
        int generation = currentGeneration();
        try (Connection otherReplica = dataSource.getConnection()) {
            rebuildLock(otherReplica, true);
            try {
                JsonPath refused = as(OPERATOR).header("Accept-Language", "zh-CN").post("/ledger/rebuild/runs").then()
                        .statusCode(409).extract().jsonPath();
                assertThat(refused.getString("detail")).isEqualTo("另一个副本正在重建台账：同一时间只能进行一次重建");
                assertThat(refused.getString("state")).isEqualTo("REBUILDING");
                as(OPERATOR).post("/ledger/rebuild").then().statusCode(409)
                        .body("detail", org.hamcrest.Matchers.equalTo(
                                "A rebuild is under way on another replica: one rebuild at a time"));
                assertSummaryRefusedDuringRebuild("2026-07");
                // nothing ran: no run kept, no generation begun
                assertThat(as(OPERATOR).get("/ledger/rebuild/runs").then().statusCode(200).extract().jsonPath()
                        .getList("$")).hasSize(runsBefore);
                assertThat(queryInt("SELECT count(*) FROM ledger_generation WHERE status = 'BUILDING'")).isZero();
                assertThat(currentGeneration()).isEqualTo(generation);
            } finally {
                rebuildLock(otherReplica, false);
            }
        }
        as(SUMMARY_DESK).body(Map.of("month", "2026-07")).post("/ledger/municipal-summaries").then().statusCode(201);
        JsonPath rebuilt = as(OPERATOR).post("/ledger/rebuild").then().statusCode(200).extract().jsonPath();
        assertThat(rebuilt.getInt("generation")).isGreaterThan(generation);
    }

    /**
     * The ledger runs on two replicas or more behind one Service (services/ledger/README.md, "Rebuild runs"): a run
     * started on another replica is followed here, its phase and progress while it runs and its result once done; a
     * rebuild asked here meanwhile is refused naming that run and who started it, as the replica running it would.
     */
    @Test
    void a_run_on_another_replica_is_followed_here_and_named_when_a_rebuild_is_refused_here() throws Exception {
        deliverOne(1);
        awaitNoRebuildUnderWay();
        JsonPath before = as(OPERATOR).get("/ledger/verification").then().statusCode(200).extract().jsonPath();
        try (OtherReplica other = replicas.start()) {
            String id;
            try (Connection holder = dataSource.getConnection()) {
                lockShared(holder, true);
                try {
                    id = other.rebuilds.start("operator:ops-other-replica").id();
                    JsonPath stalled = awaitRun(id, run -> "FLIP".equals(run.getString("phase")));
                    assertThat(stalled.getString("state")).isEqualTo("RUNNING");
                    assertThat(stalled.getString("startedBy")).isEqualTo("operator:ops-other-replica");
                    assertThat(stalled.getLong("eventsRead")).isPositive()
                            .isLessThanOrEqualTo(stalled.getLong("eventsToRead"));
                    assertThat(as(OPERATOR).get("/ledger/rebuild/runs").then().statusCode(200).extract().jsonPath()
                            .getString("[0].id")).isEqualTo(id);

                    JsonPath refused = as(OPERATOR).header("Accept-Language", "zh-CN").post("/ledger/rebuild/runs")
                            .then().statusCode(409).extract().jsonPath();
                    assertThat(refused.getString("detail")).isEqualTo("台账重建 " + id
                            + "（由 operator:ops-other-replica 发起）正在进行：同一时间只能进行一次重建");
                    assertThat(refused.getString("runId")).isEqualTo(id);
                    assertThat(refused.getString("startedBy")).isEqualTo("operator:ops-other-replica");
                    as(OPERATOR).post("/ledger/rebuild").then().statusCode(409)
                            .body("runId", org.hamcrest.Matchers.equalTo(id));
                } finally {
                    lockShared(holder, false);
                }
            }
            JsonPath done = awaitRun(id, run -> !List.of("QUEUED", "RUNNING").contains(run.getString("state")));
            assertThat(done.getString("state")).as(done.prettify()).isEqualTo("DONE");
            assertThat(done.getString("phase")).isEqualTo("DROPPING_OLD_GENERATION");
            assertThat(done.getLong("eventsRead")).isEqualTo(done.getLong("eventsToRead"));
            assertThat(done.getString("finishedAt")).isNotNull();
            assertThat(done.getInt("result.previousGeneration")).isEqualTo(before.getInt("generation"));
            assertThat(done.getString("result.head")).isEqualTo(before.getString("head"));
            assertThat(done.getBoolean("result.sameHead")).isTrue();
            RebuildRuns.Run there = other.rebuilds.find(id).orElseThrow();
            assertThat(there.state()).isEqualTo(RebuildRuns.State.DONE);
            assertThat(there.result().generation()).isEqualTo(done.getInt("result.generation"));
            // the result as stored and read back, to the last bit of its speed
            String answered = as(OPERATOR).get("/ledger/rebuild/runs/" + id).then().statusCode(200).extract().asString();
            assertThat(there.result().eventsPerSecond()).isEqualTo(Json.mapper().readTree(answered)
                    .at("/result/eventsPerSecond").doubleValue());
        }
    }

    /**
     * A replica that dies mid-rebuild leaves its run RUNNING in the table and lets the rebuild lock go with its session
     * (services/ledger/README.md, "Rebuild runs"): once its heartbeat is stale every replica answers it FAILED, "the
     * replica running it stopped"; and the next rebuild admitted, holding the lock that tells for sure no other
     * replica runs one, marks every run still shown queued or running FAILED, however fresh its heartbeat.
     */
    @Test
    void a_run_whose_replica_stopped_is_answered_failed_and_the_next_rebuild_marks_it_so() throws Exception {
        awaitNoRebuildUnderWay();
        String stale = uuid();
        String fresh = uuid();
        try {
            execute("INSERT INTO ledger_run (run_id, kind, state, phase, done, total, started_by, started_at, "
                    + "heartbeat_at) VALUES ('" + stale + "', 'REBUILD', 'RUNNING', 'READING_TOPICS', 10, 100, "
                    + "'operator:gone', now() - interval '2 hours', now() - interval '1 hour')");
            execute("INSERT INTO ledger_run (run_id, kind, state, phase, done, total, started_by) VALUES ('" + fresh
                    + "', 'REBUILD', 'RUNNING', 'READING_TOPICS', 20, 100, 'operator:just-gone')");

            JsonPath dead = as(OPERATOR).get("/ledger/rebuild/runs/" + stale).then().statusCode(200).extract()
                    .jsonPath();
            assertThat(dead.getString("state")).isEqualTo("FAILED");
            assertThat(dead.getString("failure")).isEqualTo(RunStore.STOPPED);
            assertThat(dead.getString("phase")).isEqualTo("READING_TOPICS");
            assertThat(dead.getLong("eventsRead")).isEqualTo(10);
            assertThat(Instant.parse(dead.getString("finishedAt"))).isBefore(Instant.now().minusSeconds(3000));
            assertThat(as(OPERATOR).get("/ledger/rebuild/runs/" + fresh).then().statusCode(200).extract().jsonPath()
                    .getString("state")).isEqualTo("RUNNING");

            // nobody holds the lock: the rebuild goes, and the runs it finds live are a stopped replica's
            as(OPERATOR).post("/ledger/rebuild").then().statusCode(200);
            JsonPath marked = as(OPERATOR).get("/ledger/rebuild/runs/" + fresh).then().statusCode(200).extract()
                    .jsonPath();
            assertThat(marked.getString("state")).isEqualTo("FAILED");
            assertThat(marked.getString("failure")).isEqualTo(RunStore.STOPPED);
            assertThat(queryStrings("SELECT state FROM ledger_run WHERE run_id IN ('" + stale + "', '" + fresh
                    + "')")).containsOnly("FAILED");
        } finally {
            execute("DELETE FROM ledger_run WHERE run_id IN ('" + stale + "', '" + fresh + "')");
        }
    }

    /** A summary asked while a rebuild is under way: 409, in Chinese too, and nothing sent. */
    private static void assertSummaryRefusedDuringRebuild(String month) {
        JsonPath refused = as(SUMMARY_DESK).header("Accept-Language", "zh-CN").body(Map.of("month", month))
                .post("/ledger/municipal-summaries").then().statusCode(409).extract().jsonPath();
        assertThat(refused.getString("detail")).isEqualTo("台账正在重建：" + month + " 的月度汇总可在重建完成后报送");
        assertThat(refused.getString("state")).isEqualTo("REBUILDING");
        assertThat(as(SUMMARY_DESK).get("/ledger/municipal-summaries").then().statusCode(200).extract().jsonPath()
                .getList("month", String.class)).doesNotContain(month);
    }

    @Test
    void a_synchronous_rebuild_is_a_run_too_and_the_run_is_the_operators_alone() {
        JsonPath rebuilt = as(OPERATOR).post("/ledger/rebuild").then().statusCode(200).extract().jsonPath();
        JsonPath latest = as(OPERATOR).get("/ledger/rebuild/runs").then().statusCode(200).extract().jsonPath();
        String id = latest.getString("[0].id");
        assertThat(latest.getString("[0].state")).isEqualTo("DONE");
        assertThat(latest.getInt("[0].result.generation")).isEqualTo(rebuilt.getInt("generation"));
        as(DESK).get("/ledger/rebuild/runs/" + id).then().statusCode(403);
        as(DESK).post("/ledger/rebuild/runs").then().statusCode(403);
        as(OPERATOR).get("/ledger/rebuild/runs/" + uuid()).then().statusCode(404);
    }

    /**
     * The rebuild's completion (services/ledger/README.md, "Exactly once and rebuild": the new generation's indexes and
     * roll-ups on two connections side by side) fails on one of them with a real failed statement: a relation already
     * holds the name of one of the new partition's indexes, so its {@code CREATE INDEX} fails on whichever connection
     * takes it. What {@link org.threelists.ledger.service.BulkCompletion} promises then: the index builds of both
     * connections roll back (the partition keeps only the index its batches read through) and so does the count of
     * the span rows' volunteers, while the roll-up's two shares, committed before the builds, stay uncounted in the
     * generation; the generation is abandoned with its entries, the current one goes on serving and recording
     * deliveries, and the next rebuild drops the abandoned one, rows and roll-ups.
     */
    @Test
    void a_rebuild_whose_completion_fails_on_one_connection_keeps_none_of_its_indexes_and_the_current_generation_serving()
            throws Exception {
        deliverOne(2);
        awaitNoRebuildUnderWay();
        JsonPath before = as(OPERATOR).get("/ledger/verification").then().statusCode(200).extract().jsonPath();
        int next = queryInt("SELECT max(generation) + 1 FROM ledger_generation");
        String partition = EntryPartitions.table(next);
        String blocker = partition + "_delivery";
        execute("CREATE TABLE " + blocker + " (id integer)");
        try {
            String id = as(OPERATOR).post("/ledger/rebuild/runs").then().statusCode(202).extract().jsonPath()
                    .getString("id");
            JsonPath failed = awaitRun(id, run -> !List.of("QUEUED", "RUNNING").contains(run.getString("state")));
            assertThat(failed.getString("state")).as(failed.prettify()).isEqualTo("FAILED");
            assertThat(failed.getString("failure")).isEqualTo("Cannot index and roll up generation " + next);
            assertThat(queryInt("SELECT count(*) FROM ledger_generation WHERE generation = " + next
                    + " AND status = 'ABANDONED'")).isEqualTo(1);
            // the batches had written the entries; neither connection's index builds stayed
            assertThat(queryInt("SELECT count(*) FROM " + partition)).isEqualTo(before.getInt("entries"));
            assertThat(queryStrings("SELECT indexname FROM pg_indexes WHERE tablename = '" + partition + "'"))
                    .containsExactly(partition + "_project");
            // the shares' rows, committed before the builds, stay; the count made with the builds did not
            assertThat(rollUpRows(next)).allSatisfy((table, rows) -> assertThat(rows).as(table).isPositive());
            assertThat(queryInt("SELECT count(*) FROM ledger_rollup_span WHERE generation = " + next
                    + " AND volunteers <> 0")).isZero();

            assertThat(currentGeneration()).isEqualTo(before.getInt("generation"));
            JsonPath still = as(OPERATOR).get("/ledger/verification").then().statusCode(200).extract().jsonPath();
            assertThat(still.getBoolean("valid")).isTrue();
            assertThat(still.getString("head")).isEqualTo(before.getString("head"));
            String later = deliverOne(1);
            assertThat(entriesOf(dataSource, before.getInt("generation"))).anyMatch(row -> row.contains(later));
        } finally {
            execute("DROP TABLE " + blocker);
        }

        JsonPath rebuilt = as(OPERATOR).post("/ledger/rebuild").then().statusCode(200).extract().jsonPath();
        assertThat(rebuilt.getBoolean("sameHead")).isTrue();
        assertThat(rebuilt.getList("droppedGenerations", Integer.class)).contains(next);
        assertThat(queryInt("SELECT count(*) FROM pg_class WHERE relname = '" + partition + "'")).isZero();
        assertThat(rollUpRows(next)).allSatisfy((table, rows) -> assertThat(rows).as(table).isZero());
    }

    /**
     * Once the flip committed, the new generation is current whatever follows (services/ledger/README.md, "Rebuild
     * runs"). Here the old generation's rows cannot be dropped, with a real failed statement: a trigger refuses to
     * delete its chains' heads, so both the partition's drop and the rows' deletion fail. The run is DONE, not FAILED:
     * the new generation serves and is verified, the result says what was not done and why, the old rows stay, and the
     * next rebuild drops them.
     */
    @Test
    void a_failure_after_the_flip_leaves_the_run_done_the_new_generation_current_and_says_what_was_not_done()
            throws Exception {
        deliverOne(2);
        awaitNoRebuildUnderWay();
        int previous = currentGeneration();
        execute("CREATE FUNCTION keep_heads_of_the_test() RETURNS trigger LANGUAGE plpgsql AS "
                + "$$ BEGIN RAISE EXCEPTION 'the heads of generation % are kept', OLD.generation; END $$");
        execute("CREATE TRIGGER keep_heads_of_the_test BEFORE DELETE ON chain_head FOR EACH ROW WHEN (OLD.generation = "
                + previous + ") EXECUTE FUNCTION keep_heads_of_the_test()");
        int next;
        try {
            String id = as(OPERATOR).post("/ledger/rebuild/runs").then().statusCode(202).extract().jsonPath()
                    .getString("id");
            JsonPath done = awaitRun(id, run -> !List.of("QUEUED", "RUNNING").contains(run.getString("state")));
            assertThat(done.getString("state")).as(done.prettify()).isEqualTo("DONE");
            assertThat(done.getString("failure")).isNull();
            next = done.getInt("result.generation");
            assertThat(next).isGreaterThan(previous);
            assertThat(currentGeneration()).isEqualTo(next);
            assertThat(done.getBoolean("result.sameHead")).isTrue();
            assertThat(done.getList("result.droppedGenerations", Integer.class)).isEmpty();
            assertThat(done.getString("result.followUpFailure"))
                    .isEqualTo("Generation " + next + " is current and verified, but dropping the old generation's rows "
                            + "failed (ERROR: the heads of generation " + previous + " are kept): the next rebuild drops them");
            assertThat(queryInt("SELECT count(*) FROM chain_head WHERE generation = " + previous)).isPositive();
            JsonPath verified = as(OPERATOR).get("/ledger/verification").then().statusCode(200).extract().jsonPath();
            assertThat(verified.getInt("generation")).isEqualTo(next);
            assertThat(verified.getBoolean("valid")).isTrue();
            assertThat(verified.getString("head")).isEqualTo(done.getString("result.head"));
        } finally {
            execute("DROP TRIGGER keep_heads_of_the_test ON chain_head");
            execute("DROP FUNCTION keep_heads_of_the_test()");
        }

        JsonPath rebuilt = as(OPERATOR).post("/ledger/rebuild").then().statusCode(200).extract().jsonPath();
        assertThat(rebuilt.getString("followUpFailure")).isNull();
        assertThat(rebuilt.getList("droppedGenerations", Integer.class)).contains(previous, next);
        assertThat(queryInt("SELECT count(*) FROM chain_head WHERE generation = " + previous)).isZero();
    }

    /** The rows of each roll-up table in {@code generation}. */
    private Map<String, Integer> rollUpRows(int generation) throws SQLException {
        Map<String, Integer> rows = new LinkedHashMap<>();
        for (String table : List.of("ledger_rollup", "ledger_participation", "ledger_rollup_span",
                "ledger_rollup_span_volunteer")) {
            rows.put(table, queryInt("SELECT count(*) FROM " + table + " WHERE generation = " + generation));
        }
        return rows;
    }

    private void execute(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.execute();
        }
    }

    private int queryInt(String sql) throws SQLException {
        return Integer.parseInt(queryStrings(sql).get(0));
    }

    private List<String> queryStrings(String sql) throws SQLException {
        List<String> found = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement q = c.prepareStatement(sql);
                ResultSet rs = q.executeQuery()) {
            while (rs.next()) {
                found.add(rs.getString(1));
            }
        }
        return found;
    }

    /** Waits until no rebuild is queued or running (the next suite may rebuild too: one at a time). */
    static void awaitNoRebuildUnderWay() {
        Instant deadline = Instant.now().plusSeconds(120);
        while (as(OPERATOR).get("/ledger/rebuild/runs").then().statusCode(200).extract().jsonPath()
                .getList("state", String.class).stream().anyMatch(s -> s.equals("QUEUED") || s.equals("RUNNING"))) {
            assertThat(Instant.now()).as("a rebuild still under way after 120 s").isBefore(deadline);
            sleep(200);
        }
    }

    private static JsonPath awaitRun(String id, Predicate<JsonPath> until) {
        Instant deadline = Instant.now().plusSeconds(120);
        JsonPath run;
        do {
            run = as(OPERATOR).get("/ledger/rebuild/runs/" + id).then().statusCode(200).extract().jsonPath();
            assertThat(run.getLong("eventsRead")).isLessThanOrEqualTo(run.getLong("eventsToRead"));
            if (until.test(run)) {
                return run;
            }
            sleep(100);
        } while (Instant.now().isBefore(deadline));
        throw new AssertionError("run " + id + " not there within 120 s: " + run.prettify());
    }

    private static void lockShared(Connection c, boolean take) throws SQLException {
        try (PreparedStatement lock = c.prepareStatement(take ? "SELECT pg_advisory_lock_shared(?)"
                : "SELECT pg_advisory_unlock_shared(?)")) {
            lock.setLong(1, Generations.GENERATION_LOCK);
            lock.execute();
        }
    }

    private static void rebuildLock(Connection c, boolean take) throws SQLException {
        try (PreparedStatement lock = c.prepareStatement(take ? "SELECT pg_advisory_lock(?)"
                : "SELECT pg_advisory_unlock(?)")) {
            lock.setLong(1, RebuildLock.REBUILD_LOCK);
            lock.execute();
        }
    }

    private int currentGeneration() {
        return QuarkusTransaction.requiringNew().call(() -> {
            try (Connection c = dataSource.getConnection()) {
                return Generations.current(c);
            }
        });
    }


    private static String deliverOne(int volunteers) {
        String projectId = uuid();
        List<Map<String, Object>> served = new ArrayList<>();
        for (int i = 0; i < volunteers; i++) {
            served.add(volunteerHours(uuid(), "unit-wangchenglu-rebuild", 2));
        }
        deliverConfirmed(delivered(projectId, "wangchenglu", "tongyuan", "HEALTH", LocalDate.of(2026, 11, 21), 4, served,
                List.of()));
        awaitConsumed("ledger.project-list", Topics.PROJECT_EVENTS);
        return projectId;
    }
}
