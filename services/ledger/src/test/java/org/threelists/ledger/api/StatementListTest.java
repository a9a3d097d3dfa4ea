package org.threelists.ledger.api;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.threelists.devkit.DevTokens;
import org.threelists.ledger.messaging.Topics;
import org.threelists.testing.RealInfrastructure;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.threelists.ledger.Fixtures.as;
import static org.threelists.ledger.Fixtures.awaitConsumed;
import static org.threelists.ledger.Fixtures.deliverConfirmed;
import static org.threelists.ledger.Fixtures.delivered;
import static org.threelists.ledger.Fixtures.publish;
import static org.threelists.ledger.Fixtures.resourceListEvent;
import static org.threelists.ledger.Fixtures.uuid;
import static org.threelists.ledger.Fixtures.volunteerHours;
import static org.threelists.ledger.Fixtures.volunteerRegistered;

/**
 * The desk lists the statements of its street, the newest first, narrowed by status, unit or volunteer, each as
 * {@code GET /ledger/statements/{number}} answers it; another street's statements are not in its list. The scenario
 * lies in 邙岭路街道 in June 2024: no other suite issues statements in that street.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class StatementListTest {

    static final String STREET = "manglinglu";
    static final String COMMUNITY = "zhongxin014";
    static final String DESK = DevTokens.desk("desk-manglinglu", STREET);
    static final String UNIT_A = "unit-manglinglu-list-a";
    static final String UNIT_B = "unit-manglinglu-list-b";
    static final LocalDate DAY = LocalDate.of(2024, 6, 12);

    static boolean arranged;
    static String first;
    static String second;
    static String third;
    static String volunteerA;

    /** Arranged once, before the first test: RestAssured reaches the application from the first test on. */
    @BeforeEach
    void scenario() {
        if (arranged) {
            return;
        }
        volunteerA = uuid();
        String volunteerB = uuid();
        publish(Topics.RESOURCE_EVENTS, UNIT_A, resourceListEvent("volunteer.registered", volunteerA,
                volunteerRegistered(volunteerA, UNIT_A, COMMUNITY, "孙*")));
        publish(Topics.RESOURCE_EVENTS, UNIT_B, resourceListEvent("volunteer.registered", volunteerB,
                volunteerRegistered(volunteerB, UNIT_B, COMMUNITY, "钱*")));
        deliverConfirmed(delivered(uuid(), STREET, COMMUNITY, "HEALTH", DAY, 5,
                List.of(volunteerHours(volunteerA, UNIT_A, 3), volunteerHours(volunteerB, UNIT_B, 1.5)), List.of()));
        awaitConsumed("ledger.project-list", Topics.PROJECT_EVENTS);
        awaitConsumed("ledger.resource-list", Topics.RESOURCE_EVENTS);
        first = issue(volunteerA);
        second = issue(volunteerB);
        third = issue(volunteerA);
        as(DESK).body(Map.of("reason", "重复开具")).post("/ledger/statements/" + third + "/revocation").then().statusCode(200);
        arranged = true;
    }

    @Test
    void the_desk_lists_its_streets_statements_newest_first_as_each_reads() {
        JsonPath page = as(DESK).get("/ledger/statements").then().statusCode(200).extract().jsonPath();

        assertThat(page.getList("items.number")).containsExactly(third, second, first);
        assertThat(page.getLong("total")).isEqualTo(3);
        assertThat(page.getList("items.status")).containsExactly("REVOKED", "VALID", "VALID");
        assertThat(page.getString("items[0].revocationReason")).isEqualTo("重复开具");
        assertThat(page.getMap("items[1]")).isEqualTo(as(DESK).get("/ledger/statements/" + second).then().statusCode(200)
                .extract().jsonPath().getMap("$"));
    }

    @Test
    void the_list_narrows_by_status_unit_and_volunteer_and_pages() {
        assertThat(numbers(Map.of("status", "valid"))).containsExactly(second, first);
        assertThat(numbers(Map.of("status", "REVOKED"))).containsExactly(third);
        assertThat(numbers(Map.of("unit", UNIT_B))).containsExactly(second);
        assertThat(numbers(Map.of("volunteer", volunteerA.toUpperCase()))).containsExactly(third, first);
        JsonPath secondPage = as(DESK).queryParam("page", 1).queryParam("size", 2).get("/ledger/statements").then()
                .statusCode(200).extract().jsonPath();
        assertThat(secondPage.getList("items.number")).containsExactly(first);
        assertThat(secondPage.getLong("total")).isEqualTo(3);
        as(DESK).queryParam("status", "LOST").get("/ledger/statements").then().statusCode(400)
                .body("type", equalTo("https://threelists.dev/problems/invalid-input"));
    }

    @Test
    void another_streets_desk_lists_none_of_them_and_a_unit_none_at_all() {
        assertThat(as(DevTokens.desk("desk-shuangma", "shuangma")).get("/ledger/statements").then().statusCode(200)
                .extract().jsonPath().getList("items.number")).doesNotContain(first, second, third);
        as(DevTokens.unit("staff-a", UNIT_A, STREET)).get("/ledger/statements").then().statusCode(403);
    }

    private static List<String> numbers(Map<String, String> query) {
        return as(DESK).queryParams(query).get("/ledger/statements").then().statusCode(200).extract().jsonPath()
                .getList("items.number");
    }

    private static String issue(String volunteer) {
        return as(DESK).body(Map.of("volunteerId", volunteer, "from", DAY.withDayOfMonth(1).toString(),
                        "to", DAY.withDayOfMonth(30).toString())).post("/ledger/statements").then().statusCode(201)
                .extract().jsonPath().getString("number");
    }
}
