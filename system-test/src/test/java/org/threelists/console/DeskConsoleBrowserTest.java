package org.threelists.console;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
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

import static org.assertj.core.api.Assertions.assertThat;
import static org.threelists.localstack.LocalStack.DEMAND_LIST;
import static org.threelists.localstack.LocalStack.MATCHMAKER;
import static org.threelists.localstack.LocalStack.RESOURCE_LIST;
import static org.threelists.system.Api.eventually;
import static org.threelists.system.DemoWorld.DESK;

/**
 * The desk's and the community's spreadsheets and the desk's list work in real headless Chromium against the whole
 * running system: the desk imports units with their offers (a refused row shows why; the same file again changes
 * nothing), a community imports demands, the desk merges two duplicates, rejects one and cancels a selection of
 * projects on the project list, each item's result shown. One browser, the steps in order.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Order(2) // junit-platform.properties: the shared system's classes first
class DeskConsoleBrowserTest {

    private static final String RUN = UUID.randomUUID().toString().substring(0, 6);
    /** 政策咨询: this test's unit offers it to 嘉福社区; the unit leaves the alliance at the end (see closeBrowser). */
    private static final String CATEGORY = "POLICY_CONSULTATION";
    private static final String UNIT = "unit-desk-" + RUN;
    private static final String UNIT_NAME = "嘉福政策宣讲队 " + RUN;
    private static final String OFFER_TITLE = "政策咨询进小区 " + RUN;
    private static final String DUPLICATE_A = "低保政策咨询 " + RUN;
    private static final String DUPLICATE_B = "低保怎么申请 " + RUN;
    private static final String TO_REJECT = "咨询彩票中奖 " + RUN;

    private static Browser browser;
    private static Path unitsWorkbook;
    private static long unitsBefore;
    private static String keptDemand;
    private static String mergedDemand;

    @BeforeAll
    static void startSystemAndBrowser() throws IOException {
        LocalStack stack = RunningSystem.stack();
        unitsWorkbook = workbook("units", Map.of(
                "共建单位", List.of(
                        List.of("单位编号", "单位名称", "单位类型", "结对社区", "党组织"),
                        List.of(UNIT, UNIT_NAME, "社会组织", "嘉福社区", "嘉福政策宣讲队党支部"),
                        List.of("宣讲队二号", "编号写错的单位 " + RUN, "企业", "嘉福社区")),
                "资源", List.of(
                        List.of("单位编号", "资源类型", "资源名称", "服务类别", "服务社区", "能力数量", "计量周期", "有效期起", "有效期止"),
                        List.of(UNIT, "志愿服务", OFFER_TITLE, "政策咨询", "嘉福社区", "20", "总量",
                                DemoWorld.today().toString(), DemoWorld.today().plusDays(365).toString()))));
        browser = Browser.open(stack.consoleUrl());
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
        // other system tests count on the matchmaker proposing their own units: this one leaves the alliance
        Api.as(RESOURCE_LIST, DESK).body(Map.of("reason", "测试结束")).post("/units/" + UNIT + "/leave");
    }

    @Test
    @Order(1)
    void theDeskImportsUnitsAndOffersAndSeesARefusedRowWithItsReason() {
        unitsBefore = unitCount();
        browser.signInAs("desk:dianqian");
        importWorkbook("/desk/overview", "/desk/import", unitsWorkbook);

        assertThat(browser.text(By.cssSelector(".taken-count"))).isEqualTo("2");
        assertThat(browser.text(By.cssSelector(".refused-count"))).isEqualTo("1");
        assertThat(browser.text(resultRow(UNIT))).contains("共建单位 第2行", "已导入");
        assertThat(browser.text(resultRow("宣讲队二号"))).contains("共建单位 第3行", "被拒绝", "填写的内容不符合要求", "unitId");
        assertThat(browser.text(resultRow(OFFER_TITLE))).contains("资源 第2行", "已导入");
        System.out.println("console screenshot: " + browser.screenshot("desk-import"));

        JsonNode unit = Api.get(RESOURCE_LIST, DESK, "/units/" + UNIT).extract().as(JsonNode.class);
        assertThat(unit.path("name").asText()).isEqualTo(UNIT_NAME);
        assertThat(unit.path("kind").asText()).isEqualTo("SOCIAL_ORGANISATION");
        assertThat(unit.path("communities").get(0).asText()).isEqualTo(DemoWorld.COMMUNITY);
        assertThat(unitCount()).isEqualTo(unitsBefore + 1);
        JsonNode offers = offersOfUnit();
        assertThat(offers.path("total").asInt()).isEqualTo(1);
        assertThat(offers.path("items").get(0).path("capacity").path("amount").asInt()).isEqualTo(20);
        assertThat(offers.path("items").get(0).path("categories").get(0).asText()).isEqualTo(CATEGORY);
    }

    @Test
    @Order(2)
    void importingTheSameFileAgainChangesNothing() {
        importWorkbook("/desk/overview", "/desk/import", unitsWorkbook);

        assertThat(browser.text(By.cssSelector(".taken-count"))).isEqualTo("0");
        assertThat(browser.text(By.cssSelector(".already-count"))).isEqualTo("2");
        assertThat(browser.text(resultRow(OFFER_TITLE))).contains("此前已导入，未重复提交");
        assertThat(browser.text(resultRow("宣讲队二号"))).contains("被拒绝");
        assertThat(unitCount()).isEqualTo(unitsBefore + 1);
        assertThat(offersOfUnit().path("total").asInt()).isEqualTo(1);
    }

    @Test
    @Order(3)
    void aCommunityImportsItsDemands() throws IOException {
        Path demands = workbook("demands", Map.of("需求", List.of(
                List.of("社区", "类别", "需求描述", "受益人数", "紧急程度", "预计工时", "居民姓名", "居民电话"),
                List.of("嘉福社区", "政策咨询", DUPLICATE_A, "1", "普通", "2", "陈阿姨", "13800000123"),
                List.of("嘉福社区", "政策咨询", DUPLICATE_B, "1", "普通", "2", "陈阿姨", "13800000123"),
                List.of("嘉福社区", "政策咨询", TO_REJECT, "1", "一般", "1"))));
        browser.signInAs("community:dianqian:jiafu");
        importWorkbook("/community/demands", "/community/demands/import", demands);

        assertThat(browser.text(By.cssSelector(".taken-count"))).isEqualTo("3");
        keptDemand = demandByDescription(DUPLICATE_A).path("demandId").asText();
        mergedDemand = demandByDescription(DUPLICATE_B).path("demandId").asText();
        JsonNode kept = Api.get(DEMAND_LIST, DESK, "/demands/" + keptDemand).extract().as(JsonNode.class);
        assertThat(kept.path("status").asText()).isEqualTo("SUBMITTED");
        assertThat(kept.path("category").asText()).isEqualTo(CATEGORY);
        assertThat(kept.path("resident").path("phone").asText()).isEqualTo("13800000123");
    }

    @Test
    @Order(4)
    void theDeskMergesTwoDuplicatesAndRejectsADemand() {
        browser.signInAs("desk:dianqian");
        browser.go("/desk/demands");
        browser.choose(By.cssSelector(".filter-status"), "待核实");
        browser.choose(By.cssSelector(".filter-category"), "政策咨询");
        assertThat(browser.text(By.xpath(Browser.rowXpath(".demands", DUPLICATE_A)))).contains("陈阿姨", "13800000123");

        browser.click(By.xpath(Browser.rowXpath(".demands", DUPLICATE_A) + "//label[contains(@class,'el-checkbox')]"));
        browser.click(By.xpath(Browser.rowXpath(".demands", DUPLICATE_B) + "//label[contains(@class,'el-checkbox')]"));
        browser.click(By.cssSelector(".merge-selected"));
        browser.click(By.cssSelector(".merge-dialog [data-demand='" + keptDemand + "']"));
        browser.click(By.cssSelector(".confirm-merge"));
        browser.awaitText(By.cssSelector(".batch-results .el-table__body"), "成功");
        assertThat(browser.text(By.cssSelector(".batch-results .el-table__body"))).contains(DUPLICATE_B);
        browser.click(By.cssSelector(".close-batch"));

        JsonNode merged = Api.get(DEMAND_LIST, DESK, "/demands/" + mergedDemand).extract().as(JsonNode.class);
        assertThat(merged.path("status").asText()).isEqualTo("MERGED");
        assertThat(merged.path("duplicateOf").asText()).isEqualTo(keptDemand);

        browser.click(By.xpath(Browser.rowXpath(".demands", TO_REJECT) + "//button[contains(@class,'reject')]"));
        browser.type(By.cssSelector(".closing-reason textarea"), "不属于社区服务范围");
        browser.click(By.cssSelector(".confirm-closing"));
        browser.awaitWhileDoing("the rejected demand leaves the 待核实 list", Duration.ofSeconds(20), () -> { },
                () -> browser.all(By.xpath(Browser.rowXpath(".demands", TO_REJECT))).isEmpty());
        JsonNode rejected = demandByDescriptionIn(TO_REJECT, "REJECTED");
        assertThat(rejected.path("statusReason").asText()).isEqualTo("不属于社区服务范围");

        browser.choose(By.cssSelector(".filter-status"), "已驳回");
        assertThat(browser.text(By.xpath(Browser.rowXpath(".demands", TO_REJECT)))).contains("已驳回", "不属于社区服务范围");
    }

    @Test
    @Order(5)
    void theDeskCancelsASelectionOfProjectsAndSeesEachResult() {
        Api.post(DEMAND_LIST, DESK, "/demands/" + keptDemand + "/verify", null, 200);
        String resourceId = offersOfUnit().path("items").get(0).path("resourceId").asText();
        String first = assigned(keptDemand, resourceId, "政策咨询甲 " + RUN);
        String second = assigned(DemoWorld.listedDemand(CATEGORY, "NORMAL", 2, "政策讲解 " + RUN), resourceId, "政策咨询乙 " + RUN);

        // a claim being confirmed cannot be cancelled (claim-pending): the desk acts once resource-list reserved the hours
        for (String project : List.of(first, second)) {
            eventually("project " + project + " claimed", () -> Api.get(MATCHMAKER, DESK, "/projects/" + project)
                    .extract().<String>path("status"), "CLAIMED"::equals);
        }

        browser.awaitWhileDoing("both projects on the project list", Duration.ofSeconds(90), () -> {
            browser.go("/desk/overview");
            browser.go("/desk/projects");
            browser.choose(By.cssSelector(".filter-status"), "已认领");
            browser.choose(By.cssSelector(".filter-category"), "政策咨询");
        }, () -> !browser.all(By.xpath(Browser.rowXpath(".projects", "政策咨询甲 " + RUN))).isEmpty()
                && !browser.all(By.xpath(Browser.rowXpath(".projects", "政策咨询乙 " + RUN))).isEmpty());
        assertThat(browser.text(By.xpath(Browser.rowXpath(".projects", "政策咨询甲 " + RUN)))).contains(UNIT_NAME);
        for (String title : List.of("政策咨询甲 " + RUN, "政策咨询乙 " + RUN)) {
            browser.click(By.xpath(Browser.rowXpath(".projects", title) + "//label[contains(@class,'el-checkbox')]"));
        }
        browser.click(By.cssSelector(".cancel-selected"));
        browser.type(By.cssSelector(".reason-input textarea"), "联席会决定改由社区自办");
        browser.click(By.cssSelector(".confirm-reason"));
        browser.awaitWhileDoing("both results shown", Duration.ofSeconds(30), () -> { },
                () -> browser.all(By.cssSelector(".batch-results .batch-ok")).size() == 2);
        System.out.println("console screenshot: " + browser.screenshot("desk-projects-cancelled"));
        browser.click(By.cssSelector(".close-batch"));

        for (String project : List.of(first, second)) {
            JsonNode stored = Api.get(MATCHMAKER, DESK, "/projects/" + project).extract().as(JsonNode.class);
            assertThat(stored.path("status").asText()).isEqualTo("CANCELLED");
            assertThat(stored.path("statusReason").asText()).isEqualTo("联席会决定改由社区自办");
        }

        // a cancelled project is neither taken back nor cancelled again: the buttons say so before anyone tries
        browser.awaitWhileDoing("a cancelled project on the list", Duration.ofSeconds(30),
                () -> browser.choose(By.cssSelector(".filter-status"), "已取消"),
                () -> !browser.all(By.xpath(Browser.rowXpath(".projects", "政策咨询甲 " + RUN))).isEmpty());
        browser.click(By.xpath(Browser.rowXpath(".projects", "政策咨询甲 " + RUN) + "//label[contains(@class,'el-checkbox')]"));
        assertThat(browser.find(By.cssSelector(".cancel-selected")).isEnabled()).isFalse();
        assertThat(browser.find(By.cssSelector(".release-selected")).isEnabled()).isFalse();
    }

    @Test
    @Order(6)
    void theJointMeetingAssignsAProposalToItsRecommendedUnitInOneStep() {
        String demand = DemoWorld.listedDemand(CATEGORY, "HIGH", 2, "老年人防诈骗政策宣讲 " + RUN);
        browser.go("/desk/joint-meeting");
        browser.awaitWhileDoing("the engine's proposal for the demand", Duration.ofSeconds(120),
                () -> browser.click(By.cssSelector(".plan-street")),
                () -> DemoWorld.proposalFor(demand) != null && !browser.all(By.cssSelector(
                        "[data-project='" + DemoWorld.proposalFor(demand) + "']")).isEmpty());
        String proposal = DemoWorld.proposalFor(demand);
        JsonNode proposed = Api.get(MATCHMAKER, DESK, "/projects/" + proposal).extract().as(JsonNode.class);
        browser.click(By.cssSelector("[data-project='" + proposal + "'] .choose"));
        browser.click(By.cssSelector(".assign-selected"));
        browser.awaitWhileDoing("the assignment's result", Duration.ofSeconds(30), () -> { },
                () -> browser.all(By.cssSelector(".batch-results .batch-ok")).size() == 1);
        browser.click(By.cssSelector(".close-batch"));

        // one request: the desk's project, claimed for the recommended unit, took the proposal's place
        JsonNode superseded = Api.get(MATCHMAKER, DESK, "/projects/" + proposal).extract().as(JsonNode.class);
        assertThat(superseded.path("status").asText()).isEqualTo("CANCELLED");
        assertThat(superseded.path("statusReason").asText()).startsWith("superseded: the desk assigned demand(s)")
                .contains(proposed.path("proposedUnitId").asText(), "联席会指派；决定人：");
        JsonNode assigned = eventually("the desk's project serving the demand", () -> {
            for (JsonNode p : Api.get(MATCHMAKER, DESK, "/projects?size=100").extract().as(JsonNode.class).path("items")) {
                if (p.path("origin").asText().equals("DESK") && p.path("demandIds").toString().contains(demand)) {
                    return p;
                }
            }
            return null;
        }, p -> p != null);
        assertThat(assigned.path("status").asText()).isIn("CLAIM_PENDING", "CLAIMED");
        assertThat(assigned.path("claims").get(0).path("unitId").asText()).isEqualTo(proposed.path("proposedUnitId").asText());
        assertThat(assigned.path("demandIds")).hasSize(proposed.path("demandIds").size());
    }

    // --- helpers -------------------------------------------------------------------------------------------------

    /** Opens the import screen anew from {@code away} (no earlier result on it), imports and awaits the results. */
    private static void importWorkbook(String away, String route, Path workbook) {
        browser.go(away);
        browser.awaitWhileDoing("away from the import", Duration.ofSeconds(20), () -> { },
                () -> browser.currentRoute().equals(away) && browser.all(By.cssSelector("input.workbook-file")).isEmpty());
        browser.go(route);
        browser.find(By.cssSelector("input.workbook-file")).sendKeys(workbook.toAbsolutePath().toString());
        browser.click(By.cssSelector(".run-import"));
        // every row is a request or two to a service: on a loaded machine the whole file takes longer than a click
        browser.awaitWhileDoing("the import's results", Duration.ofSeconds(180), () -> { },
                () -> !browser.all(By.cssSelector(".import-results .el-table__row")).isEmpty());
    }

    private static By resultRow(String text) {
        return By.xpath(Browser.rowXpath(".import-results", text));
    }

    /** A desk assignment (POST /projects) once the matchmaker has heard of the demand and the imported offer. */
    private static String assigned(String demandId, String resourceId, String title) {
        return DemoWorld.assignedByDesk(List.of(demandId), UNIT, resourceId, title);
    }

    private static long unitCount() {
        return Api.get(RESOURCE_LIST, DESK, "/units?size=1").extract().<Integer>path("total");
    }

    private static JsonNode offersOfUnit() {
        return Api.get(RESOURCE_LIST, DESK, "/resources?unit=" + UNIT).extract().as(JsonNode.class);
    }

    private static JsonNode demandByDescription(String description) {
        return demandByDescriptionIn(description, "SUBMITTED");
    }

    private static JsonNode demandByDescriptionIn(String description, String status) {
        return eventually("the demand " + description, () -> {
            JsonNode page = Api.get(DEMAND_LIST, DESK, "/demands?status=" + status + "&category=" + CATEGORY + "&size=100")
                    .extract().as(JsonNode.class);
            for (JsonNode demand : page.path("items")) {
                if (demand.path("description").asText().equals(description)) {
                    return demand;
                }
            }
            return null;
        }, found -> found != null);
    }

    private static Path workbook(String name, Map<String, List<List<String>>> sheets) throws IOException {
        Path file = Files.createTempFile("threelists-" + name + "-", ".xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            for (String sheetName : sheets.keySet().stream().sorted((a, b) -> a.equals("共建单位") ? -1 : b.equals("共建单位") ? 1 : 0).toList()) {
                Sheet sheet = workbook.createSheet(sheetName);
                List<List<String>> rows = sheets.get(sheetName);
                for (int r = 0; r < rows.size(); r++) {
                    Row row = sheet.createRow(r);
                    for (int c = 0; c < rows.get(r).size(); c++) {
                        String value = rows.get(r).get(c);
                        // counts as a person types them: numeric cells (phone numbers stay text)
                        if (r > 0 && value.matches("\\d{1,6}")) {
                            row.createCell(c).setCellValue(Integer.parseInt(value));
                        } else {
                            row.createCell(c).setCellValue(value);
                        }
                    }
                }
            }
            workbook.write(out);
        }
        file.toFile().deleteOnExit();
        return file;
    }
}
