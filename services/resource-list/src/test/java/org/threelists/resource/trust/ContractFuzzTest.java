package org.threelists.resource.trust;

import io.agroal.api.AgroalDataSource;
import org.threelists.resource.Fixtures;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.threelists.resource.messaging.ProjectListMessages;
import org.threelists.testing.RealInfrastructure;
import org.threelists.testing.fuzz.Finding;
import org.threelists.testing.fuzz.RestFuzzer;
import org.threelists.testing.fuzz.RowCounts;
import org.threelists.testing.fuzz.TopicFuzzer;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.threelists.resource.Fixtures.DIANQIAN_AUDITOR;
import static org.threelists.resource.Fixtures.DIANQIAN_DESK;
import static org.threelists.resource.Fixtures.JIAFU_WORKER;

/**
 * What contracts/ forbids is refused: every operation of contracts/openapi/resource-list.json with requests that
 * break its schema answers a 4xx problem document and changes nothing, and every value that breaks the schema of
 * project-list.events.v1 is dead-lettered once while the partition moves on.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class ContractFuzzTest {

    private static final long SEED = 20261204L;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void requests_that_break_the_openapi_document_are_refused_with_a_problem_and_change_nothing() {
        String unit = Fixtures.registeredUnit();
        String resource = Fixtures.offered(unit, 40);
        String project = Fixtures.newProjectId();
        Fixtures.reserved(unit, resource, project, 4);
        String volunteer = Fixtures.registeredVolunteer(unit);
        Map<String, Object> offer = Fixtures.legalAdvice(unit, 20, "TOTAL");
        String group = Fixtures.as(JIAFU_WORKER).body(Map.of("name", "1号楼党小组", "compound", "嘉福盐业小区",
                "buildings", List.of())).post("/party-groups").then().statusCode(201).extract().path("groupId");
        Map<String, Object> resident = Map.of("person", Map.of("name", "赵大爷", "phone", "13800000042"), "consent", true);
        String member = Fixtures.as(JIAFU_WORKER).body(resident).post("/party-groups/{id}/members", group).then()
                .statusCode(200).extract().path("members[0].memberId");
        List<Finding> findings = RestFuzzer.forService("resource-list").seed(SEED).casesPerOperation(80)
                .token("unit", Fixtures.unitToken(unit)).token("desk", DIANQIAN_DESK)
                .token("community", JIAFU_WORKER).token("auditor", DIANQIAN_AUDITOR)
                .pathValue("unitId", () -> unit).pathValue("resourceId", () -> resource)
                .pathValue("projectId", () -> project).pathValue("volunteerId", () -> volunteer)
                .pathValue("groupId", () -> group).pathValue("memberId", () -> member)
                .validBody("POST /resources", () -> offer)
                .validBody("POST /resources/{resourceId}/amend", () -> Fixtures.amendment(offer))
                .validBody("POST /resources/{resourceId}/reservations",
                        () -> Fixtures.reservation(Fixtures.newProjectId(), 2, null))
                .validBody("POST /resources/{resourceId}/reservations/{projectId}/consume", () -> Map.of("amount", 2))
                .validBody("POST /units", () -> Fixtures.unit(Fixtures.newUnitId("fuzz"), "湖里区司法局"))
                .validBody("POST /units/{unitId}/amend",
                        () -> Fixtures.without(Fixtures.unit(unit, "湖里区人民法院"), "unitId"))
                .validBody("POST /volunteers", () -> Fixtures.volunteer(unit, "jiafu", "王小明"))
                .validBody("POST /volunteers/{volunteerId}/amend",
                        () -> Map.of("homeCommunity", "jiafu", "skills", List.of("法律咨询")))
                .validBody("POST /party-groups", () -> Map.of("name", "2号楼党小组", "buildings", List.of("2号楼")))
                .validBody("POST /party-groups/{groupId}/members", () -> resident)
                .validBody("POST /party-groups/{groupId}/leader", () -> Map.of("memberId", member))
                .state(RowCounts.of(dataSource, "domain_event_entry"))
                .run();
        assertThat(findings).as("requests that break contracts/openapi/resource-list.json").isEmpty();
    }

    @Test
    void project_events_that_break_the_schema_are_dead_lettered_once_and_the_partition_moves_on() {
        List<Finding> findings = TopicFuzzer.forTopic(ProjectListMessages.TOPIC).consumerGroup(ProjectListMessages.GROUP)
                // A delivery with no consumption is valid and asks nothing of capacity: the consumer acknowledges it.
                .valid(() -> ProjectListMessages.delivered(ProjectListMessages.newProjectId(), List.of()).json())
                .dataSource(dataSource).seed(SEED)
                .run();
        assertThat(findings).as("values that break project-list.events.v1").isEmpty();
    }
}
