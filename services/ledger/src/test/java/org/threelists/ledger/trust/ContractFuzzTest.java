package org.threelists.ledger.trust;

import io.agroal.api.AgroalDataSource;
import org.threelists.ledger.Fixtures;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.threelists.ledger.messaging.Topics;
import org.threelists.devkit.DevTokens;
import org.threelists.testing.RealInfrastructure;
import org.threelists.testing.fuzz.Finding;
import org.threelists.testing.fuzz.RestFuzzer;
import org.threelists.testing.fuzz.RowCounts;
import org.threelists.testing.fuzz.TopicFuzzer;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.threelists.ledger.Fixtures.as;
import static org.threelists.ledger.Fixtures.await;
import static org.threelists.ledger.Fixtures.awaitConsumed;
import static org.threelists.ledger.Fixtures.deliver;
import static org.threelists.ledger.Fixtures.deliverConfirmed;
import static org.threelists.ledger.Fixtures.delivered;
import static org.threelists.ledger.Fixtures.publish;
import static org.threelists.ledger.Fixtures.resourceListEvent;
import static org.threelists.ledger.Fixtures.uuid;
import static org.threelists.ledger.Fixtures.volunteerHours;
import static org.threelists.ledger.Fixtures.volunteerRegistered;

/**
 * What contracts/ forbids is refused: every operation of contracts/openapi/ledger.json with requests that break its
 * schema answers a 4xx problem document and changes nothing, and every value that breaks the schema of a topic the
 * ledger consumes is dead-lettered once while the partition moves on.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class ContractFuzzTest {

    private static final long SEED = 20261204L;
    private static final String STREET = "qingshan";
    private static final String UNIT = "unit-qingshan-fuzz";
    private static final String DESK = DevTokens.desk("desk-qingshan", STREET);

    @Inject
    AgroalDataSource dataSource;

    @Test
    void requests_that_break_the_openapi_document_are_refused_with_a_problem_and_change_nothing() {
        String volunteer = uuid();
        String project = uuid();
        publish(Topics.RESOURCE_EVENTS, UNIT, resourceListEvent("volunteer.registered", volunteer,
                volunteerRegistered(volunteer, UNIT, "xihuxincun", "赵*云")));
        // confirmed by the community, so that its hours can be certified in the statement below
        deliverConfirmed(delivered(project, STREET, "xihuxincun", "SANITATION", LocalDate.of(2026, 11, 5), 8,
                List.of(volunteerHours(volunteer, UNIT, 3)), List.of()));
        String entry = await(() -> as(DESK).queryParam("project", project).get("/ledger/entries").then()
                .extract().jsonPath().getString("items[0].entryId"), id -> id != null);
        // the confirmation may come in a poll after the delivery's: the statement needs both
        awaitConsumed("ledger.project-list", Topics.PROJECT_EVENTS);
        String statement = as(DESK).body(Map.of("volunteerId", volunteer, "from", "2026-11-01", "to", "2026-11-30"))
                .post("/ledger/statements").then().statusCode(201).extract().path("number");
        List<Finding> findings = RestFuzzer.forService("ledger").seed(SEED).casesPerOperation(80)
                .token("desk", DESK).token("auditor", DevTokens.auditor("auditor-qingshan", STREET))
                .token("unit", DevTokens.unit("staff-" + UNIT, UNIT, STREET))
                .token("operator", DevTokens.operator("ops-fuzz"))
                .pathValue("entryId", () -> entry).pathValue("number", () -> statement).pathValue("unitId", () -> UNIT)
                .validBody("POST /ledger/entries/{entryId}/corrections", () -> Map.of("hours", 2, "reason", "核对签到表后更正"))
                .validBody("POST /ledger/statements", () -> Map.of("volunteerId", volunteer, "from", "2026-11-01", "to", "2026-11-30"))
                .validBody("POST /ledger/statements/{number}/revocation", () -> Map.of("reason", "重复开具"))
                .validBody("POST /ledger/municipal-summaries", () -> Map.of("month", "2026-10"))
                .state(RowCounts.of(dataSource, "ledger_entry", "ledger_correction", "hour_statement",
                        "statement_revocation", "municipal_summary", "ledger_generation"))
                .run();
        assertThat(findings).as("requests that break contracts/openapi/ledger.json").isEmpty();
    }

    @Test
    void project_events_that_break_the_schema_are_dead_lettered_once_and_the_partition_moves_on() {
        String volunteer = uuid();
        publish(Topics.RESOURCE_EVENTS, UNIT, resourceListEvent("volunteer.registered", volunteer,
                volunteerRegistered(volunteer, UNIT, "xihuxincun", "孙*丽")));
        List<Finding> findings = TopicFuzzer.forTopic(Topics.PROJECT_EVENTS).consumerGroup("ledger.project-list")
                .valid(() -> {
                    String project = uuid();
                    return Fixtures.projectEvent("delivered", project, delivered(project, STREET, "xihuxincun",
                            "SANITATION", LocalDate.of(2026, 11, 6), 5, List.of(volunteerHours(volunteer, UNIT, 1)),
                            List.of())).json();
                })
                .dataSource(dataSource).seed(SEED)
                .run();
        assertThat(findings).as("values that break project-list.events.v1").isEmpty();
    }

    @Test
    void demand_events_that_break_the_schema_are_dead_lettered_once_and_the_partition_moves_on() {
        List<Finding> findings = TopicFuzzer.forTopic(Topics.DEMAND_EVENTS).consumerGroup("ledger.demand-list")
                .valid(() -> {
                    String demand = uuid();
                    return Fixtures.demandListEvent("slip.closed", demand, Fixtures.slipClosed(uuid(), demand, STREET,
                            "xihuxincun", uuid(), uuid(), UNIT, 1.5, "ONLINE", LocalDate.of(2026, 11, 7))).json();
                })
                .dataSource(dataSource).seed(SEED)
                .run();
        assertThat(findings).as("values that break demand-list.events.v1").isEmpty();
    }

    @Test
    void resource_events_that_break_the_schema_are_dead_lettered_once_and_the_partition_moves_on() {
        List<Finding> findings = TopicFuzzer.forTopic(Topics.RESOURCE_EVENTS).consumerGroup("ledger.resource-list")
                .valid(() -> {
                    String volunteer = uuid();
                    return resourceListEvent("volunteer.registered", volunteer,
                            volunteerRegistered(volunteer, UNIT, "xihuxincun", "钱*多")).json();
                })
                .dataSource(dataSource).seed(SEED)
                .run();
        assertThat(findings).as("values that break resource-list.events.v1").isEmpty();
    }
}
