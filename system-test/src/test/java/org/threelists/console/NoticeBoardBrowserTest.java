package org.threelists.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.threelists.localstack.LocalStack;
import org.threelists.system.Api;
import org.threelists.system.DemoWorld;
import org.threelists.system.RunningSystem;
import org.threelists.system.TestPartyGroup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.threelists.localstack.LocalStack.DEMAND_LIST;
import static org.threelists.localstack.LocalStack.MATCHMAKER;
import static org.threelists.system.Api.eventually;
import static org.threelists.system.DemoWorld.COMMUNITY_WORKER;
import static org.threelists.system.DemoWorld.DESK;

/**
 * The public notice board (公示) in real headless Chromium, without signing in: a project the desk assigned, delivered,
 * completed and rated shows its unit, hours and satisfaction; a cancelled one stays in the year's record as 已撤销; a
 * slip the demo Party group closed shows in 党小组服务 with its group, hours and satisfaction; the unit's standing
 * shows its hours. Neither the page nor any answer of the board's three JSON endpoints (through the console, with
 * every street, community, year and list) names a resident, a Party member or a volunteer of the demo world or of
 * this test, although the desk wrote a resident's name into the project's title and the slip's words name her too.
 */
@Order(4) // junit-platform.properties: the shared system's classes first
class NoticeBoardBrowserTest {

    private static final String RUN = UUID.randomUUID().toString().substring(0, 6);
    private static final String UNIT_NAME = "嘉福公示测试服务队 " + RUN;
    /** A building Party group of 嘉福社区 of this test's own (the shared system has no demo world). */
    private static final String GROUP = "嘉福公示测试楼栋党小组 " + RUN;
    private static final Map<String, String> LEADER = Map.of("name", "赵国庆", "phone", "13800003311", "skill", "政策咨询");
    private static final Map<String, String> MEMBER = Map.of("name", "钱丽", "phone", "13800003312", "skill", "政策咨询");

    private static Browser browser;
    private static String consoleUrl;

