package org.threelists.demand.slip;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.threelists.demand.messaging.PartyGroupMessages;
import org.threelists.demand.messaging.Topics;
import org.threelists.demand.projection.SlipDeadline;
import org.threelists.demand.projection.SlipView;
import org.threelists.devkit.DevTokens;
import org.threelists.platform.json.ContractSchemas;
import org.threelists.platform.json.Json;
import org.threelists.testing.KafkaProbe;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.threelists.demand.Fixtures.JIAFU_WORKER;
import static org.threelists.demand.Fixtures.as;
import static org.threelists.demand.Fixtures.listed;

/**
 * A building Party group of 嘉福社区 with its leader and two members (a 双报到 volunteer of the district court, a
 * resident member), their tokens, and demands routed to it; the slips' stored rows and published messages.
 */
public final class SlipWorld {

    public static final String COURT = "unit-huli-court";

    public final String groupId;
    public final String leaderId = UUID.randomUUID().toString();
    public final String volunteerId = UUID.randomUUID().toString();
    public final String residentId = UUID.randomUUID().toString();
    public final String leader = DevTokens.member(leaderId, "dianqian", "jiafu");
    public final String volunteer = DevTokens.member(volunteerId, "dianqian", "jiafu");
    public final String resident = DevTokens.member(residentId, "dianqian", "jiafu");

    public SlipWorld() {
        groupId = PartyGroupMessages.created("嘉福盐业小区", List.of(UUID.randomUUID().toString().substring(0, 6) + "栋"));
        PartyGroupMessages.memberAdded(groupId, "jiafu", leaderId, COURT);
        PartyGroupMessages.memberAdded(groupId, "jiafu", volunteerId, COURT);
        PartyGroupMessages.memberAdded(groupId, "jiafu", residentId, null);
        PartyGroupMessages.leaderNamed(groupId, leaderId);
    }

    /** A listed demand of 嘉福 routed to the group by the community worker; its id. */
    public String heldDemand() {
        String demandId = listed();
        as(JIAFU_WORKER).body(Map.of("lane", "PARTY_GROUP", "groupId", groupId)).post("/demands/{id}/route", demandId)
                .then().statusCode(200);
        return demandId;
    }

    /** The leader dispatches a slip for the demand to {@code memberId}; its id. */
    public String dispatched(String demandId, String memberId) {
        return as(leader).body(Map.of("demandId", demandId, "memberId", memberId)).post("/slips")
                .then().statusCode(201).extract().path("slipId");
    }

    /** The leader's code of {@code purpose} (CHECK_IN or CHECK_OUT) for the slip, as the QR code shows it. */
    public String code(String slipId, String purpose) {
        return as(leader).body(Map.of("purpose", purpose)).post("/slips/{id}/check-in-code", slipId)
                .then().statusCode(200).extract().path("code");
    }

    /** The member, whose token is {@code memberToken}, checks in and straight out again with the leader's codes. */
    public void checkedInAndOut(String slipId, String memberToken) {
        as(memberToken).body(Map.of("code", code(slipId, "CHECK_IN"))).post("/slips/{id}/check-in", slipId)
                .then().statusCode(200);
        as(memberToken).body(Map.of("code", code(slipId, "CHECK_OUT"))).post("/slips/{id}/check-out", slipId)
                .then().statusCode(200);
    }

    public static SlipView stored(String slipId) {
        return QuarkusTransaction.requiringNew().call(() -> SlipView.findById(slipId));
    }

    public static SlipDeadline deadline(String slipId) {
        return QuarkusTransaction.requiringNew().call(() -> SlipDeadline.findById(slipId));
    }

    /** The {@code count} messages of {@code type} about the slip, each valid against demand-list.events.v1. */
    public static List<JsonNode> published(String slipId, String type, int count) {
        List<ConsumerRecord<String, String>> records = KafkaProbe.await(Topics.DEMAND_EVENTS,
                r -> r.value().contains("\"threelists.slip." + type + ".v1\"") && r.value().contains(slipId), count,
                Duration.ofSeconds(30));
        return records.stream().map(record -> {
            try {
                JsonNode message = Json.mapper().readTree(record.value());
                assertThat(ContractSchemas.violations(Topics.DEMAND_EVENTS, message)).as(record.value()).isEmpty();
                assertThat(message.path("data").path("slipId").asText()).isEqualTo(slipId);
                assertThat(message.path("subject").asText()).isEqualTo(record.key())
                        .isEqualTo(message.path("data").path("demandId").asText());
                return message;
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }).toList();
    }
}
