package org.threelists.demand.api;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.threelists.demand.messaging.PartyGroupMessages;
import org.threelists.platform.ratelimit.ClientRateLimiter;
import org.threelists.testing.RealInfrastructure;
import org.threelists.testing.authz.AuthorisationMatrix;
import org.threelists.testing.authz.MatrixCall;
import org.threelists.testing.authz.MatrixTokens;
import org.threelists.testing.authz.TokenChecks;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.threelists.demand.Fixtures.as;
import static org.threelists.demand.Fixtures.legalAdviceDemand;
import static org.threelists.demand.Fixtures.with;
import static org.threelists.testing.authz.MatrixCall.call;

/**
 * Every operation × role × scope of src/test/resources/authz/demand-list.csv. The demands all belong to 联桥社区 of
 * 和平街道; each write operation gets a demand of its own in the state it applies to.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class AuthorisationMatrixTest {

    private static final AuthorisationMatrix MATRIX = AuthorisationMatrix.of("demand-list");
    private static final Map<String, String> CALLERS = MatrixTokens.callers("unit-heping-a", "unit-heping-b", "unit-dianqian");
    private static final String OWN_WORKER = CALLERS.get("community/own");
    private static final String LEADER = CALLERS.get("member/leader");
    private static final String MEMBER = CALLERS.get("member/own");

    @Inject
    ClientRateLimiter limiter;

    @Test
    void every_operation_has_a_row_for_every_role_and_scope() {
        MATRIX.assertComplete();
    }

    @Test
    void every_row_answers_as_the_table_says() {
        Map<String, String> demandFor = new HashMap<>();
        demandFor.put("GET /demands/{demandId}", listed());
        for (String op : new String[] {"amend", "merge", "reject", "verify", "withdraw"}) {
            demandFor.put("POST /demands/{demandId}/" + op, submitted());
        }
        demandFor.put("DELETE /demands/{demandId}/resident", submitted());
        demandFor.put("POST /demands/{demandId}/route", listed());
        String mergeTarget = submitted();
        String groupId = partyGroup();
        Map<String, String> slipFor = new HashMap<>();
        slipFor.put("GET /slips/{slipId}", dispatched(groupId));
        slipFor.put("POST /slips/{slipId}/accept", dispatched(groupId));
        slipFor.put("POST /slips/{slipId}/decline", dispatched(groupId));
        slipFor.put("POST /slips/{slipId}/recall", dispatched(groupId));
        slipFor.put("POST /slips/{slipId}/report", accepted(groupId));
        slipFor.put("POST /slips/{slipId}/satisfaction", confirmed(groupId));
        slipFor.put("POST /slips/{slipId}/check-in-code", accepted(groupId));
        slipFor.put("POST /slips/{slipId}/check-in", accepted(groupId));
        slipFor.put("POST /slips/{slipId}/check-out", accepted(groupId));
        slipFor.put("POST /slips/{slipId}/hours-confirmation", reported(groupId));
        String heldDemand = held(groupId);

        MATRIX.assertAnswers(CALLERS, operation -> {
            MatrixCall call = call();
            if (demandFor.containsKey(operation)) {
                call.path("demandId", demandFor.get(operation));
            }
            if (slipFor.containsKey(operation)) {
                call.path("slipId", slipFor.get(operation));
            }
            return switch (operation) {
                case "POST /demands" -> call.body(lianqiaoDemand());
                case "POST /demands/{demandId}/amend" -> call.body(amendment());
                case "POST /demands/{demandId}/merge" -> call.body(Map.of("duplicateOf", mergeTarget));
                case "POST /demands/{demandId}/reject" -> call.body(Map.of("reason", "不属于社区服务范围"));
                case "POST /demands/{demandId}/withdraw" -> call.body(Map.of("reason", "居民已自行解决"));
                // No such group: past authorisation the answer is 400, whoever may route.
                case "POST /demands/{demandId}/route" ->
                        call.body(Map.of("lane", "PARTY_GROUP", "groupId", "00000000-0000-0000-0000-00000000dead"));
                case "POST /slips" -> call.body(Map.of("demandId", heldDemand, "memberId", MatrixTokens.MEMBER));
                case "POST /slips/{slipId}/decline" -> call.body(Map.of("reason", "本周出差在外"));
                case "POST /slips/{slipId}/recall" -> call.body(Map.of("reason", "派错了人，改派他人"));
                case "POST /slips/{slipId}/report" ->
                        call.body(Map.of("service", "电话解答政策问题", "hours", 1, "mode", "ONLINE"));
                case "POST /slips/{slipId}/satisfaction" -> call.body(Map.of("score", 4));
                case "POST /slips/{slipId}/check-in-code" -> call.body(Map.of("purpose", "CHECK_IN"));
                // Past authorisation a code that is none answers 400, whoever may check in.
                case "POST /slips/{slipId}/check-in", "POST /slips/{slipId}/check-out" ->
                        call.body(Map.of("code", "bm90LWEtY29kZQ"));
                case "POST /slips/{slipId}/hours-confirmation" ->
                        call.body(Map.of("hours", 1, "reason", "居民家中无信号，未能签到"));
                case "GET /notice-board/slips" -> {
                    // the public board is rate-limited per address, and every caller here is the same address:
                    // its rows start from a full bucket, as a visitor's first look at the board would
                    limiter.reset();
                    yield call.query("street", MatrixTokens.STREET).query("community", MatrixTokens.COMMUNITY);
                }
                default -> call;
            };
        });
    }

    @Test
    void tokens_without_the_audience_or_too_old_are_refused() {
        TokenChecks.assertAudienceAndAgeEnforced("/demands", MatrixTokens.STREET);
    }

    @Test
    void a_community_outside_the_tokens_street_is_refused() {
        TokenChecks.assertCommunityMustBelongToStreet("/demands", MatrixTokens.STREET, MatrixTokens.COMMUNITY,
                MatrixTokens.OTHER_STREET_COMMUNITY);
    }

    /** A building Party group of 联桥社区 led by the matrix's leader, with the matrix's members. */
    private static String partyGroup() {
        String groupId = PartyGroupMessages.created(MatrixTokens.STREET, MatrixTokens.COMMUNITY, "乌江水岸小区", List.of());
        for (String member : List.of(MatrixTokens.LEADER, MatrixTokens.MEMBER, MatrixTokens.OTHER_MEMBER)) {
            PartyGroupMessages.memberAdded(groupId, MatrixTokens.COMMUNITY, member, null);
        }
        PartyGroupMessages.leaderNamed(groupId, MatrixTokens.COMMUNITY, MatrixTokens.LEADER);
        return groupId;
    }

    private static String held(String groupId) {
        String id = listed();
        as(OWN_WORKER).body(Map.of("lane", "PARTY_GROUP", "groupId", groupId)).post("/demands/{id}/route", id)
                .then().statusCode(200);
        return id;
    }

    private static String dispatched(String groupId) {
        return as(LEADER).body(Map.of("demandId", held(groupId), "memberId", MatrixTokens.MEMBER)).post("/slips")
                .then().statusCode(201).extract().path("slipId");
    }

    private static String accepted(String groupId) {
        String slipId = dispatched(groupId);
        as(MEMBER).post("/slips/{id}/accept", slipId).then().statusCode(200);
        return slipId;
    }

    private static String reported(String groupId) {
        String slipId = accepted(groupId);
        as(MEMBER).body(Map.of("service", "上门清理", "hours", 2, "mode", "ON_SITE")).post("/slips/{id}/report", slipId)
                .then().statusCode(200);
        return slipId;
    }

    /** Reported without a check-in, its hours confirmed by the leader: the community may close it. */
    private static String confirmed(String groupId) {
        String slipId = reported(groupId);
        as(LEADER).body(Map.of("hours", 2, "reason", "手机没电，未能签到")).post("/slips/{id}/hours-confirmation", slipId)
                .then().statusCode(200);
        return slipId;
    }

    private static Map<String, Object> lianqiaoDemand() {
        return with(with(legalAdviceDemand(), "communityCode", MatrixTokens.COMMUNITY), "compound", "乌江水岸小区");
    }

    private static Map<String, Object> amendment() {
        Map<String, Object> body = new HashMap<>(lianqiaoDemand());
        body.remove("communityCode");
        body.put("beneficiaries", 20);
        return body;
    }

    private static String submitted() {
        return as(OWN_WORKER).body(lianqiaoDemand()).post("/demands").then().statusCode(201).extract().path("demandId");
    }

    private static String listed() {
        String id = submitted();
        as(OWN_WORKER).post("/demands/{id}/verify", id).then().statusCode(200);
        return id;
    }
}
