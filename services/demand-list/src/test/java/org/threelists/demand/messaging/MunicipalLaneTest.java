package org.threelists.demand.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.threelists.demand.Fixtures;
import org.threelists.demand.domain.DemandStatus;
import org.threelists.demand.projection.DemandView;
import org.threelists.demand.service.MunicipalIntake;
import org.threelists.devkit.DevTokens;
import org.threelists.platform.json.ContractSchemas;
import org.threelists.platform.json.Json;
import org.threelists.testing.KafkaProbe;
import org.threelists.testing.RealInfrastructure;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.threelists.demand.Fixtures.JIAFU_WORKER;
import static org.threelists.demand.Fixtures.as;

/**
 * A 12345 ticket of a small category goes straight to the second lane (README "Municipal tickets"): the compound and
 * building its address names are the demand's place; once the community has verified it (the ticket's words may name
 * the resident), the building Party group covering that place holds it, and every step of its slips goes back to the
 * platform on municipal.feedback.v1 — schema-valid, once each, without the resident's data.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class MunicipalLaneTest {

    private static final String NAME = "林建国";
    private static final String PHONE = "13700000003";

    /** One building and its group for both tests: each ticket is a demand of its own. */
    private static final String BUILDING = UUID.randomUUID().toString().substring(0, 6) + "栋";
    private static Group group;

    @Test
    void a_small_ticket_of_a_covered_building_ends_with_the_party_group_and_the_platform_hears_each_slip_step() {
        String building = BUILDING;
        Group group = group();
        String ticket = "12345-" + UUID.randomUUID();
        String demandId = intake(ticket, "policy_consultation", "嘉福盐业小区" + building + "301室");
        DemandView submitted = Fixtures.stored(demandId);
        assertThat(submitted.compound).isEqualTo("嘉福盐业小区");
        assertThat(submitted.building).as("the building, never the room").isEqualTo(building);

        as(JIAFU_WORKER).body(Fixtures.REVIEWED).post("/demands/{id}/verify", demandId).then().statusCode(200)
                .body("status", equalTo("IN_PARTY_GROUP"));
        DemandView held = Fixtures.stored(demandId);
        assertThat(held.status).isEqualTo(DemandStatus.IN_PARTY_GROUP);
        assertThat(held.partyGroupId).isEqualTo(group.groupId);

        String declined = group.dispatch(demandId, group.residentId);
        as(group.resident).body(Map.of("reason", "这周不在家")).post("/slips/{id}/decline", declined).then().statusCode(200);
        String slip = group.dispatch(demandId, group.volunteerId);
        as(group.volunteer).post("/slips/{id}/accept", slip).then().statusCode(200);
        as(group.volunteer).body(Map.of("service", "电话解答高龄津贴政策", "hours", 1, "mode", "ONLINE"))
                .post("/slips/{id}/report", slip).then().statusCode(200);
        // an online answer without a check-in: the leader confirms the hours (README "Check-in and check-out")
        as(group.leader).body(Map.of("hours", 1, "reason", "电话解答，未能签到")).post("/slips/{id}/hours-confirmation", slip)
                .then().statusCode(200);
        as(JIAFU_WORKER).body(Map.of("score", 4)).post("/slips/{id}/satisfaction", slip).then().statusCode(200);
        assertThat(Fixtures.stored(demandId).status).isEqualTo(DemandStatus.RATED);

        List<JsonNode> feedback = feedback(ticket, 9);
        assertThat(feedback).extracting(f -> f.path("data").path("detailed_status").asText()).containsExactly(
                "received", "accepted", "in_party_group", "slip_dispatched", "in_party_group", "slip_dispatched",
                "in_progress", "resolved", "rated");
        assertThat(feedback).extracting(f -> f.path("data").path("status").asText()).containsExactly(
                "open", "open", "open", "open", "open", "open", "open", "closed", "closed");
        assertThat(feedback.get(8).path("data").path("rating").asInt()).isEqualTo(4);
        assertThat(feedback).extracting(f -> f.path("id").asText()).doesNotHaveDuplicates();
        assertThat(feedback).allSatisfy(f -> assertThat(f.path("data").path("demand_id").asText()).isEqualTo(demandId))
                .allSatisfy(f -> assertThat(f.toString()).doesNotContain(NAME, PHONE, building + "301", "这周不在家",
                        "电话解答高龄津贴政策", group.volunteerId, group.residentId));

        // the ticket delivered again changes nothing: no second demand, no further feedback, the slip's demand as it was
        KafkaProbe.send(Topics.MUNICIPAL_REQUESTS, ticket, ticket(ticket, "policy_consultation", "嘉福盐业小区" + building));
        String marker = "12345-" + UUID.randomUUID();
        intake(marker, "facility_repair", null);
        assertThat(QuarkusTransaction.requiringNew().call(() -> DemandView.TABLE.count("municipal_ticket_id = ?", ticket)))
                .isEqualTo(1);
        assertThat(KafkaProbe.readAll(Topics.MUNICIPAL_FEEDBACK).stream().filter(r -> ticket.equals(r.key()))).hasSize(9);
        assertThat(Fixtures.stored(demandId).status).isEqualTo(DemandStatus.RATED);
    }

    @Test
    void a_recalled_slip_tells_the_platform_the_group_dispatches_again_in_fixed_words() {
        Group group = group();
        String ticket = "12345-" + UUID.randomUUID();
        String demandId = intake(ticket, "policy_consultation", "嘉福盐业小区" + BUILDING + "402室");
        as(JIAFU_WORKER).body(Fixtures.REVIEWED).post("/demands/{id}/verify", demandId).then().statusCode(200)
                .body("status", equalTo("IN_PARTY_GROUP"));

        String recalled = group.dispatch(demandId, group.residentId);
        as(group.leader).body(Map.of("reason", "林建国家里这周没人，改派他人")).post("/slips/{id}/recall", recalled)
                .then().statusCode(200).body("status", equalTo("RECALLED"));

        List<JsonNode> feedback = feedback(ticket, 5);
        assertThat(feedback).extracting(f -> f.path("data").path("detailed_status").asText()).containsExactly(
                "received", "accepted", "in_party_group", "slip_dispatched", "in_party_group");
        JsonNode back = feedback.get(4).path("data");
        assertThat(back.path("status").asText()).isEqualTo("open");
        assertThat(back.path("status_notes").asText()).isEqualTo("the slip was recalled; the building Party group dispatches it again");
        assertThat(feedback).allSatisfy(f -> assertThat(f.toString()).doesNotContain(NAME, PHONE, "改派他人"));
    }

    @Test
    void a_ticket_no_group_covers_or_of_another_category_stays_on_the_list_for_the_joint_meeting() {
        String building = BUILDING;
        group();
        String elsewhere = intake("12345-" + UUID.randomUUID(), "sanitation", "嘉福盐业小区9" + building + "2单元");
        String notSmall = intake("12345-" + UUID.randomUUID(), "legal_advice", "嘉福盐业小区" + building + "502室");
        String noPlace = intake("12345-" + UUID.randomUUID(), "sanitation", "湖里区殿前街道某处");

        for (String demandId : List.of(elsewhere, notSmall, noPlace)) {
            as(JIAFU_WORKER).body(Fixtures.REVIEWED).post("/demands/{id}/verify", demandId).then().statusCode(200)
                    .body("status", equalTo("LISTED"));
            assertThat(Fixtures.stored(demandId).partyGroupId).isNull();
        }
        assertThat(Fixtures.stored(elsewhere).building).as("a building the group does not name").isNotEqualTo(building);
        assertThat(Fixtures.stored(noPlace).compound).isNull();
        assertThat(Fixtures.stored(notSmall).building).isEqualTo(building);
    }

    private static synchronized Group group() {
        if (group == null) {
            group = new Group(BUILDING);
        }
        return group;
    }

    /** A building Party group of 嘉福社区 covering one building, with a leader, a 双报到 volunteer and a resident member. */
    private static final class Group {
        final String groupId;
        final String leaderId = UUID.randomUUID().toString();
        final String volunteerId = UUID.randomUUID().toString();
        final String residentId = UUID.randomUUID().toString();
        final String leader = DevTokens.member(leaderId, "dianqian", "jiafu");
        final String volunteer = DevTokens.member(volunteerId, "dianqian", "jiafu");
        final String resident = DevTokens.member(residentId, "dianqian", "jiafu");

        Group(String building) {
            groupId = PartyGroupMessages.created("嘉福盐业小区", List.of(building));
            PartyGroupMessages.memberAdded(groupId, "jiafu", leaderId, "unit-huli-court");
            PartyGroupMessages.memberAdded(groupId, "jiafu", volunteerId, "unit-huli-court");
            PartyGroupMessages.memberAdded(groupId, "jiafu", residentId, null);
            PartyGroupMessages.leaderNamed(groupId, leaderId);
        }

        String dispatch(String demandId, String memberId) {
            return as(leader).body(Map.of("demandId", demandId, "memberId", memberId)).post("/slips")
                    .then().statusCode(201).extract().path("slipId");
        }
    }

    /** Sends the ticket and waits for its first feedback (received); the demand's id. */
    private static String intake(String ticket, String serviceCode, String address) {
        KafkaProbe.send(Topics.MUNICIPAL_REQUESTS, ticket, ticket(ticket, serviceCode, address));
        KafkaProbe.await(Topics.MUNICIPAL_FEEDBACK, r -> ticket.equals(r.key()), 1, Duration.ofSeconds(30));
        return MunicipalIntake.demandIdOf(ticket);
    }

    private static String ticket(String id, String serviceCode, String address) {
        var ticket = Json.mapper().createObjectNode().put("service_request_id", id).put("service_code", serviceCode)
                .put("service_name", "政策咨询").put("description", NAME + "（" + PHONE + "）想问高龄津贴怎么申请")
                .put("requested_datetime", "2026-11-20T09:30:00+08:00").put("community_code", "jiafu")
                .put("first_name", "建国").put("last_name", "林").put("phone", PHONE);
        if (address != null) {
            ticket.put("address", address);
        }
        return ticket.toString();
    }

    /** The ticket's feedback in the order it was published, once there are {@code count}, each schema-valid. */
    private static List<JsonNode> feedback(String ticket, int count) {
        List<ConsumerRecord<String, String>> records = KafkaProbe.await(Topics.MUNICIPAL_FEEDBACK,
                r -> ticket.equals(r.key()), count, Duration.ofSeconds(30));
        assertThat(records).hasSize(count);
        return records.stream().map(r -> {
            JsonNode message = ProjectListConsumerTest.parse(r.value());
            assertThat(ContractSchemas.violations(Topics.MUNICIPAL_FEEDBACK, message)).as(r.value()).isEmpty();
            assertThat(message.path("subject").asText()).isEqualTo(ticket);
            return message;
        }).toList();
    }
}
