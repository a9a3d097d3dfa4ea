package org.threelists.console;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.threelists.localstack.LocalStack;
import org.threelists.system.Api;
import org.threelists.system.DemoWorld;
import org.threelists.system.RunningSystem;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.threelists.localstack.LocalStack.DEMAND_LIST;
import static org.threelists.localstack.LocalStack.LEDGER;
import static org.threelists.localstack.LocalStack.MATCHMAKER;
import static org.threelists.localstack.LocalStack.RESOURCE_LIST;
import static org.threelists.system.Api.eventually;
import static org.threelists.system.DemoWorld.DESK;

/**
 * The upkeep of the lists in real headless Chromium, what people did with curl before: a unit publishes an offer and
 * withdraws an old one, reports a delivery that used less than it reserved, and reads its rank among the street's
 * units; a community withdraws a demand; the desk amends a unit and a volunteer, lets a unit leave the alliance and
 * rejoin, corrects a volunteer's hours in the ledger, finds a statement on the statement list, reads who was shown a
 * resident's contact, and erases the resident's data. Each step reads the stored state back through REST. One
 * browser, the steps in order.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Order(3) // junit-platform.properties: the shared system's classes first
class ListUpkeepBrowserTest {

    private static final String RUN = UUID.randomUUID().toString().substring(0, 6);
    /** 就业服务: no other browser or flow test offers it, so no other test's planning proposes this test's unit. */
    private static final String CATEGORY = "EMPLOYMENT";
    private static final String UNIT_NAME = "殿前就业指导研究所 " + RUN;
    private static final String NEW_OFFER = "就业政策上门讲解 " + RUN;
    private static final String SERVED_DEMAND = "失业人员再就业咨询 " + RUN;
    private static final String WITHDRAWN_DEMAND = "求职简历指导 " + RUN;

    private static Browser browser;
    private static String unit;
    private static String oldOffer;
    private static String newOffer;
    private static String volunteer;
    private static String demandId;
    private static String projectId;

    @BeforeAll
    static void startSystemAndBrowser() {
        LocalStack stack = RunningSystem.stack();
        // a research institute: few of the street's units are, so the desk finds it on the first page of its kind
        unit = "unit-upkeep-" + RUN;
        Api.post(RESOURCE_LIST, DESK, "/units", Map.of("unitId", unit, "name", UNIT_NAME, "kind", "RESEARCH_INSTITUTE",
                "communities", List.of(DemoWorld.COMMUNITY)), 201);
        oldOffer = DemoWorld.offerVolunteerHours(unit, CATEGORY, 6);
        volunteer = Api.post(RESOURCE_LIST, DemoWorld.unitToken(unit), "/volunteers", Map.of("unitId", unit,
                        "homeCommunity", DemoWorld.COMMUNITY, "skills", List.of("职业指导"),
                        "person", Map.of("name", "郑晓燕", "phone", "13800007701"), "consent", true), 201)
                .extract().path("volunteerId");
        browser = Browser.open(stack.consoleUrl());
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
        // other system tests count on the matchmaker proposing their own units: this one leaves the alliance
        Api.as(RESOURCE_LIST, DESK).body(Map.of("reason", "测试结束")).post("/units/" + unit + "/leave");
    }

    @Test
    @Order(1)
    void aUnitPublishesAnOfferAndWithdrawsAnOldOne() {
        browser.signInAs("unit:dianqian:" + unit);
        open("/unit/resources", "本单位资源");
        browser.click(By.cssSelector(".offer-resource"));
        browser.type(By.cssSelector(".offer-form .field-title input"), NEW_OFFER);
        // a multiple select stays open after a choice: a click on the dialog's header closes it
        browser.choose(By.cssSelector(".offer-form .field-categories"), "就业服务");
        browser.click(By.cssSelector(".offer-form .el-dialog__header"));
        browser.choose(By.cssSelector(".offer-form .field-area"), "嘉福社区");
        browser.click(By.cssSelector(".offer-form .el-dialog__header"));
        browser.type(By.cssSelector(".offer-form .field-amount input"), "8\t");
        browser.click(By.cssSelector(".confirm-offer"));

        By offered = rowWith(".unit-offers", NEW_OFFER);
        browser.find(offered);
        assertThat(browser.text(offered)).contains("志愿服务", "就业服务", "嘉福社区", "有效");
        JsonNode stored = offerTitled(NEW_OFFER);
        newOffer = stored.path("resourceId").asText();
        assertThat(stored.path("capacity").path("amount").decimalValue()).isEqualByComparingTo("8");
        assertThat(stored.path("capacity").path("period").asText()).isEqualTo("TOTAL");
        assertThat(stored.path("categories").get(0).asText()).isEqualTo(CATEGORY);
        assertThat(stored.path("serviceArea").get(0).asText()).isEqualTo(DemoWorld.COMMUNITY);
        assertThat(stored.path("status").asText()).isEqualTo("ACTIVE");

        By old = rowWith(".unit-offers", "党员志愿服务队 " + CATEGORY);
        browser.click(By.xpath(Browser.rowXpath(".unit-offers", "党员志愿服务队 " + CATEGORY)
                + "//button[contains(@class,'withdraw-offer')]"));
        browser.type(By.cssSelector(".withdraw-offer-dialog .reason-text textarea"), "原服务队并入新项目");
        browser.click(By.cssSelector(".withdraw-offer-dialog .confirm-reason-dialog"));
        browser.awaitText(old, "已撤回");
        assertThat(browser.text(old)).contains("原服务队并入新项目");
        JsonNode withdrawn = Api.get(RESOURCE_LIST, DESK, "/resources/" + oldOffer).extract().as(JsonNode.class);
        assertThat(withdrawn.path("status").asText()).isEqualTo("WITHDRAWN");
        assertThat(withdrawn.path("statusReason").asText()).isEqualTo("原服务队并入新项目");
    }

    @Test
    @Order(2)
    void theUnitReportsADeliveryThatUsedLessThanItReserved() {
        demandId = DemoWorld.listedDemand(CATEGORY, "NORMAL", 4, SERVED_DEMAND);
        projectId = DemoWorld.assignedByDesk(List.of(demandId), unit, newOffer, "再就业咨询 " + RUN);
        JsonNode claimed = eventually("the project claimed", () -> project(projectId),
                p -> p.path("status").asText().equals("CLAIMED"));
        JsonNode claim = claimed.path("claims").get(0);
        BigDecimal reserved = claim.path("amount").decimalValue();
        assertThat(reserved).isGreaterThan(new BigDecimal("3"));
        Api.post(MATCHMAKER, DemoWorld.unitToken(unit), "/projects/" + projectId + "/schedule",
                Map.of("date", DemoWorld.today().toString(), "place", "嘉福社区党群服务中心"), 200);
        // the holder reads the resident's contact while it serves: the desk's log (step 7) shows this showing
        eventually("the contact shown to the holder", () -> Api.get(DEMAND_LIST, DemoWorld.unitToken(unit),
                "/demands/" + demandId).extract().as(JsonNode.class), d -> d.path("resident").has("phone"));

        browser.go("/unit/projects");
        By deliver = By.cssSelector(".deliver[data-project='" + projectId + "']");
        browser.awaitWhileDoing("the scheduled project on the unit's projects", Duration.ofSeconds(30),
                () -> browser.click(By.cssSelector(".refresh")), () -> !browser.all(deliver).isEmpty());
        browser.click(deliver);
        browser.click(By.cssSelector(".delivery-dialog .pick[data-volunteer='" + volunteer + "']"));
        browser.type(By.cssSelector(".delivery-dialog .hours[data-volunteer='" + volunteer + "'] input"), "2.5\t");
        assertThat(browser.find(By.cssSelector(".delivery-dialog .used[data-claim='" + claim.path("claimId").asText()
                + "'] input")).getAttribute("value")).isEqualTo(reserved.setScale(2).toPlainString());
        browser.type(By.cssSelector(".delivery-dialog .used[data-claim='" + claim.path("claimId").asText() + "'] input"), "3\t");
        browser.click(By.cssSelector(".confirm-delivery"));

        JsonNode delivered = eventually("the delivery reported", () -> project(projectId),
                p -> p.path("status").asText().equals("DELIVERED"));
        assertThat(delivered.path("consumptions").get(0).path("amount").decimalValue()).isEqualByComparingTo("3");
        // resource-list consumed 3 of the reservation and gave the rest back to the offer
        JsonNode usage = eventually("the offer's capacity consumed", () -> Api.get(RESOURCE_LIST, DESK,
                "/resources/" + newOffer).extract().as(JsonNode.class).path("capacity").path("usage").get(0),
                u -> u != null && u.path("consumed").decimalValue().compareTo(new BigDecimal("3")) == 0);
        assertThat(usage.path("reserved").decimalValue()).isEqualByComparingTo("0");
        assertThat(usage.path("remaining").decimalValue()).isEqualByComparingTo("5");
    }

    @Test
    @Order(3)
    void theUnitSeesItsRankAmongTheStreetsUnits() {
        Api.post(MATCHMAKER, DemoWorld.COMMUNITY_WORKER, "/projects/" + projectId + "/completion", null, 200);
        String year = String.valueOf(DemoWorld.today().getYear());
        String rankings = "/ledger/rankings?of=units&from=" + year + "-01-01&to=" + year + "-12-31";
        JsonNode own = eventually("the unit ranked by the ledger", () -> standingOf(Api.get(LEDGER,
                DemoWorld.unitToken(unit), rankings).extract().as(JsonNode.class)), s -> s != null);
        // 2.5 hours + 10 for the confirmed project
        assertThat(own.path("points").decimalValue()).isEqualByComparingTo("12.5");

        browser.go("/unit/hours");
        By ownRow = rowWith(".ranking-table", UNIT_NAME);
        browser.awaitWhileDoing("the unit on its ranking screen", Duration.ofSeconds(30), () -> {
            browser.go("/unit/resources");
            browser.go("/unit/hours");
        }, () -> !browser.all(ownRow).isEmpty());
        JsonNode ranking = Api.get(LEDGER, DemoWorld.unitToken(unit), rankings).extract().as(JsonNode.class);
        JsonNode standing = standingOf(ranking);
        assertThat(browser.text(By.cssSelector(".own-rank"))).isEqualTo("第 " + standing.path("rank").asInt() + " 名");
        assertThat(browser.text(By.cssSelector(".own-points"))).isEqualTo("12.5");
        assertThat(browser.text(ownRow)).contains(UNIT_NAME, "12.5", "2.5");
        assertThat(browser.all(By.cssSelector(".ranking-table .el-table__body tr.el-table__row")))
                .hasSize(ranking.path("standings").size());
        // the street's other units are listed by name; no volunteer is
        assertThat(browser.text(By.cssSelector(".ranking-table"))).doesNotContain("郑*");
        Api.as(LEDGER, DemoWorld.unitToken(unit)).get("/ledger/rankings?street=heping").then().statusCode(403);
    }

    @Test
    @Order(4)
    void aCommunityWithdrawsADemandWithItsReason() {
        String withdrawing = DemoWorld.listedDemand("SANITATION", "LOW", 1, WITHDRAWN_DEMAND);
        browser.signInAs("community:dianqian:jiafu");
        browser.go("/community/demands");
        By button = By.cssSelector(".withdraw-demand[data-demand='" + withdrawing + "']");
        browser.awaitWhileDoing("the demand on the community's list", Duration.ofSeconds(20),
                () -> browser.click(By.cssSelector(".refresh")), () -> !browser.all(button).isEmpty());
        browser.click(button);
        browser.type(By.cssSelector(".withdraw-demand-dialog .reason-text textarea"), "居民已自行解决");
        browser.click(By.cssSelector(".withdraw-demand-dialog .confirm-reason-dialog"));

        By row = rowWith(".demands", WITHDRAWN_DEMAND);
        browser.awaitText(row, "已撤回");
        assertThat(browser.text(row)).contains("居民已自行解决");
        JsonNode stored = Api.get(DEMAND_LIST, DESK, "/demands/" + withdrawing).extract().as(JsonNode.class);
        assertThat(stored.path("status").asText()).isEqualTo("WITHDRAWN");
        assertThat(stored.path("statusReason").asText()).isEqualTo("居民已自行解决");
    }

    @Test
    @Order(5)
    void theDeskAmendsAUnitLetsItLeaveAndTakesItBack() {
        browser.signInAs("desk:dianqian");
        browser.go("/desk/resources");
        browser.choose(By.cssSelector(".filter-kind"), "科研院所");
        String row = Browser.rowXpath(".units", UNIT_NAME);
        browser.click(By.xpath(row + "//button[contains(@class,'amend-unit')]"));
        browser.type(By.cssSelector(".amend-unit-dialog .field-person input"), "郑所长");
        browser.type(By.cssSelector(".amend-unit-dialog .field-phone input"), "0851-22334455");
        browser.type(By.cssSelector(".amend-unit-dialog .field-party input"), "殿前就业指导研究所党支部");
        browser.click(By.cssSelector(".confirm-amend-unit"));
        browser.awaitText(By.xpath(row), "郑所长");
        JsonNode amended = Api.get(RESOURCE_LIST, DESK, "/units/" + unit).extract().as(JsonNode.class);
        assertThat(amended.path("contact").path("person").asText()).isEqualTo("郑所长");
        assertThat(amended.path("contact").path("phone").asText()).isEqualTo("0851-22334455");
        assertThat(amended.path("partyOrganisation").asText()).isEqualTo("殿前就业指导研究所党支部");
        assertThat(amended.path("name").asText()).isEqualTo(UNIT_NAME);

        browser.click(By.xpath(row + "//button[contains(@class,'leave-unit')]"));
        browser.type(By.cssSelector(".leave-unit-dialog .reason-text textarea"), "单位搬迁，暂停共建");
        browser.click(By.cssSelector(".leave-unit-dialog .confirm-reason-dialog"));
        browser.awaitText(By.xpath(row), "已退出");
        assertThat(browser.text(By.xpath(row))).contains("单位搬迁，暂停共建");
        JsonNode left = Api.get(RESOURCE_LIST, DESK, "/units/" + unit).extract().as(JsonNode.class);
        assertThat(left.path("status").asText()).isEqualTo("LEFT");
        assertThat(left.path("statusReason").asText()).isEqualTo("单位搬迁，暂停共建");

        browser.click(By.xpath(row + "//button[contains(@class,'rejoin-unit')]"));
        browser.awaitText(By.xpath(row), "在册");
        assertThat(Api.get(RESOURCE_LIST, DESK, "/units/" + unit).extract().<String>path("status")).isEqualTo("ACTIVE");
    }

    @Test
    @Order(6)
    void theDeskAmendsAVolunteersSkills() {
        browser.click(By.cssSelector("#tab-volunteers"));
        browser.type(By.cssSelector(".filter-volunteer-unit input"), unit + "\t");
        String row = Browser.rowXpath(".volunteers", "职业指导");
        browser.click(By.xpath(row + "//button[contains(@class,'amend-volunteer')]"));
        browser.click(By.cssSelector(".amend-volunteer-dialog .field-skills"));
        browser.find(By.cssSelector(".amend-volunteer-dialog .field-skills input")).sendKeys("创业辅导\n");
        browser.click(By.cssSelector(".amend-volunteer-dialog .el-dialog__header"));
        browser.click(By.cssSelector(".confirm-amend-volunteer"));
        browser.awaitText(By.xpath(row), "创业辅导");
        JsonNode stored = Api.get(RESOURCE_LIST, DESK, "/volunteers/" + volunteer).extract().as(JsonNode.class);
        assertThat(stored.path("skills").toString()).contains("职业指导", "创业辅导");
        assertThat(stored.path("homeCommunity").asText()).isEqualTo(DemoWorld.COMMUNITY);
    }

    @Test
    @Order(7)
    void theDeskCorrectsTheVolunteersHoursInTheLedger() {
        String entryId = eventually("the hours entry", () -> Api.get(LEDGER, DESK, "/ledger/entries?kind=HOURS&project="
                + projectId).extract().<String>path("items[0].entryId"), id -> id != null);
        browser.go("/desk/corrections");
        browser.choose(By.cssSelector(".filter-unit"), UNIT_NAME);
        By correct = By.cssSelector(".correct[data-entry='" + entryId + "']");
        browser.find(correct);
        browser.click(correct);
        browser.type(By.cssSelector(".correction-dialog .field-hours input"), "2\t");
        browser.type(By.cssSelector(".correction-dialog .field-reason textarea"), "签到表核对后更正");
        browser.click(By.cssSelector(".confirm-correction"));

        By inForce = By.xpath("//div[contains(@class,'hour-entries')]//tr[contains(@class,'el-table__row')][.//button[@data-entry='"
                + entryId + "']]//td[contains(@class,'hours-in-force')]");
        browser.awaitWhileDoing("the hours in force on the screen", Duration.ofSeconds(20), () -> { },
                () -> browser.text(inForce).equals("2"));
        JsonNode entry = Api.get(LEDGER, DESK, "/ledger/entries/" + entryId).extract().as(JsonNode.class);
        assertThat(entry.path("hours").decimalValue()).isEqualByComparingTo("2.5");
        assertThat(entry.path("hoursInForce").decimalValue()).isEqualByComparingTo("2");
        assertThat(entry.path("corrections").get(0).path("reason").asText()).isEqualTo("签到表核对后更正");
        assertThat(entry.path("corrections").get(0).path("correctedBy").asText()).isEqualTo("desk:console-desk-dianqian");
    }

    @Test
    @Order(8)
    void theDeskFindsAStatementOnTheStatementList() {
        String today = DemoWorld.today().toString();
        String number = Api.post(LEDGER, DESK, "/ledger/statements", Map.of("volunteerId", volunteer, "from", today,
                "to", today), 201).extract().path("number");
        browser.go("/desk/statements");
        browser.choose(By.cssSelector(".filter-unit"), UNIT_NAME);
        By row = rowWith(".statement-list", number);
        By rows = By.cssSelector(".statement-list .el-table__body tr.el-table__row");
        // the unfiltered list shows the statement too, before the unit's own list has come back: wait for the latter
        browser.awaitWhileDoing("the unit's statement alone on the list", Duration.ofSeconds(30), () -> { },
                () -> browser.all(rows).size() == 1 && !browser.all(row).isEmpty());
        JsonNode listed = Api.get(LEDGER, DESK, "/ledger/statements?unit=" + unit).extract().as(JsonNode.class);
        assertThat(listed.path("total").asInt()).isEqualTo(1);
        JsonNode stored = listed.path("items").get(0);
        assertThat(stored.path("number").asText()).isEqualTo(number);
        assertThat(stored.path("hours").decimalValue()).isEqualByComparingTo("2");
        assertThat(browser.text(row)).contains(stored.path("verificationCode").asText(),
                stored.path("maskedName").asText(), "有效");
        assertThat(browser.all(rows)).hasSize(1);
    }

    @Test
    @Order(9)
    void theDeskReadsTheContactRevealLogAndErasesTheResidentsData() {
        JsonNode reveal = eventually("the showing logged", () -> {
            for (JsonNode item : Api.get(DEMAND_LIST, DESK, "/demands/contact-reveals?size=100").extract().as(JsonNode.class)
                    .path("items")) {
                if (item.path("demandId").asText().equals(demandId)) {
                    return item;
                }
            }
            return null;
        }, found -> found != null);
        browser.go("/desk/contact-reveals");
        By logged = rowWith(".contact-reveals", SERVED_DEMAND);
        browser.find(logged);
        assertThat(browser.text(logged)).contains(UNIT_NAME, reveal.path("revealedTo").asText(), "嘉福社区")
                .doesNotContain("13800000099", "林阿婆");

        browser.go("/desk/demands");
        browser.choose(By.cssSelector(".filter-category"), "就业服务");
        String row = Browser.rowXpath(".demands", SERVED_DEMAND);
        assertThat(browser.text(By.xpath(row))).contains("林阿婆", "13800000099");
        browser.click(By.xpath(row + "//button[contains(@class,'erase-resident')]"));
        browser.click(By.cssSelector(".erase-confirm .el-button--primary"));
        browser.awaitText(By.xpath(row), "已删除");
        assertThat(browser.text(By.xpath(row))).doesNotContain("林阿婆", "13800000099");
        JsonNode erased = Api.get(DEMAND_LIST, DESK, "/demands/" + demandId).extract().as(JsonNode.class);
        assertThat(erased.path("residentDataErased").asBoolean()).isTrue();
        assertThat(erased.path("resident").isMissingNode() || erased.path("resident").isNull()).isTrue();
        assertThat(erased.path("description").asText()).isEqualTo(SERVED_DEMAND);
    }

    // --- helpers -------------------------------------------------------------------------------------------------

    private static JsonNode offerTitled(String title) {
        return eventually("the offer " + title, () -> {
            for (JsonNode offer : Api.get(RESOURCE_LIST, DESK, "/resources?unit=" + unit + "&size=100").extract()
                    .as(JsonNode.class).path("items")) {
                if (offer.path("title").asText().equals(title)) {
                    return offer;
                }
            }
            return null;
        }, found -> found != null);
    }

    private static JsonNode standingOf(JsonNode ranking) {
        for (JsonNode standing : ranking.path("standings")) {
            if (standing.path("id").asText().equals(unit)) {
                return standing;
            }
        }
        return null;
    }

    private static JsonNode project(String id) {
        return Api.get(MATCHMAKER, DESK, "/projects/" + id).extract().as(JsonNode.class);
    }

    private static By rowWith(String table, String text) {
        return By.xpath(Browser.rowXpath(table, text));
    }

    /** Goes to a screen of the signed-in console and waits for its title. */
    private static void open(String route, String title) {
        try {
            browser.awaitWhileDoing("on " + title, Duration.ofSeconds(30), () -> browser.go(route),
                    () -> route.equals(browser.currentRoute()) && String.valueOf(browser.script(
                            "return document.querySelector('h1.page-title')?.textContent")).contains(title));
        } catch (AssertionError notThere) {
            throw new AssertionError(notThere.getMessage() + "; the browser is on " + browser.currentRoute()
                    + " (screenshot " + browser.screenshot("upkeep-not-on-" + route.replace('/', '-')) + ")", notThere);
        }
    }
}
