package org.threelists.demand.slip;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.threelists.demand.domain.DemandStatus;
import org.threelists.demand.domain.slip.HoursSource;
import org.threelists.demand.domain.slip.MemberKind;
import org.threelists.demand.domain.slip.ServiceMode;
import org.threelists.demand.domain.slip.SlipStatus;
import org.threelists.demand.projection.DemandView;
import org.threelists.demand.projection.SlipView;
import org.threelists.testing.KafkaProbe;
import org.threelists.demand.messaging.Topics;
import org.threelists.platform.json.Json;
import org.threelists.testing.RealInfrastructure;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.threelists.demand.Fixtures.DIANQIAN_DESK;
import static org.threelists.demand.Fixtures.JIAFU_WORKER;
import static org.threelists.demand.Fixtures.LIANQIAO_WORKER;
import static org.threelists.demand.Fixtures.as;
import static org.threelists.demand.Fixtures.stored;
import static org.threelists.demand.slip.SlipWorld.published;

/**
 * The slip (三联单) over REST: the group's leader dispatches, the member accepts and reports, the community records the
 * resident's satisfaction; the demand follows; the stored slip, its deadline row and the published (schema-valid)
 * messages say so.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class SlipResourceTest {

    private static final String PROBLEMS = "https://threelists.dev/problems/";
    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    @Test
    void a_slip_goes_from_dispatch_to_closed_and_the_demand_is_rated() {
        SlipWorld world = new SlipWorld();
        String demandId = world.heldDemand();

        String slipId = as(world.leader).body(Map.of("demandId", demandId, "memberId", world.volunteerId,
                        "problem", "楼道灯不亮，需报修并跟进"))
                .post("/slips").then().statusCode(201)
                .body("status", equalTo("DISPATCHED"))
                .body("statusLabel", equalTo("已派单"))
                .body("memberKind", equalTo("VOLUNTEER"))
                .body("homeUnitId", equalTo(SlipWorld.COURT))
                .extract().path("slipId");
        SlipView dispatched = SlipWorld.stored(slipId);
        assertThat(dispatched.groupId).isEqualTo(world.groupId);
        assertThat(dispatched.leaderId).isEqualTo(world.leaderId);
        assertThat(dispatched.problem).isEqualTo("楼道灯不亮，需报修并跟进");
        assertThat(Duration.between(dispatched.dispatchedAt, dispatched.acceptBy).toMillis())
                .as("two hours to accept, counted from the dispatch command").isBetween(
                        Duration.ofHours(2).minusSeconds(5).toMillis(), Duration.ofHours(2).toMillis());
        assertThat(SlipWorld.deadline(slipId).deadline).isEqualTo(dispatched.acceptBy);
        assertThat(stored(demandId).openSlipId).isEqualTo(slipId);
        assertThat(stored(demandId).status).isEqualTo(DemandStatus.IN_PARTY_GROUP);

        as(world.volunteer).post("/slips/{id}/accept", slipId).then().statusCode(200)
                .body("status", equalTo("ACCEPTED"));
        SlipView accepted = SlipWorld.stored(slipId);
        assertThat(Duration.between(accepted.acceptedAt, accepted.resolveBy).toMillis())
                .as("72 hours to resolve a NORMAL slip").isBetween(
                        Duration.ofHours(72).minusSeconds(5).toMillis(), Duration.ofHours(72).toMillis());
        assertThat(SlipWorld.deadline(slipId).deadline).isEqualTo(accepted.resolveBy);

        Instant beforeCode = Instant.now().minusSeconds(1);
        JsonNode checkInCode = Json.mapper().valueToTree(as(world.leader).body(Map.of("purpose", "CHECK_IN"))
                .post("/slips/{id}/check-in-code", slipId).then().statusCode(200)
                .body("slipId", equalTo(slipId))
                .body("purpose", equalTo("CHECK_IN"))
                .body("purposeLabel", equalTo("签到"))
                .extract().as(Map.class));
        assertThat(checkInCode.path("code").asText()).hasSize(66).matches("[A-Za-z0-9_-]+");
        Instant issuedAt = Instant.parse(checkInCode.path("issuedAt").asText());
        assertThat(issuedAt).isAfter(beforeCode.minusSeconds(1));
        assertThat(Instant.parse(checkInCode.path("expiresAt").asText())).isEqualTo(issuedAt.plus(Duration.ofMinutes(5)));
        as(world.volunteer).body(Map.of("code", checkInCode.path("code").asText()))
                .post("/slips/{id}/check-in", slipId).then().statusCode(200)
                .body("checkedIn", equalTo(true))
                .body("status", equalTo("ACCEPTED"));
        SlipView checkedIn = SlipWorld.stored(slipId);
        assertThat(checkedIn.checkedIn).isTrue();
        assertThat(checkedIn.checkedInAt).isAfter(beforeCode);
        as(world.volunteer).body(Map.of("code", world.code(slipId, "CHECK_OUT")))
                .post("/slips/{id}/check-out", slipId).then().statusCode(200)
                .body("checkedIn", equalTo(false))
                .body("checkedHours", equalTo(0.25f));
        SlipView checkedOut = SlipWorld.stored(slipId);
        assertThat(checkedOut.checkedOutAt).isAfterOrEqualTo(checkedOut.checkedInAt);
        assertThat(checkedOut.checkedHours).as("a check-out counts at least a quarter hour").isEqualByComparingTo("0.25");

        as(world.volunteer).body(Map.of("service", "联系物业更换灯泡，已恢复照明", "hours", 1.5, "mode", "ON_SITE"))
                .post("/slips/{id}/report", slipId).then().statusCode(200)
                .body("status", equalTo("REPORTED"))
                .body("serviceDate", equalTo(TODAY.toString()))
                .body("hours", equalTo(0.25f))
                .body("reportedHours", equalTo(1.5f))
                .body("hoursSource", equalTo("CHECKED"))
                .body("hoursSourceLabel", equalTo("签到签退"))
                .body("hoursDifference", equalTo(1.25f));
        assertThat(SlipWorld.deadline(slipId)).isNull();

        as(JIAFU_WORKER).body(Map.of("score", 5)).post("/slips/{id}/satisfaction", slipId).then().statusCode(200)
                .body("status", equalTo("CLOSED"))
                .body("satisfaction", equalTo(5));
        SlipView closed = SlipWorld.stored(slipId);
        assertThat(closed.status).isEqualTo(SlipStatus.CLOSED);
        assertThat(closed.hours).as("the checked time, not the member's figure").isEqualByComparingTo("0.25");
        assertThat(closed.reportedHours).isEqualByComparingTo("1.5");
        assertThat(closed.hoursSource).isEqualTo(HoursSource.CHECKED);
        assertThat(closed.mode).isEqualTo(ServiceMode.ON_SITE);
        DemandView demand = stored(demandId);
        assertThat(demand.status).isEqualTo(DemandStatus.RATED);
        assertThat(demand.rating).isEqualTo(5);
        assertThat(demand.openSlipId).isNull();
        assertThat(demand.partyGroupId).isEqualTo(world.groupId);

        JsonNode dispatchedMessage = published(slipId, "dispatched", 1).get(0).path("data");
        assertThat(dispatchedMessage.path("memberId").asText()).isEqualTo(world.volunteerId);
        assertThat(dispatchedMessage.has("problem")).as("the leader's words stay in the service").isFalse();
        published(slipId, "accepted", 1);
        JsonNode checkedInMessage = published(slipId, "checked-in", 1).get(0).path("data");
        assertThat(Instant.parse(checkedInMessage.path("at").asText())).isEqualTo(checkedOut.checkedInAt);
        assertThat(checkedInMessage.path("atPlace").asBoolean()).isFalse();
        JsonNode checkedOutMessage = published(slipId, "checked-out", 1).get(0).path("data");
        assertThat(Instant.parse(checkedOutMessage.path("at").asText())).isEqualTo(checkedOut.checkedOutAt);
        assertThat(checkedOutMessage.path("checkedHours").decimalValue()).isEqualByComparingTo("0.25");
        JsonNode reported = published(slipId, "reported", 1).get(0).path("data");
        assertThat(reported.has("service")).as("the report's words stay in the service").isFalse();
        assertThat(reported.path("hours").decimalValue()).isEqualByComparingTo("1.5");
        assertThat(reported.path("checkedHours").decimalValue()).isEqualByComparingTo("0.25");
        assertThat(reported.path("hoursSource").asText()).isEqualTo("CHECKED");
        published(slipId, "satisfaction-recorded", 1);
        JsonNode closedMessage = published(slipId, "closed", 1).get(0).path("data");
        assertThat(closedMessage.path("streetCode").asText()).isEqualTo("dianqian");
        assertThat(closedMessage.path("communityCode").asText()).isEqualTo("jiafu");
        assertThat(closedMessage.path("groupId").asText()).isEqualTo(world.groupId);
        assertThat(closedMessage.path("memberId").asText()).isEqualTo(world.volunteerId);
        assertThat(closedMessage.path("memberKind").asText()).isEqualTo(MemberKind.VOLUNTEER.name());
        assertThat(closedMessage.path("homeUnitId").asText()).isEqualTo(SlipWorld.COURT);
        assertThat(closedMessage.path("hours").decimalValue()).as("what the ledger credits").isEqualByComparingTo("0.25");
        assertThat(closedMessage.path("reportedHours").decimalValue()).isEqualByComparingTo("1.5");
        assertThat(closedMessage.path("checkedHours").decimalValue()).isEqualByComparingTo("0.25");
        assertThat(closedMessage.path("hoursSource").asText()).isEqualTo("CHECKED");
        assertThat(closedMessage.path("mode").asText()).isEqualTo("ON_SITE");
        assertThat(closedMessage.path("serviceDate").asText()).isEqualTo(TODAY.toString());
        assertThat(closedMessage.path("satisfaction").asInt()).isEqualTo(5);
        List<String> demandMessages = KafkaProbe.await(Topics.DEMAND_EVENTS, r -> demandId.equals(r.key())
                && r.value().contains("threelists.demand.rated.v1"), 1, Duration.ofSeconds(30))
                .stream().map(r -> r.value()).toList();
        assertThat(demandMessages).hasSize(1);
        for (var record : KafkaProbe.readAll(Topics.DEMAND_EVENTS).stream().filter(r -> demandId.equals(r.key())).toList()) {
            assertThat(record.value()).doesNotContain("陈阿姨").doesNotContain("13800000001").doesNotContain("楼道灯不亮");
        }
    }

    @Test
    void a_decline_leaves_the_demand_with_the_group_which_dispatches_again_or_sends_it_back() {
        SlipWorld world = new SlipWorld();
        String demandId = world.heldDemand();
        String first = world.dispatched(demandId, world.volunteerId);

        as(world.leader).body(Map.of("demandId", demandId, "memberId", world.residentId)).post("/slips")
                .then().statusCode(409).body("type", equalTo(PROBLEMS + "illegal-transition"));
        as(world.leader).body(Map.of("lane", "JOINT_MEETING", "reason", "需要共建单位")).post("/demands/{id}/route", demandId)
                .then().statusCode(409);
        assertThat(stored(demandId).status).isEqualTo(DemandStatus.IN_PARTY_GROUP);

        as(world.volunteer).body(Map.of("reason", "本周出差在外")).post("/slips/{id}/decline", first).then().statusCode(200)
                .body("status", equalTo("DECLINED"))
                .body("declineReason", equalTo("本周出差在外"));
        assertThat(stored(demandId).openSlipId).isNull();
        assertThat(SlipWorld.deadline(first)).isNull();
        JsonNode declined = published(first, "declined", 1).get(0).path("data");
        assertThat(declined.has("reason")).isFalse();

        String second = world.dispatched(demandId, world.residentId);
        assertThat(SlipWorld.stored(second).memberKind).isEqualTo(MemberKind.RESIDENT);
        assertThat(SlipWorld.stored(second).homeUnitId).isNull();
        as(world.resident).body(Map.of("reason", "不熟悉政策")).post("/slips/{id}/decline", second).then().statusCode(200);

        as(world.leader).body(Map.of("lane", "JOINT_MEETING", "reason", "需要共建单位的专业资源"))
                .post("/demands/{id}/route", demandId).then().statusCode(200)
                .body("status", equalTo("LISTED"));
        as(world.leader).body(Map.of("lane", "PARTY_GROUP", "groupId", world.groupId)).post("/demands/{id}/route", demandId)
                .then().statusCode(403);
    }

    @Test
    void a_low_satisfaction_reopens_the_slip_and_the_demand_stays_with_the_group() {
        SlipWorld world = new SlipWorld();
        String demandId = world.heldDemand();
        String slipId = world.dispatched(demandId, world.volunteerId);
        as(world.volunteer).post("/slips/{id}/accept", slipId).then().statusCode(200);
        as(world.volunteer).body(Map.of("service", "电话解答", "hours", 0.5, "mode", "ONLINE"))
                .post("/slips/{id}/report", slipId).then().statusCode(200);
        Instant before = Instant.now();

        as(DIANQIAN_DESK).body(Map.of("score", 2)).post("/slips/{id}/satisfaction", slipId).then().statusCode(200)
                .body("status", equalTo("ACCEPTED"));
        SlipView reopened = SlipWorld.stored(slipId);
        assertThat(reopened.resolveBy).isAfter(before.plus(Duration.ofHours(71)));
        assertThat(SlipWorld.deadline(slipId).deadline).isEqualTo(reopened.resolveBy);
        assertThat(stored(demandId).status).isEqualTo(DemandStatus.IN_PARTY_GROUP);
        assertThat(stored(demandId).openSlipId).isEqualTo(slipId);
        published(slipId, "reopened", 1);
    }

    @Test
    void only_the_member_a_slip_names_answers_it_and_only_the_leader_dispatches() {
        SlipWorld world = new SlipWorld();
        String demandId = world.heldDemand();

        as(world.volunteer).body(Map.of("demandId", demandId, "memberId", world.volunteerId)).post("/slips")
                .then().statusCode(403);
        as(JIAFU_WORKER).body(Map.of("demandId", demandId, "memberId", world.volunteerId)).post("/slips")
                .then().statusCode(403);
        as(world.leader).body(Map.of("demandId", demandId, "memberId", UUID.randomUUID().toString()))
                .post("/slips").then().statusCode(400);
        String slipId = world.dispatched(demandId, world.volunteerId);

        as(world.resident).post("/slips/{id}/accept", slipId).then().statusCode(403);
        as(world.leader).post("/slips/{id}/accept", slipId).then().statusCode(403);
        as(world.resident).get("/slips/{id}", slipId).then().statusCode(403);
        as(LIANQIAO_WORKER).get("/slips/{id}", slipId).then().statusCode(403);
        as(world.volunteer).body(Map.of("score", 5)).post("/slips/{id}/satisfaction", slipId).then().statusCode(403);
        as(world.volunteer).body(Map.of("service", "x", "hours", 1, "mode", "ONLINE"))
                .post("/slips/{id}/report", slipId).then().statusCode(409);
        as(world.volunteer).body(Map.of("service", "x", "hours", 25, "mode", "ONLINE"))
                .post("/slips/{id}/report", slipId).then().statusCode(400);
        assertThat(SlipWorld.stored(slipId).status).isEqualTo(SlipStatus.DISPATCHED);

        as(world.volunteer).get("/slips/{id}", slipId).then().statusCode(200).body("slipId", equalTo(slipId));
        as(world.leader).get("/slips/{id}", slipId).then().statusCode(200);
        as(world.leader).get("/demands/{id}", demandId).then().statusCode(200)
                .body("openSlipId", equalTo(slipId))
                .body("$", not(hasKey("resident")));
    }

    @Test
    void a_member_lists_their_own_slips_and_the_leader_the_groups() {
        SlipWorld world = new SlipWorld();
        String toVolunteer = world.dispatched(world.heldDemand(), world.volunteerId);
        String toResident = world.dispatched(world.heldDemand(), world.residentId);

        as(world.volunteer).queryParam("size", 100).get("/slips").then().statusCode(200)
                .body("items.slipId", containsInAnyOrder(toVolunteer))
                .body("total", equalTo(1));
        as(world.resident).queryParam("groupId", world.groupId).get("/slips").then().statusCode(200)
                .body("items.slipId", containsInAnyOrder(toResident));
        as(world.leader).queryParam("groupId", world.groupId).get("/slips").then().statusCode(200)
                .body("items.slipId", containsInAnyOrder(toVolunteer, toResident));
        as(world.leader).queryParam("size", 100).get("/demands").then().statusCode(200)
                .body("items.partyGroupId", everyItem(equalTo(world.groupId)))
                .body("total", equalTo(2));
        as(JIAFU_WORKER).queryParam("groupId", world.groupId).get("/slips").then().statusCode(200)
                .body("total", equalTo(2));
        as(LIANQIAO_WORKER).queryParam("groupId", world.groupId).get("/slips").then().statusCode(200)
                .body("total", equalTo(0));
        as(world.volunteer).queryParam("status", "SOMETHING").get("/slips").then().statusCode(400);
    }

    @Test
    void a_members_slip_carries_the_demands_category_and_place_and_never_the_residents_contact() {
        SlipWorld world = new SlipWorld();
        String demandId = world.heldDemand();
        String slipId = world.dispatched(demandId, world.volunteerId);
        DemandView demand = stored(demandId);

        // the member may not read the demand itself: the slip carries what they need to go there
        as(world.volunteer).get("/demands/{id}", demandId).then().statusCode(403);
        String read = as(world.volunteer).get("/slips/{id}", slipId).then().statusCode(200)
                .body("category", equalTo(demand.category.name()))
                .body("categoryLabel", equalTo("法律咨询"))
                .body("compound", equalTo(demand.compound))
                .body("building", equalTo(demand.building))
                .extract().asString();
        String listed = as(world.volunteer).queryParam("size", 100).get("/slips").then().statusCode(200)
                .body("items[0].slipId", equalTo(slipId))
                .body("items[0].compound", equalTo("嘉福盐业小区"))
                .body("items[0].building", equalTo("1栋"))
                .body("items[0].category", equalTo("LEGAL_ADVICE"))
                .extract().asString();
        String accepted = as(world.volunteer).post("/slips/{id}/accept", slipId).then().statusCode(200)
                .body("compound", equalTo("嘉福盐业小区")).extract().asString();
        for (String answer : List.of(read, listed, accepted)) {
            assertThat(answer).doesNotContain("陈阿姨").doesNotContain("13800000001").doesNotContain("1栋302");
        }
    }

    @Test
    void the_service_date_is_never_in_the_future() {
        SlipWorld world = new SlipWorld();
        String slipId = world.dispatched(world.heldDemand(), world.volunteerId);
        as(world.volunteer).post("/slips/{id}/accept", slipId).then().statusCode(200);
        as(world.volunteer).body(Map.of("service", "x", "hours", new BigDecimal("2"), "mode", "ONLINE",
                "date", TODAY.plusDays(1).toString())).post("/slips/{id}/report", slipId).then().statusCode(400);
        assertThat(SlipWorld.stored(slipId).status).isEqualTo(SlipStatus.ACCEPTED);
    }
}
