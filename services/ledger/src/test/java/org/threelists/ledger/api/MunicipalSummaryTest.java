package org.threelists.ledger.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.threelists.ledger.messaging.Topics;
import org.threelists.ledger.projection.entries.Generations;
import org.threelists.devkit.DevTokens;
import org.threelists.testing.KafkaProbe;
import org.threelists.testing.PublishedContracts;
import org.threelists.testing.RealInfrastructure;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.threelists.ledger.Fixtures.as;
import static org.threelists.ledger.Fixtures.awaitConsumed;
import static org.threelists.ledger.Fixtures.await;
import static org.threelists.ledger.Fixtures.confirm;
import static org.threelists.ledger.Fixtures.deliver;
import static org.threelists.ledger.Fixtures.deliverConfirmed;
import static org.threelists.ledger.Fixtures.delivered;
import static org.threelists.ledger.Fixtures.uuid;
import static org.threelists.ledger.Fixtures.volunteerHours;

/** The monthly summary goes to municipal.service-records.v1 once per street and month, valid against its schema. */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class MunicipalSummaryTest {

    static final String DESK = DevTokens.desk("desk-wangchenglu", "wangchenglu");

    @Inject
    AgroalDataSource dataSource;

    @Test
    void a_month_is_sent_once_with_the_street_figures_and_the_message_conforms() {
        String unit = "unit-wangchenglu-institute";
        deliverConfirmed(delivered(uuid(), "wangchenglu", "tongyuan", "FACILITY_REPAIR", LocalDate.of(2026, 9, 10), 40,
                List.of(volunteerHours(uuid(), unit, 3), volunteerHours(uuid(), unit, 5)), List.of()));
        deliverConfirmed(delivered(uuid(), "wangchenglu", "tongyuan", "ELDER_CARE", LocalDate.of(2026, 9, 25), 6,
                List.of(volunteerHours(uuid(), unit, 1.5)), List.of()));
        awaitConsumed("ledger.project-list", Topics.PROJECT_EVENTS);

        as(DESK).body(Map.of("month", "2026-09")).post("/ledger/municipal-summaries").then().statusCode(201)
                .body("summaryId", equalTo("wangchenglu:2026-09")).body("figures.activities", equalTo(2))
                .body("figures.residentsServed", equalTo(46)).body("figures.volunteers", equalTo(3));
        as(DESK).body(Map.of("month", "2026-09")).post("/ledger/municipal-summaries").then().statusCode(409)
                .body("type", equalTo("https://threelists.dev/problems/already-exists"));
        as(DESK).body(Map.of("month", "2026-9")).post("/ledger/municipal-summaries").then().statusCode(400);
        as(DevTokens.auditor("auditor-w", "wangchenglu")).body(Map.of("month", "2026-10"))
                .post("/ledger/municipal-summaries").then().statusCode(403);

        var records = KafkaProbe.await(Topics.SERVICE_RECORDS, r -> "wangchenglu:2026-09".equals(r.key()), 1,
                Duration.ofSeconds(30));
        assertThat(records).hasSize(1);
        List<JsonNode> all = PublishedContracts.assertEveryMessageConforms(Topics.SERVICE_RECORDS);
        JsonNode data = all.stream().filter(m -> m.path("subject").asText().equals("wangchenglu:2026-09"))
                .findFirst().orElseThrow().path("data");
        assertThat(data.path("hours").decimalValue()).isEqualByComparingTo("9.5");
        assertThat(data.path("streetName").asText()).isEqualTo("王城路街道");
        assertThat(data.path("byCategory")).hasSize(2);
        assertThat(data.path("ledgerHead").asText()).hasSize(64);
        as(DESK).get("/ledger/municipal-summaries").then().statusCode(200).body("size()", equalTo(1));
    }

    static final String MANGLING_DESK = DevTokens.desk("desk-manglinglu", "manglinglu");
    static final String MANGLING_UNIT = "unit-manglinglu-institute";

    @Test
    void only_a_month_that_has_ended_is_summarised() {
        YearMonth current = YearMonth.now(ZoneId.of("Asia/Shanghai"));
        String desk = DevTokens.desk("desk-shuangma", "shuangma");
        as(desk).body(Map.of("month", current.toString())).post("/ledger/municipal-summaries").then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("https://threelists.dev/problems/illegal-transition"))
                .body("state", equalTo("OPEN"));
        as(desk).body(Map.of("month", current.plusMonths(1).toString())).post("/ledger/municipal-summaries").then()
                .statusCode(400).body("type", equalTo("https://threelists.dev/problems/invalid-input"))
                .body("violations[0].field", equalTo("month"));
        as(desk).get("/ledger/municipal-summaries").then().statusCode(200).body("size()", equalTo(0));
        assertThat(KafkaProbe.await(Topics.SERVICE_RECORDS, r -> r.key() != null && r.key().startsWith("shuangma:"), 0,
                Duration.ofSeconds(1))).isEmpty();
    }

    @Test
    void hours_the_community_has_not_confirmed_are_not_in_the_summary() {
        deliverConfirmed(delivered(uuid(), "manglinglu", "zhongxin014", "HEALTH", LocalDate.of(2026, 7, 3), 4,
                List.of(volunteerHours(uuid(), MANGLING_UNIT, 2)), List.of()));
        deliver(delivered(uuid(), "manglinglu", "zhongxin014", "HEALTH", LocalDate.of(2026, 7, 9), 9,
                List.of(volunteerHours(uuid(), MANGLING_UNIT, 5)), List.of()));
        awaitConsumed("ledger.project-list", Topics.PROJECT_EVENTS);

        as(MANGLING_DESK).body(Map.of("month", "2026-07")).post("/ledger/municipal-summaries").then().statusCode(201)
                .body("figures.hours", equalTo(2)).body("figures.activities", equalTo(1))
                .body("figures.residentsServed", equalTo(4)).body("figures.volunteers", equalTo(1));
    }

    @Test
    void what_arrives_for_a_month_already_sent_is_listed_for_the_desk_and_the_sent_summary_stays() {
        deliverConfirmed(delivered(uuid(), "manglinglu", "zhongxin014", "SAFETY", LocalDate.of(2026, 8, 3), 4,
                List.of(volunteerHours(uuid(), MANGLING_UNIT, 3)), List.of()));
        awaitConsumed("ledger.project-list", Topics.PROJECT_EVENTS);
        as(MANGLING_DESK).body(Map.of("month", "2026-08")).post("/ledger/municipal-summaries").then().statusCode(201)
                .body("figures.hours", equalTo(3));

        String late = uuid();
        var delivery = deliver(delivered(late, "manglinglu", "zhongxin014", "SAFETY", LocalDate.of(2026, 8, 20), 7,
                List.of(volunteerHours(uuid(), MANGLING_UNIT, 1.5), volunteerHours(uuid(), MANGLING_UNIT, 2)), List.of()));
        confirm(late);
        awaitConsumed("ledger.project-list", Topics.PROJECT_EVENTS);

        var needed = await(() -> as(MANGLING_DESK).get("/ledger/municipal-summaries/corrections-needed").then()
                .statusCode(200).extract().jsonPath(), j -> j.getList("$").size() == 2);
        assertThat(needed.getList("reason", String.class))
                .containsExactlyInAnyOrder("DELIVERED_AFTER_SUMMARY", "CONFIRMED_AFTER_SUMMARY");
        assertThat(needed.getList("summaryId", String.class)).containsOnly("manglinglu:2026-08");
        assertThat(needed.getList("projectId", String.class)).containsOnly(late);
        assertThat(needed.getList("deliveryEventId", String.class)).containsOnly(delivery.id());
        assertThat(needed.getList("deliveryDate", String.class)).containsOnly("2026-08-20");
        assertThat(needed.getList("hours", Float.class)).containsOnly(3.5f);

        // the summary that was sent does not change, and it is not sent again
        var sent = as(MANGLING_DESK).get("/ledger/municipal-summaries").then().statusCode(200).extract().jsonPath();
        assertThat(sent.getFloat("find { it.month == '2026-08' }.figures.hours")).isEqualTo(3f);
        assertThat(KafkaProbe.await(Topics.SERVICE_RECORDS, r -> "manglinglu:2026-08".equals(r.key()), 1,
                Duration.ofSeconds(5))).hasSize(1);
        // other streets see none of it
        as(DESK).get("/ledger/municipal-summaries/corrections-needed").then().statusCode(200)
                .body("projectId", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem(late)));
        as(DevTokens.unit("staff", MANGLING_UNIT, "manglinglu")).get("/ledger/municipal-summaries/corrections-needed")
                .then().statusCode(403);
    }

    /** A street whose summaries and corrections only this test makes. */
    static final String JIANGHAN_DESK = DevTokens.desk("desk-jianghan", "jianghan");
    static final String JIANGHAN_UNIT = "unit-jianghan-hospital";

    /**
     * The desk corrects hours the month's summary counted: the municipal platform holds the old figure, so the change
     * is listed for the desk to report. A correction of hours not yet confirmed is not listed; the confirmation is,
     * with the hours in force.
     */
    @Test
    void a_correction_of_hours_a_sent_summary_counted_is_listed_with_its_change_and_a_late_confirmation_with_the_hours_in_force() {
        String counted = uuid();
        deliverConfirmed(delivered(counted, "jianghan", "minquan", "HEALTH", LocalDate.of(2025, 3, 3), 4,
                List.of(volunteerHours(uuid(), JIANGHAN_UNIT, 3)), List.of()));
        String pending = uuid();
        deliver(delivered(pending, "jianghan", "minquan", "HEALTH", LocalDate.of(2025, 3, 9), 2,
                List.of(volunteerHours(uuid(), JIANGHAN_UNIT, 5)), List.of()));
        awaitConsumed("ledger.project-list", Topics.PROJECT_EVENTS);
        as(JIANGHAN_DESK).body(Map.of("month", "2025-03")).post("/ledger/municipal-summaries").then().statusCode(201)
                .body("figures.hours", equalTo(3));

        as(JIANGHAN_DESK).body(Map.of("hours", 1, "reason", "签到表核对：实际服务1小时"))
                .post("/ledger/entries/" + hoursEntryOf(counted) + "/corrections").then().statusCode(201);
        as(JIANGHAN_DESK).body(Map.of("hours", 4, "reason", "签到表核对：实际服务4小时"))
                .post("/ledger/entries/" + hoursEntryOf(pending) + "/corrections").then().statusCode(201);
        confirm(pending);
        awaitConsumed("ledger.project-list", Topics.PROJECT_EVENTS);

        var needed = await(() -> as(JIANGHAN_DESK).get("/ledger/municipal-summaries/corrections-needed").then()
                .statusCode(200).extract().jsonPath(), j -> j.getList("$").size() == 2);
        assertThat(needed.getString("find { it.projectId == '" + counted + "' }.reason"))
                .isEqualTo("CORRECTED_AFTER_SUMMARY");
        assertThat(needed.getFloat("find { it.projectId == '" + counted + "' }.hours")).isEqualTo(-2f);
        assertThat(needed.getString("find { it.projectId == '" + counted + "' }.summaryId")).isEqualTo("jianghan:2025-03");
        // the pending delivery's correction came before its confirmation: only the confirmation, with 4 hours, not 5
        assertThat(needed.getList("findAll { it.projectId == '" + pending + "' }.reason", String.class))
                .containsExactly("CONFIRMED_AFTER_SUMMARY");
        assertThat(needed.getFloat("find { it.projectId == '" + pending + "' }.hours")).isEqualTo(4f);
        // what the month now reports is what was sent plus what is listed
        assertThat(as(JIANGHAN_DESK).queryParam("from", "2025-03-01").queryParam("to", "2025-03-31")
                .get("/ledger/reports").then().statusCode(200).extract().jsonPath().getFloat("totals.hours"))
                .isEqualTo(3f - 2f + 4f);
        assertThat(as(JIANGHAN_DESK).get("/ledger/municipal-summaries").then().statusCode(200).extract().jsonPath()
                .getFloat("find { it.month == '2025-03' }.figures.hours")).isEqualTo(3f);
    }

    private static String hoursEntryOf(String projectId) {
        return await(() -> as(JIANGHAN_DESK).queryParam("project", projectId).queryParam("kind", "HOURS")
                .get("/ledger/entries").then().statusCode(200).extract().jsonPath().getString("items[0].entryId"),
                id -> id != null);
    }

    static final String HEPING_DESK = DevTokens.desk("desk-heping", "heping");
    static final String HEPING_UNIT = "unit-heping-school";

    @Test
    void a_delivery_stamped_before_the_summary_but_recorded_after_it_is_listed_for_the_desk() {
        as(HEPING_DESK).body(Map.of("month", "2022-05")).post("/ledger/municipal-summaries").then().statusCode(201)
                .body("figures.hours", equalTo(0));

        // the matchmaker stamped the delivery and its confirmation an hour before the desk sent May; the ledger
        // records them only now (its consumer was behind): they are in neither the summary nor, by their time, after it
        Instant anHourAgo = Instant.now().minus(Duration.ofHours(1));
        String late = uuid();
        deliver(delivered(late, "heping", "lianqiao", "ELDER_CARE", LocalDate.of(2022, 5, 20), 3,
                List.of(volunteerHours(uuid(), HEPING_UNIT, 2.5)), List.of()), anHourAgo);
        confirm(late, anHourAgo);
        awaitConsumed("ledger.project-list", Topics.PROJECT_EVENTS);

        var needed = await(() -> as(HEPING_DESK).get("/ledger/municipal-summaries/corrections-needed").then()
                .statusCode(200).extract().jsonPath(), j -> j.getList("findAll { it.projectId == '" + late + "' }")
                .size() == 2);
        assertThat(needed.getList("findAll { it.projectId == '" + late + "' }.reason", String.class))
                .containsExactlyInAnyOrder("DELIVERED_AFTER_SUMMARY", "CONFIRMED_AFTER_SUMMARY");
        assertThat(needed.getList("findAll { it.projectId == '" + late + "' }.summaryId", String.class))
                .containsOnly("heping:2022-05");
        assertThat(needed.getList("findAll { it.projectId == '" + late + "' }.hours", Float.class)).containsOnly(2.5f);
    }

    @Test
    void a_summary_is_recorded_only_once_the_poll_being_applied_has_committed() throws Exception {
        CompletableFuture<Integer> sent;
        try (Connection applying = dataSource.getConnection()) {
            // what a live poll holds while it applies its events
            applying.setAutoCommit(false);
            try (Statement lock = applying.createStatement()) {
                lock.execute("SELECT pg_advisory_xact_lock_shared(" + Generations.GENERATION_LOCK + ")");
            }
            sent = CompletableFuture.supplyAsync(() -> as(HEPING_DESK).body(Map.of("month", "2022-06"))
                    .post("/ledger/municipal-summaries").then().extract().statusCode());
            Thread.sleep(1_500);
            assertThat(sent).as("the summary reads its figures only once the poll is in").isNotDone();
            as(HEPING_DESK).get("/ledger/municipal-summaries").then().statusCode(200)
                    .body("month", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem("2022-06")));
            applying.commit();
        }
        assertThat(sent.get(30, TimeUnit.SECONDS)).isEqualTo(201);
        as(HEPING_DESK).get("/ledger/municipal-summaries").then().statusCode(200)
                .body("month", org.hamcrest.Matchers.hasItem("2022-06"));
    }

    @Test
    void a_desk_without_a_street_is_refused_before_its_request_is_read() {
        String noStreet = DevTokens.token(DevTokens.ROLE_DESK, "desk-nowhere", Map.of(), Duration.ofHours(1));
        as(noStreet).body(Map.of("month", "not a month")).post("/ledger/municipal-summaries").then().statusCode(403)
                .body("type", equalTo("https://threelists.dev/problems/forbidden"));
    }
}
