package org.threelists.system;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.threelists.localstack.LocalStack.DEMAND_LIST;
import static org.threelists.localstack.LocalStack.MATCHMAKER;
import static org.threelists.system.Api.eventually;
import static org.threelists.system.DemoWorld.COMMUNITY_WORKER;
import static org.threelists.system.DemoWorld.DESK;

/**
 * Deadlines are persistent: a project published with a short claim deadline and a slip dispatched with a short
 * acceptance time, the matchmaker and demand-list killed (SIGKILL, as a crash) and started again before either passes
 * — after the restarts both still fire: the claim's escalation reaches the desk and the project is back on the list
 * with a new deadline; the unaccepted slip escalates to its group's leader (services/demand-list/README.md, "Times").
 * The two services restart at the same time, so the second case costs no restart of its own.
 */
@Order(8) // junit-platform.properties: the shared system's classes first
class DeadlineAfterRestartTest {

    @Test
    void aClaimDeadlineAndASlipsAcceptanceTimeFireAfterTheirServicesWereKilledAndRestarted() {
        RunningSystem.stack();
        String run = UUID.randomUUID().toString().substring(0, 6);
        TestPartyGroup group = TestPartyGroup.register("嘉福重启测试楼栋党小组 " + run, run + "号楼", "SANITATION",
                Map.of("name", "冯立新", "phone", "13800003421", "skill", "政策咨询"),
                Map.of("name", "蒋春燕", "phone", "13800003422", "skill", "环境整治"));
        String need = DemoWorld.listedDemand("SANITATION", "NORMAL", 1, "小区垃圾桶满溢 " + run);
        Api.post(DEMAND_LIST, COMMUNITY_WORKER, "/demands/" + need + "/route",
                Map.of("lane", "PARTY_GROUP", "groupId", group.groupId()), 200);
        String unit = DemoWorld.registerUnit("空空导弹研究院");
        DemoWorld.offerVolunteerHours(unit, "CULTURE_FESTIVALS", 12);
        String demand = DemoWorld.listedDemand("CULTURE_FESTIVALS", "LOW", 4, "重阳节邻里节活动布置");
        String project = eventually("a proposal for the demand", () -> {
            Api.post(MATCHMAKER, DESK, "/plans/street", null, 200);
            return DemoWorld.proposalFor(demand);
        }, id -> id != null);

        Api.post(MATCHMAKER, DESK, "/projects/" + project + "/publish", Map.of("mode", "CLAIM"), 200);
        Instant deadline = Instant.parse(ProjectFlowTest.project(project).path("claimDeadline").asText());
        assertThat(Duration.between(Instant.now(), deadline))
                .isLessThanOrEqualTo(Duration.ofSeconds(RunningSystem.LOW_URGENCY_CLAIM_DEADLINE_SECONDS));
        String slip = Api.post(DEMAND_LIST, group.leaderToken(), "/slips", Map.of("demandId", need,
                "memberId", group.memberId(), "problem", "清理垃圾桶周边 " + run), 201).extract().path("slipId");
        Instant acceptBy = Instant.parse(slip(slip).path("acceptBy").asText());

        // killed before the deadlines, so only the restarted processes can fire them (whether up before or after)
        assertThat(Instant.now()).isBefore(deadline).isBefore(acceptBy);
        CompletableFuture<Void> matchmaker = CompletableFuture.runAsync(() -> RunningSystem.stack().restart(MATCHMAKER, true));
        CompletableFuture<Void> demandList = CompletableFuture.runAsync(() -> RunningSystem.stack().restart(DEMAND_LIST, true));
        CompletableFuture.allOf(matchmaker, demandList).join();

        List<Map<String, Object>> escalations = eventually("the claim deadline escalated after the restart",
                () -> Api.get(MATCHMAKER, DESK, "/escalations?size=100").extract().<List<Map<String, Object>>>path("items"),
                items -> items.stream().anyMatch(e -> project.equals(e.get("projectId")) && "CLAIM".equals(e.get("deadline"))));
        assertThat(escalations).isNotEmpty();
        String status = ProjectFlowTest.project(project).path("status").asText();
        Instant next = Instant.parse(ProjectFlowTest.project(project).path("claimDeadline").asText());
        assertThat(status).isEqualTo("PUBLISHED");
        assertThat(next).isAfter(deadline);

        JsonNode overdue = eventually("the slip's acceptance time escalated after the restart", () -> slip(slip),
                s -> !s.path("escalationLevel").isMissingNode());
        assertThat(overdue.path("status").asText()).isEqualTo("DISPATCHED");
        assertThat(overdue.path("escalations").asInt()).isPositive();
        assertThat(Instant.parse(overdue.path("updatedAt").asText())).isAfterOrEqualTo(acceptBy);
    }

    private static JsonNode slip(String slipId) {
        return Api.get(DEMAND_LIST, COMMUNITY_WORKER, "/slips/" + slipId).extract().as(JsonNode.class);
    }
}
