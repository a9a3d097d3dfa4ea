package org.threelists.ledger.api;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.threelists.devkit.DevTokens;
import org.threelists.ledger.messaging.Topics;
import org.threelists.testing.RealInfrastructure;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.threelists.ledger.Fixtures.as;
import static org.threelists.ledger.Fixtures.awaitConsumed;
import static org.threelists.ledger.Fixtures.confirm;
import static org.threelists.ledger.Fixtures.deliver;
import static org.threelists.ledger.Fixtures.deliverConfirmed;
import static org.threelists.ledger.Fixtures.delivered;
import static org.threelists.ledger.Fixtures.publish;
import static org.threelists.ledger.Fixtures.resourceListEvent;
import static org.threelists.ledger.Fixtures.uuid;
import static org.threelists.ledger.Fixtures.volunteerHours;
import static org.threelists.ledger.Fixtures.volunteerRegistered;

/**
 * A statement whose certified hours the desk corrects no longer matches the ledger: it is OUTDATED, the public
 * verification says so and sends the checker to the issuer, the desk finds it in its list and issues a new one
 * (services/ledger/README.md, "Hour statements"). Each test has volunteers of its own, in March 2021, a month no other
 * suite records in these streets.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class OutdatedStatementTest {

    static final String DESK = DevTokens.desk("desk-qingshan", "qingshan");
    static final String HEPING_DESK = DevTokens.desk("desk-heping", "heping");
    static final String OPERATOR = DevTokens.operator("ops-outdated-statements");
    static final String UNIT = "unit-qingshan-court";
    static final Map<String, Object> MARCH = Map.of("from", "2021-03-01", "to", "2021-03-31");

    @Inject
    AgroalDataSource dataSource;

    @Test
    void a_correction_of_certified_hours_outdates_the_statement_and_a_new_one_certifies_the_hours_in_force() {
        String volunteer = registered("周*明");
        String first = confirmedHours(volunteer, "qingshan", "xihuxincun", LocalDate.of(2021, 3, 5), 3);
        confirmedHours(volunteer, "qingshan", "xihuxincun", LocalDate.of(2021, 3, 18), 2);
        awaitConsumed("ledger.project-list", Topics.PROJECT_EVENTS);
        JsonPath statement = issue(volunteer);
        assertThat(statement.getString("hours")).isEqualTo("5");

        Instant before = Instant.now();
        String correctionId = correct(DESK, hoursEntry(DESK, first, volunteer), 1.5).getString("correctionId");

        JsonPath verified = verify(statement, null);
        assertThat(verified.getString("status")).isEqualTo("OUTDATED");
        assertThat(verified.getString("hours")).as("the hours as printed, not the ledger's").isEqualTo("5");
        assertThat(Instant.parse(verified.getString("outdatedAt"))).isAfterOrEqualTo(before.minusSeconds(1));
        assertThat(verified.getString("notice")).contains("corrected").contains("Ask the issuer, 青山街道三张清单联席会");
        assertThat(verified.getMap("$")).as("the public answer tells no more of the volunteer's hours")
                .doesNotContainKeys("hoursInForce", "outdatedByCorrection", "content", "volunteerId");
        assertThat(verify(statement, "zh-CN").getString("notice")).contains("已被更正").contains("重新开具")
                .contains("青山街道三张清单联席会");

        JsonPath read = as(DESK).get("/ledger/statements/" + statement.getString("number")).then().statusCode(200)
                .extract().jsonPath();
        assertThat(read.getString("status")).isEqualTo("OUTDATED");
        assertThat(read.getString("hours")).isEqualTo("5");
        assertThat(read.getString("hoursInForce")).isEqualTo("3.5");
        assertThat(read.getString("outdatedByCorrection")).isEqualTo(correctionId);
        assertThat(listed(volunteer, "OUTDATED")).containsExactly(statement.getString("number"));
        assertThat(listed(volunteer, "VALID")).isEmpty();

        JsonPath renewed = issue(volunteer);
        assertThat(renewed.getString("hours")).isEqualTo("3.5");
        assertThat(renewed.getString("content")).contains("1.5小时");
        assertThat(verify(renewed, null).getString("status")).isEqualTo("VALID");
        assertThat(verify(renewed, null).getString("notice")).isNull();
        assertThat(verify(statement, null).getString("status")).as("the old one stays outdated").isEqualTo("OUTDATED");
        assertThat(listed(volunteer, "VALID")).containsExactly(renewed.getString("number"));
        assertThat(listed(volunteer, null)).containsExactly(renewed.getString("number"), statement.getString("number"));
    }

    @Test
    void an_outdated_statement_keeps_when_and_by_what_and_follows_the_hours_in_force() {
        String volunteer = registered("吴*");
        String first = confirmedHours(volunteer, "qingshan", "xihuxincun", LocalDate.of(2021, 3, 6), 3);
        String second = confirmedHours(volunteer, "qingshan", "xihuxincun", LocalDate.of(2021, 3, 7), 2);
        awaitConsumed("ledger.project-list", Topics.PROJECT_EVENTS);
        JsonPath statement = issue(volunteer);
        String correctionId = correct(DESK, hoursEntry(DESK, first, volunteer), 1).getString("correctionId");
        JsonPath outdated = read(statement);

        correct(DESK, hoursEntry(DESK, second, volunteer), 4);
        correct(DESK, hoursEntry(DESK, first, volunteer), 3);

        JsonPath now = read(statement);
        assertThat(now.getString("status")).as("outdated once, outdated for good: the checker may have been told")
                .isEqualTo("OUTDATED");
        assertThat(now.getString("outdatedAt")).isEqualTo(outdated.getString("outdatedAt"));
        assertThat(now.getString("outdatedByCorrection")).isEqualTo(correctionId);
        assertThat(now.getString("hoursInForce")).isEqualTo("7");
    }

    @Test
    void corrections_of_hours_the_statement_did_not_certify_leave_it_valid() {
        String volunteer = registered("郑*");
        String other = registered("王*");
        String together = uuid();
        deliverConfirmed(delivered(together, "qingshan", "xihuxincun", "HEALTH", LocalDate.of(2021, 3, 9), 4,
                List.of(volunteerHours(volunteer, UNIT, 3), volunteerHours(other, UNIT, 2)), List.of()));
        String april = confirmedHours(volunteer, "qingshan", "xihuxincun", LocalDate.of(2021, 4, 1), 2);
        String heping = confirmedHours(volunteer, "heping", "lianqiao", LocalDate.of(2021, 3, 12), 2);
        String pending = uuid();
        deliver(delivered(pending, "qingshan", "xihuxincun", "HEALTH", LocalDate.of(2021, 3, 20), 4,
                List.of(volunteerHours(volunteer, UNIT, 5)), List.of()));
        awaitConsumed("ledger.project-list", Topics.PROJECT_EVENTS);
        JsonPath statement = issue(volunteer);
        assertThat(statement.getString("hours")).isEqualTo("3");

        correct(DESK, hoursEntry(DESK, together, other), 1);           // another volunteer's
        correct(DESK, hoursEntry(DESK, april, volunteer), 1);          // after the period
        correct(HEPING_DESK, hoursEntry(HEPING_DESK, heping, volunteer), 1);  // another street
        correct(DESK, hoursEntry(DESK, pending, volunteer), 4);        // not confirmed when it was issued: not certified
        confirm(pending);                                              // a late confirmation adds, changes nothing certified
        awaitConsumed("ledger.project-list", Topics.PROJECT_EVENTS);
        correct(DESK, hoursEntry(DESK, pending, volunteer), 3.5);

        assertThat(verify(statement, null).getString("status")).isEqualTo("VALID");
        assertThat(read(statement).getString("hoursInForce")).isNull();
        assertThat(listed(volunteer, "VALID")).containsExactly(statement.getString("number"));
        assertThat(issue(volunteer).getString("hours")).as("a new statement counts what was confirmed since")
                .isEqualTo("6.5");
    }

    @Test
    void a_revoked_statement_stays_revoked_when_its_hours_are_corrected() {
        String volunteer = registered("冯*");
        String project = confirmedHours(volunteer, "qingshan", "xihuxincun", LocalDate.of(2021, 3, 10), 3);
        awaitConsumed("ledger.project-list", Topics.PROJECT_EVENTS);
        JsonPath revoked = issue(volunteer);
        JsonPath kept = issue(volunteer);
        as(DESK).body(Map.of("reason", "重复开具")).post("/ledger/statements/" + revoked.getString("number")
                + "/revocation").then().statusCode(200);

        correct(DESK, hoursEntry(DESK, project, volunteer), 2);

        JsonPath verified = verify(revoked, null);
        assertThat(verified.getString("status")).isEqualTo("REVOKED");
        assertThat(verified.getString("revocationReason")).isEqualTo("重复开具");
        assertThat(verified.getString("outdatedAt")).isNull();
        assertThat(read(revoked).getString("status")).isEqualTo("REVOKED");
        assertThat(listed(volunteer, "REVOKED")).containsExactly(revoked.getString("number"));
        assertThat(listed(volunteer, "OUTDATED")).containsExactly(kept.getString("number"));

        as(DESK).body(Map.of("reason", "已更正，重新开具")).post("/ledger/statements/" + kept.getString("number")
                + "/revocation").then().statusCode(200);
        assertThat(verify(kept, null).getString("status")).as("an outdated statement may still be revoked")
                .isEqualTo("REVOKED");
    }

    @Test
    void a_rebuild_changes_no_statement_and_corrections_after_it_still_outdate() {
        String volunteer = registered("陈*");
        String project = confirmedHours(volunteer, "qingshan", "xihuxincun", LocalDate.of(2021, 3, 15), 3);
        String outdatedVolunteer = registered("褚*");
        String outdatedProject = confirmedHours(outdatedVolunteer, "qingshan", "xihuxincun", LocalDate.of(2021, 3, 16), 2);
        awaitConsumed("ledger.project-list", Topics.PROJECT_EVENTS);
        JsonPath valid = issue(volunteer);
        JsonPath outdated = issue(outdatedVolunteer);
        correct(DESK, hoursEntry(DESK, outdatedProject, outdatedVolunteer), 1);
        JsonPath outdatedBefore = read(outdated);

        as(OPERATOR).post("/ledger/rebuild").then().statusCode(200);

        assertThat(verify(valid, null).getString("status")).isEqualTo("VALID");
        assertThat(read(outdated).getMap("$")).isEqualTo(outdatedBefore.getMap("$"));
        correct(DESK, hoursEntry(DESK, project, volunteer), 2.5);
        assertThat(verify(valid, null).getString("status")).as("the entries it certified are the rebuilt ones too")
                .isEqualTo("OUTDATED");
        assertThat(read(valid).getString("hoursInForce")).isEqualTo("2.5");
    }

    /**
     * A statement's revocation and outdating are chained as its marks (services/ledger/README.md, "Statements' marks"):
     * a revocation deleted with plain SQL, which turns a revoked statement back to VALID for a checker, or an outdating
     * altered, is named by the verification, the statement and what is wrong; put back, the ledger verifies again.
     */
    @Test
    void a_revocation_deleted_or_an_outdating_altered_in_the_database_is_named_by_the_verification() throws Exception {
        String volunteer = registered("卫*");
        String project = confirmedHours(volunteer, "qingshan", "xihuxincun", LocalDate.of(2021, 3, 22), 3);
        awaitConsumed("ledger.project-list", Topics.PROJECT_EVENTS);
        JsonPath revoked = issue(volunteer);
        JsonPath outdated = issue(volunteer);
        String number = revoked.getString("number");
        as(DESK).body(Map.of("reason", "他说\"重复\"\n开具\\")).post("/ledger/statements/" + number + "/revocation")
                .then().statusCode(200);
        correct(DESK, hoursEntry(DESK, project, volunteer), 2);
        correct(DESK, hoursEntry(DESK, project, volunteer), 1.5);
        as(DESK).get("/ledger/verification").then().statusCode(200).body("valid", equalTo(true))
                .body("statementMarks", greaterThanOrEqualTo(5));

        List<Object> row = revocation(number);
        execute("DELETE FROM statement_revocation WHERE number = '" + number + "'");
        try {
            assertThat(verify(revoked, null).getString("status")).as("what the edit would have a checker told")
                    .isEqualTo("VALID");
            String run = as(OPERATOR).post("/ledger/verification/runs").then().statusCode(202).extract().path("id");
            JsonPath done = awaitRun(run);
            assertThat(done.getBoolean("result.valid")).isFalse();
            assertThat(done.getString("result.firstBroken.chain")).isEqualTo("statements");
            assertThat(done.getString("result.firstBroken.id")).isEqualTo(number);
            assertThat(done.getString("result.firstBroken.reason")).contains(number).contains("revocation was deleted");
        } finally {
            try (Connection c = dataSource.getConnection(); PreparedStatement put = c.prepareStatement("INSERT INTO "
                    + "statement_revocation (number, reason, revoked_by, revoked_at) VALUES (?, ?, ?, ?)")) {
                put.setString(1, number);
                for (int i = 0; i < row.size(); i++) {
                    put.setObject(i + 2, row.get(i));
                }
                put.executeUpdate();
            }
        }
        as(DESK).get("/ledger/verification").then().statusCode(200).body("valid", equalTo(true));

        String other = outdated.getString("number");
        execute("UPDATE statement_outdated SET hours_in_force = 3 WHERE number = '" + other + "'");
        try {
            JsonPath street = as(DESK).get("/ledger/verification").then().statusCode(200).extract().jsonPath();
            assertThat(street.getBoolean("valid")).isFalse();
            assertThat(street.getString("firstBroken.id")).isEqualTo(other);
            assertThat(street.getString("firstBroken.reason")).contains("outdating").contains("altered");
        } finally {
            execute("UPDATE statement_outdated SET hours_in_force = 1.5 WHERE number = '" + other + "'");
        }
        as(DESK).get("/ledger/verification").then().statusCode(200).body("valid", equalTo(true));
        assertThat(verify(revoked, null).getString("status")).isEqualTo("REVOKED");
    }

    /** The statement's revocation as stored: reason, who, when. */
    private List<Object> revocation(String number) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement q = c.prepareStatement("SELECT reason, "
                + "revoked_by, revoked_at FROM statement_revocation WHERE number = ?")) {
            q.setString(1, number);
            try (ResultSet rs = q.executeQuery()) {
                assertThat(rs.next()).isTrue();
                return List.of(rs.getString(1), rs.getString(2), rs.getObject(3, java.time.OffsetDateTime.class));
            }
        }
    }

    private void execute(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static JsonPath awaitRun(String id) {
        return org.threelists.ledger.Fixtures.await(() -> as(OPERATOR).get("/ledger/verification/runs/" + id).then()
                .statusCode(200).extract().jsonPath(), run -> !List.of("QUEUED", "RUNNING").contains(run.getString("state")));
    }

    private static String registered(String masked) {
        String volunteer = uuid();
        publish(Topics.RESOURCE_EVENTS, UNIT, resourceListEvent("volunteer.registered", volunteer,
                volunteerRegistered(volunteer, UNIT, "xihuxincun", masked)));
        awaitConsumed("ledger.resource-list", Topics.RESOURCE_EVENTS);
        return volunteer;
    }

    /** A confirmed delivery of one volunteer's hours; answers the project. */
    private static String confirmedHours(String volunteer, String street, String community, LocalDate date,
            double hours) {
        String project = uuid();
        deliverConfirmed(delivered(project, street, community, "HEALTH", date, 3,
                List.of(volunteerHours(volunteer, UNIT, hours)), List.of()));
        return project;
    }

    private static JsonPath issue(String volunteer) {
        return as(DESK).body(Map.of("volunteerId", volunteer, "from", MARCH.get("from"), "to", MARCH.get("to")))
                .post("/ledger/statements").then().statusCode(201).extract().jsonPath();
    }

    private static String hoursEntry(String desk, String project, String volunteer) {
        return as(desk).queryParam("project", project).queryParam("kind", "HOURS").get("/ledger/entries").then()
                .statusCode(200).extract().jsonPath().getString("items.find { it.volunteerId == '" + volunteer
                        + "' }.entryId");
    }

    private static JsonPath correct(String desk, String entryId, double hours) {
        assertThat(entryId).isNotNull();
        return as(desk).body(Map.of("hours", hours, "reason", "签到表核对")).post("/ledger/entries/" + entryId
                + "/corrections").then().statusCode(201).extract().jsonPath();
    }

    private static JsonPath verify(JsonPath statement, String language) {
        var request = RestAssured.given().queryParam("code", statement.getString("verificationCode"));
        if (language != null) {
            request.header("Accept-Language", language);
        }
        return request.get("/ledger/statements/" + statement.getString("number") + "/verification").then()
                .statusCode(200).extract().jsonPath();
    }

    private static JsonPath read(JsonPath statement) {
        return as(DESK).get("/ledger/statements/" + statement.getString("number")).then().statusCode(200).extract()
                .jsonPath();
    }

    private static List<String> listed(String volunteer, String status) {
        var request = as(DESK).queryParam("volunteer", volunteer);
        if (status != null) {
            request.queryParam("status", status);
        }
        return request.get("/ledger/statements").then().statusCode(200).extract().jsonPath().getList("items.number");
    }
}
