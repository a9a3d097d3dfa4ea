package org.threelists.ledger.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.threelists.devkit.DevTokens;
import org.threelists.ledger.domain.HourStatement;
import org.threelists.ledger.messaging.Topics;
import org.threelists.testing.RealInfrastructure;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.threelists.ledger.Fixtures.as;
import static org.threelists.ledger.Fixtures.awaitConsumed;
import static org.threelists.ledger.Fixtures.deliverConfirmed;
import static org.threelists.ledger.Fixtures.delivered;
import static org.threelists.ledger.Fixtures.uuid;
import static org.threelists.ledger.Fixtures.volunteerHours;

/**
 * A statement issued while its hours are corrected: whichever takes the corrections chain's lock first, no VALID
 * statement is left with hours the ledger no longer holds (services/ledger/README.md, "Hour statements"). Each side's
 * transaction is held open at the point where the other would slip in without the lock.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class StatementCorrectionRaceTest {

    static final String DESK = DevTokens.desk("desk-qingshan", "qingshan");
    static final String UNIT = "unit-qingshan-court";
    static final LocalDate FROM = LocalDate.of(2021, 5, 1);
    static final LocalDate TO = LocalDate.of(2021, 5, 31);

    @Inject
    HourStatements statements;
    @Inject
    EntryCorrections corrections;

    final ExecutorService threads = Executors.newFixedThreadPool(2);

    @AfterEach
    void stop() {
        threads.shutdownNow();
    }

    @Test
    void a_statement_issued_while_a_correction_is_under_way_certifies_the_corrected_hours() throws Exception {
        String volunteer = uuid();
        String entryId = hoursEntry(volunteer, 3);
        CountDownLatch corrected = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        Future<?> correction = threads.submit(() -> QuarkusTransaction.requiringNew().run(() -> {
            corrections.correct(corrections.entry(entryId), new BigDecimal("1"), "签到表核对", "desk:desk-qingshan");
            corrected.countDown();
            awaitUninterruptibly(commit);
        }));
        assertThat(corrected.await(20, TimeUnit.SECONDS)).isTrue();

        Future<JsonPath> issue = threads.submit(() -> as(DESK).body(Map.of("volunteerId", volunteer, "from",
                FROM.toString(), "to", TO.toString())).post("/ledger/statements").then().statusCode(201).extract()
                .jsonPath());
        Thread.sleep(1000);
        assertThat(issue).as("the issue waits for the correction under way").isNotDone();
        commit.countDown();
        correction.get(20, TimeUnit.SECONDS);

        JsonPath issued = issue.get(20, TimeUnit.SECONDS);
        assertThat(issued.getString("hours")).isEqualTo("1");
        assertThat(issued.getString("status")).isEqualTo("VALID");
    }

    @Test
    void a_correction_made_while_a_statement_is_issued_outdates_it_once_it_is_committed() throws Exception {
        String volunteer = uuid();
        String entryId = hoursEntry(volunteer, 3);
        CountDownLatch issued = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        Future<HourStatement> issue = threads.submit(() -> QuarkusTransaction.requiringNew().call(() -> {
            HourStatement statement = statements.issue("qingshan", volunteer, FROM, TO, "desk:desk-qingshan");
            issued.countDown();
            awaitUninterruptibly(commit);
            return statement;
        }));
        assertThat(issued.await(20, TimeUnit.SECONDS)).isTrue();

        Future<?> correction = threads.submit(() -> as(DESK).body(Map.of("hours", 1, "reason", "签到表核对"))
                .post("/ledger/entries/" + entryId + "/corrections").then().statusCode(201));
        Thread.sleep(1000);
        assertThat(correction).as("the correction waits for the statement being issued").isNotDone();
        commit.countDown();
        HourStatement statement = issue.get(20, TimeUnit.SECONDS);
        correction.get(20, TimeUnit.SECONDS);

        assertThat(statement.hours()).isEqualByComparingTo("3");
        JsonPath read = as(DESK).get("/ledger/statements/" + statement.number()).then().statusCode(200).extract()
                .jsonPath();
        assertThat(read.getString("status")).isEqualTo("OUTDATED");
        assertThat(read.getString("hoursInForce")).isEqualTo("1");
    }

    /** A confirmed delivery of the volunteer's hours in May 2021; answers its HOURS entry. */
    private static String hoursEntry(String volunteer, double hours) {
        String project = uuid();
        deliverConfirmed(delivered(project, "qingshan", "xihuxincun", "HEALTH", FROM.plusDays(9), 3,
                List.of(volunteerHours(volunteer, UNIT, hours)), List.of()));
        awaitConsumed("ledger.project-list", Topics.PROJECT_EVENTS);
        return as(DESK).queryParam("project", project).queryParam("kind", "HOURS").get("/ledger/entries").then()
                .statusCode(200).extract().jsonPath().getString("items[0].entryId");
    }

    private static void awaitUninterruptibly(CountDownLatch latch) {
        try {
            assertThat(latch.await(30, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
