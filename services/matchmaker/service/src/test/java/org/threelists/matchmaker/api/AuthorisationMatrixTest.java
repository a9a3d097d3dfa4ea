package org.threelists.matchmaker.api;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.threelists.matchmaker.projection.AvailableResourceView;
import org.threelists.matchmaker.projection.OpenDemandView;
import org.threelists.matchmaker.projection.ProjectClaimView;
import org.threelists.matchmaker.projection.RosterVolunteerView;
import org.threelists.matchmaker.domain.ProjectStatus;
import org.threelists.platform.checkin.CheckInCodes;
import org.threelists.platform.checkin.CheckInPurpose;
import org.threelists.platform.ratelimit.ClientRateLimiter;
import io.restassured.path.json.JsonPath;
import org.threelists.testing.RealInfrastructure;
import org.threelists.testing.authz.AuthorisationMatrix;
import org.threelists.testing.authz.MatrixCall;
import org.threelists.testing.authz.MatrixTokens;
import org.threelists.testing.authz.TokenChecks;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.threelists.matchmaker.Fixtures.as;
import static org.threelists.matchmaker.ProjectWorld.claimRequested;
import static org.threelists.matchmaker.ProjectWorld.projectServing;
import static org.threelists.matchmaker.ProjectWorld.reserve;
import static org.threelists.matchmaker.ProjectWorld.stored;
import static org.threelists.matchmaker.ProjectWorld.uniqueSkill;
import static org.threelists.matchmaker.Fixtures.await;
import static org.threelists.matchmaker.Fixtures.change;
import static org.threelists.matchmaker.Fixtures.demandEvent;
import static org.threelists.matchmaker.Fixtures.newDemandId;
import static org.threelists.matchmaker.Fixtures.newUnitId;
import static org.threelists.matchmaker.Fixtures.offered;
import static org.threelists.matchmaker.Fixtures.publish;
import static org.threelists.matchmaker.Fixtures.resourceEvent;
import static org.threelists.matchmaker.Fixtures.submitted;
import static org.threelists.matchmaker.Fixtures.unitEvent;
import static org.threelists.matchmaker.Fixtures.unitRegistered;
import static org.threelists.matchmaker.Fixtures.with;
import static org.threelists.matchmaker.messaging.Topics.DEMAND_EVENTS;
import static org.threelists.matchmaker.messaging.Topics.RESOURCE_EVENTS;
import static org.threelists.testing.authz.MatrixCall.call;

