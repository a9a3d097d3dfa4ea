package org.threelists.demand.slip;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.threelists.demand.domain.DemandStatus;
import org.threelists.demand.domain.slip.EscalationLevel;
import org.threelists.demand.domain.slip.Slip;
import org.threelists.demand.domain.slip.SlipCommands.PassSlipDeadline;
import org.threelists.demand.domain.slip.SlipStatus;
import org.threelists.demand.messaging.Topics;
import org.threelists.demand.projection.SlipView;
import org.threelists.testing.KafkaProbe;
import org.threelists.testing.RealInfrastructure;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.threelists.demand.Fixtures.DIANQIAN_DESK;
import static org.threelists.demand.Fixtures.JIAFU_WORKER;
import static org.threelists.demand.Fixtures.LIANQIAO_WORKER;
import static org.threelists.demand.Fixtures.as;
import static org.threelists.demand.Fixtures.stored;
import static org.threelists.demand.slip.SlipWorld.published;

/**
 * Recalling a slip (撤回派单) over REST (services/demand-list/README.md, "The slip"): the leader takes back a slip
 * nobody answers, the demand is free for another slip at once, the topic hears it without the reason; nobody else may,
 * and a refused recall changes nothing.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class SlipRecallResourceTest {

    private static final String PROBLEMS = "https://threelists.dev/problems/";
    private static final String REASON = "派错了人：王师傅不在本楼栋，改派他人";

    @Inject
    CommandGateway commands;

    @Test
    void the_leader_recalls_a_dispatched_slip_and_dispatches_the_demand_to_another_member() {
        SlipWorld world = new SlipWorld();
        String demandId = world.heldDemand();
        String first = world.dispatched(demandId, world.volunteerId);

        as(world.leader).body(Map.of("reason", REASON)).post("/slips/{id}/recall", first).then().statusCode(200)
                .body("status", equalTo("RECALLED"))
                .body("statusLabel", equalTo("已撤回"))
                .body("recallReason", equalTo(REASON))
                .body("recalledBy", equalTo("member:" + world.leaderId))
                .body("recallLevel", nullValue());
        SlipView recalled = SlipWorld.stored(first);
        assertThat(recalled.status).isEqualTo(SlipStatus.RECALLED);
        assertThat(recalled.recalledAt).isNotNull();
        assertThat(SlipWorld.deadline(first)).as("a recalled slip has no time limit running").isNull();
        assertThat(stored(demandId).openSlipId).isNull();
        assertThat(stored(demandId).status).isEqualTo(DemandStatus.IN_PARTY_GROUP);
        assertThat(stored(demandId).partyGroupId).isEqualTo(world.groupId);
        as(world.volunteer).get("/slips/{id}", first).then().statusCode(200).body("status", equalTo("RECALLED"));

        JsonNode message = published(first, "recalled", 1).get(0).path("data");
        assertThat(message.path("status").asText()).isEqualTo("RECALLED");
        assertThat(message.path("recalledBy").asText()).isEqualTo("GROUP_LEADER");
        assertThat(message.path("memberId").asText()).isEqualTo(world.volunteerId);
        assertThat(message.has("level")).as("never escalated").isFalse();
        assertThat(KafkaProbe.readAll(Topics.DEMAND_EVENTS).stream().filter(r -> demandId.equals(r.key())).toList())
                .allSatisfy(r -> assertThat(r.value()).doesNotContain("王师傅").doesNotContain("改派他人"));

        String second = world.dispatched(demandId, world.residentId);
        assertThat(stored(demandId).openSlipId).isEqualTo(second);
        as(world.leader).body(Map.of("reason", "又派错了")).post("/slips/{id}/recall", first).then().statusCode(409)
                .body("type", equalTo(PROBLEMS + "illegal-transition"));
        assertThat(SlipWorld.stored(second).status).isEqualTo(SlipStatus.DISPATCHED);
    }

    /**
     * Only the member checks out. A member who checked in and never checked out (a lost phone, taken ill) would hold
     * the slip and its demand for ever: once the slip is escalated to the community, the community recalls it, the
     * time is not credited (no closing, nothing for the ledger), and the group can dispatch the demand again.
     */
    @Test
    void a_check_in_nobody_ended_is_recalled_by_the_community_once_escalated_and_credits_nothing() {
        SlipWorld world = new SlipWorld();
        String demandId = world.heldDemand();
        String slipId = world.dispatched(demandId, world.volunteerId);
        as(world.volunteer).post("/slips/{id}/accept", slipId).then().statusCode(200);
        as(world.volunteer).body(Map.of("code", world.code(slipId, "CHECK_IN"))).post("/slips/{id}/check-in", slipId)
                .then().statusCode(200);
        Instant resolveBy = SlipWorld.deadline(slipId).deadline;
        // the resolution time passes with the member still checked in: the leader is told, then the community
        passDeadline(slipId, resolveBy);
        as(world.leader).body(Map.of("reason", REASON)).post("/slips/{id}/recall", slipId).then().statusCode(409)
                .body("type", equalTo(PROBLEMS + "illegal-transition"));
        as(JIAFU_WORKER).body(Map.of("reason", REASON)).post("/slips/{id}/recall", slipId).then().statusCode(409);
        passDeadline(slipId, resolveBy);
        assertThat(SlipWorld.stored(slipId).escalationLevel).isEqualTo(EscalationLevel.COMMUNITY);
        as(world.leader).body(Map.of("reason", REASON)).post("/slips/{id}/recall", slipId).then().statusCode(409);

        as(JIAFU_WORKER).body(Map.of("reason", "队员签到后联系不上，社区收回另派")).post("/slips/{id}/recall", slipId)
                .then().statusCode(200)
                .body("status", equalTo("RECALLED"))
                .body("checkedIn", equalTo(false))
                .body("recallLevel", equalTo("COMMUNITY"));
        SlipView recalled = SlipWorld.stored(slipId);
        assertThat(recalled.checkedIn).isFalse();
        assertThat(recalled.checkedInAt).as("kept as a record").isNotNull();
        assertThat(recalled.hours).isNull();
        assertThat(stored(demandId).openSlipId).isNull();
        assertThat(stored(demandId).status).isEqualTo(DemandStatus.IN_PARTY_GROUP);
        assertThat(published(slipId, "recalled", 1).get(0).path("data").path("recalledBy").asText())
                .isEqualTo("COMMUNITY");
        assertThat(KafkaProbe.readAll(Topics.DEMAND_EVENTS).stream().filter(r -> demandId.equals(r.key())).toList())
                .noneMatch(r -> r.value().contains("threelists.slip.closed.v1"));
        // the member can no longer check out of it, and the group dispatches the demand again
        as(world.leader).body(Map.of("purpose", "CHECK_OUT")).post("/slips/{id}/check-in-code", slipId).then()
                .statusCode(409);
        String next = world.dispatched(demandId, world.residentId);
        assertThat(stored(demandId).openSlipId).isEqualTo(next);
    }

    /** The deadline poller's step for the slip's running time limit, at a time past both levels. */
    private void passDeadline(String slipId, Instant deadline) {
        QuarkusTransaction.requiringNew().run(() -> commands.sendAndWait(new PassSlipDeadline(slipId, deadline,
                deadline.plus(Duration.ofDays(30)), Slip.CLOCK)));
    }

    @Test
    void only_the_leader_or_once_escalated_the_community_recalls_and_a_refusal_changes_nothing() {
        SlipWorld world = new SlipWorld();
        String demandId = world.heldDemand();
        String slipId = world.dispatched(demandId, world.volunteerId);

        as(world.volunteer).body(Map.of("reason", REASON)).post("/slips/{id}/recall", slipId).then().statusCode(403);
        as(world.resident).body(Map.of("reason", REASON)).post("/slips/{id}/recall", slipId).then().statusCode(403);
        as(LIANQIAO_WORKER).body(Map.of("reason", REASON)).post("/slips/{id}/recall", slipId).then().statusCode(403);
        // the community and the desk may read the slip, but recall it only once it is escalated to them
        as(JIAFU_WORKER).body(Map.of("reason", REASON)).post("/slips/{id}/recall", slipId).then().statusCode(409)
                .body("type", equalTo(PROBLEMS + "illegal-transition"));
        as(DIANQIAN_DESK).body(Map.of("reason", REASON)).post("/slips/{id}/recall", slipId).then().statusCode(409);
        as(world.leader).body(Map.of("reason", " ")).post("/slips/{id}/recall", slipId).then().statusCode(400);
        as(world.leader).body("{}").post("/slips/{id}/recall", slipId).then().statusCode(400);

        // accepted and not overdue: the member has until the resolution time
        as(world.volunteer).post("/slips/{id}/accept", slipId).then().statusCode(200);
        as(world.leader).body(Map.of("reason", REASON)).post("/slips/{id}/recall", slipId).then().statusCode(409)
                .body("type", equalTo(PROBLEMS + "illegal-transition"));

        SlipView unchanged = SlipWorld.stored(slipId);
        assertThat(unchanged.status).isEqualTo(SlipStatus.ACCEPTED);
        assertThat(unchanged.recallReason).isNull();
        assertThat(SlipWorld.deadline(slipId).deadline).isEqualTo(unchanged.resolveBy);
        assertThat(stored(demandId).openSlipId).isEqualTo(slipId);
        assertThat(KafkaProbe.readAll(Topics.DEMAND_EVENTS).stream().filter(r -> demandId.equals(r.key())).toList())
                .noneMatch(r -> r.value().contains("threelists.slip.recalled.v1"));
    }
}
