package org.threelists.ledger.api;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.threelists.devkit.DevTokens;
import org.threelists.ledger.messaging.Topics;
import org.threelists.testing.RealInfrastructure;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.threelists.ledger.Fixtures.as;
import static org.threelists.ledger.Fixtures.await;
import static org.threelists.ledger.Fixtures.deliverConfirmed;
import static org.threelists.ledger.Fixtures.delivered;
import static org.threelists.ledger.Fixtures.publish;
import static org.threelists.ledger.Fixtures.resourceListEvent;
import static org.threelists.ledger.Fixtures.unitRegistered;
import static org.threelists.ledger.Fixtures.uuid;
import static org.threelists.ledger.Fixtures.volunteerHours;
import static org.threelists.ledger.Fixtures.volunteerRegistered;

/**
 * A member unit reads the units' ranking (积分排名) of its own street — the other units' names, points and hours, as
 * the street shows them to its alliance — and nothing of people: the volunteers' ranking and any other street's
 * ranking are refused with a problem document. The scenario lies in 双马街道 in May 2024, a street and month no other
 * suite reads.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class UnitRankingTest {

    static final String STREET = "shuangma";
    static final String COMMUNITY = "xintangli";
    static final LocalDate FROM = LocalDate.of(2024, 5, 1);
    static final LocalDate TO = LocalDate.of(2024, 5, 31);
    static final String CLINIC = "unit-shuangma-clinic-" + uuid().substring(0, 8);
    static final String SCHOOL = "unit-shuangma-school-" + uuid().substring(0, 8);
    static final String NURSE = uuid();
    static final String TEACHER = uuid();
    static final String DESK = DevTokens.desk("desk-shuangma", STREET);
    static final String SCHOOL_STAFF = DevTokens.unit("staff-school", SCHOOL, STREET);
    static boolean arranged;

    /** Arranged once, before the first test: RestAssured reaches the application from the first test on. */
    @BeforeEach
    void scenario() {
        if (arranged) {
            return;
        }
        publish(Topics.RESOURCE_EVENTS, CLINIC, resourceListEvent("unit.registered", CLINIC,
                unitRegistered(CLINIC, "双马街道社区卫生服务中心", STREET, COMMUNITY)));
        publish(Topics.RESOURCE_EVENTS, SCHOOL, resourceListEvent("unit.registered", SCHOOL,
                unitRegistered(SCHOOL, "双马中学", STREET, COMMUNITY)));
        publish(Topics.RESOURCE_EVENTS, CLINIC, resourceListEvent("volunteer.registered", NURSE,
                volunteerRegistered(NURSE, CLINIC, COMMUNITY, "周*")));
        publish(Topics.RESOURCE_EVENTS, SCHOOL, resourceListEvent("volunteer.registered", TEACHER,
                volunteerRegistered(TEACHER, SCHOOL, COMMUNITY, "吴*")));
        deliverConfirmed(delivered(uuid(), STREET, COMMUNITY, "HEALTH", FROM.plusDays(4), 12,
                List.of(volunteerHours(NURSE, CLINIC, 5)), List.of()));
        deliverConfirmed(delivered(uuid(), STREET, COMMUNITY, "CULTURE_FESTIVALS", FROM.plusDays(9), 30,
                List.of(volunteerHours(TEACHER, SCHOOL, 2)), List.of()));
        await(() -> ranking(DESK, "units").getList("standings"), standings -> standings.size() == 2);
        arranged = true;
    }

    @Test
    void a_unit_reads_the_units_ranking_of_its_own_street_as_the_desk_does() {
        JsonPath seen = ranking(SCHOOL_STAFF, "units");

        assertThat(seen.getString("streetCode")).isEqualTo(STREET);
        assertThat(seen.getList("standings.name")).containsExactly("双马街道社区卫生服务中心", "双马中学");
        assertThat(seen.getList("standings.id")).containsExactly(CLINIC, SCHOOL);
        assertThat(seen.getList("standings.rank", Integer.class)).containsExactly(1, 2);
        // hours + 10 for each confirmed project
        assertThat(numbers(seen, "standings.points")).usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("15"), new BigDecimal("12"));
        assertThat(numbers(seen, "standings.hours")).usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("5"), new BigDecimal("2"));
        assertThat(seen.getList("standings")).isEqualTo(ranking(DESK, "units").getList("standings"));
    }

    @Test
    void the_units_ranking_names_no_person() {
        String body = as(SCHOOL_STAFF).queryParam("of", "units").queryParam("from", FROM.toString())
                .queryParam("to", TO.toString()).get("/ledger/rankings").then().statusCode(200).extract().asString();

        assertThat(body).doesNotContain(NURSE, TEACHER, "周*", "吴*");
    }

    @Test
    void the_volunteers_ranking_stays_with_the_desk() {
        as(SCHOOL_STAFF).queryParam("of", "volunteers").get("/ledger/rankings").then().statusCode(403)
                .contentType("application/problem+json")
                .body("type", equalTo("https://threelists.dev/problems/forbidden"))
                .body("detail", equalTo("Only the desk and the auditor read the volunteers' ranking"))
                .body("standings", nullValue());

        assertThat(ranking(DESK, "volunteers").getList("standings.name")).containsExactly("周*", "吴*");
    }

    @Test
    void another_streets_ranking_is_refused_before_the_query_is_read() {
        for (Map<String, String> query : List.of(Map.of("of", "units"), Map.of("of", "planets"))) {
            as(SCHOOL_STAFF).queryParams(query).queryParam("street", "heping").get("/ledger/rankings").then()
                    .statusCode(403).contentType("application/problem+json")
                    .body("type", equalTo("https://threelists.dev/problems/forbidden"))
                    .body("detail", equalTo("The rankings of street heping are outside your scope"))
                    .body("standings", nullValue());
        }
        as(DESK).queryParam("street", "heping").get("/ledger/rankings").then().statusCode(403);

        // naming its own street is the same as naming none
        JsonPath named = as(SCHOOL_STAFF).queryParam("street", STREET).queryParam("from", FROM.toString())
                .queryParam("to", TO.toString()).get("/ledger/rankings").then().statusCode(200).extract().jsonPath();
        assertThat(named.getList("standings")).isEqualTo(ranking(SCHOOL_STAFF, "units").getList("standings"));
    }

    @Test
    void a_community_worker_reads_no_ranking() {
        as(DevTokens.community("worker-xintangli", STREET, COMMUNITY)).get("/ledger/rankings").then().statusCode(403);
    }

    private static List<BigDecimal> numbers(JsonPath json, String path) {
        return json.getList(path, String.class).stream().map(BigDecimal::new).toList();
    }

    private static JsonPath ranking(String token, String of) {
        return as(token).queryParam("of", of).queryParam("from", FROM.toString()).queryParam("to", TO.toString())
                .get("/ledger/rankings").then().statusCode(200).extract().jsonPath();
    }
}
