package org.threelists.console;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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

import static org.assertj.core.api.Assertions.assertThat;
import static org.threelists.localstack.LocalStack.LEDGER;
import static org.threelists.localstack.LocalStack.MATCHMAKER;
import static org.threelists.localstack.LocalStack.RESOURCE_LIST;
import static org.threelists.system.Api.eventually;
import static org.threelists.system.DemoWorld.DESK;

/**
 * A delivery its community leaves unconfirmed (确认完成) past the confirmation wait escalates to the desk, and the desk
 * confirms it on the community's behalf in the console, with its reason (services/matchmaker/service/README.md,
 * "Confirmation wait"): the project is completed, recorded as the desk's confirmation with the reason, the demand is
 * fulfilled and the ledger counts the volunteer's hours, which it held pending until then. The shared system gives a
 * CRITICAL project's delivery {@link RunningSystem#CRITICAL_CONFIRMATION_WAIT_SECONDS} seconds.
 */
@Order(5) // junit-platform.properties: the shared system's classes first
class ConfirmationWaitBrowserTest {

    private static final String RUN = UUID.randomUUID().toString().substring(0, 6);
    private static final String REASON = "已电话联系嘉福社区和居民核实，法律咨询已完成";

    private static Browser browser;
    private static String unit;

    @BeforeAll
    static void startSystemAndBrowser() {
        LocalStack stack = RunningSystem.stack();
        browser = Browser.open(stack.consoleUrl());
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
        // other system tests count on the matchmaker proposing their own units: this one leaves the alliance
        if (unit != null) {
            Api.as(RESOURCE_LIST, DESK).body(Map.of("reason", "测试结束")).post("/units/" + unit + "/leave");
        }
    }

    @Test
    void theDeskConfirmsADeliveryItsCommunityLeftUnconfirmedAndTheHoursCount() {
        unit = DemoWorld.registerUnit("嘉福法律服务队 " + RUN);
        String resource = DemoWorld.offerVolunteerHours(unit, "LEGAL_ADVICE", 20);
        String demand = DemoWorld.listedDemand("LEGAL_ADVICE", "CRITICAL", 3, "遗产继承法律咨询 " + RUN);
        String project = DemoWorld.assignedByDesk(List.of(demand), unit, resource, "法律咨询进社区 " + RUN);
        eventually("the claim confirmed", () -> status(project), "CLAIMED"::equals);
        String unitToken = DemoWorld.unitToken(unit);
        Api.post(MATCHMAKER, unitToken, "/projects/" + project + "/schedule",
                Map.of("date", DemoWorld.today().toString(), "place", "嘉福社区党群服务中心"), 200);
        String volunteer = DemoWorld.registerVolunteer(unit, "郑律师", "13800003302", "法律咨询");
        DemoWorld.reportDelivery(unit, project, Map.of("date", DemoWorld.today().toString(), "place", "嘉福社区党群服务中心",
                "volunteers", List.of(Map.of("volunteerId", volunteer, "hours", 2.5)), "residentsServed", 5,
                "notes", "遗产继承咨询 5 人次"));

        // delivered and not confirmed: the ledger holds the hours pending, and the desk may not stand in yet
        eventually("the delivery pending in the ledger", () -> ledgerPendingHoursOf(unit),
                hours -> hours.compareTo(new BigDecimal("2.5")) == 0);
        assertThat(confirmedHoursOf(unit)).isEmpty();
        eventually("the unconfirmed delivery escalated to the desk", () -> Api.get(MATCHMAKER, DESK,
                        "/escalations?deadline=CONFIRMATION&size=100").extract().<List<String>>path("items.projectId"),
                projects -> projects.contains(project));

        browser.signInAs("desk:dianqian");
        By confirm = By.cssSelector(".escalations .confirm-on-behalf[data-project='" + project + "']");
        browser.awaitWhileDoing("the overdue confirmation on the desk's escalations", Duration.ofSeconds(30),
                () -> browser.go("/desk/projects?tab=escalations"), () -> !browser.all(confirm).isEmpty());
        assertThat(browser.text(By.xpath(Browser.rowXpath(".escalations", "法律咨询进社区 " + RUN))))
                .contains("待确认超期").contains("已交付");
        browser.click(confirm);
        browser.type(By.cssSelector(".on-behalf-dialog .on-behalf-reason textarea"), REASON);
        browser.click(By.cssSelector(".on-behalf-dialog .confirm-on-behalf-submit"));

        JsonNode completed = eventually("the project completed", () -> Api.get(MATCHMAKER, DESK, "/projects/" + project)
                .extract().as(JsonNode.class), p -> p.path("status").asText().equals("COMPLETED"));
        assertThat(completed.path("completion").path("onBehalfOfCommunity").asBoolean()).isTrue();
        assertThat(completed.path("completion").path("reason").asText()).isEqualTo(REASON);
        assertThat(completed.path("completion").path("confirmedBy").asText()).isNotBlank();
        eventually("the demand fulfilled", () -> DemoWorld.demandStatus(demand), "FULFILLED"::equals);
        eventually("the hours confirmed in the ledger", () -> confirmedHoursOf(unit),
                hours -> hours.isPresent() && hours.get().compareTo(new BigDecimal("2.5")) == 0);
        assertThat(ledgerPendingHoursOf(unit)).isEqualByComparingTo("0");
        // the escalation stays on the desk's list, now showing where the project stands, with nothing left to do
        browser.awaitWhileDoing("the escalation showing the project completed", Duration.ofSeconds(30),
                () -> browser.go("/desk/projects?tab=escalations"),
                () -> browser.all(confirm).isEmpty()
                        && browser.text(By.xpath(Browser.rowXpath(".escalations", "法律咨询进社区 " + RUN))).contains("已完成"));
    }

    private static String status(String project) {
        return Api.get(MATCHMAKER, DESK, "/projects/" + project).extract().path("status");
    }

    /** The unit's confirmed hours in the street's report by unit, if it has a row. */
    private static Optional<BigDecimal> confirmedHoursOf(String unitId) {
        List<Map<String, Object>> rows = Api.get(LEDGER, DESK, "/ledger/reports?groupBy=unit").extract().path("rows");
        return rows.stream().filter(r -> unitId.equals(r.get("key"))).findFirst()
                .map(r -> new BigDecimal(r.get("hours").toString()));
    }

    /** The pending hours of the unit's own report (its projects not yet confirmed). */
    private static BigDecimal ledgerPendingHoursOf(String unitId) {
        Object hours = Api.get(LEDGER, DemoWorld.unitToken(unitId), "/ledger/reports?groupBy=unit").extract()
                .path("pending.hours");
        return hours == null ? BigDecimal.ZERO : new BigDecimal(hours.toString());
    }
}
