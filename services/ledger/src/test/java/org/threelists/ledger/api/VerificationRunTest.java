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
import org.threelists.ledger.projection.verification.ChainVerification;
import org.threelists.testing.RealInfrastructure;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

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

    @Inject
    AgroalDataSource dataSource;

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
