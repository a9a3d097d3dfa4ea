package org.threelists.matchmaker.api;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.threelists.matchmaker.ProjectWorld;
import org.threelists.matchmaker.ProjectWorld.Unit;
import org.threelists.matchmaker.projection.OpenDemandView;
import org.threelists.platform.ratelimit.ClientRateLimiter;
import org.threelists.testing.RealInfrastructure;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.threelists.matchmaker.Fixtures.PROBLEMS;
import static org.threelists.matchmaker.Fixtures.as;
import static org.threelists.matchmaker.Fixtures.await;
import static org.threelists.matchmaker.Fixtures.change;
import static org.threelists.matchmaker.Fixtures.demandEvent;
import static org.threelists.matchmaker.Fixtures.newDemandId;
import static org.threelists.matchmaker.Fixtures.publish;
import static org.threelists.matchmaker.Fixtures.submitted;
import static org.threelists.matchmaker.Fixtures.with;
import static org.threelists.matchmaker.ProjectWorld.COMMUNITY;
import static org.threelists.matchmaker.ProjectWorld.COMMUNITY_WORKER;
import static org.threelists.matchmaker.ProjectWorld.DESK;
import static org.threelists.matchmaker.ProjectWorld.STREET;
import static org.threelists.matchmaker.ProjectWorld.assigned;
import static org.threelists.matchmaker.ProjectWorld.claimConfirmed;
import static org.threelists.matchmaker.ProjectWorld.unit;
import static org.threelists.matchmaker.messaging.Topics.DEMAND_EVENTS;