/**
 * Every operation × role × scope of src/test/resources/authz/matchmaker.csv, each row called with its role's token.
 * The world is 联桥社区 of 和平街道: two member units of that street with an offer each ("own" and "other"), one of
 * 殿前街道, listed demands as demand-list publishes them, and for each operation the project it acts on in the state
 * the practice reaches it in: assigned by the desk and waiting for its claim (read, cancel, release), proposed by the
 * engine (publish), published for a claim or for pledges (claims, pledges), volunteered for (揭榜) by the own unit
 * (approve), and one project the own unit holds that goes through schedule, check-in and check-out of a volunteer on
 * its roster, delivery, the desk's confirmation on the community's behalf (refused: the wait has not passed),
 * completion and rating in the table's order.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class AuthorisationMatrixTest {

    private static final AuthorisationMatrix MATRIX = AuthorisationMatrix.of("matchmaker");
    private static final String CATEGORY = "HEALTH";

    @Inject
    ClientRateLimiter limiter;
    @Inject
    CheckInCodes codes;

    @Test
    void every_operation_has_a_row_for_every_role_and_scope() {
        MATRIX.assertComplete();
    }

    @Test
    void every_row_answers_as_the_table_says() {
        String own = newUnitId();
        String ownOffer = member(own, MatrixTokens.STREET, MatrixTokens.COMMUNITY, List.of());
        String other = newUnitId();
        member(other, MatrixTokens.STREET, MatrixTokens.COMMUNITY, List.of());
        String foreign = newUnitId();
        member(foreign, MatrixTokens.OTHER_STREET, MatrixTokens.OTHER_STREET_COMMUNITY, List.of());
        Map<String, String> callers = MatrixTokens.callers(own, other, foreign);
        String desk = callers.get("desk/own");

        String readProject = assigned(desk, own, ownOffer, listedDemand()).getString("projectId");
        String cancelledProject = assigned(desk, own, ownOffer, listedDemand()).getString("projectId");
        String releasedProject = assigned(desk, own, ownOffer, listedDemand()).getString("projectId");
        String unassignedDemand = listedDemand();
        String volunteeredDemand = listedDemand();
        String approvedProject = volunteered(callers.get("unit/own"), ownOffer, listedDemand());
        String proposal = engineProposal(desk);
        String claimable = published(desk, engineProposal(desk), "CLAIM");
        String pledgeable = published(desk, engineProposal(desk), "PLEDGE");
        String servedDemand = listedDemand();
        String heldProject = held(desk, own, ownOffer, servedDemand);
        String volunteer = rostered(own);
        rostered(own, MatrixTokens.MEMBER);

        MATRIX.assertAnswers(callers, operation -> switch (operation) {
            case "GET /escalations", "GET /projects", "GET /projects/claimable" -> call();
            case "GET /projects/{projectId}" -> call().path("projectId", readProject);
            case "GET /notice-board/projects" -> {
                // the public board is rate-limited per address, and every caller here is the same address (the
                // fuzz suite may have emptied its bucket): its rows start from a full bucket, as a visitor's would
                limiter.reset();
                yield call().query("street", MatrixTokens.STREET).query("community", MatrixTokens.COMMUNITY);
            }
            case "POST /projects" -> call().body(Map.of("demandIds", List.of(unassignedDemand), "unitId", own, "resourceId", ownOffer));
            case "POST /projects/{projectId}/cancel" -> call().path("projectId", cancelledProject).body(Map.of("reason", "居民已另行解决"));
            case "POST /projects/{projectId}/release" -> call().path("projectId", releasedProject).body(Map.of("reason", "人手不足"));
            case "POST /demands/{demandId}/volunteer" -> call().path("demandId", volunteeredDemand)
                    .body(Map.of("resourceId", ownOffer, "note", "我单位有护士可上门"));
            case "POST /projects/{projectId}/approve" -> call().path("projectId", approvedProject).body(Map.of("note", "同意揭榜"));
            case "POST /plans" -> call().body(instance());
            case "POST /plans/street" -> call();
            case "POST /projects/{projectId}/publish" -> call().path("projectId", proposal)
                    .body(Map.of("mode", "CLAIM", "note", "联席会决定发布"));
            case "POST /projects/{projectId}/claims" -> call().path("projectId", claimable).body(Map.of("resourceId", ownOffer));
            case "POST /projects/{projectId}/pledges" -> call().path("projectId", pledgeable)
                    .body(Map.of("resourceId", ownOffer, "amount", 1));
            case "POST /projects/{projectId}/schedule" -> call().path("projectId", heldProject)
                    .body(Map.of("date", LocalDate.now().plusDays(3).toString(), "place", "联桥社区活动室"));
            case "POST /projects/{projectId}/check-in-code" -> call().path("projectId", heldProject)
                    .body(Map.of("purpose", "CHECK_IN"));
            case "POST /projects/{projectId}/check-in" -> call().path("projectId", heldProject)
                    .body(Map.of("code", code(heldProject, CheckInPurpose.CHECK_IN)));
            case "POST /projects/{projectId}/check-out" -> call().path("projectId", heldProject)
                    .body(Map.of("code", code(heldProject, CheckInPurpose.CHECK_OUT)));
            case "POST /projects/{projectId}/delivery" -> call().path("projectId", heldProject).body(Map.of(
                    "date", LocalDate.now(ZoneId.of("Asia/Shanghai")).toString(), "place", "联桥社区活动室",
                    "volunteers", List.of(Map.of("volunteerId", volunteer, "maskedName", "王*明", "hours", 2),
                            Map.of("volunteerId", MatrixTokens.MEMBER, "maskedName", "李*", "hours", 1)),
                    "residentsServed", 6));
            case "POST /projects/{projectId}/completion-on-behalf" -> call().path("projectId", heldProject)
                    .body(Map.of("reason", "协调台电话联系社区确认已完成"));
            case "POST /projects/{projectId}/completion" -> call().path("projectId", heldProject);
            case "POST /projects/{projectId}/ratings" -> call().path("projectId", heldProject)
                    .body(Map.of("demandId", servedDemand, "score", 5, "comment", "服务周到"));
            default -> MatrixCall.notArranged();
        });

        // "ok" also admits a 400 or 409 after authorisation: the rows that should have gone through left these states.
        assertThat(stored(proposal).status).isEqualTo(ProjectStatus.PUBLISHED);
        assertThat(stored(approvedProject).status).isEqualTo(ProjectStatus.CLAIM_PENDING);
        assertThat(stored(claimable).status).isEqualTo(ProjectStatus.CLAIM_PENDING);
        assertThat(ProjectClaimView.TABLE.where("project_id = ?", pledgeable)).singleElement()
                .satisfies(pledge -> assertThat(pledge.unitId).isEqualTo(own));
        assertThat(stored(projectServing(volunteeredDemand)).origin).isEqualTo("VOLUNTEERED");
        assertThat(stored(heldProject).status).isEqualTo(ProjectStatus.RATED);
        assertThat(stored(heldProject).reconciliation).as("the member checked in and out before the delivery")
                .contains("\"volunteerId\":\"" + MatrixTokens.MEMBER + "\"").contains("CHECKED");
    }

    /** A code of the activity as its holder would show it (signed with the service's key; nothing is stored). */
    private String code(String projectId, CheckInPurpose purpose) {
        return codes.issue(projectId, purpose, Optional.empty(), Instant.now()).text();
    }

    @Test
    void tokens_without_the_audience_or_too_old_are_refused() {
        TokenChecks.assertAudienceAndAgeEnforced("/projects", MatrixTokens.STREET);
    }

    @Test
    void a_community_outside_the_tokens_street_is_refused() {
        TokenChecks.assertCommunityMustBelongToStreet("/projects", MatrixTokens.STREET, MatrixTokens.COMMUNITY,
                MatrixTokens.OTHER_STREET_COMMUNITY);
    }

    /** A member unit with one offer, as resource-list publishes them; returns the offer's id. */
    private static String member(String unitId, String street, String community, List<String> skills) {
        String resourceId = UUID.randomUUID().toString();
        publish(RESOURCE_EVENTS, unitId, unitEvent("registered", unitRegistered(unitId, street, community)));
        publish(RESOURCE_EVENTS, unitId, resourceEvent("resource.offered",
                offered(resourceId, unitId, CATEGORY, skills, community, 40)));
        await(() -> AvailableResourceView.<AvailableResourceView>findById(resourceId), r -> true);
        return resourceId;
    }

    /**
     * A listed demand of 联桥社区, as demand-list publishes it (submitted, then verified). It asks for a skill that no
     * offer has, so the engine proposes it to nobody (POST /plans/street is one of the rows) and it stays free for
     * the desk and for 揭榜, which do not match skills.
     */
    private static String listedDemand() {
        return listedDemand(uniqueSkill());
    }

    private static String listedDemand(String skill) {
        String id = newDemandId();
        Map<String, Object> data = with(with(submitted(id), "category", CATEGORY), "requiredSkills", List.of(skill));
        data = with(data, "window", Map.of("start", LocalDate.now().plusDays(2).toString(),
                "end", LocalDate.now().plusDays(25).toString()));
        publish(DEMAND_EVENTS, id, demandEvent("submitted", data));
        publish(DEMAND_EVENTS, id, demandEvent("verified", change(id, "LISTED")));
        await(() -> OpenDemandView.<OpenDemandView>findById(id), d -> OpenDemandView.LISTED.equals(d.status));
        return id;
    }

    /** The desk's project for the demand, assigned to the unit's offer: waiting for the claim to be confirmed. */
    private static JsonPath assigned(String desk, String unitId, String resourceId, String demandId) {
        return as(desk).body(Map.of("demandIds", List.of(demandId), "unitId", unitId, "resourceId", resourceId))
                .post("/projects").then().statusCode(201).extract().jsonPath();
    }

    /** A project the unit holds: assigned by the desk, its capacity reserved by resource-list. */
    private static String held(String desk, String unitId, String resourceId, String demandId) {
        JsonPath created = assigned(desk, unitId, resourceId, demandId);
        String projectId = created.getString("projectId");
        reserve(claimRequested(projectId, created.getString("claims[0].claimId")), 37);
        await(() -> stored(projectId), p -> p.status == ProjectStatus.CLAIMED);
        return projectId;
    }

    /** 揭榜: the unit volunteers for the demand with its offer; the VOLUNTEERED proposal awaits approval. */
    private static String volunteered(String unitToken, String resourceId, String demandId) {
        return as(unitToken).body(Map.of("resourceId", resourceId)).post("/demands/{id}/volunteer", demandId)
                .then().statusCode(201).extract().path("projectId");
    }

    /**
     * An engine proposal of the street: a unit whose offer alone has the demand's skill, and the desk's plan of the
     * street, which proposes it (PROPOSED, origin ENGINE).
     */
    private static String engineProposal(String desk) {
        String skill = uniqueSkill();
        member(newUnitId(), MatrixTokens.STREET, MatrixTokens.COMMUNITY, List.of(skill));
        String demand = listedDemand(skill);
        as(desk).post("/plans/street").then().statusCode(200);
        String projectId = projectServing(demand);
        assertThat(stored(projectId).status).isEqualTo(ProjectStatus.PROPOSED);
        return projectId;
    }

    /** The joint meeting's decision: the proposal published for a claim or for pledges. */
    private static String published(String desk, String projectId, String mode) {
        as(desk).body(Map.of("mode", mode, "note", "联席会决定发布")).post("/projects/{id}/publish", projectId)
                .then().statusCode(200);
        return projectId;
    }

    /** A volunteer registered with the unit, as resource-list publishes it. */
    private static String rostered(String unitId) {
        return rostered(unitId, UUID.randomUUID().toString());
    }

    private static String rostered(String unitId, String volunteerId) {
        publish(RESOURCE_EVENTS, unitId, resourceEvent("volunteer.registered", Map.of("volunteerId", volunteerId,
                "unitId", unitId, "homeCommunity", MatrixTokens.COMMUNITY, "skills", List.of(), "maskedName", "王*明",
                "status", "ACTIVE", "actor", "staff-" + unitId)));
        await(() -> RosterVolunteerView.<RosterVolunteerView>findById(volunteerId), v -> true);
        return volunteerId;
    }

    /** A matching instance as a desk plans it offline: two demands of 联桥社区, one offer. */
    private static Map<String, Object> instance() {
        return Map.of(
                "demands", List.of(
                        Map.of("id", "d-health", "communityCode", MatrixTokens.COMMUNITY, "category", CATEGORY,
                                "urgency", "NORMAL", "estimatedHours", 2),
                        Map.of("id", "d-check", "communityCode", MatrixTokens.COMMUNITY, "category", CATEGORY,
                                "urgency", "HIGH", "estimatedHours", 1)),
                "resources", List.of(Map.of("id", "r-clinic", "unitId", "unit-clinic", "categories", List.of(CATEGORY),
                        "serviceArea", List.of(MatrixTokens.COMMUNITY), "remainingCapacity", 4)));
    }
}
