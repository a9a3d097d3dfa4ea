package org.threelists.matchmaker.trust;

import io.agroal.api.AgroalDataSource;
import org.threelists.matchmaker.Fixtures;
import org.threelists.matchmaker.ProjectWorld;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.threelists.devkit.DevTokens;
import org.threelists.matchmaker.messaging.Topics;
import org.threelists.testing.RealInfrastructure;
import org.threelists.testing.fuzz.Finding;
import org.threelists.testing.fuzz.RestFuzzer;
import org.threelists.testing.fuzz.RowCounts;
import org.threelists.testing.fuzz.TopicFuzzer;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What contracts/ forbids is refused: every operation of contracts/openapi/matchmaker.json with requests that break
 * its schema answers a 4xx problem document and changes nothing, and every value that breaks the schema of a topic
 * the matchmaker consumes is dead-lettered once while the partition moves on.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class ContractFuzzTest {

    private static final long SEED = 20261204L;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void requests_that_break_the_openapi_document_are_refused_with_a_problem_and_change_nothing() {
        String skill = ProjectWorld.uniqueSkill();
        ProjectWorld.Unit court = ProjectWorld.unit("LEGAL_ADVICE", List.of(skill), 20);
        String demand = ProjectWorld.listedDemand("LEGAL_ADVICE", skill, "NORMAL", 2);
        String project = ProjectWorld.assigned(court, List.of(demand)).getString("projectId");
        List<Finding> findings = RestFuzzer.forService("matchmaker").seed(SEED).casesPerOperation(80)
                .token("unit", court.token()).token("desk", ProjectWorld.DESK)
                .token("community", ProjectWorld.COMMUNITY_WORKER)
                .token("auditor", DevTokens.auditor("auditor-dianqian", "dianqian"))
                .token("member", DevTokens.member(ProjectWorld.volunteer(court), ProjectWorld.STREET,
                        ProjectWorld.COMMUNITY))
                .pathValue("demandId", () -> demand).pathValue("projectId", () -> project)
                .validBody("POST /projects", () -> Map.of("demandIds", List.of(demand), "unitId", court.unitId(),
                        "resourceId", court.resourceId()))
                .validBody("POST /demands/{demandId}/volunteer", () -> Map.of("resourceId", court.resourceId()))
                .validBody("POST /projects/{projectId}/claims", () -> Map.of("resourceId", court.resourceId()))
                .validBody("POST /projects/{projectId}/check-in-code", () -> Map.of("purpose", "CHECK_IN"))
                .validBody("POST /projects/{projectId}/check-in", () -> Map.of("code", "bm90LWEtY29kZQ"))
                .validBody("POST /projects/{projectId}/check-out", () -> Map.of("code", "bm90LWEtY29kZQ"))
                // deadlines of other tests' projects keep firing meanwhile (claims pending without an answer): what a
                // refused request could have written is an event of the project it names, or a new project
                .state(RowCounts.query(dataSource, "events of the fuzzed project or new projects",
                        "SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = '" + project
                                + "' OR payload_type LIKE '%ProjectProposed'"))
                .run();
        assertThat(findings).as("requests that break contracts/openapi/matchmaker.json").isEmpty();
    }

    @Test
    void demand_events_that_break_the_schema_are_dead_lettered_once_and_the_partition_moves_on() {
        List<Finding> findings = TopicFuzzer.forTopic(Topics.DEMAND_EVENTS).consumerGroup("matchmaker.demand-list")
                .valid(() -> Fixtures.demandEvent("submitted", Fixtures.submitted(Fixtures.newDemandId())).json())
                .dataSource(dataSource).seed(SEED)
                .run();
        assertThat(findings).as("values that break demand-list.events.v1").isEmpty();
    }

    @Test
    void resource_events_that_break_the_schema_are_dead_lettered_once_and_the_partition_moves_on() {
        List<Finding> findings = TopicFuzzer.forTopic(Topics.RESOURCE_EVENTS).consumerGroup("matchmaker.resource-list")
                .valid(() -> Fixtures.unitEvent("registered",
                        Fixtures.unitRegistered(Fixtures.newUnitId(), "heping", "lianqiao")).json())
                .dataSource(dataSource).seed(SEED)
                .run();
        assertThat(findings).as("values that break resource-list.events.v1").isEmpty();
    }
}
