package org.threelists.console;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.threelists.devkit.DevTokens;
import org.threelists.localstack.LocalStack;
import org.threelists.system.Api;
import org.threelists.system.DemoWorld;
import org.threelists.system.RunningSystem;
import org.threelists.system.TestPartyGroup;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.threelists.localstack.LocalStack.DEMAND_LIST;
import static org.threelists.localstack.LocalStack.RESOURCE_LIST;
import static org.threelists.system.Api.eventually;
import static org.threelists.system.DemoWorld.COMMUNITY;
import static org.threelists.system.DemoWorld.COMMUNITY_WORKER;
import static org.threelists.system.DemoWorld.STREET;

/**
 * The second lane in real headless Chromium (services/demand-list/README.md, "The second lane", "The slip"): a
 * community worker routes a small demand to a building Party group, the group's leader dispatches a three-part slip
 * to a member, the member accepts and reports it on a phone-sized window, and the community records the resident's
 * satisfaction. Each step reads the stored state back through REST. One browser, the steps in order.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Order(5) // junit-platform.properties: the shared system's classes first
class SecondLaneBrowserTest {

    private static final String RUN = UUID.randomUUID().toString().substring(0, 6);
    /** 矛盾调解: not one of the small categories routed by default, and no test's unit offers it (no proposal). */
    private static final String CATEGORY = "DISPUTE_MEDIATION";
    /** The group covers a building of its own, so that no other test's demand is routed to it by default. */
    private static final String BUILDING = RUN + "号楼";
    private static final String GROUP_NAME = "嘉福测试楼栋党小组 " + RUN;
    private static final String DEMAND = "楼上漏水邻里纠纷调解 " + RUN;
    private static final String PROBLEM = "楼上卫生间漏水，请协调两户邻居约定维修 " + RUN;
    private static final String SERVICE = "上门查看漏水点，协调物业与两户邻居约定周六维修 " + RUN;
    private static final String RESIDENT_NAME = "林阿婆";
    private static final String RESIDENT_PHONE = "13800000099";
    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter SCREEN_TIME = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm");

    private static Browser browser;
    private static String groupId;
    private static String leaderId;
    private static String memberId;
    private static String demandId;
    private static String slipId;

    /**
     * The running system has no demo data: the community worker registers a group of two resident Party members over
     * REST, the first its leader, and the test waits until demand-list has heard of the group and its leader (a
     * probe demand routed to it shows on the leader's list), then withdraws the probe.
     */
    @BeforeAll
    static void startSystemAndBrowser() {
        LocalStack stack = RunningSystem.stack();
        TestPartyGroup group = TestPartyGroup.register(GROUP_NAME, BUILDING, CATEGORY,
                Map.of("name", "王建华", "phone", "13800003301", "skill", "邻里调解"),
                Map.of("name", "李晓梅", "phone", "13800003302", "skill", "政策咨询"));
        groupId = group.groupId();
        leaderId = group.leaderId();
        memberId = group.memberId();

        demandId = DemoWorld.listedDemand(CATEGORY, "HIGH", 2, DEMAND);
        browser = Browser.open(stack.consoleUrl());
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    @Order(1)
    void theCommunityRoutesAListedDemandToTheBuildingsPartyGroup() {
        browser.signInAs("community:" + STREET + ":" + COMMUNITY);
        open("/community/demands", "本社区需求");
        By row = rowWith(".demands", DEMAND);
        browser.find(row);
        assertThat(browser.text(row)).contains("联席会", "已入清单");

        browser.click(By.cssSelector(".route-to-group[data-demand='" + demandId + "']"));
        browser.choose(By.cssSelector(".route-dialog .field-group"), GROUP_NAME + "（嘉福盐业小区 " + BUILDING + "）");
        browser.click(By.cssSelector(".route-dialog .confirm-route"));
        browser.awaitText(row, "党小组办理中");
        assertThat(browser.text(row)).contains("党小组", GROUP_NAME);

        JsonNode stored = demand();
        assertThat(stored.path("status").asText()).isEqualTo("IN_PARTY_GROUP");
        assertThat(stored.path("partyGroupId").asText()).isEqualTo(groupId);
    }

    @Test
    @Order(2)
    void theGroupsLeaderDispatchesASlipToAMember() {
        browser.signInAs("member:" + STREET + ":" + COMMUNITY + ":" + leaderId);
        assertThat(browser.currentRoute()).isEqualTo("/member/slips");
        // the leader's extra screen shows once demand-list shows them the group they lead
        browser.click(By.xpath("//nav[contains(@class,'menu')]//li[normalize-space()='党小组派单']"));
        By held = rowWith(".group-demands", DEMAND);
        browser.find(held);
        assertThat(browser.text(held)).contains("矛盾调解", "嘉福盐业小区 3栋", "紧急", "待派单");

        browser.click(By.cssSelector(".dispatch-slip[data-demand='" + demandId + "']"));
        browser.type(By.cssSelector(".dispatch-dialog .field-problem textarea"), PROBLEM);
        // resource-list shows a group's roster to its community, not to its leader: the leader names the member's id;
        // someone not in the group is refused, and the screen shows the service's problem
        String stranger = "not-a-member-" + RUN;
        browser.type(By.cssSelector(".dispatch-dialog .field-member-id input"), stranger);
        browser.click(By.cssSelector(".dispatch-dialog .confirm-dispatch"));
        String shown = browser.text(By.cssSelector(".problem-message"));
        // the console asks for the refusal in Chinese (docs/architecture.md, "Problems in Chinese"): so does this
        JsonNode problem = Api.as(DEMAND_LIST, leaderToken()).header("Accept-Language", "zh-CN")
                .body(Map.of("demandId", demandId, "memberId", stranger, "problem", PROBLEM)).post("/slips")
                .then().statusCode(400).extract().as(JsonNode.class);
        assertThat(problem.path("detail").asText()).contains("不是党小组", stranger);
        assertThat(shown).contains(problem.path("title").asText(), problem.path("detail").asText(), stranger);
        assertThat(demand().path("openSlipId").isMissingNode()).isTrue();

        browser.type(By.cssSelector(".dispatch-dialog .field-member-id input"), memberId);
        browser.click(By.cssSelector(".dispatch-dialog .confirm-dispatch"));

        By slipRow = rowWith(".group-slips", PROBLEM);
        browser.find(slipRow);
        JsonNode slip = slipOfDemand();
        slipId = slip.path("slipId").asText();
        assertThat(slip.path("status").asText()).isEqualTo("DISPATCHED");
        assertThat(slip.path("memberId").asText()).isEqualTo(memberId);
        assertThat(slip.path("leaderId").asText()).isEqualTo(leaderId);
        assertThat(slip.path("problem").asText()).isEqualTo(PROBLEM);
        assertThat(browser.text(slipRow)).contains("已派单", memberId, "居住地党员", "接单截止", "剩 ",
                onScreen(slip.path("acceptBy").asText()));
        assertThat(demand().path("openSlipId").asText()).isEqualTo(slipId);
    }

    @Test
    @Order(3)
    void theMemberAcceptsAndReportsOnAPhone() {
        browser.windowSize(375, 812);
        try {
            browser.signInAs("member:" + STREET + ":" + COMMUNITY + ":" + memberId);
            By card = By.cssSelector(".slip-card[data-slip='" + slipId + "']");
            browser.find(card);
            assertThat(browser.text(card)).contains("已派单", PROBLEM, "紧急", "接单截止");
            assertThat(browser.all(By.cssSelector(".slip-card"))).hasSize(1);
            // a member is shown no resident's contact
            String page = String.valueOf(browser.script("return document.body.innerText"));
            assertThat(page).doesNotContain(RESIDENT_NAME, RESIDENT_PHONE);
            assertNoHorizontalScroll("the member's slips");

            browser.click(By.cssSelector(".slip-card[data-slip='" + slipId + "'] .accept-slip"));
            browser.awaitText(card, "已接单");
            JsonNode accepted = slip();
            assertThat(accepted.path("status").asText()).isEqualTo("ACCEPTED");
            assertThat(browser.text(card)).contains("办结截止", onScreen(accepted.path("resolveBy").asText()));

            browser.click(By.cssSelector(".slip-card[data-slip='" + slipId + "'] .open-report"));
            browser.type(By.cssSelector(".report-form .field-service textarea"), SERVICE);
            browser.type(By.cssSelector(".report-form .field-hours input"), "1.5");
            browser.click(By.cssSelector(".report-form .mode-ON_SITE"));
            assertNoHorizontalScroll("the report form");
            browser.click(By.cssSelector(".report-form .submit-report"));
            browser.awaitText(card, "已反馈");
            assertThat(browser.text(card)).contains("1.5 小时 · 上门 · " + onScreen(DemoWorld.today()));

            JsonNode reported = slip();
            assertThat(reported.path("status").asText()).isEqualTo("REPORTED");
            assertThat(reported.path("service").asText()).isEqualTo(SERVICE);
            // reported without a check-in: the member's figure is kept, nothing counts yet (no hoursSource)
            assertThat(reported.path("reportedHours").decimalValue()).isEqualByComparingTo("1.5");
            assertThat(reported.has("hoursSource")).isFalse();
            assertThat(reported.path("mode").asText()).isEqualTo("ON_SITE");
            assertThat(reported.path("serviceDate").asText()).isEqualTo(DemoWorld.today().toString());
        } finally {
            browser.windowSize(1440, 1000);
        }
    }

    @Test
    @Order(4)
    void theCommunityRecordsTheResidentsSatisfaction() {
        // the member reported without checking in (签到): the hours count once the group's leader confirms them,
        // recorded as such (services/demand-list/README.md, "Check-in and check-out"); until then the slip cannot close
        JsonNode confirmed = Api.post(DEMAND_LIST, leaderToken(), "/slips/" + slipId + "/hours-confirmation",
                Map.of("hours", 1.5, "reason", "居民家中无信号，未能签到"), 200).extract().as(JsonNode.class);
        assertThat(confirmed.path("hoursSource").asText()).isEqualTo("CONFIRMED_BY_LEADER");
        browser.signInAs("community:" + STREET + ":" + COMMUNITY);
        open("/community/demands", "本社区需求");
        By row = rowWith(".demands", DEMAND);
        browser.find(row);
        assertThat(browser.text(row)).contains("已反馈", "1.5 小时 · 上门");

        browser.click(By.cssSelector(".record-satisfaction[data-demand='" + demandId + "']"));
        browser.click(By.cssSelector(".satisfaction-dialog .confirm-satisfaction"));
        browser.awaitText(row, "已评价");
        assertThat(browser.text(row)).contains("已办结", "满意度 5 分", "党小组");

        JsonNode closed = slip();
        assertThat(closed.path("status").asText()).isEqualTo("CLOSED");
        assertThat(closed.path("satisfaction").asInt()).isEqualTo(5);
        JsonNode rated = demand();
        assertThat(rated.path("status").asText()).isEqualTo("RATED");
        assertThat(rated.path("rating").asInt()).isEqualTo(5);
    }

    // --- helpers -------------------------------------------------------------------------------------------------

    private static String leaderToken() {
        return DevTokens.member(leaderId, STREET, COMMUNITY);
    }

    private static JsonNode demand() {
        return Api.get(DEMAND_LIST, COMMUNITY_WORKER, "/demands/" + demandId).extract().as(JsonNode.class);
    }

    private static JsonNode slipOfDemand() {
        JsonNode items = Api.get(DEMAND_LIST, COMMUNITY_WORKER, "/slips?demandId=" + demandId).extract()
                .as(JsonNode.class).path("items");
        assertThat(items).hasSize(1);
        return items.get(0);
    }

    private static JsonNode slip() {
        return Api.get(DEMAND_LIST, COMMUNITY_WORKER, "/slips/" + slipId).extract().as(JsonNode.class);
    }

    /** A moment as the console writes it, in Beijing time: 2026年12月5日 14:30. */
    private static String onScreen(String instant) {
        return SCREEN_TIME.format(Instant.parse(instant).atZone(BEIJING));
    }

    private static String onScreen(LocalDate day) {
        return day.getYear() + "年" + day.getMonthValue() + "月" + day.getDayOfMonth() + "日";
    }

    private static void assertNoHorizontalScroll(String where) {
        Object widths = browser.script("return [document.documentElement.scrollWidth, window.innerWidth]");
        @SuppressWarnings("unchecked")
        List<Number> measured = (List<Number>) widths;
        assertThat(measured.get(0).intValue()).as("the page's width on %s (viewport %s)", where, measured.get(1))
                .isLessThanOrEqualTo(measured.get(1).intValue());
    }

    private static By rowWith(String table, String text) {
        return By.xpath(Browser.rowXpath(table, text));
    }

    /** Goes to a screen of the signed-in console and waits for its title. */
    private static void open(String route, String title) {
        browser.awaitWhileDoing("on " + title, Duration.ofSeconds(30), () -> browser.go(route),
                () -> route.equals(browser.currentRoute()) && String.valueOf(browser.script(
                        "return document.querySelector('h1.page-title')?.textContent")).contains(title));
    }
}
