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
import org.threelists.ledger.projection.runs.RunStore;
import org.threelists.ledger.projection.verification.ChainVerification;
import org.threelists.ledger.service.OtherReplica;
import org.threelists.ledger.service.VerificationRuns;
import org.threelists.testing.RealInfrastructure;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.threelists.ledger.Fixtures.as;
import static org.threelists.ledger.Fixtures.awaitConsumed;
import static org.threelists.ledger.Fixtures.deliverConfirmed;
import static org.threelists.ledger.Fixtures.delivered;
import static org.threelists.ledger.Fixtures.sleep;
import static org.threelists.ledger.Fixtures.uuid;
import static org.threelists.ledger.Fixtures.volunteerHours;

/**
 * A verification run walks the chains in the background (services/ledger/README.md, "Entries and the hash chains"):
 * it tells the entries checked of the total while it runs and, when done, gives what GET /ledger/verification gives,
 * the first broken link named.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class VerificationRunTest {

    static final String OPERATOR = DevTokens.operator("ops-runs");
    static final String DESK = DevTokens.desk("desk-wangchenglu", "wangchenglu");
    static final String OTHER_DESK = DevTokens.desk("desk-qingshan", "qingshan");
    static final String AUDITOR = DevTokens.auditor("auditor-wangchenglu", "wangchenglu");

    @Inject
    AgroalDataSource dataSource;

    @Inject
    OtherReplica.Parts replicas;

    @Inject
    ChainVerification verification;

    @Test
    void a_delivery_recorded_while_the_chains_are_walked_is_walked_on_to_its_head_not_reported_as_removed() {
        deliverOne(2);
        long before = verification.entriesToCheck();
        boolean[] appended = {false};
        // once every entry there was at the start is checked, a delivery is recorded: the chain it lands on has been
        // walked already, and its head, read after the walks, is past where the walk ended
        ChainVerification.Result result = verification.verify(checked -> {
            if (!appended[0] && checked >= before) {
                appended[0] = true;
                deliverOne(2);
            }
        });

        assertThat(appended[0]).as("a delivery recorded during the walk").isTrue();
        assertThat(result.firstBroken()).as("the first broken link").isNull();
        assertThat(result.valid()).isTrue();
        assertThat(result.entries()).as("the entries checked, the new delivery's among them").isGreaterThan(before);
        assertThat(result.entries()).isEqualTo(verification.entriesToCheck());
    }

    @Test
    void a_run_of_the_whole_ledger_counts_every_entry_and_answers_as_the_synchronous_walk() {
        deliverOne(4);
        JsonPath walked = as(OPERATOR).get("/ledger/verification").then().statusCode(200).extract().jsonPath();

        ExtractableResponse<Response> started = as(OPERATOR).post("/ledger/verification/runs").then().statusCode(202)
                .extract();
        String id = started.jsonPath().getString("id");
        assertThat(started.header("Location")).endsWith("/ledger/verification/runs/" + id);
        assertThat(started.jsonPath().getLong("total")).isEqualTo(walked.getLong("entries"));
        JsonPath run = awaitDone(OPERATOR, id);

        assertThat(run.getString("street")).isNull();
        assertThat(run.getLong("checked")).isEqualTo(run.getLong("total")).isEqualTo(walked.getLong("entries"));
        assertThat(run.getBoolean("result.valid")).isTrue();
        assertThat(run.getString("result.head")).isEqualTo(walked.getString("head"));
        assertThat(run.getLong("result.entries")).isEqualTo(walked.getLong("entries"));
    }

    @Test
    void a_desk_run_verifies_its_street_names_the_altered_entry_and_is_hidden_from_other_streets() {
        String projectId = deliverOne(2);
        String entryId = as(DESK).queryParam("project", projectId).queryParam("kind", "HOURS").get("/ledger/entries")
                .then().statusCode(200).extract().jsonPath().getString("items[0].entryId");
        execute("UPDATE ledger_entry SET hours = 9 WHERE entry_id = '" + entryId + "'");
        try {
            String id = as(DESK).post("/ledger/verification/runs").then().statusCode(202).extract().jsonPath().getString("id");
            as(OTHER_DESK).get("/ledger/verification/runs/" + id).then().statusCode(404);
            JsonPath run = awaitDone(DESK, id);
            assertThat(run.getString("street")).isEqualTo("wangchenglu");
            assertThat(run.getLong("checked")).isEqualTo(run.getLong("total")).isGreaterThanOrEqualTo(3);
            assertThat(run.getBoolean("result.valid")).isFalse();
            assertThat(run.getString("result.firstBroken.id")).isEqualTo(entryId);
            assertThat(run.getString("result.firstBroken.reason")).contains("altered");
        } finally {
            execute("UPDATE ledger_entry SET hours = 3 WHERE entry_id = '" + entryId + "'");
        }
        as(DESK).get("/ledger/verification/runs/" + uuid()).then().statusCode(404);
    }

    /**
     * The ledger runs on two replicas or more behind one Service, and a client's polls land on any of them
     * (services/ledger/README.md, "Verification runs"): a run started on another replica is answered here, its progress
     * while it runs and its result once done, as that replica answers it.
     */
    @Test
    void a_run_started_on_another_replica_is_answered_here_with_its_progress_and_its_result() throws Exception {
        deliverOne(2);
        JsonPath walked = as(OPERATOR).get("/ledger/verification").then().statusCode(200).extract().jsonPath();
        try (OtherReplica other = replicas.start()) {
            String id;
            try (Connection corrections = holdCorrections()) {
                id = other.verifications.start(null, "operator:ops-other-replica").id();
                // every entry is checked; the walk waits for the corrections
                JsonPath running = awaitRun(OPERATOR, id, run -> run.getLong("checked") == run.getLong("total")
                        && run.getString("state").equals("RUNNING"));
                assertThat(running.getLong("total")).isEqualTo(walked.getLong("entries"));
                assertThat(running.getString("street")).isNull();
                assertThat(running.getString("finishedAt")).isNull();
                assertThat((Object) running.get("result")).isNull();
                corrections.rollback();
            }
            JsonPath done = awaitDone(OPERATOR, id);
            assertThat(done.getLong("checked")).isEqualTo(done.getLong("total")).isEqualTo(walked.getLong("entries"));
            assertThat(done.getBoolean("result.valid")).isTrue();
            assertThat(done.getString("result.head")).isEqualTo(walked.getString("head"));
            assertThat(done.getString("finishedAt")).isNotNull();
            assertThat(done.getString("failure")).isNull();
            // and the other replica, which ran it, answers the same
            VerificationRuns.Run there = other.verifications.find(id, null).orElseThrow();
            assertThat(there.state()).isEqualTo(VerificationRuns.State.DONE);
            assertThat(there.checked()).isEqualTo(done.getLong("checked"));
            assertThat(there.result().head()).isEqualTo(done.getString("result.head"));
            assertThat(there.result().chains()).hasSize(done.getList("result.chains").size());
        }
    }

    /**
     * One walk waits per scope, across the replicas (services/ledger/README.md, "Verification runs"): asked again while
     * it waits, here or on another replica, the walk that waits is the answer, so that no desk or auditor queues walk
     * after walk ahead of the operator's. A street is a scope of its own, shared by its desk and its auditor.
     */
    @Test
    void one_walk_waits_per_scope_and_a_walk_asked_while_it_waits_is_answered_with_it() throws Exception {
        deliverOne(1);
        String first;
        String waiting;
        String street;
        try (OtherReplica other = replicas.start()) {
            try (Connection corrections = holdCorrections()) {
                first = as(OPERATOR).post("/ledger/verification/runs").then().statusCode(202).extract().jsonPath()
                        .getString("id");
                awaitRun(OPERATOR, first, run -> run.getString("state").equals("RUNNING"));
                waiting = as(OPERATOR).post("/ledger/verification/runs").then().statusCode(202)
                        .body("state", org.hamcrest.Matchers.equalTo("QUEUED")).extract().jsonPath().getString("id");
                assertThat(waiting).isNotEqualTo(first);

                ExtractableResponse<Response> again = as(OPERATOR).post("/ledger/verification/runs").then()
                        .statusCode(202).extract();
                assertThat(again.jsonPath().getString("id")).isEqualTo(waiting);
                assertThat(again.header("Location")).endsWith("/ledger/verification/runs/" + waiting);
                assertThat(other.verifications.start(null, "operator:ops-other-replica").id()).isEqualTo(waiting);

                street = as(DESK).post("/ledger/verification/runs").then().statusCode(202).extract().jsonPath()
                        .getString("id");
                assertThat(street).isNotIn(first, waiting);
                assertThat(as(AUDITOR).post("/ledger/verification/runs").then().statusCode(202).extract().jsonPath()
                        .getString("id")).isEqualTo(street);
                assertThat(queryLong("SELECT count(*) FROM ledger_run WHERE kind = 'VERIFICATION' AND state = "
                        + "'QUEUED'")).isEqualTo(2);
                corrections.rollback();
            }
        }
        for (String id : List.of(first, waiting)) {
            assertThat(awaitDone(OPERATOR, id).getBoolean("result.valid")).isTrue();
        }
        assertThat(awaitDone(AUDITOR, street).getString("street")).isEqualTo("wangchenglu");
    }

    /**
     * A replica that dies mid-walk leaves its run queued or running in the table (services/ledger/README.md,
     * "Verification runs"): once its heartbeat is older than threelists.ledger.runs.stale-after, every replica answers
     * it FAILED, "the replica running it stopped", ended at its last heartbeat; and the next walk of its scope is
     * neither answered with it nor held up by it, and marks it FAILED for good. A run whose heartbeat is fresh is still
     * running.
     */
    @Test
    void a_run_whose_replica_stopped_is_answered_failed_and_does_not_hold_its_scope() throws Exception {
        String queued = uuid();
        String running = uuid();
        String alive = uuid();
        try {
            execute("INSERT INTO ledger_run (run_id, kind, state, street_code, total, started_by, started_at, "
                    + "heartbeat_at) VALUES ('" + queued + "', 'VERIFICATION', 'QUEUED', NULL, 40, 'operator:gone', "
                    + "now() - interval '2 hours', now() - interval '1 hour')");
            execute("INSERT INTO ledger_run (run_id, kind, state, street_code, done, total, started_by, started_at, "
                    + "heartbeat_at) VALUES ('" + running + "', 'VERIFICATION', 'RUNNING', 'wangchenglu', 7, 40, "
                    + "'desk:gone', now() - interval '2 hours', now() - interval '1 hour')");
            execute("INSERT INTO ledger_run (run_id, kind, state, street_code, done, total, started_by) VALUES ('"
                    + alive + "', 'VERIFICATION', 'RUNNING', 'nowhere', 3, 40, 'desk:alive')");

            JsonPath dead = as(DESK).get("/ledger/verification/runs/" + running).then().statusCode(200).extract()
                    .jsonPath();
            assertThat(dead.getString("state")).isEqualTo("FAILED");
            assertThat(dead.getString("failure")).isEqualTo(RunStore.STOPPED);
            assertThat(Instant.parse(dead.getString("finishedAt"))).isBefore(Instant.now().minusSeconds(3000));
            assertThat(dead.getLong("checked")).isEqualTo(7);
            assertThat(as(OPERATOR).get("/ledger/verification/runs/" + queued).then().statusCode(200).extract()
                    .jsonPath().getString("state")).isEqualTo("FAILED");
            assertThat(as(OPERATOR).get("/ledger/verification/runs/" + alive).then().statusCode(200).extract()
                    .jsonPath().getString("state")).isEqualTo("RUNNING");

            String next = as(OPERATOR).post("/ledger/verification/runs").then().statusCode(202).extract().jsonPath()
                    .getString("id");
            assertThat(next).isNotEqualTo(queued);
            assertThat(awaitDone(OPERATOR, next).getBoolean("result.valid")).isTrue();
            assertThat(queryStrings("SELECT state || ' ' || failure FROM ledger_run WHERE run_id IN ('" + queued
                    + "', '" + running + "')")).containsOnly("FAILED " + RunStore.STOPPED);
        } finally {
            execute("DELETE FROM ledger_run WHERE run_id IN ('" + queued + "', '" + running + "', '" + alive + "')");
        }
    }

    /**
     * The table keeps the newest runs that ended, {@code KEPT} of them, and every run queued or running however old
     * (services/ledger/README.md, "Verification runs"): a walk started prunes the older ones that ended.
     */
    @Test
    void the_runs_kept_are_the_newest_that_ended_and_every_one_queued_or_running() throws Exception {
        String waiting = uuid();
        try {
            execute("INSERT INTO ledger_run (run_id, kind, state, street_code, total, started_by, started_at) VALUES ('"
                    + waiting + "', 'VERIFICATION', 'QUEUED', 'prune-street', 1, 'desk:waiting', now() - interval "
                    + "'1 day')");
            // queued a day ago on a replica that still beats for it
            execute("UPDATE ledger_run SET heartbeat_at = now() + interval '1 hour' WHERE run_id = '" + waiting + "'");
            execute("INSERT INTO ledger_run (run_id, kind, state, total, done, started_by, started_at, finished_at) "
                    + "SELECT gen_random_uuid(), 'VERIFICATION', 'DONE', 1, 1, 'operator:old', now() - make_interval("
                    + "mins => i), now() - make_interval(mins => i) FROM generate_series(1, 70) i");

            String id = as(OPERATOR).post("/ledger/verification/runs").then().statusCode(202).extract().jsonPath()
                    .getString("id");
            awaitDone(OPERATOR, id);

            assertThat(queryLong("SELECT count(*) FROM ledger_run WHERE kind = 'VERIFICATION' AND state IN "
                    + "('DONE', 'FAILED')")).isLessThanOrEqualTo(50);
            assertThat(as(OPERATOR).get("/ledger/verification/runs/" + waiting).then().statusCode(200).extract()
                    .jsonPath().getString("state")).isEqualTo("QUEUED");
        } finally {
            execute("DELETE FROM ledger_run WHERE run_id = '" + waiting + "' OR started_by = 'operator:old'");
        }
    }

    private static JsonPath awaitRun(String token, String id, Predicate<JsonPath> until) {
        Instant deadline = Instant.now().plusSeconds(60);
        JsonPath run;
        do {
            run = as(token).get("/ledger/verification/runs/" + id).then().statusCode(200).extract().jsonPath();
            assertThat(run.getLong("checked")).isLessThanOrEqualTo(run.getLong("total"));
            if (until.test(run)) {
                return run;
            }
            assertThat(run.getString("state")).isIn("QUEUED", "RUNNING");
            sleep(100);
        } while (Instant.now().isBefore(deadline));
        throw new AssertionError("run " + id + " not there within 60 s: " + run.prettify());
    }


    /**
     * Holds the corrections (ACCESS EXCLUSIVE) until the connection's transaction ends: a walk checks every entry,
     * then waits to read them, so a run is seen RUNNING with its entries counted and the walker is kept busy.
     */
    private Connection holdCorrections() throws SQLException {
        Connection c = dataSource.getConnection();
        c.setAutoCommit(false);
        try (PreparedStatement lock = c.prepareStatement("LOCK TABLE ledger_correction IN ACCESS EXCLUSIVE MODE")) {
            lock.execute();
        }
        return c;
    }

    private long queryLong(String sql) throws SQLException {
        return Long.parseLong(queryStrings(sql).get(0));
    }

    private List<String> queryStrings(String sql) throws SQLException {
        List<String> found = new java.util.ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement q = c.prepareStatement(sql);
                ResultSet rs = q.executeQuery()) {
            while (rs.next()) {
                found.add(rs.getString(1));
            }
        }
        return found;
    }

    private static JsonPath awaitDone(String token, String id) {
        Instant deadline = Instant.now().plusSeconds(60);
        JsonPath run;
        do {
            run = as(token).get("/ledger/verification/runs/" + id).then().statusCode(200).extract().jsonPath();
            assertThat(run.getLong("checked")).isLessThanOrEqualTo(run.getLong("total"));
            if (run.getString("state").equals("DONE")) {
                return run;
            }
            assertThat(run.getString("state")).isIn("QUEUED", "RUNNING");
            sleep(100);
        } while (Instant.now().isBefore(deadline));
        throw new AssertionError("run " + id + " not done within 60 s: " + run.prettify());
    }

    private static String deliverOne(int volunteers) {
        String projectId = uuid();
        List<java.util.Map<String, Object>> served = new java.util.ArrayList<>();
        for (int i = 0; i < volunteers; i++) {
            served.add(volunteerHours(uuid(), "unit-wangchenglu-runs", 3));
        }
        deliverConfirmed(delivered(projectId, "wangchenglu", "tongyuan", "HEALTH", LocalDate.of(2026, 11, 20), 4, served,
                List.of()));
        awaitConsumed("ledger.project-list", Topics.PROJECT_EVENTS);
        return projectId;
    }

    private void execute(String sql) {
        QuarkusTransaction.requiringNew().run(() -> {
            try (Connection c = dataSource.getConnection(); PreparedStatement q = c.prepareStatement(sql)) {
                q.executeUpdate();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }
}
