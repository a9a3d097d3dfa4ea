package org.threelists.demand.trust;

import io.agroal.api.AgroalDataSource;
import org.threelists.demand.Fixtures;
import org.threelists.demand.slip.SlipWorld;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.threelists.demand.messaging.ProjectListMessages;
import org.threelists.demand.messaging.Topics;
import org.threelists.testing.RealInfrastructure;
import org.threelists.testing.fuzz.Finding;
import org.threelists.testing.fuzz.RestFuzzer;
import org.threelists.testing.fuzz.RowCounts;
import org.threelists.testing.fuzz.TopicFuzzer;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.threelists.demand.Fixtures.COURT_UNIT;
import static org.threelists.demand.Fixtures.DIANQIAN_AUDITOR;
import static org.threelists.demand.Fixtures.DIANQIAN_DESK;
import static org.threelists.demand.Fixtures.JIAFU_WORKER;

/**
 * What contracts/ forbids is refused: every operation of contracts/openapi/demand-list.json with requests that break
 * its schema answers a 4xx problem document and changes nothing, and every value that breaks the schema of a topic
 * the demand list consumes is dead-lettered once while the partition moves on.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class ContractFuzzTest {

    private static final long SEED = 20261204L;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void requests_that_break_the_openapi_document_are_refused_with_a_problem_and_change_nothing() {
        String demand = Fixtures.submitted();
        // The group's leader is a member too: dispatching to themselves, their one token reaches every slip check.
        SlipWorld lane = new SlipWorld();
        String held = lane.heldDemand();
        String slip = lane.dispatched(lane.heldDemand(), lane.leaderId);
        List<Finding> findings = RestFuzzer.forService("demand-list").seed(SEED).casesPerOperation(80)
                .token("community", JIAFU_WORKER).token("desk", DIANQIAN_DESK)
                .token("unit", COURT_UNIT).token("auditor", DIANQIAN_AUDITOR).token("member", lane.leader)
                .pathValue("demandId", () -> demand)
                .pathValue("slipId", () -> slip)
                .validBody("POST /slips", () -> Map.of("demandId", held, "memberId", lane.volunteerId))
                .validBody("POST /slips/{slipId}/decline", () -> Map.of("reason", "本周出差在外"))
                .validBody("POST /slips/{slipId}/report", () -> Map.of("service", "电话解答", "hours", 1, "mode", "ONLINE"))
                .validBody("POST /slips/{slipId}/satisfaction", () -> Map.of("score", 4))
                .validBody("POST /slips/{slipId}/check-in-code", () -> Map.of("purpose", "CHECK_IN"))
                .validBody("POST /slips/{slipId}/check-in", () -> Map.of("code", "bm90LWEtY29kZQ"))
                .validBody("POST /slips/{slipId}/check-out", () -> Map.of("code", "bm90LWEtY29kZQ"))
                .validBody("POST /slips/{slipId}/hours-confirmation", () -> Map.of("hours", 1, "reason", "手机没电"))
                .validBody("POST /demands", Fixtures::legalAdviceDemand)
                .validBody("POST /demands/{demandId}/amend", () -> Fixtures.with(Fixtures.legalAdviceDemand(), "communityCode", null))
                .validBody("POST /demands/{demandId}/reject", () -> Map.of("reason", "与其他需求重复"))
                .validBody("POST /demands/{demandId}/withdraw", () -> Map.of("reason", "居民已自行解决"))
                .validBody("POST /demands/{demandId}/route", () -> Map.of("lane", "JOINT_MEETING", "reason", "需要单位资源"))
                .state(RowCounts.of(dataSource, "domain_event_entry"))
                .run();
        assertThat(findings).as("requests that break contracts/openapi/demand-list.json").isEmpty();
    }

    @Test
    void municipal_tickets_that_break_the_schema_are_dead_lettered_once_and_the_partition_moves_on() {
        List<Finding> findings = TopicFuzzer.forTopic(Topics.MUNICIPAL_REQUESTS).consumerGroup("demand-list.municipal-intake")
                .idField("service_request_id").valid(ContractFuzzTest::ticket).dataSource(dataSource).seed(SEED)
                .run();
        assertThat(findings).as("values that break municipal.requests.v1").isEmpty();
    }

    @Test
    void project_events_that_break_the_schema_are_dead_lettered_once_and_the_partition_moves_on() {
        String demand = Fixtures.submitted();
        List<Finding> findings = TopicFuzzer.forTopic(Topics.PROJECT_EVENTS).consumerGroup(ProjectListMessages.GROUP)
                // A delivery report is the project's own business to the demand list: valid, it is acknowledged.
                .valid(() -> ProjectListMessages.delivered(ProjectListMessages.newProjectId(), List.of(demand),
                        ProjectListMessages.Holder.of(ProjectListMessages.COURT)).json())
                .dataSource(dataSource).seed(SEED)
                .run();
        assertThat(findings).as("values that break project-list.events.v1").isEmpty();
    }

    /** A ticket of 嘉福社区 as the 12345 platform sends it, under a new id. */
    private static String ticket() {
        return """
                {"service_request_id":"fuzz-%s","service_code":"facility_repair","service_name":"楼道照明",
                 "description":"2栋楼道灯坏了一个月，老人夜里上下楼不安全","address":"嘉福盐业小区2栋",
                 "lat":24.52,"long":118.13,"requested_datetime":"2026-11-20T09:30:00+08:00",
                 "community_code":"jiafu","first_name":"建国","last_name":"林","phone":"13700000003",
                 "urgency":"HIGH"}
                """.formatted(UUID.randomUUID());
    }
}
