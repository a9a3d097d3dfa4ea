package org.threelists.resource.api;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.threelists.devkit.DevTokens;
import org.threelists.testing.RealInfrastructure;
import org.threelists.testing.authz.AuthorisationMatrix;
import org.threelists.testing.authz.MatrixCall;
import org.threelists.testing.authz.MatrixTokens;
import org.threelists.testing.authz.TokenChecks;

import java.util.List;
import java.util.Map;

import static org.threelists.resource.Fixtures.amendment;
import static org.threelists.resource.Fixtures.as;
import static org.threelists.resource.Fixtures.legalAdvice;
import static org.threelists.resource.Fixtures.newProjectId;
import static org.threelists.resource.Fixtures.newUnitId;
import static org.threelists.resource.Fixtures.reservation;
import static org.threelists.resource.Fixtures.unit;
import static org.threelists.resource.Fixtures.volunteer;
import static org.threelists.resource.Fixtures.with;
import static org.threelists.testing.authz.MatrixCall.call;

/**
 * Every operation × role × scope of src/test/resources/authz/resource-list.csv. The resources, volunteers and
 * reservations belong to one unit of 和平街道 serving 联桥社区 (the "own" unit); each write operation gets its own.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class AuthorisationMatrixTest {

    private static final AuthorisationMatrix MATRIX = AuthorisationMatrix.of("resource-list");

    @Test
    void every_operation_has_a_row_for_every_role_and_scope() {
        MATRIX.assertComplete();
    }

    @Test
    void every_row_answers_as_the_table_says() {
        String own = registered(MatrixTokens.STREET, MatrixTokens.COMMUNITY);
        String other = registered(MatrixTokens.STREET, MatrixTokens.COMMUNITY);
        String foreign = registered(MatrixTokens.OTHER_STREET, MatrixTokens.OTHER_STREET_COMMUNITY);
        Map<String, String> callers = MatrixTokens.callers(own, other, foreign);
        String ownToken = callers.get("unit/own");

        String readResource = offered(ownToken, own);
        String amendedResource = offered(ownToken, own);
        String withdrawnResource = offered(ownToken, own);
        String reservedResource = offered(ownToken, own);
        String readReservation = reserved(ownToken, reservedResource);
        String consumedReservation = reserved(ownToken, reservedResource);
        String releasedReservation = reserved(ownToken, reservedResource);
        String readVolunteer = volunteered(ownToken, own);
        String amendedVolunteer = volunteered(ownToken, own);
        String leavingVolunteer = volunteered(ownToken, own);
        String erasedVolunteer = volunteered(ownToken, own);
        String newUnit = newUnitId("matrix");
        String ownCommunityWorker = callers.get("community/own");
        String readGroup = partyGroup(ownCommunityWorker);
        // A group's roster is read by its leader only: the member scopes are people of the groups themselves here,
        // a plain member of the read group (own), its leader (leader), the leader of another group (other-member).
        String plainMember = member(ownCommunityWorker, readGroup);
        String readGroupLeader = leaderOf(ownCommunityWorker, readGroup);
        String otherGroupLeader = leaderOf(ownCommunityWorker, partyGroup(ownCommunityWorker));
        callers.put("member/own", DevTokens.member(plainMember, MatrixTokens.STREET, MatrixTokens.COMMUNITY));
        callers.put("member/leader", DevTokens.member(readGroupLeader, MatrixTokens.STREET, MatrixTokens.COMMUNITY));
        callers.put("member/other-member",
                DevTokens.member(otherGroupLeader, MatrixTokens.STREET, MatrixTokens.COMMUNITY));
        String joinedGroup = partyGroup(ownCommunityWorker);
        String ledGroup = partyGroup(ownCommunityWorker);
        String leader = member(ownCommunityWorker, ledGroup);
        String leavingGroup = partyGroup(ownCommunityWorker);
        String leaving = member(ownCommunityWorker, leavingGroup);

        MATRIX.assertAnswers(callers, operation -> switch (operation) {
            case "GET /resources/{resourceId}" -> call().path("resourceId", readResource);
            case "GET /resources/{resourceId}/reservations/{projectId}" ->
                    call().path("resourceId", reservedResource).path("projectId", readReservation);
            case "GET /units/{unitId}" -> call().path("unitId", own);
            case "GET /volunteers/{volunteerId}" -> call().path("volunteerId", readVolunteer);
            case "POST /resources" -> call().body(offer(own));
            case "POST /resources/{resourceId}/amend" -> call().path("resourceId", amendedResource).body(amendment(offer(own)));
            case "POST /resources/{resourceId}/withdraw" -> call().path("resourceId", withdrawnResource).body(Map.of("reason", "暂停服务"));
            case "POST /resources/{resourceId}/reservations" ->
                    call().path("resourceId", reservedResource).body(reservation(newProjectId(), 1, null));
            case "POST /resources/{resourceId}/reservations/{projectId}/consume" ->
                    call().path("resourceId", reservedResource).path("projectId", consumedReservation).body(Map.of("amount", 1));
            case "DELETE /resources/{resourceId}/reservations/{projectId}" ->
                    call().path("resourceId", reservedResource).path("projectId", releasedReservation);
            case "POST /volunteers" -> call().body(volunteer(own, MatrixTokens.COMMUNITY, "李志愿"));
            case "POST /volunteers/{volunteerId}/amend" ->
                    call().path("volunteerId", amendedVolunteer).body(Map.of("homeCommunity", MatrixTokens.COMMUNITY, "skills", List.of("陪诊")));
            case "POST /volunteers/{volunteerId}/leave" -> call().path("volunteerId", leavingVolunteer).body(Map.of("reason", "搬家"));
            case "DELETE /volunteers/{volunteerId}/personal-data" -> call().path("volunteerId", erasedVolunteer);
            case "POST /units" -> call().body(heping(newUnit, MatrixTokens.COMMUNITY));
            case "POST /units/{unitId}/amend" -> call().path("unitId", own).body(amendedUnit());
            case "POST /units/{unitId}/leave" -> call().path("unitId", own).body(Map.of("reason", "年度调整"));
            case "POST /units/{unitId}/rejoin" -> call().path("unitId", own);
            case "GET /party-groups/{groupId}" -> call().path("groupId", readGroup);
            // Buildings only: any community worker creates a group in their own community, whichever it is.
            case "POST /party-groups" -> call().body(Map.of("name", "2栋党小组", "buildings", List.of("2栋")));
            case "POST /party-groups/{groupId}/members" -> call().path("groupId", joinedGroup).body(resident());
            case "POST /party-groups/{groupId}/leader" -> call().path("groupId", ledGroup).body(Map.of("memberId", leader));
            case "POST /party-groups/{groupId}/members/{memberId}/remove" ->
                    call().path("groupId", leavingGroup).path("memberId", leaving).body(Map.of("reason", "搬家"));
            default -> call();
        });
    }

    @Test
    void tokens_without_the_audience_or_too_old_are_refused() {
        TokenChecks.assertAudienceAndAgeEnforced("/units", MatrixTokens.STREET);
    }

    @Test
    void a_community_outside_the_tokens_street_is_refused() {
        TokenChecks.assertCommunityMustBelongToStreet("/units", MatrixTokens.STREET, MatrixTokens.COMMUNITY,
                MatrixTokens.OTHER_STREET_COMMUNITY);
    }

    private static Map<String, Object> heping(String unitId, String community) {
        return with(unit(unitId, "沿河县人民医院"), "communities", List.of(community));
    }

    private static Map<String, Object> amendedUnit() {
        Map<String, Object> body = heping("unit-unused", MatrixTokens.COMMUNITY);
        body.remove("unitId");
        body.put("name", "沿河县人民医院（新院区）");
        return body;
    }

    private static String registered(String street, String community) {
        String unitId = newUnitId("matrix");
        String desk = MatrixTokens.callers("-", "-", "-").get(street.equals(MatrixTokens.STREET) ? "desk/own" : "desk/other-street");
        as(desk).body(with(unit(unitId, "共建单位"), "communities", List.of(community))).post("/units").then().statusCode(201);
        return unitId;
    }

    private static Map<String, Object> offer(String unitId) {
        return with(legalAdvice(unitId, 100, "TOTAL"), "serviceArea", List.of(MatrixTokens.COMMUNITY));
    }

    private static String offered(String token, String unitId) {
        return as(token).body(offer(unitId)).post("/resources").then().statusCode(201).extract().path("resourceId");
    }

    private static String reserved(String token, String resourceId) {
        String projectId = newProjectId();
        as(token).body(reservation(projectId, 2, null)).post("/resources/{id}/reservations", resourceId).then().statusCode(201);
        return projectId;
    }

    private static String volunteered(String token, String unitId) {
        return as(token).body(volunteer(unitId, MatrixTokens.COMMUNITY, "王志愿")).post("/volunteers")
                .then().statusCode(201).extract().path("volunteerId");
    }

    private static String partyGroup(String communityWorker) {
        return as(communityWorker).body(Map.of("name", "1栋党小组", "compound", "乌江水岸小区", "buildings", List.of("1栋")))
                .post("/party-groups").then().statusCode(201).extract().path("groupId");
    }

    private static Map<String, Object> resident() {
        return Map.of("person", Map.of("name", "杨党员", "phone", "13800000077"), "consent", true);
    }

    private static String member(String communityWorker, String groupId) {
        List<String> before = as(communityWorker).get("/party-groups/{id}", groupId).then().statusCode(200)
                .extract().path("members.memberId");
        List<String> after = as(communityWorker).body(resident()).post("/party-groups/{id}/members", groupId)
                .then().statusCode(200).extract().path("members.memberId");
        return after.stream().filter(id -> !before.contains(id)).findFirst().orElseThrow();
    }

    /** A new member of the group, named its leader. */
    private static String leaderOf(String communityWorker, String groupId) {
        String leader = member(communityWorker, groupId);
        as(communityWorker).body(Map.of("memberId", leader)).post("/party-groups/{id}/leader", groupId)
                .then().statusCode(200);
        return leader;
    }
}
