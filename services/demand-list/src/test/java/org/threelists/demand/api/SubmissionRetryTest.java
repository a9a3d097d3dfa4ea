package org.threelists.demand.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.agroal.api.configuration.AgroalConnectionPoolConfiguration;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.threelists.testing.RealInfrastructure;
import org.threelists.testing.fuzz.RowCounts;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.threelists.demand.Fixtures.DIANQIAN_DESK;
import static org.threelists.demand.Fixtures.JIAFU_WORKER;
import static org.threelists.demand.Fixtures.as;
import static org.threelists.demand.Fixtures.legalAdviceDemand;
import static org.threelists.demand.Fixtures.with;

/**
 * A submission the service could not finish changes nothing and says so (503 with Retry-After), and a client that
 * retries with its Idempotency-Key gets one demand however often it asks (services/demand-list/README.md, "Retrying a
 * submission"). Overload is reproduced as it happened under load: every pooled connection taken, so the request's
 * first statement waits out the pool's acquisition time-out (shortened here, so the test waits milliseconds).
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class SubmissionRetryTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void a_submission_without_a_pooled_connection_answers_503_and_leaves_nothing_behind() throws Exception {
        String body = json(legalAdviceDemand());
        String key = UUID.randomUUID().toString();
        Map<String, Long> before = rows();

        withEveryConnectionTaken(() -> as(JIAFU_WORKER).header("Idempotency-Key", key).body(body).post("/demands")
                .then().statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", equalTo("2"))
                .header("Location", nullValue())
                .body("type", equalTo("https://threelists.dev/problems/service-unavailable"))
                .body("retryAfter", equalTo(2))
                .body("detail", containsString("nothing was changed")));

        assertThat(rows()).isEqualTo(before);
        // the retry after the 503 submits: the failed attempt kept no key
        String id = as(JIAFU_WORKER).header("Idempotency-Key", key).body(body).post("/demands")
                .then().statusCode(201).header("Idempotent-Replayed", nullValue())
                .extract().path("demandId");
        assertThat(rowsOf(id)).containsExactly(1L, 1L, 1L, 1L);
    }

    @Test
    void a_retry_with_the_same_key_answers_the_first_demand_and_submits_nothing() throws Exception {
        String body = json(legalAdviceDemand());
        String key = "\"" + UUID.randomUUID() + "\"";
        String first = as(JIAFU_WORKER).header("Idempotency-Key", key).body(body).post("/demands")
                .then().statusCode(201).header("Idempotent-Replayed", nullValue())
                .extract().path("demandId");
        Map<String, Long> after = rows();

        as(JIAFU_WORKER).header("Idempotency-Key", key).body(body).post("/demands")
                .then().statusCode(201)
                .header("Idempotent-Replayed", equalTo("true"))
                .header("Location", endsWith("/demands/" + first))
                .body("demandId", equalTo(first))
                .body("status", equalTo("SUBMITTED"))
                .body("resident.name", equalTo("陈阿姨"));

        assertThat(rows()).isEqualTo(after);
        assertThat(rowsOf(first)).containsExactly(1L, 1L, 1L, 1L);
    }

    @Test
    void attempts_in_flight_at_once_with_the_same_key_make_one_demand() throws Exception {
        String body = json(legalAdviceDemand());
        String key = UUID.randomUUID().toString();
        Map<String, Long> before = rows();
        ExecutorService clients = Executors.newFixedThreadPool(4);
        try {
            List<Future<ExtractableResponse<Response>>> attempts = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                attempts.add(clients.submit(() -> as(JIAFU_WORKER).header("Idempotency-Key", key).body(body)
                        .post("/demands").then().extract()));
            }
            List<ExtractableResponse<Response>> answers = new ArrayList<>();
            for (Future<ExtractableResponse<Response>> attempt : attempts) {
                answers.add(attempt.get(60, TimeUnit.SECONDS));
            }
            assertThat(answers).extracting(ExtractableResponse::statusCode).containsOnly(201);
            assertThat(answers).extracting(answer -> answer.<String>path("demandId")).containsOnly(
                    answers.get(0).<String>path("demandId"));
            assertThat(answers).filteredOn(answer -> answer.header("Idempotent-Replayed") == null).hasSize(1);
            assertThat(rowsOf(answers.get(0).path("demandId"))).containsExactly(1L, 1L, 1L, 1L);
            assertThat(rows().get("demand_view")).isEqualTo(before.get("demand_view") + 1);
        } finally {
            clients.shutdownNow();
        }
    }

    @Test
    void the_same_key_with_another_body_is_refused_and_another_caller_s_key_is_its_own() throws Exception {
        String key = UUID.randomUUID().toString();
        String first = as(JIAFU_WORKER).header("Idempotency-Key", key).body(json(legalAdviceDemand())).post("/demands")
                .then().statusCode(201).extract().path("demandId");
        Map<String, Long> after = rows();

        as(JIAFU_WORKER).header("Idempotency-Key", key).body(json(with(legalAdviceDemand(), "beneficiaries", 3)))
                .post("/demands").then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field[0]", equalTo("Idempotency-Key"));
        as(JIAFU_WORKER).header("Idempotency-Key", "has space").body(json(legalAdviceDemand())).post("/demands")
                .then().statusCode(400).body("violations.field[0]", equalTo("Idempotency-Key"));
        assertThat(rows()).isEqualTo(after);

        String desks = as(DIANQIAN_DESK).header("Idempotency-Key", key).body(json(legalAdviceDemand())).post("/demands")
                .then().statusCode(201).header("Idempotent-Replayed", nullValue()).extract().path("demandId");
        assertThat(desks).isNotEqualTo(first);
    }

    /**
     * Leaves the request no connection, whatever the service's own threads (the relay, the store's reader, the
     * deadline poller) hold or give back meanwhile: two connections held here keep the pool above a maximum of one,
     * so the pool opens no new connection and closes each one given back instead of lending it again (Agroal
     * flushes a returned connection while the pool is over its maximum); then every idle connection is taken too.
     * The request's first statement then waits out the (shortened) acquisition time-out, as it did under load.
     */
    private void withEveryConnectionTaken(Runnable request) throws SQLException {
        AgroalConnectionPoolConfiguration pool = dataSource.getConfiguration().connectionPoolConfiguration();
        Duration acquisitionTimeout = pool.acquisitionTimeout();
        int maxSize = pool.maxSize();
        List<Connection> taken = new ArrayList<>();
        try {
            taken.add(dataSource.getConnection());
            taken.add(dataSource.getConnection());
            pool.setMaxSize(1);
            pool.setAcquisitionTimeout(Duration.ofMillis(200));
            try {
                while (taken.size() < maxSize) {
                    taken.add(dataSource.getConnection());
                }
            } catch (SQLException idleOnesAllTaken) {
                // the rest are the service's own, and go away when given back
            }
            request.run();
        } finally {
            pool.setMaxSize(maxSize);
            pool.setAcquisitionTimeout(acquisitionTimeout);
            for (Connection connection : taken) {
                connection.close();
            }
        }
    }

    /** What a submission writes: events, read-model rows, resident keys, submission keys. */
    private Map<String, Long> rows() {
        return RowCounts.counts(dataSource, Map.of(
                "domain_event_entry", "SELECT count(*) FROM domain_event_entry",
                "demand_view", "SELECT count(*) FROM demand_view",
                "personal_data_key", "SELECT count(*) FROM personal_data_key",
                "submission_key", "SELECT count(*) FROM submission_key"));
    }

    /** One demand's events, row, resident key and submission key. */
    private List<Long> rowsOf(String demandId) throws SQLException {
        return List.of(
                count("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?", demandId),
                count("SELECT count(*) FROM demand_view WHERE demand_id = ?", demandId),
                count("SELECT count(*) FROM personal_data_key WHERE subject_id = 'demand:' || ?", demandId),
                count("SELECT count(*) FROM submission_key WHERE demand_id = ?", demandId));
    }

    private long count(String sql, String demandId) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, demandId);
            try (ResultSet result = query.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }

    /** The bytes a client sends, and sends again when it retries. */
    private static String json(Map<String, Object> body) throws Exception {
        return new ObjectMapper().findAndRegisterModules().writeValueAsString(body);
    }
}
