package org.threelists.demand.api;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.threelists.demand.domain.slip.SlipStatus;
import org.threelists.demand.projection.SlipView;
import org.threelists.demand.slip.SlipWorld;
import org.threelists.platform.ratelimit.ClientRateLimiter;
import org.threelists.testing.RealInfrastructure;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.threelists.demand.Fixtures.JIAFU_WORKER;
import static org.threelists.demand.Fixtures.as;

/**
 * The notice board's Party-group services (README "Notice board"): anyone reads the slips the groups closed, with
 * their hours and satisfaction, and the year's counts; a slip still open or declined is counted as dispatched but not
 * listed; and no answer names the resident, calls them, repeats the leader's or the member's words or names a member,
 * although this test writes the resident's name and phone into every free text a slip keeps.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class NoticeBoardSlipsTest {

    private static final String PROBLEMS = "https://threelists.dev/problems/";
    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    /** The resident of Fixtures' demands, as the community worker wrote them down. */
    private static final String RESIDENT = "陈阿姨";
    private static final String PHONE = "13800000001";
    private static final String PROBLEM = "为" + RESIDENT + "（" + PHONE + "）代办高龄津贴";
    private static final String SERVICE = "陪" + RESIDENT + "到社区服务中心办好了高龄津贴";
    private static final String DECLINE = RESIDENT + "家里这几天没人";

    @Inject
    ClientRateLimiter limiter;

    @BeforeEach
    @AfterEach
    void fullBucket() {
        // every test reads the board from the same address; the other suites count on a full bucket too
        limiter.reset();
    }

    @Test
    void the_board_shows_closed_slips_with_hours_and_satisfaction_and_the_years_counts_without_personal_data() {
        int year = today().getYear();
        Map<String, Object> jiafu = Map.of("street", "dianqian", "community", "jiafu", "year", year);
        JsonPath before = board(jiafu);
        SlipWorld world = new SlipWorld();

        String closed = closedSlip(world, world.volunteerId, 1.5, "ON_SITE", 5);
        String declined = world.dispatched(world.heldDemand(), world.residentId);
        as(world.resident).body(Map.of("reason", DECLINE)).post("/slips/{id}/decline", declined).then().statusCode(200);
        String open = world.dispatched(world.heldDemand(), world.volunteerId);
        String latest = closedSlip(world, world.residentId, 2, "ONLINE", 3);

        JsonPath after = board(jiafu);
        assertThat(after.getString("street.name")).isEqualTo("殿前街道");
        assertThat(after.getString("community.name")).isEqualTo("嘉福社区");
        assertThat(after.getInt("year")).isEqualTo(year);
        assertThat(after.getLong("slipCounts.dispatched")).as("four slips dispatched, the declined one included")
                .isEqualTo(before.getLong("slipCounts.dispatched") + 4);
        assertThat(after.getLong("slipCounts.closed")).isEqualTo(before.getLong("slipCounts.closed") + 2);
        assertThat(after.getLong("slips.total")).isEqualTo(after.getLong("slipCounts.closed"));
        assertThat(new BigDecimal(after.getString("slipCounts.averageSatisfaction")))
                .isEqualByComparingTo(averageOfStoredClosedSlips("jiafu", year));

        List<String> listed = allSlipIds(Map.of("street", "dianqian", "year", year));
        assertThat(listed).contains(closed, latest).doesNotContain(declined, open);
        // newest closure first, one page at a time
        Response top = given().queryParams(Map.of("street", "dianqian", "community", "jiafu", "size", 1))
                .get("/notice-board/slips");
        assertThat(top.header("Cache-Control")).isEqualTo("public, max-age=60");
        assertThat(top.jsonPath().getList("slips.items.slipId")).containsExactly(latest);
        assertThat(board(Map.of("street", "dianqian", "community", "jiafu", "size", 1, "page", 1))
                .getList("slips.items.slipId")).containsExactly(closed);
        Map<String, Object> slip = slip(closed, jiafu);
        assertThat(slip.get("category")).isEqualTo("LEGAL_ADVICE");
        assertThat(slip.get("categoryName")).isEqualTo("法律咨询");
        assertThat(slip.get("community")).isEqualTo(Map.of("code", "jiafu", "name", "嘉福社区"));
        assertThat((String) slip.get("groupName")).startsWith("党小组 ").isEqualTo("党小组 " + world.groupId.substring(0, 8));
        assertThat(slip.get("serviceDate")).isEqualTo(today().toString());
        assertThat(slip.get("closedOn")).isEqualTo(today().toString());
        assertThat(((Number) slip.get("hours")).doubleValue()).isEqualTo(1.5);
        assertThat(slip.get("mode")).isEqualTo("ON_SITE");
        assertThat(slip.get("modeName")).isEqualTo("上门");
        assertThat(slip.get("satisfaction")).isEqualTo(5);
        assertThat(slip).doesNotContainKeys("problem", "service", "memberId", "leaderId", "demandId");

        // every answer the board gives, with every parameter, names no resident and no member
        List<String> answers = new ArrayList<>();
        for (Map<String, Object> where : List.<Map<String, Object>>of(Map.of("street", "dianqian"),
                Map.of("street", "dianqian", "community", "jiafu"), jiafu)) {
            answers.addAll(pages(where));
        }
        for (String answer : answers) {
            assertThat(answer).doesNotContain(RESIDENT, PHONE, PROBLEM, SERVICE, DECLINE, "王*明", "嘉福盐业小区1栋302",
                    world.leaderId, world.volunteerId, world.residentId);
        }
        // another street's board does not show this street's slips; a year without slips shows none
        assertThat(allSlipIds(Map.of("street", "heping"))).doesNotContain(closed);
        JsonPath empty = board(Map.of("street", "dianqian", "year", 2001));
        assertThat(empty.getList("slips.items")).isEmpty();
        assertThat(empty.getLong("slipCounts.dispatched")).isZero();
        assertThat(empty.getString("slipCounts.averageSatisfaction")).isNull();
    }

    @Test
    void bad_parameters_are_problems_and_a_client_asking_too_often_gets_429() {
        given().get("/notice-board/slips").then().statusCode(400)
                .body("type", org.hamcrest.Matchers.equalTo(PROBLEMS + "invalid-input"));
        given().queryParam("street", "atlantis").get("/notice-board/slips").then().statusCode(404);
        given().queryParams(Map.of("street", "dianqian", "community", "lianqiao")).get("/notice-board/slips")
                .then().statusCode(404);
        given().queryParams(Map.of("street", "dianqian", "year", 1999)).get("/notice-board/slips").then().statusCode(400);
        given().queryParams(Map.of("street", "dianqian", "size", 101)).get("/notice-board/slips").then().statusCode(400);

        limiter.reset();
        for (int i = 0; i < 30; i++) {
            given().queryParam("street", "dianqian").get("/notice-board/slips").then().statusCode(200);
        }
        Response refused = given().queryParam("street", "dianqian").get("/notice-board/slips");
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.jsonPath().getString("type")).isEqualTo(PROBLEMS + "too-many-requests");
        assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 60L);
    }

    /** A slip of a new demand dispatched to {@code member}, accepted, reported and rated; every free text names the resident. */
    private static String closedSlip(SlipWorld world, String member, double hours, String mode, int score) {
        String token = member.equals(world.volunteerId) ? world.volunteer : world.resident;
        String slipId = as(world.leader).body(Map.of("demandId", world.heldDemand(), "memberId", member,
                "problem", PROBLEM)).post("/slips").then().statusCode(201).extract().path("slipId");
        as(token).post("/slips/{id}/accept", slipId).then().statusCode(200);
        as(token).body(Map.of("service", SERVICE, "hours", hours, "mode", mode)).post("/slips/{id}/report", slipId)
                .then().statusCode(200);
        // no check-in here: the leader confirms the hours, or the slip cannot close (README "Check-in and check-out")
        as(world.leader).body(Map.of("hours", hours, "reason", "未能签到")).post("/slips/{id}/hours-confirmation", slipId)
                .then().statusCode(200);
        as(JIAFU_WORKER).body(Map.of("score", score)).post("/slips/{id}/satisfaction", slipId).then().statusCode(200);
        assertThat(SlipWorld.stored(slipId).status).isEqualTo(SlipStatus.CLOSED);
        return slipId;
    }

    /** The average the board should give, from the stored slips themselves, to one decimal. */
    private static BigDecimal averageOfStoredClosedSlips(String community, int year) {
        List<SlipView> closed = QuarkusTransaction.requiringNew().call(() -> SlipView.TABLE.where(
                "community_code = ? AND status = ?", community, SlipStatus.CLOSED)).stream()
                .filter(s -> s.closedAt.atZone(BEIJING).getYear() == year).toList();
        double average = closed.stream().mapToInt(s -> s.satisfaction).average().orElseThrow();
        return BigDecimal.valueOf(average).setScale(1, RoundingMode.HALF_UP);
    }

    private static JsonPath board(Map<String, ?> query) {
        return given().queryParams(query).get("/notice-board/slips").then().statusCode(200)
                .header("Cache-Control", "public, max-age=60").extract().jsonPath();
    }

    /** Every page of the board, as the raw JSON text of each answer. */
    private static List<String> pages(Map<String, ?> where) {
        List<String> answers = new ArrayList<>();
        for (int page = 0; ; page++) {
            String body = given().queryParams(where).queryParam("size", 100).queryParam("page", page)
                    .get("/notice-board/slips").then().statusCode(200).extract().asString();
            answers.add(body);
            if ((long) (page + 1) * 100 >= JsonPath.from(body).getLong("slips.total")) {
                return answers;
            }
        }
    }

    private static List<String> allSlipIds(Map<String, ?> where) {
        return pages(where).stream().flatMap(a -> JsonPath.from(a).getList("slips.items.slipId", String.class).stream())
                .toList();
    }

    private static Map<String, Object> slip(String slipId, Map<String, ?> where) {
        for (String answer : pages(where)) {
            List<Map<String, Object>> items = JsonPath.from(answer).getList("slips.items");
            for (Map<String, Object> item : items) {
                if (slipId.equals(item.get("slipId"))) {
                    return item;
                }
            }
        }
        throw new AssertionError("slip " + slipId + " is not on the board");
    }

    private static LocalDate today() {
        return LocalDate.now(BEIJING);
    }
}
