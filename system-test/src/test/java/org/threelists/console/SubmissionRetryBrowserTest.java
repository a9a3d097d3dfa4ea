package org.threelists.console;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.threelists.system.Api;
import org.threelists.system.RunningSystem;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.threelists.localstack.LocalStack.DEMAND_LIST;
import static org.threelists.system.DemoWorld.DESK;

/**
 * A community worker's submission from the console survives a lost answer and an overloaded service
 * (console/README.md, "Retrying a submission"): the form sends one Idempotency-Key per fill, and 重新提交 after a
 * network error or a 503 sends the same key, so a submission the service had committed is answered, not made twice.
 * The failures are the page's own: its fetch is wrapped so that one attempt reaches demand-list and then loses the
 * answer (the service committed; the page sees a network error), and another is answered 503 without reaching it.
 * Each is decided by the attempt's place in line, never by a clock.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Order(5) // junit-platform.properties: the shared system's classes first
class SubmissionRetryBrowserTest {

    private static final String RUN = UUID.randomUUID().toString().substring(0, 6);
    private static final String LOST = "社区法律顾问上门答疑（答复丢失） " + RUN;
    private static final String OVERLOADED = "社区法律顾问上门答疑（服务繁忙） " + RUN;
    private static final String GATEWAY = "社区法律顾问上门答疑（网关超时） " + RUN;
    /**
     * Wraps the page's fetch once: every POST to demand-list's /demands is recorded (key, status, replayed); the next
     * entries of {@code window.__failNext} decide the next attempts — "lose": sent, answered, and the answer thrown
     * away as a dropped connection would; "gateway": sent, answered, and the answer replaced by a gateway's HTML page
     * with 504, as a proxy in front of the console answers when the service's answer comes too late; "overload":
     * answered 503 as demand-list does, without being sent.
     */
    private static final String WRAP_FETCH = """
            window.__failNext = arguments[0];
            if (window.__submissions) return;
            window.__submissions = [];
            const realFetch = window.fetch.bind(window);
            window.fetch = async (path, init = {}) => {
              if (!(String(path).endsWith('/api/demand-list/demands') && init.method === 'POST')) return realFetch(path, init);
              const attempt = { key: (init.headers || {})['Idempotency-Key'] ?? null, status: null, replayed: false };
              window.__submissions.push(attempt);
              const failure = window.__failNext.shift();
              if (failure === 'overload') {
                attempt.status = 503;
                return new Response(JSON.stringify({ type: 'https://threelists.dev/problems/service-unavailable',
                    title: '服务暂时不可用', status: 503, detail: '服务繁忙，未作任何更改', retryAfter: 2 }),
                    { status: 503, headers: { 'Content-Type': 'application/problem+json', 'Retry-After': '2' } });
              }
              const answer = await realFetch(path, init);
              attempt.status = answer.status;
              attempt.replayed = answer.headers.get('Idempotent-Replayed') === 'true';
              if (failure === 'lose') throw new TypeError('Failed to fetch');
              if (failure === 'gateway') {
                return new Response('<html><body><h1>504 Gateway Time-out</h1></body></html>',
                    { status: 504, headers: { 'Content-Type': 'text/html' } });
              }
              return answer;
            };
            """;

    @AutoClose
    private static Browser browser;
    private static String firstFillKey;

    @BeforeAll
    static void startSystemAndBrowser() {
        browser = Browser.open(RunningSystem.stack().consoleUrl());
        browser.signInAs("community:dianqian:jiafu");
    }

    @Test
    @Order(1)
    void aSubmissionWhoseAnswerWasLostIsSentAgainWithItsKeyAndMakesOneDemand() {
        fillTheForm(LOST, List.of("lose"));

        // the service committed, the page heard nothing: it says so and offers to send the same fill again
        assertThat(submitAndReadTheRetryNotice("unanswered")).contains("未收到服务器答复", "不会重复登记");
        assertThat(storedWith(LOST)).as("the first attempt's demand, stored").hasSize(1);
        browser.click(By.cssSelector(".submit-demand"));

        assertThat(screenRowsWith(LOST)).isEqualTo(1);
        List<Map<String, Object>> attempts = attempts();
        assertThat(attempts).hasSize(2);
        firstFillKey = (String) attempts.get(0).get("key");
        assertThat(firstFillKey).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
        assertThat(attempts).extracting(a -> a.get("key")).containsOnly(firstFillKey);
        assertThat(attempts).extracting(a -> a.get("status")).containsExactly(201L, 201L);
        assertThat(attempts.get(1).get("replayed")).as("the retry answered with the first attempt's demand").isEqualTo(true);
        List<JsonNode> stored = storedWith(LOST);
        assertThat(stored).as("one demand, however often it was sent").hasSize(1);
        assertThat(stored.get(0).path("status").asText()).isEqualTo("SUBMITTED");
        assertThat(stored.get(0).path("submittedBy").asText()).isEqualTo("community:console-community-dianqian-jiafu");
    }

    @Test
    @Order(2)
    void anOverloadedAnswerIsRetriedWithTheSameKeyAndANewFillHasANewKey() {
        fillTheForm(OVERLOADED, List.of("overload"));

        assertThat(submitAndReadTheRetryNotice("overloaded")).contains("服务繁忙", "2 秒后", "重新提交");
        assertThat(storedWith(OVERLOADED)).as("nothing submitted by the refused attempt").isEmpty();
        browser.click(By.cssSelector(".submit-demand"));

        assertThat(screenRowsWith(OVERLOADED)).isEqualTo(1);
        List<Map<String, Object>> attempts = attempts();
        assertThat(attempts).extracting(a -> a.get("status")).containsExactly(503L, 201L);
        assertThat(attempts.get(1).get("replayed")).as("the retry is the first submission that arrived").isEqualTo(false);
        assertThat(attempts.get(0).get("key")).isEqualTo(attempts.get(1).get("key")).isNotEqualTo(firstFillKey);
        assertThat(storedWith(OVERLOADED)).hasSize(1);
        assertThat(storedWith(LOST)).hasSize(1);
    }

    @Test
    @Order(3)
    void aGatewaysPageInsteadOfTheAnswerIsSentAgainWithItsKeyAndMakesOneDemand() {
        fillTheForm(GATEWAY, List.of("gateway"));

        // a 504 says nothing about what the service did: the same fill is offered again, not refused as final
        assertThat(submitAndReadTheRetryNotice("unanswered")).contains("未收到服务器答复", "不会重复登记");
        assertThat(storedWith(GATEWAY)).as("the first attempt's demand, stored").hasSize(1);
        browser.click(By.cssSelector(".submit-demand"));

        assertThat(screenRowsWith(GATEWAY)).isEqualTo(1);
        List<Map<String, Object>> attempts = attempts();
        assertThat(attempts).extracting(a -> a.get("status")).containsExactly(201L, 201L);
        assertThat(attempts.get(0).get("key")).isEqualTo(attempts.get(1).get("key"));
        assertThat(attempts.get(1).get("replayed")).isEqualTo(true);
        assertThat(storedWith(GATEWAY)).as("one demand, however often it was sent").hasSize(1);
    }

    /** Opens a new fill of 提交需求 and types a demand; the page's next attempts fail as {@code failures} say. */
    private static void fillTheForm(String description, List<String> failures) {
        browser.go("/community/demands");
        browser.find(By.cssSelector(".demands"));
        browser.go("/community/demands/new");
        browser.choose(By.cssSelector(".field-category"), "法律咨询");
        browser.type(By.cssSelector(".field-description textarea"), description);
        browser.type(By.cssSelector(".field-building input"), "5栋");
        browser.script(WRAP_FETCH, new ArrayList<>(failures));
        browser.script("window.__submissions.length = 0");
    }

    /** Submits, and reads what the form says when it offers 重新提交 for the {@code reason} the attempt failed. */
    private static String submitAndReadTheRetryNotice(String reason) {
        browser.click(By.cssSelector(".submit-demand"));
        assertThat(browser.find(By.cssSelector(".retry-notice")).getAttribute("data-reason")).isEqualTo(reason);
        assertThat(browser.text(By.cssSelector(".submit-demand"))).isEqualTo("重新提交");
        return browser.text(By.cssSelector(".retry-notice"));
    }

    /** The attempts the page sent since the form was filled: key, status, whether the answer was a replay. */
    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> attempts() {
        return (List<Map<String, Object>>) browser.script("return window.__submissions");
    }

    /** The rows of 本社区需求 showing the description, once the page has gone there after the submission. */
    private static int screenRowsWith(String description) {
        By row = By.xpath(Browser.rowXpath(".demands", description));
        browser.find(row);
        assertThat(browser.currentRoute()).isEqualTo("/community/demands");
        return browser.all(row).size();
    }

    /** The community's stored demands with this description, as the desk reads them. */
    private static List<JsonNode> storedWith(String description) {
        List<JsonNode> found = new ArrayList<>();
        for (JsonNode demand : Api.get(DEMAND_LIST, DESK, "/demands?community=jiafu&size=100").extract()
                .as(JsonNode.class).path("items")) {
            if (demand.path("description").asText().equals(description)) {
                found.add(demand);
            }
        }
        return found;
    }
}
