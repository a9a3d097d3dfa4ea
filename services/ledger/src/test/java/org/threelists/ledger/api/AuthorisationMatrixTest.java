package org.threelists.ledger.api;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.threelists.devkit.DevTokens;
import org.threelists.ledger.messaging.Topics;
import org.threelists.testing.RealInfrastructure;
import org.threelists.testing.authz.AuthorisationMatrix;
import org.threelists.testing.authz.MatrixTokens;
import org.threelists.testing.authz.TokenChecks;
import org.threelists.platform.ratelimit.ClientRateLimiter;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.threelists.ledger.Fixtures.as;
import static org.threelists.ledger.Fixtures.awaitConsumed;
import static org.threelists.ledger.Fixtures.consumption;
import static org.threelists.ledger.Fixtures.deliverConfirmed;
import static org.threelists.ledger.Fixtures.delivered;
import static org.threelists.ledger.Fixtures.publish;
import static org.threelists.ledger.Fixtures.resourceListEvent;
import static org.threelists.ledger.Fixtures.unitRegistered;
import static org.threelists.ledger.Fixtures.uuid;
import static org.threelists.ledger.Fixtures.volunteerHours;
import static org.threelists.ledger.Fixtures.volunteerRegistered;
import static org.threelists.testing.authz.MatrixCall.call;

