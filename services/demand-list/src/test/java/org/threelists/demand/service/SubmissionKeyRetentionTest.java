package org.threelists.demand.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.threelists.testing.RealInfrastructure;
import org.threelists.testing.fuzz.RowCounts;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.threelists.demand.Fixtures.JIAFU_WORKER;
import static org.threelists.demand.Fixtures.as;
import static org.threelists.demand.Fixtures.legalAdviceDemand;

/**
 * Submission keys are kept for the retention (seven days; services/demand-list/README.md, "Retrying a submission") and
 * then swept, a batch at a time (two in the tests, so a sweep takes several batches), without waiting for anyone
 * else's transaction. Keys are aged by moving their {@code created_at} back, not by waiting.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class SubmissionKeyRetentionTest {

    private static final String BODY = json();

    @Inject
    AgroalDataSource dataSource;

    @Inject
    SubmissionKeyRetention retention;

    @Test
    void keys_older_than_the_retention_go_and_a_retry_within_it_still_replays() throws SQLException {
        List<String> expired = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            expired.add(UUID.randomUUID().toString());
            submit(expired.get(i));
        }
        String lastDay = UUID.randomUUID().toString();
        String lastDaysDemand = submit(lastDay);
        String fresh = UUID.randomUUID().toString();
        String freshDemand = submit(fresh);
        age(expired, "7 days 1 minute");
        age(List.of(lastDay), "6 days 23 hours");

        assertThat(retention.sweep()).isGreaterThanOrEqualTo(expired.size());

        assertThat(keysAmong(expired)).isEmpty();
        assertThat(keysAmong(List.of(lastDay, fresh))).containsExactlyInAnyOrder(lastDay, fresh);
        assertThat(count("SELECT count(*) FROM submission_key WHERE created_at < now() - interval '7 days'")).isZero();
        // within the window a retry still answers the first attempt's demand
        retry(lastDay, lastDaysDemand);
        retry(fresh, freshDemand);
        // a key past it names nothing any more: the same request is a new submission
        String again = as(JIAFU_WORKER).header("Idempotency-Key", expired.get(0)).body(BODY).post("/demands")
                .then().statusCode(201).header("Idempotent-Replayed", nullValue()).extract().path("demandId");
        assertThat(keysAmong(List.of(expired.get(0)))).containsExactly(expired.get(0));
        assertThat(count("SELECT count(*) FROM demand_view WHERE demand_id = '" + again + "'")).isEqualTo(1);
    }

    @Test
    void the_sweep_passes_over_a_key_another_transaction_holds_instead_of_waiting_for_it() throws Exception {
        String held = UUID.randomUUID().toString();
        String other = UUID.randomUUID().toString();
        submit(held);
        submit(other);
        age(List.of(held, other), "8 days");

        try (Connection holder = dataSource.getConnection()) {
            holder.setAutoCommit(false);
            try (PreparedStatement lock = holder.prepareStatement(
                    "SELECT 1 FROM submission_key WHERE idempotency_key = ? FOR UPDATE")) {
                lock.setString(1, held);
                lock.executeQuery().close();
            }
            // were the sweep to wait for the lock, it would not end before the holder does
            int swept = CompletableFuture.supplyAsync(retention::sweep).get(30, TimeUnit.SECONDS);
            assertThat(swept).isGreaterThanOrEqualTo(1);
            assertThat(keysAmong(List.of(held, other))).containsExactly(held);
            holder.rollback();
        }
        retention.sweep();
        assertThat(keysAmong(List.of(held, other))).isEmpty();
    }

    private static String submit(String key) {
        return as(JIAFU_WORKER).header("Idempotency-Key", key).body(BODY).post("/demands")
                .then().statusCode(201).header("Idempotent-Replayed", nullValue()).extract().path("demandId");
    }

    private static void retry(String key, String demandId) {
        as(JIAFU_WORKER).header("Idempotency-Key", key).body(BODY).post("/demands")
                .then().statusCode(201)
                .header("Idempotent-Replayed", equalTo("true"))
                .header("Location", endsWith("/demands/" + demandId))
                .body("demandId", equalTo(demandId));
    }

    /** Moves the keys' {@code created_at} back by {@code age} (a PostgreSQL interval). */
    private void age(List<String> keys, String age) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement update = connection.prepareStatement("UPDATE submission_key SET created_at = now() - "
                     + "?::interval WHERE idempotency_key = ANY (?)")) {
            update.setString(1, age);
            update.setArray(2, connection.createArrayOf("varchar", keys.toArray()));
            assertThat(update.executeUpdate()).isEqualTo(keys.size());
        }
    }

    /** Which of the keys are still kept. */
    private List<String> keysAmong(List<String> keys) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT idempotency_key FROM submission_key WHERE idempotency_key = ANY (?)")) {
            select.setArray(1, connection.createArrayOf("varchar", keys.toArray()));
            List<String> kept = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    kept.add(rows.getString(1));
                }
            }
            return kept;
        }
    }

    private long count(String sql) {
        return RowCounts.counts(dataSource, Map.of("rows", sql)).get("rows");
    }

    /** The bytes a client sends, and sends again when it retries. */
    private static String json() {
        try {
            return new ObjectMapper().findAndRegisterModules().writeValueAsString(legalAdviceDemand());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
