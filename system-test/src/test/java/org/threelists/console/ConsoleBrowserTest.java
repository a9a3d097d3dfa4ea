package org.threelists.console;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.threelists.devkit.DevTokens;
import org.threelists.localstack.LocalStack;
import org.threelists.system.Api;
import org.threelists.system.DemoWorld;
import org.threelists.system.RunningSystem;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.threelists.localstack.LocalStack.DEMAND_LIST;
import static org.threelists.localstack.LocalStack.LEDGER;
import static org.threelists.localstack.LocalStack.MATCHMAKER;
import static org.threelists.localstack.LocalStack.RESOURCE_LIST;
import static org.threelists.system.Api.eventually;
import static org.threelists.system.DemoWorld.DESK;

/**
 * The console in real headless Chromium against the whole running system (the services and the console as their own
 * processes): a community worker submits a demand, the desk verifies it and publishes the matchmaker's proposal at
 * the joint meeting, a unit claims it, schedules it and reports the delivery with two of its volunteers, the
 * community confirms and rates it, the desk sees the hours in the ledger, downloads the CSV and issues an hour
 * statement that a signed-out visitor verifies; another unit sees none of it; a refusal shows the service's problem;
 * the operator rebuilds the ledger and verifies the whole of it. The unit's roster is longer than one page of
 * resource-list's answer, and the two volunteers who serve are on its second page: the delivery report and the hour
 * statement offer every volunteer, not the first hundred.
 * One browser, one system, the steps in order as the people would take them.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Order(1) // junit-platform.properties: the shared system's classes first
class ConsoleBrowserTest {

    static final long FIRST_PAGE_JS_BUDGET_BYTES = 500 * 1024;
    static final double FIRST_PAGE_INTERACTIVE_BUDGET_MS = 1500;
    /** How often the first page is loaded again with the cache emptied, and the server's bare page beside it. */
    static final int FIRST_PAGE_LOADS = 5;

    private static final String OPERATOR = DevTokens.operator("ops-console-browser");
    private static final String RUN = UUID.randomUUID().toString().substring(0, 6);
    /** libs/platform RequestParameters.MAX_PAGE_SIZE: the largest page a service answers. */
    private static final int MAX_PAGE_SIZE = 100;
    /**
     * Volunteers the unit registers after the two who serve: resource-list lists volunteers newest first, so these
     * fill the roster's first page and the two are on the second.
     */
    private static final int REGISTERED_LATER = MAX_PAGE_SIZE;
    /** Legal advice: no other system test offers it, so the matchmaker proposes this test's unit. */
    private static final String CATEGORY = "LEGAL_ADVICE";
    private static final String DESCRIPTION = "独居老人遗嘱继承法律咨询 " + RUN;

    private static Browser browser;
    private static String claimingUnit;
    private static String claimingUnitName;
    private static String otherUnit;
    private static String demandId;
    private static String projectId;
    private static String firstVolunteer;
    private static String secondVolunteer;
    private static String statementNumber;
    private static String statementCode;

    @BeforeAll
    static void startSystemAndBrowser() {
        LocalStack stack = RunningSystem.stack();
        assertThat(stack.consoleUrl()).as("the console runs beside the services").isNotNull();
        claimingUnitName = "湖里区法律援助中心 " + RUN;
        claimingUnit = DemoWorld.registerUnit(claimingUnitName);
        DemoWorld.offerVolunteerHours(claimingUnit, CATEGORY, 20);
        // its roster: the delivery report picks two of them (the matchmaker learns of them through Kafka meanwhile)
        firstVolunteer = registerVolunteer(claimingUnit, "陈志强", "13800005501");
        secondVolunteer = registerVolunteer(claimingUnit, "黄丽娟", "13800005502");
        long registering = System.nanoTime();
        registerVolunteers(claimingUnit, REGISTERED_LATER);
        System.out.printf("console roster: %d more volunteers registered in %d ms%n", REGISTERED_LATER,
                (System.nanoTime() - registering) / 1_000_000);
        // the first also serves in a building Party group of 嘉福社区 (双报到), so the local sign-in lists them as a member
        // who can check in at the unit's activity; a building of this run's own, so no other test's demand is routed there
        String group = Api.post(RESOURCE_LIST, DemoWorld.COMMUNITY_WORKER, "/party-groups", Map.of("name",
                "控制台测试楼栋党小组 " + RUN, "compound", "嘉福盐业小区", "buildings", List.of("控制台测试" + RUN + "号楼")), 201)
                .extract().path("groupId");
        Api.post(RESOURCE_LIST, DemoWorld.COMMUNITY_WORKER, "/party-groups/" + group + "/members",
                Map.of("volunteerId", firstVolunteer), 200);
        otherUnit = DemoWorld.registerUnit("嘉福花园幼儿园 " + RUN);
        DemoWorld.offerVolunteerHours(otherUnit, "CHILD_CARE", 10);
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
    void theFirstPageCarriesLittleJavaScriptAndReportsItsTimeToInteractive() {
        // the first visit (a fresh browser profile), then visits with the cache emptied, beside the server's bare page
        FirstPage first = FirstPage.loadCold(browser);
        List<FirstPage> again = new ArrayList<>();
        for (int i = 0; i < FIRST_PAGE_LOADS; i++) {
            again.add(FirstPage.loadCold(browser));
        }
        List<Double> bare = new ArrayList<>();
        for (int i = 0; i < FIRST_PAGE_LOADS; i++) {
            bare.add(FirstPage.bareLoadMs(browser));
        }
        double median = median(again.stream().map(FirstPage::interactiveMs).toList());
        System.out.printf("console first page: interactive after %.0f ms on the first visit (%s), median %.0f ms (%s)"
                        + " of %d more with the cache emptied %s (budget %.0f ms); the server's bare page loads in %.0f ms"
                        + " (median of %s); machine load %.1f; JavaScript %d KB gzipped (%d KB unpacked; budget %d KB)%n"
                        + "; every identity (with resource-list's units and Party members) listed after a median %.0f ms%n"
                + "console first page, first visit: %s%n", first.interactiveMs(), verdict(first.interactiveMs()),
                median, verdict(median), again.size(),
                again.stream().map(p -> String.format("%.0f", p.interactiveMs())).toList(), FIRST_PAGE_INTERACTIVE_BUDGET_MS,
                median(bare), bare.stream().map(ms -> String.format("%.0f", ms)).toList(),
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                first.gzippedJs() / 1024, first.plainJs() / 1024, FIRST_PAGE_JS_BUDGET_BYTES / 1024,
                median(again.stream().map(FirstPage::identitiesMs).toList()), first.line());

        assertThat(first.gzippedJs()).as("the scripts travel gzipped").isLessThan(first.plainJs());
        assertThat(first.gzippedJs()).isLessThanOrEqualTo(FIRST_PAGE_JS_BUDGET_BYTES);
        assertThat(first.scripts()).as("neither ECharts nor the shell (Element Plus's menu, the router, the screens)"
                + " is part of the first page").noneMatch(name -> name.contains("CategoryChart") || name.contains("/shell-"));
        // the time is printed, not asserted: on a shared 2-core machine it measures the neighbours' builds as much
        // as the console; the size is the console's own and is held to its budget
        assertThat(first.interactiveMs()).isPositive();
    }

    @Test
    @Order(2)
    void aCommunityWorkerSubmitsADemandWithTheResidentsContact() {
        browser.signInAs("community:dianqian:jiafu");
        assertThat(browser.text(By.cssSelector(".identity-name"))).isEqualTo("嘉福社区 社区工作者");
        browser.go("/community/demands/new");
        browser.choose(By.cssSelector(".field-category"), "法律咨询");
        browser.type(By.cssSelector(".field-description textarea"), DESCRIPTION);
        browser.type(By.cssSelector(".field-building input"), "2栋");
        browser.type(By.cssSelector(".field-resident-name input"), "林阿婆");
        browser.type(By.cssSelector(".field-resident-phone input"), "13800000099");
        browser.click(By.cssSelector(".submit-demand"));

        // the list of the community's demands shows it, waiting to be verified, with the resident's contact
        By row = rowWith(".demands", DESCRIPTION);
        browser.find(row);
        assertThat(browser.text(row)).contains("待核实", "法律咨询", "林阿婆", "2栋");
        demandId = demandByDescription(DESCRIPTION).path("demandId").asText();
        JsonNode stored = Api.get(DEMAND_LIST, DESK, "/demands/" + demandId).extract().as(JsonNode.class);
        assertThat(stored.path("status").asText()).isEqualTo("SUBMITTED");
        assertThat(stored.path("category").asText()).isEqualTo(CATEGORY);
        assertThat(stored.path("resident").path("phone").asText()).isEqualTo("13800000099");
        assertThat(stored.path("submittedBy").asText()).isEqualTo("community:console-community-dianqian-jiafu");
    }

    @Test
    @Order(3)
    void theDeskSeesTheOverviewAndVerifiesTheDemand() {
        browser.signInAs("desk:dianqian");
        browser.find(By.cssSelector("[data-count='demand-SUBMITTED'] .count-value"));
        browser.awaitWhileDoing("the counts and the chart", Duration.ofSeconds(30), () -> { },
                () -> !browser.text(By.cssSelector("[data-count='demand-SUBMITTED'] .count-value")).equals("—")
                        && !browser.all(By.cssSelector(".category-chart canvas")).isEmpty());
        long submitted = Api.get(DEMAND_LIST, DESK, "/demands?status=SUBMITTED&size=1").extract().<Integer>path("total");
        assertThat(Long.parseLong(browser.text(By.cssSelector("[data-count='demand-SUBMITTED'] .count-value"))))
                .isEqualTo(submitted);
        System.out.println("console screenshot: " + browser.screenshot("overview"));

        browser.go("/desk/demands");
        browser.choose(By.cssSelector(".filter-status"), "待核实");
        String row = Browser.rowXpath(".demands", DESCRIPTION);
        assertThat(browser.text(By.xpath(row))).contains("嘉福社区", "法律咨询", "待核实");
        browser.click(By.xpath(row + "//button[contains(@class,'verify')]"));
        eventually("the demand verified", () -> DemoWorld.demandStatus(demandId), "LISTED"::equals);
        // the list reloads: the demand leaves the 待核实 filter and is among the listed ones
        browser.awaitWhileDoing("the demand gone from 待核实", Duration.ofSeconds(20), () -> { },
                () -> browser.all(By.xpath(row)).isEmpty());
        browser.choose(By.cssSelector(".filter-status"), "已入清单");
        browser.awaitText(By.xpath(row), "已入清单");
    }

    @Test
    @Order(4)
    void theJointMeetingPublishesTheMatchmakersProposalWithItsDecision() {
        browser.go("/desk/joint-meeting");
        // the matchmaker learns of the listed demand through Kafka; the desk asks it to plan until the proposal is there
        browser.awaitWhileDoing("the proposal for the demand", Duration.ofSeconds(120),
                () -> browser.click(By.cssSelector(".plan-street")),
                () -> DemoWorld.proposalFor(demandId) != null && !browser.all(proposalCard()).isEmpty());
        projectId = DemoWorld.proposalFor(demandId);
        String card = browser.text(proposalCard());
        assertThat(card).contains("嘉福社区", "法律咨询", claimingUnitName, "综合得分");
        assertThat(browser.all(By.cssSelector("[data-project='" + projectId + "'] .term"))).isNotEmpty();
        System.out.println("console screenshot: " + browser.screenshot("joint-meeting"));

        browser.click(By.cssSelector("[data-project='" + projectId + "'] .publish"));
        browser.type(By.cssSelector(".decided-by input"), "王主任");
        browser.type(By.cssSelector(".publish-dialog .note textarea"), "请法律援助中心承接");
        browser.click(By.cssSelector(".confirm-publish"));

        JsonNode published = eventually("the project published", () -> project(projectId),
                p -> p.path("status").asText().equals("PUBLISHED"));
        assertThat(published.path("decision").path("note").asText())
                .matches("\\d{4}年\\d{1,2}月\\d{1,2}日联席会议定；决定人：王主任。请法律援助中心承接");
        assertThat(published.path("decision").path("decidedBy").asText()).isEqualTo("desk:console-desk-dianqian");
    }

    @Test
    @Order(5)
    void theUnitClaimsTheProjectAndSeesItConfirmed() {
        browser.signInAs("unit:dianqian:" + claimingUnit);
        By row = By.xpath("//button[@data-project='" + projectId + "']");
        browser.click(row);
        browser.find(By.cssSelector(".claim-dialog .offer"));
        browser.click(By.cssSelector(".confirm-claim"));
        eventually("the claim asked for", () -> project(projectId).path("status").asText(),
                status -> status.equals("CLAIM_PENDING") || status.equals("CLAIMED"));

        browser.go("/unit/projects");
        browser.find(By.cssSelector(".unit-projects[data-loaded='true']"));
        browser.awaitWhileDoing("the claim confirmed on the unit's projects", Duration.ofSeconds(90),
                () -> browser.click(By.cssSelector(".refresh")),
                () -> browser.text(By.cssSelector(".unit-projects")).contains("已认领"));
        assertThat(browser.text(By.cssSelector(".unit-projects"))).contains("嘉福社区", "法律咨询", "已确认");
        assertThat(project(projectId).path("status").asText()).isEqualTo("CLAIMED");
    }

    @Test
    @Order(6)
    void theUnitSchedulesTheServiceAndReportsTheDeliveryWithTwoOfItsVolunteers() {
        // still signed in as the claiming unit, on its projects
        browser.click(By.cssSelector(".schedule[data-project='" + projectId + "']"));
        browser.type(By.cssSelector(".schedule-dialog .field-place input"), "嘉福社区党群服务中心");
        browser.click(By.cssSelector(".confirm-schedule"));
        JsonNode scheduled = eventually("the project scheduled", () -> project(projectId),
                p -> p.path("status").asText().equals("SCHEDULED"));
        assertThat(scheduled.path("schedule").path("place").asText()).isEqualTo("嘉福社区党群服务中心");
        assertThat(scheduled.path("schedule").path("date").asText()).isEqualTo(DemoWorld.today().toString());
        browser.awaitText(By.cssSelector(".unit-projects"), "已排期");

        // 签到: the unit shows the activity's check-in code as a QR code carrying a link to the volunteer's check-in
        // page; the volunteer opens it on their phone and confirms. Checked in and never out, the volunteer's hours stay
        // those the report gives (services/matchmaker/service/README.md, "Check-in and reconciliation").
        browser.click(By.cssSelector(".check-in-code[data-project='" + projectId + "']"));
        browser.awaitText(By.cssSelector(".check-in-code-dialog .code-link"), "#/member/activity-check-in?");
        assertThat(browser.find(By.cssSelector(".check-in-code-dialog img.code-qr")).getAttribute("src"))
                .startsWith("data:image/png;base64,");
        String link = browser.text(By.cssSelector(".check-in-code-dialog .code-link")).trim();
        assertThat(link).contains("project=" + projectId, "purpose=CHECK_IN",
                "code=" + browser.text(By.cssSelector(".check-in-code-dialog .code-text")).trim());
        browser.click(By.cssSelector(".check-in-code-dialog .el-dialog__headerbtn"));
        browser.signInAs("member:dianqian:jiafu:" + firstVolunteer);
        browser.go(link.substring(link.indexOf('#') + 1));
        browser.click(By.cssSelector(".confirm-activity-check-in"));
        browser.awaitText(By.cssSelector(".activity-check-in .attendance-state"), "已签到");
        JsonNode attended = eventually("the volunteer checked in", () -> project(projectId),
                p -> p.path("attendance").findValuesAsText("volunteerId").contains(firstVolunteer));
        assertThat(attended.path("attendance").get(0).path("checkedInAt").asText()).isNotBlank();
        browser.signInAs("unit:dianqian:" + claimingUnit);
        browser.go("/unit/projects");
        browser.find(By.cssSelector(".unit-projects[data-loaded='true']"));

        browser.click(By.cssSelector(".deliver[data-project='" + projectId + "']"));
        // the two who served are past the roster's first page; the dialog offers the whole roster
        browser.click(By.cssSelector(".delivery-dialog .pick[data-volunteer='" + firstVolunteer + "']"));
        assertThat(browser.all(By.cssSelector(".delivery-dialog .pick"))).hasSize(2 + REGISTERED_LATER);
        assertThat(browser.all(By.cssSelector(".delivery-dialog .partial-list"))).as("nothing left out").isEmpty();
        browser.click(By.cssSelector(".delivery-dialog .pick[data-volunteer='" + secondVolunteer + "']"));
        browser.type(By.cssSelector(".delivery-dialog .hours[data-volunteer='" + firstVolunteer + "'] input"), "2.5\t");
        browser.type(By.cssSelector(".delivery-dialog .hours[data-volunteer='" + secondVolunteer + "'] input"), "2\t");
        browser.type(By.cssSelector(".delivery-dialog .field-residents input"), "6\t");
        browser.type(By.cssSelector(".delivery-dialog .field-notes textarea"), "遗嘱继承咨询 6 人次");
        assertThat(browser.text(By.cssSelector(".confirm-delivery"))).contains("2 名志愿者");
        browser.click(By.cssSelector(".confirm-delivery"));

        JsonNode delivered = eventually("the delivery reported", () -> project(projectId),
                p -> p.path("status").asText().equals("DELIVERED"));
        JsonNode report = delivered.path("report");
        assertThat(report.path("date").asText()).isEqualTo(DemoWorld.today().toString());
        assertThat(report.path("place").asText()).isEqualTo("嘉福社区党群服务中心");
        assertThat(report.path("residentsServed").asInt()).isEqualTo(6);
        Map<String, BigDecimal> hours = new java.util.HashMap<>();
        report.path("volunteers").forEach(v -> hours.put(v.path("volunteerId").asText(), v.path("hours").decimalValue()));
        assertThat(hours).containsOnlyKeys(firstVolunteer, secondVolunteer);
        assertThat(hours.get(firstVolunteer)).isEqualByComparingTo("2.5");
        assertThat(hours.get(secondVolunteer)).isEqualByComparingTo("2");
        // the unit's list shows the slip it sent
        browser.awaitText(By.cssSelector(".unit-projects"), "已交付");
        assertThat(browser.text(By.cssSelector(".unit-projects"))).contains("2 人 · 4.5 小时 · 服务 6 人次");
    }

    @Test
    @Order(7)
    void theCommunityConfirmsCompletionAndRatesTheService() {
        browser.signInAs("community:dianqian:jiafu");
        By confirm = By.cssSelector(".confirm-completion[data-demand='" + demandId + "']");
        browser.awaitWhileDoing("the delivered project on the community's demands", Duration.ofSeconds(60),
                () -> browser.click(By.cssSelector(".refresh")), () -> !browser.all(confirm).isEmpty());
        assertThat(browser.text(rowWith(".demands", DESCRIPTION))).contains("已服务 6 人次");
        browser.click(confirm);
        eventually("the project completed", () -> project(projectId).path("status").asText(), "COMPLETED"::equals);

        By rate = By.cssSelector(".rate[data-demand='" + demandId + "']");
        browser.click(rate);
        browser.click(By.cssSelector(".rating-dialog .field-score .el-rate__item:nth-child(4)"));
        browser.type(By.cssSelector(".rating-dialog .field-comment textarea"), "律师讲得很清楚");
        browser.click(By.cssSelector(".confirm-rating"));

        JsonNode rated = eventually("the project rated", () -> project(projectId),
                p -> p.path("status").asText().equals("RATED"));
        JsonNode rating = rated.path("ratings").get(0);
        assertThat(rating.path("demandId").asText()).isEqualTo(demandId);
        assertThat(rating.path("score").asInt()).isEqualTo(4);
        assertThat(rating.path("comment").asText()).isEqualTo("律师讲得很清楚");
        eventually("the demand rated", () -> DemoWorld.demandStatus(demandId), "RATED"::equals);
        // a rating of 4 does not reopen the demand: the row says so and the buttons are gone
        browser.awaitWhileDoing("the demand rated on the list", Duration.ofSeconds(30),
                () -> browser.click(By.cssSelector(".refresh")),
                () -> browser.text(rowWith(".demands", DESCRIPTION)).contains("已评价"));
        assertThat(browser.text(rowWith(".demands", DESCRIPTION))).contains("评价 4 星").doesNotContain("重新打开");
        assertThat(browser.all(confirm)).isEmpty();
        assertThat(browser.all(rate)).isEmpty();
    }

    @Test
    @Order(8)
    void theDeskSeesTheUnitsHoursInTheLedgerAndDownloadsTheCsv() {
        browser.signInAs("desk:dianqian");
        browser.go("/desk/ledger");
        browser.find(By.cssSelector(".ledger-report[data-loaded='true']"));
        // the ledger records the delivery from project-list.events.v1 once the community confirmed it
        Map<String, Object> stored = eventually("the ledger to record the delivery", () -> Api.get(LEDGER, DESK,
                        "/ledger/reports?groupBy=unit&lang=zh-CN&from=" + DemoWorld.today().withDayOfYear(1) + "&to=" + DemoWorld.today())
                .extract().<List<Map<String, Object>>>path("rows").stream()
                .filter(r -> claimingUnit.equals(r.get("key"))).findFirst().orElse(null), r -> r != null);
        assertThat(new BigDecimal(stored.get("hours").toString())).isEqualByComparingTo("4.5");
        assertThat(stored.get("label")).isEqualTo(claimingUnitName);
        By row = rowWith(".report-table", claimingUnitName);
        try {
            browser.awaitWhileDoing("the unit's hours on the ledger's screen", Duration.ofSeconds(30),
                    () -> browser.click(By.cssSelector(".refresh-report")), () -> !browser.all(row).isEmpty());
        } catch (AssertionError notShown) {
            System.out.println("console screenshot: " + browser.screenshot("ledger-missing") + "\n"
                    + browser.text(By.cssSelector(".content")));
            throw notShown;
        }
        assertThat(browser.text(row)).contains(claimingUnitName, "4.5");
        assertThat(stored).containsEntry("volunteers", 2).containsEntry("activities", 1).containsEntry("residentsServed", 6);
        browser.find(By.cssSelector(".ledger-report .hours-chart canvas"));
        assertThat(Integer.parseInt(browser.find(By.cssSelector(".hours-chart")).getAttribute("data-bars")))
                .as("one bar per unit in the report").isEqualTo(browser.all(By.cssSelector(".report-table .el-table__body tr")).size());
        System.out.println("console screenshot: " + browser.screenshot("ledger"));

        browser.click(By.cssSelector(".download-csv"));
        Path csv = browser.awaitDownload(".csv", Duration.ofSeconds(30));
        String content = read(csv);
        assertThat(content).startsWith("\uFEFF单位代码,名称,服务时长(小时),服务活动(次),志愿者(人),服务居民(人次)\r\n");
        String unitLine = content.lines().filter(line -> line.startsWith(claimingUnit + ",")).findFirst().orElseThrow();
        String[] cells = unitLine.split(",");
        assertThat(cells[1]).isEqualTo(claimingUnitName);
        assertThat(new BigDecimal(cells[2])).isEqualByComparingTo("4.5");
        assertThat(cells[3] + "," + cells[4] + "," + cells[5]).isEqualTo("1,2,6");
        assertThat(content.lines().filter(line -> line.startsWith("合计,")).count()).isEqualTo(1);
    }

    @Test
    @Order(9)
    void theDeskIssuesAnHourStatementForAVolunteer() {
        browser.click(By.id("tab-statements"));
        browser.choose(By.cssSelector(".field-unit"), claimingUnitName);
        String maskedName = Api.get(RESOURCE_LIST, DESK, "/volunteers/" + firstVolunteer).extract().path("maskedName");
        browser.choose(By.cssSelector(".field-volunteer"), maskedName);
        browser.click(By.cssSelector(".issue"));

        browser.find(By.cssSelector(".statement-card"));
        statementNumber = browser.text(By.cssSelector(".statement-card .statement-number"));
        statementCode = browser.text(By.cssSelector(".statement-card .statement-code"));
        assertThat(browser.text(By.cssSelector(".statement-card .statement-hours"))).isEqualTo("2.5");
        assertThat(browser.text(By.cssSelector(".statement-card .statement-status"))).isEqualTo("有效");
        assertThat(browser.text(rowWith(".statements", statementNumber))).contains(statementCode, maskedName, "有效");

        JsonNode stored = Api.get(LEDGER, DESK, "/ledger/statements/" + statementNumber).extract().as(JsonNode.class);
        assertThat(stored.path("volunteerId").asText()).isEqualTo(firstVolunteer);
        assertThat(stored.path("verificationCode").asText()).isEqualTo(statementCode);
        assertThat(stored.path("hours").decimalValue()).isEqualByComparingTo("2.5");
        assertThat(stored.path("status").asText()).isEqualTo("VALID");
        assertThat(stored.path("periodTo").asText()).isEqualTo(DemoWorld.today().toString());
    }

    @Test
    @Order(10)
    void aSignedOutVisitorVerifiesTheStatementByItsNumberAndCode() {
        browser.click(By.cssSelector(".sign-out"));
        browser.click(By.cssSelector(".verify-link a"));
        assertThat(browser.script("return sessionStorage.getItem('threelists.session')")).as("nobody signed in").isNull();
        assertThat((List<?>) browser.script("return Object.keys(sessionStorage).filter(k => k.startsWith('threelists.'))"))
                .as("the statements the desk issued, with their codes, left with the desk").isEmpty();
        browser.type(By.cssSelector(".field-number input"), statementNumber);
        browser.type(By.cssSelector(".field-code input"), statementCode);
        browser.click(By.cssSelector(".verify-statement-button"));

        browser.find(By.cssSelector(".verification[data-status='VALID']"));
        assertThat(browser.text(By.cssSelector(".verification"))).contains("证明有效", statementNumber, "与存档一致");
        assertThat(browser.text(By.cssSelector(".verification .verified-hours"))).isEqualTo("2.5");
        assertThat(browser.all(By.cssSelector(".menu"))).as("no menu without signing in").isEmpty();
    }

    @Test
    @Order(11)
    void anotherUnitSeesNeitherTheProjectNorTheDesksScreens() {
        browser.signInAs("unit:dianqian:" + otherUnit);
        browser.find(By.cssSelector(".claimable-list[data-loaded='true']"));
        assertThat(browser.all(By.cssSelector("[data-project='" + projectId + "']"))).isEmpty();
        assertThat(browser.all(By.cssSelector(".publish, .verify, .plan-street"))).isEmpty();

        browser.go("/unit/projects");
        browser.find(By.cssSelector(".unit-projects[data-loaded='true']"));
        assertThat(browser.text(By.cssSelector(".unit-projects"))).doesNotContain("法律咨询");

        browser.go("/desk/joint-meeting");
        browser.awaitWhileDoing("sent back to its own screens", Duration.ofSeconds(10), () -> { },
                () -> browser.currentRoute().equals("/unit/claimable"));
        assertThat(browser.text(By.cssSelector(".menu"))).doesNotContain("联席会", "需求清单");
    }

    @Test
    @Order(12)
    void aRefusedActionShowsTheProblemsTitleAndDetailInChinese() {
        String description = "楼道灯维修 " + RUN;
        String stale = Api.post(DEMAND_LIST, DemoWorld.COMMUNITY_WORKER, "/demands", Map.of(
                        "communityCode", DemoWorld.COMMUNITY, "category", "FACILITY_REPAIR", "description", description,
                        "beneficiaries", 12, "urgency", "NORMAL", "estimatedHours", 2), 201)
                .extract().path("demandId");
        browser.signInAs("desk:dianqian");
        browser.go("/desk/demands");
        browser.choose(By.cssSelector(".filter-status"), "待核实");
        String row = Browser.rowXpath(".demands", description);
        browser.find(By.xpath(row));
        // meanwhile the community withdraws it: the desk's screen is stale, the service refuses the verification
        Api.post(DEMAND_LIST, DemoWorld.COMMUNITY_WORKER, "/demands/" + stale + "/withdraw", Map.of("reason", "居民已自行解决"), 200);
        browser.click(By.xpath(row + "//button[contains(@class,'verify')]"));

        String shown = browser.text(By.cssSelector(".problem-message"));
        JsonNode problem = Api.as(DEMAND_LIST, DESK).header("Accept-Language", "zh-CN").post("/demands/" + stale + "/verify")
                .then().statusCode(409).header("Content-Language", "zh-CN").extract().as(JsonNode.class);
        // the service's own words, in Chinese (docs/architecture.md, "Problems in Chinese")
        assertThat(problem.path("detail").asText()).isEqualTo("当前状态为“已撤回”，不能核实需求 " + stale);
        assertThat(shown).contains("当前状态不允许此操作", problem.path("detail").asText()).doesNotContain("Cannot");
        assertThat(DemoWorld.demandStatus(stale)).isEqualTo("WITHDRAWN");
    }

    @Test
    @Order(13)
    void theDeskVerifiesTheLedgersChainsAndSeesHowFarTheRunGotAndItsOutcome() {
        browser.signInAs("desk:dianqian");
        browser.go("/desk/ledger");
        browser.click(By.id("tab-chain"));
        browser.click(By.cssSelector(".verify-chain"));

        // the screen follows the ledger's verification run until it is done
        browser.find(By.cssSelector(".chain-run[data-state='DONE']"));
        String runId = browser.find(By.cssSelector(".chain-run")).getAttribute("data-run");
        JsonNode run = Api.get(LEDGER, DESK, "/ledger/verification/runs/" + runId).extract().as(JsonNode.class);
        assertThat(run.path("state").asText()).isEqualTo("DONE");
        assertThat(run.path("street").asText()).isEqualTo(DemoWorld.STREET);
        assertThat(browser.text(By.cssSelector(".chain-progress"))).contains("100%");
        assertThat(browser.text(By.cssSelector(".chain-progress-text")))
                .contains("核对完成", "已核对 " + run.path("checked").asLong() + " / " + run.path("total").asLong() + " 条记录");

        JsonNode result = run.path("result");
        assertThat(result.path("entries").asLong()).as("this test's delivery is among them").isPositive();
        String shown = browser.text(By.cssSelector(".chain-result"));
        assertThat(shown).contains(result.path("valid").asBoolean() ? "台账完整，未被篡改" : "台账哈希链断裂",
                "核对 " + result.path("entries").asLong() + " 条记录、" + result.path("corrections").asLong() + " 条更正",
                result.path("head").asText());
        if (result.path("firstBroken").isObject()) {
            assertThat(browser.text(By.cssSelector(".first-broken")))
                    .contains("第 " + result.path("firstBroken").path("seq").asLong() + " 条");
        } else {
            assertThat(browser.all(By.cssSelector(".first-broken"))).isEmpty();
        }
    }

    @Test
    @Order(14)
    void theOperatorRebuildsTheLedgerAndSeesTheBarReachDoneWithTheSameHead() {
        browser.signInAs("operator:" + DemoWorld.STREET);
        // the operator's one screen, and no other role's
        assertThat(browser.currentRoute()).startsWith("/operator/operations");
        assertThat(browser.all(By.cssSelector("nav.menu .el-menu-item")).stream().map(WebElement::getText).toList())
                .containsExactly("运维");
        browser.click(By.cssSelector(".start-rebuild"));
        browser.click(By.cssSelector(".rebuild-confirm .el-button--primary"));

        // the screen follows the ledger's rebuild run until it is done
        browser.awaitWhileDoing("the rebuild run finished on the screen", Duration.ofMinutes(3), () -> { },
                () -> !browser.all(By.cssSelector(".rebuild-run[data-state='DONE'], .rebuild-run[data-state='FAILED']"))
                        .isEmpty());
        String runId = browser.find(By.cssSelector(".rebuild-run")).getAttribute("data-run");
        JsonNode run = Api.get(LEDGER, OPERATOR, "/ledger/rebuild/runs/" + runId).extract().as(JsonNode.class);
        assertThat(run.path("state").asText()).as(run.toPrettyString()).isEqualTo("DONE");
        assertThat(run.path("startedBy").asText()).isEqualTo("operator:console-operator-" + DemoWorld.STREET);
        assertThat(browser.text(By.cssSelector(".rebuild-progress"))).contains("100%");
        assertThat(browser.text(By.cssSelector(".rebuild-progress-text"))).contains("完成",
                "已读取 " + grouped(run.path("eventsRead").asLong()) + " / " + grouped(run.path("eventsToRead").asLong())
                        + " 条事件");

        JsonNode result = run.path("result");
        assertThat(result.path("sameHead").asBoolean()).as(result.toPrettyString()).isTrue();
        assertThat(result.path("events").asLong()).isPositive();
        String shown = browser.text(By.cssSelector(".rebuild-result"));
        assertThat(shown).contains("同一链头", "是", "事件数", grouped(result.path("events").asLong()), "每秒事件",
                result.path("head").asText());
        assertThat(browser.text(By.cssSelector(".rebuild-history"))).contains(run.path("startedBy").asText(), "完成");
        // the ledger runs on the new generation, its chains intact
        JsonNode verified = Api.get(LEDGER, OPERATOR, "/ledger/verification").extract().as(JsonNode.class);
        assertThat(verified.path("valid").asBoolean()).isTrue();
        assertThat(verified.path("generation").asInt()).isEqualTo(result.path("generation").asInt());
        browser.screenshot("operations");

        // 全账链验证: the operator's verification run walks the whole ledger
        browser.click(By.id("tab-chain"));
        browser.click(By.cssSelector(".verify-chain"));
        browser.find(By.cssSelector(".chain-run[data-state='DONE']"));
        String verification = browser.find(By.cssSelector(".chain-run")).getAttribute("data-run");
        JsonNode walk = Api.get(LEDGER, OPERATOR, "/ledger/verification/runs/" + verification).extract().as(JsonNode.class);
        assertThat(walk.path("street").isNull()).as("the whole ledger, no street").isTrue();
        assertThat(walk.path("result").path("valid").asBoolean()).isTrue();
        assertThat(walk.path("result").path("entries").asLong()).isGreaterThanOrEqualTo(result.path("entries").asLong());
        assertThat(browser.text(By.cssSelector(".chain-result"))).contains("台账完整，未被篡改",
                walk.path("result").path("head").asText());
    }

    @Test
    @Order(15)
    void theStreetsAuditorReadsTheLedgersReportAndTheStatementsAndWritesNothing() {
        browser.signInAs("auditor:" + DemoWorld.STREET);
        // the auditor's read-only screens, none of the desk's
        assertThat(browser.currentRoute()).startsWith("/auditor/reports");
        assertThat(browser.all(By.cssSelector("nav.menu .el-menu-item")).stream().map(WebElement::getText).toList())
                .containsExactly("台账报表", "工时证明清单", "联系方式查看记录");
        assertThat(browser.text(rowWith(".report-table", claimingUnitName))).contains("4.5");

        browser.go("/auditor/statements");
        assertThat(browser.text(rowWith(".statement-list", statementNumber))).contains(statementCode);
        assertThat(browser.all(By.cssSelector(".issue, .revoke, .publish, .verify-chain, .start-rebuild"))).isEmpty();
        browser.go("/desk/ledger");
        browser.awaitWhileDoing("sent back to the auditor's screens", Duration.ofSeconds(10), () -> { },
                () -> browser.currentRoute().startsWith("/auditor/reports"));
    }

    /** A count as the console writes it (zh-CN grouping: 12,345). */
    private static String grouped(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    private static String verdict(double interactiveMs) {
        return interactiveMs <= FIRST_PAGE_INTERACTIVE_BUDGET_MS ? "met" : "MISSED";
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }

    private static String registerVolunteer(String unit, String name, String phone) {
        return Api.post(RESOURCE_LIST, DemoWorld.unitToken(unit), "/volunteers", Map.of("unitId", unit,
                        "homeCommunity", DemoWorld.COMMUNITY, "skills", List.of("法律咨询"),
                        "person", Map.of("name", name, "phone", phone), "consent", true), 201)
                .extract().path("volunteerId");
    }

    /**
     * Registers {@code count} more volunteers of the unit, a few at a time (the roster's length is what matters, not
     * who they are); each is answered 201 before this returns.
     */
    private static void registerVolunteers(String unit, int count) {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> registered = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                String name = String.format(Locale.ROOT, "共建单位志愿者%03d", i);
                String phone = String.format(Locale.ROOT, "1390000%04d", i);
                registered.add(pool.submit(() -> registerVolunteer(unit, name, phone)));
            }
            for (Future<String> volunteer : registered) {
                volunteer.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a volunteer not registered", e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static By rowWith(String table, String text) {
        return By.xpath(Browser.rowXpath(table, text));
    }

    private static By proposalCard() {
        return By.cssSelector("[data-project='" + DemoWorld.proposalFor(demandId) + "']");
    }

    private static JsonNode demandByDescription(String description) {
        return eventually("the demand stored", () -> {
            for (JsonNode demand : Api.get(DEMAND_LIST, DESK, "/demands?status=SUBMITTED&size=100").extract().as(JsonNode.class).path("items")) {
                if (demand.path("description").asText().equals(description)) {
                    return demand;
                }
            }
            return null;
        }, found -> found != null);
    }


    private static JsonNode project(String id) {
        return Api.get(MATCHMAKER, DESK, "/projects/" + id).extract().as(JsonNode.class);
    }
}
