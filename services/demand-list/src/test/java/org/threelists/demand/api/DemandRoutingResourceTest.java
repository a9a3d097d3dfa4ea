package org.threelists.demand.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.threelists.demand.domain.DemandStatus;
import org.threelists.demand.messaging.PartyGroupMessages;
import org.threelists.demand.messaging.Topics;
import org.threelists.demand.projection.DemandView;
import org.threelists.demand.slip.SlipWorld;
import org.threelists.platform.json.ContractSchemas;
import org.threelists.platform.json.Json;
import org.threelists.testing.KafkaProbe;
import org.threelists.testing.RealInfrastructure;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.threelists.demand.Fixtures.COURT_UNIT;
import static org.threelists.demand.Fixtures.DIANQIAN_AUDITOR;
import static org.threelists.demand.Fixtures.DIANQIAN_DESK;
import static org.threelists.demand.Fixtures.JIAFU_WORKER;
import static org.threelists.demand.Fixtures.LIANQIAO_WORKER;
import static org.threelists.demand.Fixtures.as;
import static org.threelists.demand.Fixtures.legalAdviceDemand;
import static org.threelists.demand.Fixtures.listed;
import static org.threelists.demand.Fixtures.stored;
import static org.threelists.demand.Fixtures.with;

/**
 * POST /demands/{id}/route and verification's default: a listed demand goes to a building Party group (the second
 * lane) or stays with / goes back to the joint meeting; the published events say which, so the matchmaker skips it.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class DemandRoutingResourceTest {

    private static final String PROBLEMS = "https://threelists.dev/problems/";

    /** A demand of {@code category} in {@code compound}/{@code building} of 嘉福, submitted and verified; its id. */
    private static String verified(String category, String compound, String building) {
        Map<String, Object> body = with(with(with(legalAdviceDemand(), "category", category), "compound", compound),
                "building", building);
        String id = as(JIAFU_WORKER).body(body).post("/demands").then().statusCode(201).extract().path("demandId");
        as(JIAFU_WORKER).post("/demands/{id}/verify", id).then().statusCode(200);
        return id;
    }

    @Test
    void the_community_routes_a_listed_demand_to_a_party_group_and_the_event_says_so() {
        String groupId = PartyGroupMessages.created("嘉福盐业小区", List.of("11栋"));
        String demandId = listed();
        as(JIAFU_WORKER).body(Map.of("lane", "PARTY_GROUP", "groupId", groupId)).post("/demands/{id}/route", demandId)
                .then().statusCode(200)
                .body("status", equalTo("IN_PARTY_GROUP"))
                .body("statusLabel", equalTo("党小组办理中"))
                .body("partyGroupId", equalTo(groupId));
        DemandView stored = stored(demandId);
        assertThat(stored.status).isEqualTo(DemandStatus.IN_PARTY_GROUP);
        assertThat(stored.partyGroupId).isEqualTo(groupId);
        JsonNode routed = published(demandId, "threelists.demand.routed-to-party-group.v1");
        assertThat(routed.path("data").path("status").asText()).isEqualTo("IN_PARTY_GROUP");
        assertThat(routed.path("data").path("groupId").asText()).isEqualTo(groupId);
    }

    @Test
    void the_demand_goes_back_to_the_joint_meeting_with_a_reason_and_is_listed_again() {
        String groupId = PartyGroupMessages.created("嘉福盐业小区", List.of("9栋"));
        String demandId = listed();
        as(JIAFU_WORKER).body(Map.of("lane", "PARTY_GROUP", "groupId", groupId)).post("/demands/{id}/route", demandId)
                .then().statusCode(200);
        as(JIAFU_WORKER).body(Map.of("lane", "JOINT_MEETING", "reason", "需要共建单位的专业资源"))
                .post("/demands/{id}/route", demandId).then().statusCode(200)
                .body("status", equalTo("LISTED"))
                .body("statusReason", equalTo("需要共建单位的专业资源"))
                .body("$", not(hasKey("partyGroupId")));
        DemandView stored = stored(demandId);
        assertThat(stored.status).isEqualTo(DemandStatus.LISTED);
        assertThat(stored.partyGroupId).isNull();
        JsonNode back = published(demandId, "threelists.demand.sent-to-joint-meeting.v1");
        assertThat(back.path("data").path("groupId").asText()).isEqualTo(groupId);
        assertThat(back.path("data").path("status").asText()).isEqualTo("LISTED");
    }

    /** A withdrawn demand is no longer the group's: its leader reads it no more, as the aggregate already says. */
    @Test
    void a_withdrawn_demand_is_no_longer_read_by_the_leader_of_the_group_that_held_it() {
        SlipWorld world = new SlipWorld();
        String demandId = world.heldDemand();
        as(world.leader).get("/demands/{id}", demandId).then().statusCode(200);
        as(JIAFU_WORKER).body(Map.of("reason", "居民已搬离")).post("/demands/{id}/withdraw", demandId).then()
                .statusCode(200);
        assertThat(stored(demandId).partyGroupId).isNull();
        as(world.leader).get("/demands/{id}", demandId).then().statusCode(403);
        assertThat(as(world.leader).queryParam("size", 100).get("/demands").then().statusCode(200).extract().asString())
                .doesNotContain(demandId);
    }

    /**
     * People write a status's reason and may name a resident in it: only the demand's community and the street's desk
     * read it. A unit of the street reads the listed demand (it may take it on) without it, as does the auditor.
     */
    @Test
    void the_reason_a_demand_went_back_is_read_by_its_community_and_the_desk_alone() {
        String groupId = PartyGroupMessages.created("嘉福盐业小区", List.of("10栋"));
        String demandId = listed();
        as(JIAFU_WORKER).body(Map.of("lane", "PARTY_GROUP", "groupId", groupId)).post("/demands/{id}/route", demandId)
                .then().statusCode(200);
        String reason = "3栋502王大爷（13800000009）需要律师上门";
        as(JIAFU_WORKER).body(Map.of("lane", "JOINT_MEETING", "reason", reason)).post("/demands/{id}/route", demandId)
                .then().statusCode(200);

        as(JIAFU_WORKER).get("/demands/{id}", demandId).then().statusCode(200).body("statusReason", equalTo(reason));
        as(DIANQIAN_DESK).get("/demands/{id}", demandId).then().statusCode(200).body("statusReason", equalTo(reason));
        for (String reader : new String[] {COURT_UNIT, DIANQIAN_AUDITOR}) {
            String answer = as(reader).get("/demands/{id}", demandId).then().statusCode(200)
                    .body("status", equalTo("LISTED")).extract().asString();
            assertThat(answer).doesNotContain("13800000009").doesNotContain("王大爷");
            String listing = as(reader).queryParam("size", 100).get("/demands").then().statusCode(200).extract()
                    .asString();
            assertThat(listing).contains(demandId).doesNotContain("13800000009");
        }
    }

    @Test
    void never_in_both_lanes_a_routed_demand_cannot_be_routed_again_nor_a_listed_one_sent_back() {
        String groupId = PartyGroupMessages.created("嘉福盐业小区", List.of("8栋"));
        String demandId = listed();
        as(JIAFU_WORKER).body(Map.of("lane", "JOINT_MEETING", "reason", "x")).post("/demands/{id}/route", demandId)
                .then().statusCode(409).body("type", equalTo(PROBLEMS + "illegal-transition"));
        as(JIAFU_WORKER).body(Map.of("lane", "PARTY_GROUP", "groupId", groupId)).post("/demands/{id}/route", demandId)
                .then().statusCode(200);
        as(JIAFU_WORKER).body(Map.of("lane", "PARTY_GROUP", "groupId", groupId)).post("/demands/{id}/route", demandId)
                .then().statusCode(409).body("type", equalTo(PROBLEMS + "illegal-transition"));
        assertThat(stored(demandId).partyGroupId).isEqualTo(groupId);
    }

    @Test
    void an_unknown_group_or_a_missing_one_is_refused_and_another_community_may_not_route() {
        String demandId = listed();
        as(JIAFU_WORKER).body(Map.of("lane", "PARTY_GROUP", "groupId", "00000000-0000-0000-0000-00000000dead"))
                .post("/demands/{id}/route", demandId).then().statusCode(400);
        as(JIAFU_WORKER).body(Map.of("lane", "PARTY_GROUP")).post("/demands/{id}/route", demandId).then().statusCode(400);
        as(JIAFU_WORKER).body(Map.of("lane", "SOMEWHERE")).post("/demands/{id}/route", demandId).then().statusCode(400);
        String groupId = PartyGroupMessages.created("嘉福盐业小区", List.of("7栋"));
        as(LIANQIAO_WORKER).body(Map.of("lane", "PARTY_GROUP", "groupId", groupId)).post("/demands/{id}/route", demandId)
                .then().statusCode(403);
        assertThat(stored(demandId).status).isEqualTo(DemandStatus.LISTED);
    }

    @Test
    void a_small_need_goes_by_default_to_the_one_group_covering_its_building_when_verified() {
        String groupId = PartyGroupMessages.created("嘉福盐业小区", List.of("21栋", "22栋"));
        String small = verified("SANITATION", "嘉福盐业小区", "22栋");
        assertThat(stored(small).status).isEqualTo(DemandStatus.IN_PARTY_GROUP);
        assertThat(stored(small).partyGroupId).isEqualTo(groupId);
        published(small, "threelists.demand.routed-to-party-group.v1");

        String notSmall = verified("LEGAL_ADVICE", "嘉福盐业小区", "22栋");
        assertThat(stored(notSmall).status).isEqualTo(DemandStatus.LISTED);
        String uncovered = verified("SANITATION", "嘉福盐业小区", "99栋");
        assertThat(stored(uncovered).status).isEqualTo(DemandStatus.LISTED);
        assertThat(stored(uncovered).partyGroupId).isNull();
    }

    @Test
    void two_groups_covering_the_same_building_leave_the_choice_to_people() {
        PartyGroupMessages.created("嘉福盐业小区", List.of("31栋"));
        PartyGroupMessages.created("嘉福盐业小区", List.of("31栋", "32栋"));
        String demandId = verified("POLICY_CONSULTATION", "嘉福盐业小区", "31栋");
        assertThat(stored(demandId).status).isEqualTo(DemandStatus.LISTED);
    }

    private static JsonNode published(String demandId, String type) {
        ConsumerRecord<String, String> record = KafkaProbe.await(Topics.DEMAND_EVENTS,
                r -> demandId.equals(r.key()) && r.value().contains(type), 1, Duration.ofSeconds(30)).get(0);
        try {
            JsonNode message = Json.mapper().readTree(record.value());
            assertThat(ContractSchemas.violations(Topics.DEMAND_EVENTS, message)).as(record.value()).isEmpty();
            return message;
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
