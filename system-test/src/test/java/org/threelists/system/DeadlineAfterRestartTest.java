package org.threelists.system;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.threelists.localstack.LocalStack.MATCHMAKER;
import static org.threelists.system.Api.eventually;
import static org.threelists.system.DemoWorld.DESK;

/**
 * Deadlines are persistent: a project published with a short claim deadline, the matchmaker killed (SIGKILL, as a
 * crash) and started again before the deadline passes — after the restart the deadline still fires: the escalation
 * reaches the desk and the project is back on the list with a new deadline.
 */
@Order(8) // junit-platform.properties: the shared system's classes first
class DeadlineAfterRestartTest {

    @Test
    void aClaimDeadlineFiresAfterTheMatchmakerWasKilledAndRestarted() {
        RunningSystem.stack();
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

        // killed before the deadline, so only the restarted process can fire it (whether it is up before or after)
        assertThat(Instant.now()).isBefore(deadline);
        RunningSystem.stack().restart(MATCHMAKER, true);

        List<Map<String, Object>> escalations = eventually("the claim deadline escalated after the restart",
                () -> Api.get(MATCHMAKER, DESK, "/escalations?size=100").extract().<List<Map<String, Object>>>path("items"),
                items -> items.stream().anyMatch(e -> project.equals(e.get("projectId")) && "CLAIM".equals(e.get("deadline"))));
        assertThat(escalations).isNotEmpty();
        String status = ProjectFlowTest.project(project).path("status").asText();
        Instant next = Instant.parse(ProjectFlowTest.project(project).path("claimDeadline").asText());
        assertThat(status).isEqualTo("PUBLISHED");
        assertThat(next).isAfter(deadline);
    }
}