/**
 * The public notice board of the project list (README "Notice board"): anyone reads it without a token; only what the
 * desk published appears; a cancelled project leaves the open list and stays in the year's record; completed ones show
 * their hours and satisfaction; and no resident's name or phone appears in any answer, although this test writes them
 * into every free text the matchmaker keeps (the demands' descriptions, the desk's title and notes, the place, the
 * delivery notes, the residents' comments, the reasons). A client asking too often is refused (429).
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class NoticeBoardResourceTest {

    /** Residents as a community worker would write them down (the demo world's residents are of this kind). */
    private static final List<String[]> RESIDENTS = List.of(
            new String[] {"林阿婆", "13800000099"}, new String[] {"陈阿伯", "13800000098"},
            new String[] {"黄秀英", "13912345678"});
    private static final String YEAR = String.valueOf(LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear());

    @Inject
    ClientRateLimiter limiter;

    @BeforeEach
    @AfterEach
    void fullBucket() {
        // every test reads the board from the same address; the other suites count on a full bucket too
        limiter.reset();
    }

    @Test
    void the_board_shows_published_claimed_completed_and_cancelled_projects_without_personal_data() {
        Unit court = unit("LEGAL_ADVICE", List.of(), 40);
        String volunteer = ProjectWorld.volunteer(court);

        // completed and rated: the desk typed a resident's name into the title
        String doneDemand = demandWithResident("LEGAL_ADVICE", RESIDENTS.get(0));
        String done = assignedWithPersonalText(court, doneDemand, RESIDENTS.get(0));
        as(court.token()).body(Map.of("date", today().toString(), "place", address(RESIDENTS.get(0))))
                .post("/projects/{id}/schedule", done).then().statusCode(200);
        as(court.token()).body(Map.of("date", today().toString(), "place", address(RESIDENTS.get(0)),
                        "residentsServed", 1, "notes", "为" + person(RESIDENTS.get(0)) + "讲解遗嘱",
                        "volunteers", List.of(Map.of("volunteerId", volunteer, "maskedName", "王*明", "hours", 2.5))))
                .post("/projects/{id}/delivery", done).then().statusCode(200);
        as(COMMUNITY_WORKER).post("/projects/{id}/completion", done).then().statusCode(200);
        as(COMMUNITY_WORKER).body(Map.of("demandId", doneDemand, "score", 4, "comment", person(RESIDENTS.get(0)) + "很满意"))
                .post("/projects/{id}/ratings", done).then().statusCode(200);

        // claimed and under way
        String openDemand = demandWithResident("LEGAL_ADVICE", RESIDENTS.get(1));
        String open = assignedWithPersonalText(court, openDemand, RESIDENTS.get(1));

        // published, claimed, then cancelled by the desk
        String cancelledDemand = demandWithResident("LEGAL_ADVICE", RESIDENTS.get(2));
        String cancelled = assignedWithPersonalText(court, cancelledDemand, RESIDENTS.get(2));
        as(DESK).body(Map.of("reason", person(RESIDENTS.get(2)) + "已搬走")).post("/projects/{id}/cancel", cancelled)
                .then().statusCode(200);

        // a proposal the desk never published (a unit's 揭榜 the community has not approved)
        String proposalDemand = demandWithResident("LEGAL_ADVICE", RESIDENTS.get(1));
        String proposal = as(court.token()).body(Map.of("resourceId", court.resourceId(),
                        "note", "我们认识" + person(RESIDENTS.get(1))))
                .post("/demands/{id}/volunteer", proposalDemand).then().statusCode(201).extract().path("projectId");

        JsonPath year = board(Map.of("street", STREET, "community", COMMUNITY, "year", YEAR, "size", 100));
        assertThat(year.getString("street.name")).isEqualTo("殿前街道");
        assertThat(year.getString("community.name")).isEqualTo("嘉福社区");
        assertThat(year.getString("list")).isEqualTo("YEAR");
        List<String> ids = allIds(Map.of("street", STREET, "community", COMMUNITY, "year", YEAR), "YEAR");
        assertThat(ids).contains(done, open, cancelled).doesNotContain(proposal);
        assertThat(allIds(Map.of("street", STREET, "year", YEAR), "OPEN")).contains(open)
                .doesNotContain(done, cancelled, proposal);
        assertThat(allIds(Map.of("street", STREET, "year", YEAR), "COMPLETED")).contains(done)
                .doesNotContain(open, cancelled, proposal);

        Map<String, Object> completed = project(done);
        assertThat(completed.get("title")).isEqualTo("嘉福社区 · 法律咨询");
        assertThat(completed.get("categoryName")).isEqualTo("法律咨询");
        assertThat(completed.get("status")).isEqualTo("RATED");
        assertThat(completed.get("statusName")).isEqualTo("已评价");
        assertThat(completed.get("claimedBy")).isEqualTo(List.of(Map.of("unitId", court.unitId(), "name", "联桥社区卫生服务站")));
        assertThat(completed.get("publishedOn")).isEqualTo(today().toString());
        assertThat(completed.get("claimedOn")).isEqualTo(today().toString());
        assertThat(completed.get("deliveredOn")).isEqualTo(today().toString());
        assertThat(((Number) completed.get("hours")).doubleValue()).isEqualTo(2.5);
        @SuppressWarnings("unchecked")
        Map<String, Object> satisfaction = (Map<String, Object>) completed.get("satisfaction");
        assertThat(((Number) satisfaction.get("average")).doubleValue()).isEqualTo(4.0);
        assertThat(satisfaction.get("ratings")).isEqualTo(1);

        Map<String, Object> underWay = project(open);
        assertThat(underWay.get("statusName")).isEqualTo("已认领");
        assertThat(underWay.get("hours")).isNull();
        assertThat(underWay.get("satisfaction")).isNull();

        Map<String, Object> withdrawn = project(cancelled);
        assertThat(withdrawn.get("status")).isEqualTo("CANCELLED");
        assertThat(withdrawn.get("statusName")).isEqualTo("已撤销");
        assertThat(withdrawn.get("cancelledOn")).isEqualTo(today().toString());
        assertThat(withdrawn.get("hours")).isNull();

        // every answer the board gives, with every parameter, names no resident
        List<String> answers = new ArrayList<>();
        for (String list : List.of("OPEN", "COMPLETED", "YEAR")) {
            for (Map<String, ?> where : List.of(Map.<String, Object>of("street", STREET),
                    Map.<String, Object>of("street", STREET, "community", COMMUNITY),
                    Map.<String, Object>of("street", STREET, "community", COMMUNITY, "year", YEAR))) {
                answers.addAll(pages(where, list));
            }
        }
        assertThat(answers).isNotEmpty();
        for (String answer : answers) {
            for (String[] resident : RESIDENTS) {
                assertThat(answer).doesNotContain(resident[0]).doesNotContain(resident[1]);
            }
            assertThat(answer).doesNotContain("王*明").doesNotContain("讲解遗嘱").doesNotContain("联席会决定");
        }
    }

    @Test
    void the_board_is_public_cacheable_and_paged() {
        Unit court = unit("LEGAL_ADVICE", List.of(), 40);
        assignedWithPersonalText(court, demandWithResident("LEGAL_ADVICE", RESIDENTS.get(0)), RESIDENTS.get(0));
        assignedWithPersonalText(court, demandWithResident("LEGAL_ADVICE", RESIDENTS.get(1)), RESIDENTS.get(1));

        Response first = given().queryParams(Map.of("street", STREET, "size", 1)).get("/notice-board/projects");
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.header("Cache-Control")).isEqualTo("public, max-age=60");
        assertThat(first.jsonPath().getList("projects.items")).hasSize(1);
        assertThat(first.jsonPath().getLong("projects.total")).isGreaterThanOrEqualTo(2);
        assertThat(first.jsonPath().getInt("year")).isEqualTo(Integer.parseInt(YEAR));
        JsonPath second = board(Map.of("street", STREET, "size", 1, "page", 1));
        assertThat(second.getString("projects.items[0].projectId"))
                .isNotEqualTo(first.jsonPath().getString("projects.items[0].projectId"));
        assertThat(board(Map.of("street", STREET, "year", 2001)).getList("projects.items")).isEmpty();
        // another street's board does not show this street's projects
        assertThat(board(Map.of("street", "heping", "size", 100)).getList("projects.items.community.code"))
                .doesNotContain(COMMUNITY);

        given().get("/notice-board/projects").then().statusCode(400)
                .body("type", org.hamcrest.Matchers.equalTo(PROBLEMS + "invalid-input"));
        given().queryParams(Map.of("street", "atlantis")).get("/notice-board/projects").then().statusCode(404);
        given().queryParams(Map.of("street", STREET, "community", "lianqiao")).get("/notice-board/projects")
                .then().statusCode(404);
        given().queryParams(Map.of("street", STREET, "list", "PROPOSED")).get("/notice-board/projects")
                .then().statusCode(400);
    }

    @Test
    void a_client_that_reads_the_board_too_often_gets_429_with_retry_after_as_a_problem_document() {
        // the test profile allows the default burst of 30 (threelists.public-rate-limit.burst), refilled at 1 a minute
        for (int i = 0; i < 30; i++) {
            given().queryParams(Map.of("street", STREET, "size", 1)).get("/notice-board/projects").then().statusCode(200);
        }
        Response refused = given().queryParams(Map.of("street", STREET, "size", 1)).get("/notice-board/projects");
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.jsonPath().getString("type")).isEqualTo(PROBLEMS + "too-many-requests");
        assertThat(refused.jsonPath().getInt("status")).isEqualTo(429);
        long retryAfter = Long.parseLong(refused.header("Retry-After"));
        assertThat(retryAfter).isBetween(1L, 60L);
        assertThat(refused.jsonPath().getLong("retryAfter")).isEqualTo(retryAfter);
        // another address has a bucket of its own: the limiter counts per client, not for the board as a whole
        limiter.acquire("192.0.2.7");
    }

    private static JsonPath board(Map<String, ?> query) {
        return given().queryParams(query).get("/notice-board/projects").then().statusCode(200)
                .header("Cache-Control", "public, max-age=60").extract().jsonPath();
    }

    /** Every page of one list, as the raw JSON text of each answer. */
    private static List<String> pages(Map<String, ?> where, String list) {
        List<String> answers = new ArrayList<>();
        for (int page = 0; ; page++) {
            String body = given().queryParams(where).queryParam("list", list).queryParam("size", 100)
                    .queryParam("page", page).get("/notice-board/projects").then().statusCode(200).extract().asString();
            answers.add(body);
            JsonPath json = JsonPath.from(body);
            if ((long) (page + 1) * 100 >= json.getLong("projects.total")) {
                return answers;
            }
        }
    }

    private static List<String> allIds(Map<String, ?> where, String list) {
        return pages(where, list).stream().flatMap(a -> JsonPath.from(a).getList("projects.items.projectId", String.class)
                .stream()).toList();
    }

    private static Map<String, Object> project(String projectId) {
        for (String answer : pages(Map.of("street", STREET, "year", YEAR), "YEAR")) {
            List<Map<String, Object>> items = JsonPath.from(answer).getList("projects.items");
            for (Map<String, Object> item : items) {
                if (projectId.equals(item.get("projectId"))) {
                    return item;
                }
            }
        }
        throw new AssertionError("project " + projectId + " is not on the board");
    }

    /** The desk assigns the demand with a title and note naming the resident, and resource-list reserves the hours. */
    private static String assignedWithPersonalText(Unit unit, String demandId, String[] resident) {
        String projectId = as(DESK).body(Map.of("demandIds", List.of(demandId), "unitId", unit.unitId(),
                        "resourceId", unit.resourceId(), "title", "为" + person(resident) + "提供法律咨询",
                        "note", "联席会决定，联系" + resident[1]))
                .post("/projects").then().statusCode(201).extract().path("projectId");
        String claimId = as(DESK).get("/projects/{id}", projectId).then().statusCode(200).extract().path("claims[0].claimId");
        claimConfirmed(projectId, claimId, 30);
        return projectId;
    }

    /** A listed demand of 嘉福社区 whose description names the resident, as a worker may write it. */
    private static String demandWithResident(String category, String[] resident) {
        String id = newDemandId();
        Map<String, Object> data = with(with(with(submitted(id), "streetCode", STREET), "communityCode", COMMUNITY),
                "category", category);
        data = with(with(with(data, "requiredSkills", List.of()), "estimatedHours", 2), "compound", "嘉福盐业小区");
        data = with(data, "description", person(resident) + "想了解遗嘱怎么立");
        data = with(data, "window", Map.of("start", today().toString(), "end", today().plusDays(25).toString()));
        publish(DEMAND_EVENTS, id, demandEvent("submitted", data));
        publish(DEMAND_EVENTS, id, demandEvent("verified", change(id, "LISTED")));
        await(() -> OpenDemandView.<OpenDemandView>findById(id), d -> OpenDemandView.LISTED.equals(d.status));
        return id;
    }

    private static String person(String[] resident) {
        return resident[0] + "（" + resident[1] + "）";
    }

    private static String address(String[] resident) {
        return "嘉福盐业小区2栋" + resident[0] + "家";
    }

    private static LocalDate today() {
        return LocalDate.now(ZoneId.of("Asia/Shanghai"));
    }
}
