package org.threelists.ledger.api;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.threelists.ledger.messaging.Topics;
import org.threelists.devkit.DevTokens;
import org.threelists.testing.RealInfrastructure;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
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

/** Hour statements: issued by the desk from the hours in force, verified by anyone by number, revoked with a reason. */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class StatementResourceTest {

    static final String DESK = DevTokens.desk("desk-qingshan", "qingshan");
    static final String UNIT = "unit-qingshan-court";

    @Test
    void issue_verify_publicly_and_revoke_a_statement() {
        String volunteer = uuid();
        publish(Topics.RESOURCE_EVENTS, UNIT, resourceListEvent("volunteer.registered", volunteer,
                volunteerRegistered(volunteer, UNIT, "xihuxincun", "李*华")));
        deliverConfirmed(delivered(uuid(), "qingshan", "xihuxincun", "POLICY_CONSULTATION", LocalDate.of(2026, 11, 3), 9,
                List.of(volunteerHours(volunteer, UNIT, 2.5)), List.of()));
        deliverConfirmed(delivered(uuid(), "qingshan", "xihuxincun", "SANITATION", LocalDate.of(2026, 11, 20), 30,
                List.of(volunteerHours(volunteer, UNIT, 4)), List.of()));
        awaitConsumed("ledger.project-list", Topics.PROJECT_EVENTS);
        awaitConsumed("ledger.resource-list", Topics.RESOURCE_EVENTS);

        Map<String, Object> request = Map.of("volunteerId", volunteer, "from", "2026-11-01", "to", "2026-11-30");
        JsonPath issued = as(DESK).body(request).post("/ledger/statements").then().statusCode(201).extract().jsonPath();
        String number = issued.getString("number");
        assertThat(number).matches("VH-\\d{4}-\\d{6}");
        assertThat(issued.getString("maskedName")).isEqualTo("李*华");
        assertThat(issued.getString("hours")).isEqualTo("6.5");
        assertThat(issued.getString("content")).contains("志愿服务2次").contains("西湖新村社区").contains("政策咨询");
        assertThat(issued.getString("issuer")).isEqualTo("青山街道三张清单联席会");
        assertThat(issued.getString("issuedBy")).isEqualTo("desk:desk-qingshan");
        assertThat(issued.getString("hash")).hasSize(64);

        String code = issued.getString("verificationCode");
        assertThat(code).matches("[0-9A-HJKMNP-TV-Z]{12}");
        RestAssured.given().queryParam("code", code).get("/ledger/statements/" + number + "/verification").then()
                .statusCode(200).body("status", equalTo("VALID")).body("hash", equalTo(issued.getString("hash")))
                .body("hashMatches", equalTo(true)).body("maskedName", equalTo("李*华"));
        RestAssured.given().queryParam("code", code).get("/ledger/statements/VH-2026-999999/verification").then()
                .statusCode(404);

        as(DevTokens.auditor("auditor-qingshan", "qingshan")).body(Map.of("reason", "x"))
                .post("/ledger/statements/" + number + "/revocation").then().statusCode(403);
        as(DevTokens.desk("desk-heping", "heping")).body(Map.of("reason", "x"))
                .post("/ledger/statements/" + number + "/revocation").then().statusCode(403);
        as(DESK).body(Map.of("reason", "")).post("/ledger/statements/" + number + "/revocation").then().statusCode(400);
        as(DESK).body(Map.of("reason", "有误\u0000")).post("/ledger/statements/" + number + "/revocation").then()
                .statusCode(400).body("violations.field", hasItem("reason"));
        RestAssured.given().queryParam("code", code).get("/ledger/statements/" + number + "/verification").then()
                .body("status", equalTo("VALID"));

        as(DESK).body(Map.of("reason", "时长登记有误，重新开具")).post("/ledger/statements/" + number + "/revocation")
                .then().statusCode(200).body("status", equalTo("REVOKED"));
        RestAssured.given().queryParam("code", code).get("/ledger/statements/" + number + "/verification").then()
                .statusCode(200).body("status", equalTo("REVOKED")).body("revocationReason", equalTo("时长登记有误，重新开具"))
                .body("hash", equalTo(issued.getString("hash")));
        as(DESK).body(Map.of("reason", "again")).post("/ledger/statements/" + number + "/revocation").then().statusCode(409);
    }

    @Test
    void refused_statement_requests_change_nothing() {
        as(DESK).body(Map.of("volunteerId", uuid(), "from", "2026-11-01", "to", "2026-11-30")).post("/ledger/statements")
                .then().statusCode(400).body("type", equalTo("https://threelists.dev/problems/invalid-input"));
        as(DESK).body(Map.of("volunteerId", "nope", "from", "2026-11-01", "to", "2026-11-30")).post("/ledger/statements")
                .then().statusCode(400);
        as(DESK).body(Map.of("volunteerId", uuid(), "from", "+999999999-01-01", "to", "+999999999-12-31"))
                .post("/ledger/statements").then().statusCode(400).body("type", equalTo("https://threelists.dev/problems/invalid-input"));
        as(DevTokens.auditor("auditor-qingshan", "qingshan")).body(Map.of("volunteerId", uuid(), "from", "2026-11-01",
                "to", "2026-11-30")).post("/ledger/statements").then().statusCode(403);
        RestAssured.given().contentType("application/json").body(Map.of("volunteerId", uuid(), "from", "2026-11-01",
                "to", "2026-11-30")).post("/ledger/statements").then().statusCode(401);
        as(DESK).get("/ledger/statements/VH-2026-999999").then().statusCode(404);
    }

    @Test
    void after_the_volunteers_data_is_erased_a_statement_carries_no_masked_name() {
        String volunteer = uuid();
        publish(Topics.RESOURCE_EVENTS, UNIT, resourceListEvent("volunteer.registered", volunteer,
                volunteerRegistered(volunteer, UNIT, "xihuxincun", "赵*")));
        deliverConfirmed(delivered(uuid(), "qingshan", "xihuxincun", "SAFETY", LocalDate.of(2026, 10, 3), 2,
                List.of(volunteerHours(volunteer, UNIT, 3)), List.of()));
        publish(Topics.RESOURCE_EVENTS, UNIT, resourceListEvent("volunteer.data-erased", volunteer,
                Map.of("volunteerId", volunteer, "unitId", UNIT, "actor", "desk-qingshan")));
        awaitConsumed("ledger.project-list", Topics.PROJECT_EVENTS);
        awaitConsumed("ledger.resource-list", Topics.RESOURCE_EVENTS);

        JsonPath issued = as(DESK).body(Map.of("volunteerId", volunteer, "from", "2026-10-01", "to", "2026-10-31"))
                .post("/ledger/statements").then().statusCode(201).extract().jsonPath();
        assertThat(issued.getString("maskedName")).isNull();
        assertThat(issued.getString("hours")).isEqualTo("3");
    }

    @Test
    void a_statement_is_verified_only_with_the_code_printed_on_it() {
        String volunteer = uuid();
        deliverConfirmed(delivered(uuid(), "qingshan", "xihuxincun", "HEALTH", LocalDate.of(2026, 9, 14), 5,
                List.of(volunteerHours(volunteer, UNIT, 2)), List.of()));
        awaitConsumed("ledger.project-list", Topics.PROJECT_EVENTS);
        JsonPath issued = as(DESK).body(Map.of("volunteerId", volunteer, "from", "2026-09-01", "to", "2026-09-30"))
                .post("/ledger/statements").then().statusCode(201).extract().jsonPath();
        String number = issued.getString("number");
        String code = issued.getString("verificationCode");
        as(DESK).get("/ledger/statements/" + number).then().statusCode(200).body("verificationCode", equalTo(code));

        // without the code, or with another, the answer is that of a number that does not exist: nothing to learn
        String unknown = RestAssured.given().get("/ledger/statements/VH-2026-999998/verification").then().statusCode(404)
                .extract().path("type");
        for (String wrong : new String[] {null, "", "0000000000000", code.substring(1) + "0", code.toLowerCase() + "X"}) {
            var request = RestAssured.given();
            if (wrong != null) {
                request.queryParam("code", wrong);
            }
            request.get("/ledger/statements/" + number + "/verification").then().statusCode(404)
                    .contentType("application/problem+json").body("type", equalTo(unknown))
                    .body("hash", org.hamcrest.Matchers.nullValue()).body("maskedName", org.hamcrest.Matchers.nullValue());
        }
        // as printed, or typed in lower case with dashes
        String typed = code.substring(0, 4).toLowerCase() + "-" + code.substring(4, 8) + "-" + code.substring(8);
        RestAssured.given().queryParam("code", typed).get("/ledger/statements/" + number + "/verification").then()
                .statusCode(200).body("status", equalTo("VALID")).body("hours", equalTo(2));
    }

    @Test
    void only_confirmed_hours_are_certified() {
        String volunteer = uuid();
        deliverConfirmed(delivered(uuid(), "qingshan", "xihuxincun", "HEALTH", LocalDate.of(2026, 8, 4), 5,
                List.of(volunteerHours(volunteer, UNIT, 2)), List.of()));
        String pending = uuid();
        deliver(delivered(pending, "qingshan", "xihuxincun", "HEALTH", LocalDate.of(2026, 8, 11), 5,
                List.of(volunteerHours(volunteer, UNIT, 7)), List.of()));
        awaitConsumed("ledger.project-list", Topics.PROJECT_EVENTS);
        Map<String, Object> request = Map.of("volunteerId", volunteer, "from", "2026-08-01", "to", "2026-08-31");
        as(DESK).body(request).post("/ledger/statements").then().statusCode(201).body("hours", equalTo(2))
                .body("content", org.hamcrest.Matchers.startsWith("志愿服务1次"));

        confirm(pending);
        awaitConsumed("ledger.project-list", Topics.PROJECT_EVENTS);
        as(DESK).body(request).post("/ledger/statements").then().statusCode(201).body("hours", equalTo(9));
    }

    @Test
    void a_desk_of_another_street_learns_nothing_from_an_invalid_revocation() {
        String volunteer = uuid();
        deliverConfirmed(delivered(uuid(), "qingshan", "xihuxincun", "HEALTH", LocalDate.of(2026, 7, 4), 5,
                List.of(volunteerHours(volunteer, UNIT, 1)), List.of()));
        awaitConsumed("ledger.project-list", Topics.PROJECT_EVENTS);
        String number = as(DESK).body(Map.of("volunteerId", volunteer, "from", "2026-07-01", "to", "2026-07-31"))
                .post("/ledger/statements").then().statusCode(201).extract().path("number");
        as(DevTokens.desk("desk-heping", "heping")).body(Map.of("reason", "")).post("/ledger/statements/" + number
                + "/revocation").then().statusCode(403).body("type", equalTo("https://threelists.dev/problems/forbidden"));
    }
}