/**
 * Every operation × role × scope of src/test/resources/authz/ledger.csv, every row called. The records the calls
 * touch belong to 联桥社区 of 和平街道 and to the unit {@link #OWN_UNIT}: a confirmed delivery (its entries), an issued
 * statement and the unit itself. They are dated in {@link #MONTH}, a month no other suite reads, so that the monthly
 * summaries sent here and the corrections made here change no other suite's figures.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class AuthorisationMatrixTest {

    private static final AuthorisationMatrix MATRIX = AuthorisationMatrix.of("ledger");
    private static final String OWN_UNIT = "unit-heping-a";
    private static final LocalDate MONTH = LocalDate.of(2025, 3, 1);
    private static final String DESK = DevTokens.desk("desk-" + MatrixTokens.STREET, MatrixTokens.STREET);

    @Inject
    ClientRateLimiter limiter;

    @BeforeEach
    @AfterEach
    void fullBucket() {
        // every caller verifies a statement from the same address; other suites count on a full bucket too
        limiter.reset();
    }

    @Test
    void every_operation_has_a_row_for_every_role_and_scope() {
        MATRIX.assertComplete();
    }

    @Test
    void every_row_answers_as_the_table_says() {
        Arranged a = arrange();
        MATRIX.assertAnswers(MatrixTokens.callers(OWN_UNIT, "unit-heping-b", "unit-dianqian"), operation -> switch (operation) {
            case "GET /ledger/entries", "GET /ledger/municipal-summaries", "GET /ledger/statements",
                    "GET /ledger/municipal-summaries/corrections-needed", "GET /ledger/verification" -> call();
            case "GET /ledger/rankings" -> call().query("of", "units").query("street", MatrixTokens.STREET)
                    .query("from", MONTH.toString()).query("to", MONTH.withDayOfMonth(31).toString());
            case "GET /ledger/reports" -> call().query("from", MONTH.toString())
                    .query("to", MONTH.withDayOfMonth(31).toString());
            case "GET /ledger/entries/{entryId}" -> call().path("entryId", a.hoursEntry());
            case "POST /ledger/entries/{entryId}/corrections" -> call().path("entryId", a.hoursEntry())
                    .body(Map.of("hours", 2.5, "reason", "签到表核对后更正"));
            case "GET /ledger/units/{unitId}/yearly-summary" -> call().path("unitId", OWN_UNIT)
                    .query("year", MONTH.getYear());
            case "GET /ledger/statements/{number}" -> call().path("number", a.statement());
            case "GET /ledger/statements/{number}/verification" -> call().path("number", a.statement())
                    .query("code", a.code());
            case "POST /ledger/statements" -> call().body(Map.of("volunteerId", a.volunteer(),
                    "from", MONTH.toString(), "to", MONTH.withDayOfMonth(31).toString()));
            case "POST /ledger/statements/{number}/revocation" -> call().path("number", a.statement())
                    .body(Map.of("reason", "志愿者所在单位申请作废"));
            case "POST /ledger/municipal-summaries" -> call().body(Map.of("month", MONTH.toString().substring(0, 7)));
            case "POST /ledger/rebuild" -> call();
            case "POST /ledger/verification/runs" -> call();
            case "GET /ledger/verification/runs/{runId}" -> call().path("runId", a.verificationRun());
            case "POST /ledger/rebuild/runs", "GET /ledger/rebuild/runs" -> call();
            case "GET /ledger/rebuild/runs/{runId}" -> call().path("runId", a.rebuildRun());
            case "GET /notice-board/standings" -> {
                // the notice board shares the public bucket with the statement verification, whose rows came first:
                // its own rows start from a full bucket, as a visitor's first look at the board would
                limiter.reset();
                yield call().query("street", MatrixTokens.STREET).query("year", MONTH.getYear());
            }
            default -> throw new AssertionError("no call arranged for " + operation);
        });
        // the rebuild the operator's row started ends before the next suite, which may rebuild too (one at a time)
        RebuildRunTest.awaitNoRebuildUnderWay();
        // the writes the table allows did happen
        JsonPath entry = as(DESK).get("/ledger/entries/" + a.hoursEntry()).then().statusCode(200).extract().jsonPath();
        assertThat(entry.getList("corrections")).hasSize(1);
        assertThat(entry.getString("corrections[0].correctedBy")).isEqualTo("desk:desk-heping");
        assertThat(as(DESK).get("/ledger/statements/" + a.statement()).then().statusCode(200).extract().jsonPath()
                .getString("status")).isEqualTo("REVOKED");
        assertThat(as(DESK).get("/ledger/municipal-summaries").then().statusCode(200).extract().jsonPath()
                .getList("summaryId", String.class)).contains("heping:" + MONTH.toString().substring(0, 7));
    }

    @Test
    void tokens_without_the_audience_or_too_old_are_refused() {
        TokenChecks.assertAudienceAndAgeEnforced("/ledger/entries", MatrixTokens.STREET);
    }

    /**
     * What the rows act on: an HOURS entry of {@link #OWN_UNIT}, its volunteer, a statement of their hours, and a
     * verification run of the street, a rebuild run (a synchronous rebuild, finished).
     */
    private record Arranged(String hoursEntry, String volunteer, String statement, String code, String verificationRun,
            String rebuildRun) {
    }

    private static Arranged arrange() {
        String volunteer = uuid();
        publish(Topics.RESOURCE_EVENTS, OWN_UNIT, resourceListEvent("unit.registered", OWN_UNIT,
                unitRegistered(OWN_UNIT, "和平街道社区卫生服务中心", MatrixTokens.STREET, MatrixTokens.COMMUNITY)));
        publish(Topics.RESOURCE_EVENTS, OWN_UNIT, resourceListEvent("volunteer.registered", volunteer,
                volunteerRegistered(volunteer, OWN_UNIT, MatrixTokens.COMMUNITY, "李*")));
        String projectId = uuid();
        deliverConfirmed(delivered(projectId, MatrixTokens.STREET, MatrixTokens.COMMUNITY, "HEALTH", MONTH.plusDays(9), 25,
                List.of(volunteerHours(volunteer, OWN_UNIT, 3)), List.of(consumption(OWN_UNIT, uuid(), 2))));
        awaitConsumed("ledger.resource-list", Topics.RESOURCE_EVENTS);
        awaitConsumed("ledger.project-list", Topics.PROJECT_EVENTS);
        String hoursEntry = as(DESK).queryParam("project", projectId).queryParam("kind", "HOURS").get("/ledger/entries")
                .then().statusCode(200).extract().jsonPath().getString("items[0].entryId");
        JsonPath statement = as(DESK).body(Map.of("volunteerId", volunteer, "from", MONTH.toString(),
                "to", MONTH.withDayOfMonth(31).toString())).post("/ledger/statements").then().statusCode(201)
                .extract().jsonPath();
        String run = as(DESK).post("/ledger/verification/runs").then().statusCode(202).extract().jsonPath().getString("id");
        as(RebuildRunTest.OPERATOR).post("/ledger/rebuild").then().statusCode(200);
        String rebuildRun = as(RebuildRunTest.OPERATOR).get("/ledger/rebuild/runs").then().statusCode(200).extract()
                .jsonPath().getString("[0].id");
        return new Arranged(hoursEntry, volunteer, statement.getString("number"), statement.getString("verificationCode"),
                run, rebuildRun);
    }
}
