package org.threelists.ledger.api;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.threelists.ledger.messaging.Topics;
import org.threelists.testing.RealInfrastructure;
import org.threelists.platform.ratelimit.ClientRateLimiter;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.threelists.ledger.Fixtures.awaitConsumed;
import static org.threelists.ledger.Fixtures.deliver;
import static org.threelists.ledger.Fixtures.deliverConfirmed;
import static org.threelists.ledger.Fixtures.delivered;
import static org.threelists.ledger.Fixtures.projectEvent;
import static org.threelists.ledger.Fixtures.publish;
import static org.threelists.ledger.Fixtures.resourceListEvent;
import static org.threelists.ledger.Fixtures.unitRegistered;
import static org.threelists.ledger.Fixtures.uuid;
import static org.threelists.ledger.Fixtures.volunteerHours;
import static org.threelists.ledger.Fixtures.volunteerRegistered;

/**
 * The notice board's standings (README "Notice board"): anyone reads the street's units ranked for a year, with the
 * rankings' own figures, without a token and without a volunteer's name; the answer may be cached a minute, and a
 * client asking too often is limited like the statement verification. The deliveries are dated in 2024, a year no
 * other suite writes, so that the expected ranking is exactly this test's.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class NoticeBoardStandingsTest {

    private static final String STREET = "dianqian";
    private static final int YEAR = 2024;

    @Inject
    ClientRateLimiter limiter;

    @BeforeEach
    @AfterEach
    void fullBucket() {
        limiter.reset();
    }

    @Test
    void the_street_units_are_ranked_for_the_year_with_hours_and_services_and_no_volunteer() {
        String court = "unit-board-court-" + uuid().substring(0, 8);
        String kindergarten = "unit-board-kg-" + uuid().substring(0, 8);
        String judge = uuid();
        String teacher = uuid();
        publish(Topics.RESOURCE_EVENTS, court, resourceListEvent("unit.registered", court,
                unitRegistered(court, "湖里区人民法院", STREET, "jiafu")));
        publish(Topics.RESOURCE_EVENTS, kindergarten, resourceListEvent("unit.registered", kindergarten,
                unitRegistered(kindergarten, "嘉福花园幼儿园", STREET, "jiafu")));
        publish(Topics.RESOURCE_EVENTS, court, resourceListEvent("volunteer.registered", judge,
                volunteerRegistered(judge, court, "jiafu", "林*英")));
        publish(Topics.RESOURCE_EVENTS, kindergarten, resourceListEvent("volunteer.registered", teacher,
                volunteerRegistered(teacher, kindergarten, "jiafu", "陈*华")));
        String first = uuid();
        deliverConfirmed(delivered(first, STREET, "jiafu", "LEGAL_ADVICE", LocalDate.of(YEAR, 3, 2), 10,
                List.of(volunteerHours(judge, court, 3)), List.of()));
        deliverConfirmed(delivered(uuid(), STREET, "jiafu", "LEGAL_ADVICE", LocalDate.of(YEAR, 5, 9), 6,
                List.of(volunteerHours(judge, court, 2)), List.of()));
        deliverConfirmed(delivered(uuid(), STREET, "jiafu", "CHILD_CARE", LocalDate.of(YEAR, 6, 1), 12,
                List.of(volunteerHours(teacher, kindergarten, 1)), List.of()));
        // delivered but not confirmed by the community: counted nowhere
        deliver(delivered(uuid(), STREET, "jiafu", "CHILD_CARE", LocalDate.of(YEAR, 7, 1), 3,
                List.of(volunteerHours(teacher, kindergarten, 8)), List.of()));
        publish(Topics.PROJECT_EVENTS, first, projectEvent("rated", first, Map.of("projectId", first,
                "demandId", uuid(), "score", 5, "allRated", true, "actor", "wang-fang")));
        awaitConsumed("ledger.resource-list", Topics.RESOURCE_EVENTS);
        awaitConsumed("ledger.project-list", Topics.PROJECT_EVENTS);

        Response answer = given().queryParam("street", STREET).queryParam("year", YEAR).get("/notice-board/standings");
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.header("Cache-Control")).isEqualTo("public, max-age=60");
        JsonPath board = answer.jsonPath();
        assertThat(board.getString("street.code")).isEqualTo(STREET);
        assertThat(board.getString("street.name")).isEqualTo("殿前街道");
        assertThat(board.getInt("year")).isEqualTo(YEAR);
        assertThat(board.getList("standings.items.unitId")).containsExactly(court, kindergarten);
        assertThat(board.getLong("standings.total")).isEqualTo(2);
        // hours + 10 × completed projects + 2 × (5 − 3): the rankings' points rule
        assertThat(board.getString("standings.items[0].name")).isEqualTo("湖里区人民法院");
        assertThat(board.getDouble("standings.items[0].hours")).isEqualTo(5.0);
        assertThat(board.getInt("standings.items[0].services")).isEqualTo(2);
        assertThat(board.getDouble("standings.items[0].points")).isEqualTo(29.0);
        assertThat(board.getInt("standings.items[0].rank")).isEqualTo(1);
        assertThat(board.getString("standings.items[1].name")).isEqualTo("嘉福花园幼儿园");
        assertThat(board.getDouble("standings.items[1].hours")).isEqualTo(1.0);
        assertThat(board.getInt("standings.items[1].services")).isEqualTo(1);
        assertThat(answer.asString()).doesNotContain(judge).doesNotContain(teacher).doesNotContain("林*英")
                .doesNotContain("陈*华");

        JsonPath second = given().queryParams(Map.of("street", STREET, "year", YEAR, "size", 1, "page", 1))
                .get("/notice-board/standings").then().statusCode(200).extract().jsonPath();
        assertThat(second.getList("standings.items.unitId")).containsExactly(kindergarten);
        assertThat(given().queryParams(Map.of("street", "heping", "year", YEAR)).get("/notice-board/standings")
                .then().statusCode(200).extract().jsonPath().getList("standings.items")).isEmpty();
    }

    @Test
    void bad_parameters_are_problems_and_a_client_asking_too_often_gets_429() {
        given().get("/notice-board/standings").then().statusCode(400)
                .body("type", equalTo("https://threelists.dev/problems/invalid-input"));
        given().queryParam("street", "atlantis").get("/notice-board/standings").then().statusCode(404);
        given().queryParams(Map.of("street", STREET, "year", 1999)).get("/notice-board/standings").then().statusCode(400);
        limiter.reset();
        for (int i = 0; i < 30; i++) {
            given().queryParam("street", STREET).get("/notice-board/standings").then().statusCode(200);
        }
        Response refused = given().queryParam("street", STREET).get("/notice-board/standings");
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(Long.parseLong(refused.header("Retry-After"))).isPositive();
    }
}