    @BeforeAll
    static void startSystemAndBrowser() {
        LocalStack stack = RunningSystem.stack();
        consoleUrl = stack.consoleUrl();
        browser = Browser.open(consoleUrl);
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void anyoneSeesTheBoardWithoutSigningInAndNoPersonalData() {
        String unit = DemoWorld.registerUnit(UNIT_NAME);
        String resource = DemoWorld.offerVolunteerHours(unit, "HEALTH", 20);
        // DemoWorld's demands carry the resident 林阿婆 (13800000099); the desk also names her in the title
        String done = assigned(unit, resource, DemoWorld.listedDemand("HEALTH", "NORMAL", 3, "林阿婆家中老人量血压 " + RUN));
        String volunteer = DemoWorld.registerVolunteer(unit, "周晓梅", "13800003301", "测血压");
        DemoWorld.reportDelivery(unit, done, Map.of("date", DemoWorld.today().toString(), "place", "嘉福盐业小区3栋林阿婆家",
                "volunteers", List.of(Map.of("volunteerId", volunteer, "hours", 2.5)), "residentsServed", 1,
                "notes", "为林阿婆（13800000099）量血压"));
        Api.post(MATCHMAKER, COMMUNITY_WORKER, "/projects/" + done + "/completion", null, 200);
        Api.post(MATCHMAKER, COMMUNITY_WORKER, "/projects/" + done + "/ratings",
                Map.of("demandId", demandOf(done), "score", 4, "comment", "林阿婆说很满意"), 200);
        String cancelled = assigned(unit, resource, DemoWorld.listedDemand("HEALTH", "NORMAL", 2, "另一位老人量血压 " + RUN));
        Api.post(MATCHMAKER, DESK, "/projects/" + cancelled + "/cancel", Map.of("reason", "林阿婆已入住养老院"), 200);

        String slip = closedSlipOfTheGroup();

        browser.go("/notice-board?street=dianqian&community=jiafu");
        String completedRow = Browser.rowXpath(".board-completed", UNIT_NAME);
        browser.awaitText(By.xpath(completedRow), "2.5");
        assertThat(browser.text(By.xpath(completedRow))).contains("嘉福社区", "2.5", "4.0 分（1 人评价）");
        assertThat(browser.text(By.cssSelector(".page-title"))).contains("殿前街道");
        assertThat(browser.text(By.xpath(Browser.rowXpath(".board-published", UNIT_NAME)))).contains("已评价", "健康");
        assertThat(browser.text(By.cssSelector(".board-published"))).contains("已撤销", "撤销：");
        String slipRow = Browser.rowXpath(".board-slips", GROUP);
        browser.awaitText(By.xpath(slipRow), GROUP);
        assertThat(browser.text(By.cssSelector(".board-slips"))).contains("政策咨询", "嘉福社区", "上门", "1.5", "5 分");
        assertThat(Integer.parseInt(browser.text(By.cssSelector(".board-slips-closed")).trim())).isPositive();
        String standingRow = Browser.rowXpath(".board-standings", UNIT_NAME);
        browser.awaitWhileDoing("the unit's standing once the ledger recorded the delivery", Duration.ofSeconds(60),
                () -> browser.go("/notice-board?street=dianqian&community=jiafu&year=" + DemoWorld.today().getYear()),
                () -> browser.text(By.xpath(standingRow)).contains("2.5"));
        assertThat(browser.currentRoute()).startsWith("/notice-board");
        System.out.println("console screenshot: " + browser.screenshot("notice-board"));

        // the JSON behind it: the cancelled project stays in the year's record, dated, and left the open list
        JsonPath year = board("/api/matchmaker/notice-board/projects", Map.of("street", "dianqian",
                "community", "jiafu", "list", "YEAR", "size", 100));
        assertThat(year.getList("projects.items.projectId")).contains(done, cancelled);
        assertThat(board("/api/matchmaker/notice-board/projects", Map.of("street", "dianqian", "list", "OPEN",
                "size", 100)).getList("projects.items.projectId")).doesNotContain(done, cancelled);

        Map<String, Object> slipRowJson = board("/api/demand-list/notice-board/slips", Map.of("street", "dianqian",
                "community", "jiafu", "size", 100)).<Map<String, Object>>getList("slips.items").stream()
                .filter(item -> slip.equals(item.get("slipId"))).findFirst().orElseThrow();
        assertThat(slipRowJson).containsEntry("groupName", GROUP).containsEntry("satisfaction", 5)
                .containsEntry("mode", "ON_SITE").containsEntry("serviceDate", DemoWorld.today().toString());

        List<String> answers = new ArrayList<>();
        answers.add(String.valueOf(browser.script("return document.documentElement.outerHTML")));
        answers.add(String.valueOf(browser.script("return document.body.innerText")));
        answers.addAll(everyBoardAnswer());
        Map<String, String> people = demoPeople();
        people.put("林阿婆", "13800000099");
        people.put("周晓梅", "13800003301");
        people.put(LEADER.get("name"), LEADER.get("phone"));
        people.put(MEMBER.get("name"), MEMBER.get("phone"));
        assertThat(people).hasSizeGreaterThan(6);
        for (String answer : answers) {
            people.forEach((name, phone) -> {
                assertThat(answer).as("a public answer").doesNotContain(name);
                if (!phone.isBlank()) {
                    assertThat(answer).as("a public answer").doesNotContain(phone);
                }
            });
        }
    }

    /** The desk assigns the demand to the unit's offer, titled with the resident's name; resource-list confirms it. */
    private static String assigned(String unit, String resource, String demand) {
        String project = DemoWorld.assignedByDesk(List.of(demand), unit, resource, "为林阿婆量血压 " + RUN);
        eventually("the claim confirmed", () -> Api.get(MATCHMAKER, DESK, "/projects/" + project).extract()
                .<String>path("status"), "CLAIMED"::equals);
        return project;
    }

    /**
     * The test's building Party group serves a small need of 嘉福社区: the community routes it to the group, the leader
     * dispatches a slip to the member, who accepts it and reports 1.5 hours on site without checking in, the leader
     * confirms the hours, and the community records the resident's satisfaction (5). The slip's problem and the report
     * both name the resident. Returns the slip's id.
     */
    private static String closedSlipOfTheGroup() {
        TestPartyGroup group = TestPartyGroup.register(GROUP, RUN + "号楼", "POLICY_CONSULTATION", LEADER, MEMBER);
        String demand = DemoWorld.listedDemand("POLICY_CONSULTATION", "NORMAL", 1, "老人想了解高龄津贴怎么申请 " + RUN);
        Api.post(DEMAND_LIST, COMMUNITY_WORKER, "/demands/" + demand + "/route",
                Map.of("lane", "PARTY_GROUP", "groupId", group.groupId()), 200);
        String slip = Api.post(DEMAND_LIST, group.leaderToken(), "/slips", Map.of("demandId", demand,
                "memberId", group.memberId(), "problem", "为林阿婆（13800000099）解答高龄津贴申请"), 201)
                .extract().path("slipId");
        Api.post(DEMAND_LIST, group.memberToken(), "/slips/" + slip + "/accept", null, 200);
        Api.post(DEMAND_LIST, group.memberToken(), "/slips/" + slip + "/report", Map.of("service",
                "上门为林阿婆讲解高龄津贴申请材料", "hours", 1.5, "mode", "ON_SITE"), 200);
        Api.post(DEMAND_LIST, group.leaderToken(), "/slips/" + slip + "/hours-confirmation",
                Map.of("hours", 1.5, "reason", "林阿婆家中无信号，未能签到"), 200);
        Api.post(DEMAND_LIST, COMMUNITY_WORKER, "/slips/" + slip + "/satisfaction", Map.of("score", 5), 200);
        return slip;
    }

    private static String demandOf(String project) {
        return Api.get(MATCHMAKER, DESK, "/projects/" + project).extract().path("demandIds[0]");
    }

    private static JsonPath board(String path, Map<String, ?> query) {
        return RestAssured.given().baseUri(consoleUrl).queryParams(query).get(path).then().statusCode(200)
                .header("Cache-Control", "public, max-age=60").extract().jsonPath();
    }

    /** The three endpoints, without a token, for every street and community of the reference data, with and without a year. */
    private static List<String> everyBoardAnswer() {
        JsonPath reference = RestAssured.given().baseUri(consoleUrl).get("/console/reference").then().statusCode(200)
                .extract().jsonPath();
        String thisYear = String.valueOf(DemoWorld.today().getYear());
        List<String> answers = new ArrayList<>();
        for (Map<String, Object> street : reference.<Map<String, Object>>getList("streets")) {
            String code = (String) street.get("code");
            answers.add(raw("/api/ledger/notice-board/standings", Map.of("street", code)));
            answers.add(raw("/api/ledger/notice-board/standings", Map.of("street", code, "year", thisYear)));
            List<String> communities = new ArrayList<>();
            communities.add(null);
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> ofStreet = (List<Map<String, Object>>) street.get("communities");
            ofStreet.forEach(c -> communities.add((String) c.get("code")));
            for (String community : communities) {
                Map<String, Object> slips = new LinkedHashMap<>(Map.of("street", code, "size", 100));
                if (community != null) {
                    slips.put("community", community);
                }
                answers.add(raw("/api/demand-list/notice-board/slips", slips));
                slips.put("year", thisYear);
                answers.add(raw("/api/demand-list/notice-board/slips", slips));
                for (String list : List.of("OPEN", "COMPLETED", "YEAR")) {
                    Map<String, Object> query = new LinkedHashMap<>(Map.of("street", code, "list", list,
                            "year", thisYear, "size", 100));
                    if (community != null) {
                        query.put("community", community);
                    }
                    answers.add(raw("/api/matchmaker/notice-board/projects", query));
                }
            }
        }
        return answers;
    }

    private static String raw(String path, Map<String, ?> query) {
        return RestAssured.given().baseUri(consoleUrl).queryParams(query).get(path).then().statusCode(200)
                .extract().asString();
    }

    /** Every person of the demo data — residents, resident Party members, volunteers, units' contacts — by name, with the phone. */
    private static Map<String, String> demoPeople() {
        Map<String, String> people = new LinkedHashMap<>();
        for (String file : List.of("demo/demands.json", "demo/party-groups.json", "demo/resource-list.json")) {
            try (InputStream in = LocalStack.class.getClassLoader().getResourceAsStream(file)) {
                assertThat(in).as(file).isNotNull();
                collectPeople(new ObjectMapper().readTree(in), people);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return people;
    }

    private static void collectPeople(JsonNode node, Map<String, String> people) {
        node.fields().forEachRemaining(field -> {
            JsonNode value = field.getValue();
            if (List.of("resident", "person").contains(field.getKey()) && value.has("name")) {
                people.put(value.path("name").asText(), value.path("phone").asText());
            }
            if (field.getKey().equals("contact") && value.path("person").isTextual()) {
                people.put(value.path("person").asText(), value.path("phone").asText());
            }
        });
        node.elements().forEachRemaining(child -> collectPeople(child, people));
    }
}
