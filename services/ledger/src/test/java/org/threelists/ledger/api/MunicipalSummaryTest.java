package org.threelists.ledger.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.threelists.ledger.messaging.Topics;
import org.threelists.localstack.DevTokens;
import org.threelists.testing.KafkaProbe;
import org.threelists.testing.PublishedContracts;
import org.threelists.testing.RealInfrastructure;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.threelists.ledger.Fixtures.as;
import static org.threelists.ledger.Fixtures.awaitConsumed;
import static org.threelists.ledger.Fixtures.deliver;
import static org.threelists.ledger.Fixtures.delivered;
import static org.threelists.ledger.Fixtures.uuid;
import static org.threelists.ledger.Fixtures.volunteerHours;

/** The monthly summary goes to municipal.service-records.v1 once per street and month, valid against its schema. */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class MunicipalSummaryTest {

    static final String DESK = DevTokens.desk("desk-wangchenglu", "wangchenglu");

    @Test
    void a_month_is_sent_once_with_the_street_figures_and_the_message_conforms() {
        String unit = "unit-wangchenglu-institute";
        deliver(delivered(uuid(), "wangchenglu", "tongyuan", "FACILITY_REPAIR", LocalDate.of(2026, 9, 10), 40,
                List.of(volunteerHours(uuid(), unit, 3), volunteerHours(uuid(), unit, 5)), List.of()));
        deliver(delivered(uuid(), "wangchenglu", "tongyuan", "ELDER_CARE", LocalDate.of(2026, 9, 25), 6,
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
}
