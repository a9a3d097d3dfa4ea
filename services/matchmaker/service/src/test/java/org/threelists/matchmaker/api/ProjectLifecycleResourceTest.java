package org.threelists.matchmaker.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.threelists.contracts.Category;
import org.threelists.contracts.Urgency;
import org.threelists.matchmaker.Fixtures;
import org.threelists.matchmaker.ProjectWorld;
import org.threelists.matchmaker.ProjectWorld.Unit;
import org.threelists.matchmaker.domain.Project;
import org.threelists.matchmaker.domain.ProjectEvents.ClaimRequested;
import org.threelists.matchmaker.domain.ProjectEvents.ProjectProposed;
import org.threelists.matchmaker.domain.ProjectEvents.ProjectPublished;
import org.threelists.matchmaker.domain.ProjectValues.Claim;
import org.threelists.matchmaker.domain.ProjectValues.Mode;
import org.threelists.matchmaker.domain.ProjectValues.Need;
import org.threelists.matchmaker.domain.ProjectValues.Origin;
import org.threelists.matchmaker.projection.ProjectClaimView;
import org.threelists.matchmaker.projection.ProjectDeadline;
import org.threelists.matchmaker.projection.ProjectView;
import org.threelists.testing.ContractMessages.Message;
import org.threelists.testing.RealInfrastructure;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.threelists.matchmaker.Fixtures.PROBLEMS;
import static org.threelists.matchmaker.Fixtures.as;
import static org.threelists.matchmaker.Fixtures.await;
import static org.threelists.matchmaker.Fixtures.inboxOutcomes;
import static org.threelists.matchmaker.ProjectWorld.COMMUNITY_WORKER;
import static org.threelists.matchmaker.ProjectWorld.DESK;
import static org.threelists.matchmaker.ProjectWorld.assigned;
import static org.threelists.matchmaker.ProjectWorld.claim;
import static org.threelists.matchmaker.ProjectWorld.claimConfirmed;
import static org.threelists.matchmaker.ProjectWorld.claimRequested;
import static org.threelists.matchmaker.ProjectWorld.listedDemand;
import static org.threelists.matchmaker.ProjectWorld.messages;
import static org.threelists.matchmaker.ProjectWorld.projectMessages;
import static org.threelists.matchmaker.ProjectWorld.projectServing;
import static org.threelists.matchmaker.ProjectWorld.publishedProposal;
import static org.threelists.matchmaker.ProjectWorld.refuse;
import static org.threelists.matchmaker.ProjectWorld.reserve;
import static org.threelists.matchmaker.ProjectWorld.stored;
import static org.threelists.matchmaker.ProjectWorld.types;
import static org.threelists.matchmaker.ProjectWorld.uniqueSkill;
import static org.threelists.matchmaker.ProjectWorld.unit;
import static org.threelists.matchmaker.ProjectWorld.volunteer;
import static org.threelists.matchmaker.api.DeliveryHoursResourceTest.TODAY;

/**
 * A project's whole life over REST, with resource-list's side of the capacity saga simulated by producing its real
 * messages (capacity.reserved / capacity.refused) to Kafka: proposal → publication → claim → reservation → schedule →
 * delivery → completion → ratings, the pledge flow, the desk's assignment, 揭榜, release and cancellation, with what is
 * stored and what is published on project-list.events.v1 (schema-validated) checked at each step.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class ProjectLifecycleResourceTest {

    static final String RESOURCE_GROUP = "matchmaker.resource-list";

    @Inject
    EventStore events;

    @Test
    void a_proposal_goes_from_publication_through_a_confirmed_claim_to_the_residents_ratings() {
        String skill = uniqueSkill();
        Unit court = unit("LEGAL_ADVICE", List.of(skill), 20);
        String first = listedDemand("LEGAL_ADVICE", skill, "NORMAL", 2);
        String second = listedDemand("LEGAL_ADVICE", skill, "HIGH", 1.5);

        // The engine proposes one project for both demands: one unit, one community, one category.
        JsonPath plan = as(DESK).post("/plans/street").then().statusCode(200).extract().jsonPath();
        String projectId = projectServing(first);
        assertThat(projectServing(second)).isEqualTo(projectId);
        assertThat(plan.getList("proposedProjectIds", String.class)).contains(projectId);
        JsonPath proposal = as(DESK).get("/projects/{id}", projectId).then().statusCode(200).extract().jsonPath();
        assertThat(proposal.getString("status")).isEqualTo("PROPOSED");
        assertThat(proposal.getString("origin")).isEqualTo("ENGINE");
        assertThat(proposal.getString("urgency")).isEqualTo("HIGH");
        assertThat(proposal.getList("demandIds")).containsExactlyInAnyOrder(first, second);
        assertThat(proposal.getDouble("need.amount")).isEqualTo(3.5);
        assertThat(proposal.getString("need.unit")).isEqualTo("SERVICE_HOURS");
        assertThat(proposal.getString("proposedUnitId")).isEqualTo(court.unitId());
        assertThat(proposal.getDouble("score.total")).isPositive();
        assertThat(proposal.getMap("score.terms")).containsKeys("urgency", "skillFit", "fairness");
        assertThat(proposal.getString("explanation")).contains("引擎选择");
        // Planning again proposes nothing new for these demands.
        JsonPath again = as(DESK).post("/plans/street").then().statusCode(200).extract().jsonPath();
        assertThat(again.getList("assignments.demandId")).doesNotContain(first, second);
        assertThat(as(DESK).queryParam("status", "PROPOSED").queryParam("size", 100).get("/projects").then()
                .statusCode(200).extract().jsonPath().getList("items.projectId")).contains(projectId);

        JsonPath published = as(DESK).body(Map.of("note", "联席会 第12次会议")).post("/projects/{id}/publish", projectId)
                .then().statusCode(200).extract().jsonPath();
        assertThat(published.getString("status")).isEqualTo("PUBLISHED");
        assertThat(published.getString("mode")).isEqualTo("CLAIM");
        assertThat(published.getString("decision.decidedBy")).isEqualTo("desk:desk-dianqian");
        assertThat(published.getString("decision.note")).isEqualTo("联席会 第12次会议");
        Instant claimDeadline = Instant.parse(published.getString("claimDeadline"));
        assertThat(claimDeadline).isBetween(Instant.now().plusSeconds(23 * 3600), Instant.now().plusSeconds(25 * 3600));
        assertThat(deadline(projectId, "CLAIM")).isNotNull();
        assertThat(as(court.token()).get("/projects/claimable").then().statusCode(200).extract().jsonPath()
                .getList("items.projectId")).contains(projectId);

        JsonPath accepted = as(court.token()).body(Map.of("resourceId", court.resourceId()))
                .post("/projects/{id}/claims", projectId).then().statusCode(202).extract().jsonPath();
        String claimId = accepted.getString("claimId");
        assertThat(accepted.getString("status")).isEqualTo("CLAIM_PENDING");
        assertThat(accepted.getString("claimStatus")).isEqualTo("PENDING");
        assertThat(accepted.getString("project.claims[0].claimId")).isEqualTo(claimId);
        JsonNode requested = claimRequested(projectId, claimId);
        assertThat(requested.path("data").path("kind").asText()).isEqualTo("CLAIM");
        assertThat(requested.path("data").path("amount").decimalValue()).isEqualByComparingTo("3.5");
        assertThat(requested.path("data").path("period").asText()).matches("[0-9]{4}-[0-9]{2}");

        // resource-list reserved the hours: the claim is confirmed and the completion deadline runs.
        Message reserved = reserve(requested, 16.5);
        ProjectView claimed = await(() -> ProjectView.<ProjectView>findById(projectId),
                p -> p.status.name().equals("CLAIMED"));
        assertThat(claimed.holderUnitIds).containsExactly(court.unitId());
        assertThat(claimed.completionDeadline).isAfter(Instant.now().plusSeconds(6 * 86400));
        assertThat(deadline(projectId, "CLAIM")).isNull();
        assertThat(deadline(projectId, "COMPLETION").dueAt).isEqualTo(claimed.completionDeadline);
        // The same answer again changes nothing.
        Fixtures.publish(org.threelists.matchmaker.messaging.Topics.RESOURCE_EVENTS, court.unitId(), reserved);
        await(() -> inboxOutcomes(RESOURCE_GROUP, reserved.id()), o -> o.size() == 1);

        as(court.token()).body(Map.of("date", LocalDate.now().plusDays(3).toString(), "place", "嘉福社区党群服务中心"))
                .post("/projects/{id}/schedule", projectId).then().statusCode(200)
                .body("status", equalTo("SCHEDULED")).body("schedule.place", equalTo("嘉福社区党群服务中心"));
        String volunteer = ProjectWorld.volunteer(court);
        JsonPath delivered = as(court.token()).body(Map.of("date", LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).toString(),
                        "place", "嘉福社区党群服务中心", "residentsServed", 14, "notes", "老年人防诈骗讲座",
                        "volunteers", List.of(Map.of("volunteerId", volunteer, "maskedName", "王小明 13800001111", "hours", 3))))
                .post("/projects/{id}/delivery", projectId).then().statusCode(200).extract().jsonPath();
        assertThat(delivered.getString("status")).isEqualTo("DELIVERED");
        // the name resource-list masked, not what the reporter typed
        assertThat(delivered.getString("report.volunteers[0].maskedName")).isEqualTo("王*明");
        assertThat(messages(projectId, "delivered", 1).get(0).path("data").toString()).contains("王*明")
                .doesNotContain("王小明", "13800001111");
        assertThat(delivered.getInt("report.residentsServed")).isEqualTo(14);
        assertThat(delivered.getString("report.volunteers[0].unitId")).isEqualTo(court.unitId());
        assertThat(delivered.getDouble("consumptions[0].amount")).isEqualTo(3.5);
        assertThat(deadline(projectId, "COMPLETION")).isNull();

        as(COMMUNITY_WORKER).post("/projects/{id}/completion", projectId).then().statusCode(200)
                .body("status", equalTo("COMPLETED"));
        as(COMMUNITY_WORKER).body(Map.of("demandId", first, "score", 5, "comment", "讲得清楚"))
                .post("/projects/{id}/ratings", projectId).then().statusCode(200).body("status", equalTo("COMPLETED"));
        as(COMMUNITY_WORKER).body(Map.of("demandId", first, "score", 4))
                .post("/projects/{id}/ratings", projectId).then().statusCode(409)
                .body("type", equalTo(PROBLEMS + "conflict"));
        JsonPath rated = as(COMMUNITY_WORKER).body(Map.of("demandId", second, "score", 2))
                .post("/projects/{id}/ratings", projectId).then().statusCode(200).extract().jsonPath();
        assertThat(rated.getString("status")).isEqualTo("RATED");
        assertThat(rated.getList("ratings.score", Integer.class)).containsExactlyInAnyOrder(5, 2);

        assertThat(stored(projectId).status.name()).isEqualTo("RATED");
        messages(projectId, "rated", 2);
        assertThat(types(projectId)).containsExactly("proposed", "published", "claim-requested", "claimed",
                "scheduled", "delivered", "completed", "rated", "rated");
        JsonNode delivery = messages(projectId, "delivered", 1).get(0).path("data");
        assertThat(delivery.path("streetCode").asText()).isEqualTo("dianqian");
        assertThat(delivery.path("consumptions").get(0).path("claimId").asText()).isEqualTo(claimId);
        JsonNode publication = messages(projectId, "published", 1).get(0).path("data");
        assertThat(publication.path("decidedBy").asText()).isEqualTo("desk:desk-dianqian");
        assertThat(publication.path("demandIds")).hasSize(2);
    }

    @Test
    void a_refused_reservation_reverts_the_claim_with_the_reason_and_another_unit_may_claim() {
        String projectId = publishedProposal("HEALTH", uniqueSkill(), "NORMAL", 4, "CLAIM");
        Unit clinic = unit("HEALTH", List.of(), 10);
        Unit other = unit("HEALTH", List.of(), 10);

        String claimId = claim(clinic, projectId);
        as(other.token()).body(Map.of("resourceId", other.resourceId())).post("/projects/{id}/claims", projectId)
                .then().statusCode(409).body("type", equalTo(PROBLEMS + "conflict"));
        refuse(claimRequested(projectId, claimId), "capacity-exhausted", "Only 1 SERVICE_HOURS left in this month, 4 asked");

        ProjectView reverted = await(() -> ProjectView.<ProjectView>findById(projectId),
                p -> p.status.name().equals("PUBLISHED") && p.statusReason != null);
        assertThat(reverted.statusReason).isEqualTo("capacity-exhausted: Only 1 SERVICE_HOURS left in this month, 4 asked");
        ProjectClaimView claim = QuarkusTransaction.requiringNew().call(() -> ProjectClaimView.findById(claimId));
        assertThat(claim.status).isEqualTo(ProjectClaimView.Status.REFUSED);
        JsonNode refused = messages(projectId, "claim-refused", 1).get(0).path("data");
        assertThat(refused.path("claimId").asText()).isEqualTo(claimId);
        assertThat(refused.path("reason").asText()).startsWith("capacity-exhausted");
        as(clinic.token()).get("/projects/{id}", projectId).then().statusCode(200)
                .body("claims[0].status", equalTo("REFUSED")).body("holders", nullValue());

        as(other.token()).body(Map.of("resourceId", other.resourceId())).post("/projects/{id}/claims", projectId)
                .then().statusCode(202).body("status", equalTo("CLAIM_PENDING"));
    }

    @Test
    void a_refusal_without_a_capacity_book_reverts_the_claim_with_its_reason() {
        // resource-list leaves out what is left when the resource has no capacity book for the period (an unknown
        // resource, another unit's, a period changed under the claim): the refusal still reverts the claim
        String projectId = publishedProposal("HEALTH", uniqueSkill(), "NORMAL", 4, "CLAIM");
        Unit clinic = unit("HEALTH", List.of(), 10);
        String claimId = claim(clinic, projectId);
        refuse(claimRequested(projectId, claimId), "period-mismatch", "The offer's capacity is now counted per month",
                null);

        ProjectView reverted = await(() -> ProjectView.<ProjectView>findById(projectId),
                p -> p.status.name().equals("PUBLISHED") && p.statusReason != null);
        assertThat(reverted.statusReason).isEqualTo("period-mismatch: The offer's capacity is now counted per month");
        ProjectClaimView claim = QuarkusTransaction.requiringNew().call(() -> ProjectClaimView.findById(claimId));
        assertThat(claim.status).isEqualTo(ProjectClaimView.Status.REFUSED);
        assertThat(messages(projectId, "claim-refused", 1).get(0).path("data").path("reason").asText())
                .startsWith("period-mismatch");
    }

    @Test
    void pledges_from_two_units_cover_the_need_and_never_overshoot_it() {
        String projectId = publishedProposal("SANITATION", uniqueSkill(), "NORMAL", 6, "PLEDGE");
        Unit a = unit("SANITATION", List.of(), 10);
        Unit b = unit("SANITATION", List.of(), 10);
        Unit c = unit("SANITATION", List.of(), 10);

        String pledgeA = as(a.token()).body(Map.of("resourceId", a.resourceId(), "amount", 4))
                .post("/projects/{id}/pledges", projectId).then().statusCode(202)
                .body("status", equalTo("PUBLISHED")).body("claimStatus", equalTo("PENDING"))
                .extract().path("claimId");
        as(b.token()).body(Map.of("resourceId", b.resourceId(), "amount", 3)).post("/projects/{id}/pledges", projectId)
                .then().statusCode(409).body("type", equalTo(PROBLEMS + "conflict"));
        String pledgeB = as(b.token()).body(Map.of("resourceId", b.resourceId(), "amount", 2))
                .post("/projects/{id}/pledges", projectId).then().statusCode(202).extract().path("claimId");
        as(c.token()).body(Map.of("resourceId", c.resourceId())).post("/projects/{id}/claims", projectId)
                .then().statusCode(409).body("type", equalTo(PROBLEMS + "illegal-transition"));

        reserve(claimRequested(projectId, pledgeA), 6);
        await(() -> ProjectView.<ProjectView>findById(projectId), p -> p.covered.doubleValue() == 4);
        assertThat(stored(projectId).status.name()).isEqualTo("PUBLISHED");
        reserve(claimRequested(projectId, pledgeB), 8);
        ProjectView claimed = await(() -> ProjectView.<ProjectView>findById(projectId),
                p -> p.status.name().equals("CLAIMED"));
        assertThat(claimed.covered).isEqualByComparingTo("6");
        assertThat(claimed.holderUnitIds).containsExactlyInAnyOrder(a.unitId(), b.unitId());
        JsonNode holders = messages(projectId, "claimed", 1).get(0).path("data").path("holders");
        assertThat(holders).hasSize(2);
        assertThat(messages(projectId, "pledged", 2)).extracting(m -> m.path("data").path("covered").asDouble())
                .containsExactly(4.0, 6.0);

        JsonPath cancelled = as(DESK).body(Map.of("reason", "居民已自行解决")).post("/projects/{id}/cancel", projectId)
                .then().statusCode(200).extract().jsonPath();
        assertThat(cancelled.getString("status")).isEqualTo("CANCELLED");
        assertThat(cancelled.getList("claims.status")).containsOnly("RELEASED");
        JsonNode releases = messages(projectId, "cancelled", 1).get(0).path("data").path("releases");
        assertThat(releases).extracting(r -> r.path("claimId").asText()).containsExactlyInAnyOrder(pledgeA, pledgeB);
        assertThat(deadline(projectId, "COMPLETION")).isNull();
    }

    @Test
    void a_co_holder_reports_its_own_volunteers_and_not_another_holders() {
        String projectId = publishedProposal("SANITATION", uniqueSkill(), "NORMAL", 6, "PLEDGE");
        Unit court = unit("SANITATION", List.of(), 10);
        Unit kindergarten = unit("SANITATION", List.of(), 10);
        String courts = pledged(court, projectId, 4);
        String kindergartens = pledged(kindergarten, projectId, 2);
        reserve(claimRequested(projectId, courts), 6);
        reserve(claimRequested(projectId, kindergartens), 8);
        await(() -> ProjectView.<ProjectView>findById(projectId), p -> p.status.name().equals("CLAIMED"));
        String courtVolunteer = volunteer(court);
        String kindergartenVolunteer = volunteer(kindergarten);
        long version = stored(projectId).version;

        // the kindergarten puts hours on the court's volunteer: a forged record, refused whole
        as(kindergarten.token()).body(Map.of("date", TODAY, "place", "嘉福社区", "residentsServed", 12,
                        "volunteers", List.of(Map.of("volunteerId", kindergartenVolunteer, "hours", 2),
                                Map.of("volunteerId", courtVolunteer, "hours", 8))))
                .post("/projects/{id}/delivery", projectId).then().statusCode(400)
                .body("type", equalTo(PROBLEMS + "invalid-input"))
                .body("violations[0].field", equalTo("report.volunteers[1].volunteerId"));
        assertThat(stored(projectId).version).isEqualTo(version);
        assertThat(stored(projectId).status.name()).isEqualTo("CLAIMED");
        assertThat(projectMessages(projectId).stream().map(m -> m.path("type").asText()))
                .doesNotContain("threelists.project.delivered.v1");

        // its own volunteer it reports, on its word
        as(kindergarten.token()).body(DeliveryHoursResourceTest.report(TODAY,
                        Map.of("volunteerId", kindergartenVolunteer, "hours", 2)))
                .post("/projects/{id}/delivery", projectId).then().statusCode(200).body("status", equalTo("DELIVERED"));
        JsonNode credited = messages(projectId, "delivered", 1).get(0).path("data").path("report").path("volunteers");
        assertThat(credited).hasSize(1);
        assertThat(credited.get(0).path("volunteerId").asText()).isEqualTo(kindergartenVolunteer);
        assertThat(credited.get(0).path("unitId").asText()).isEqualTo(kindergarten.unitId());
    }

    @Test
    void a_pledge_given_back_leaves_the_project_under_its_claim_deadline_and_the_desks_taking_back_starts_a_new_one() {
        String projectId = publishedProposal("SANITATION", uniqueSkill(), "NORMAL", 6, "PLEDGE");
        Instant published = deadline(projectId, "CLAIM").dueAt;
        Unit a = unit("SANITATION", List.of(), 10);
        Unit b = unit("SANITATION", List.of(), 10);
        reserve(claimRequested(projectId, pledged(a, projectId, 4)), 6);
        reserve(claimRequested(projectId, pledged(b, projectId, 2)), 8);
        await(() -> ProjectView.<ProjectView>findById(projectId), p -> p.status.name().equals("CLAIMED"));

        // a co-holder gives back: its share is open again, under the deadline the meeting published the project with
        as(a.token()).body(Map.of("reason", "人手不足")).post("/projects/{id}/release", projectId).then().statusCode(200)
                .body("status", equalTo("PUBLISHED"));
        assertThat(deadline(projectId, "CLAIM").dueAt).isEqualTo(published);
        assertThat(stored(projectId).claimDeadline).isEqualTo(published);
        assertThat(Instant.parse(messages(projectId, "claim-released", 1).get(0).path("data").path("claimDeadline")
                .asText())).isCloseTo(published, org.assertj.core.api.Assertions.within(1, java.time.temporal.ChronoUnit.MILLIS));
        // pledging and giving back again does not move it either
        reserve(claimRequested(projectId, pledged(a, projectId, 4)), 6);
        await(() -> ProjectView.<ProjectView>findById(projectId), p -> p.status.name().equals("CLAIMED"));
        as(a.token()).post("/projects/{id}/release", projectId).then().statusCode(200);
        assertThat(deadline(projectId, "CLAIM").dueAt).isEqualTo(published);

        // the desk takes the project back to reassign it: a new wait
        as(DESK).body(Map.of("reason", "改派")).post("/projects/{id}/release", projectId).then().statusCode(200);
        assertThat(deadline(projectId, "CLAIM").dueAt).isAfter(published);
    }

    @Test
    void the_desk_assigns_demands_to_a_unit_and_can_take_the_project_back() {
        Unit kindergarten = unit("CHILD_CARE", List.of(), 20);
        String demand = listedDemand("CHILD_CARE", null, "NORMAL", 5);

        JsonPath created = assigned(kindergarten, List.of(demand));
        String projectId = created.getString("projectId");
        assertThat(created.getString("origin")).isEqualTo("DESK");
        assertThat(created.getString("status")).isEqualTo("CLAIM_PENDING");
        assertThat(created.getString("claims[0].unitId")).isEqualTo(kindergarten.unitId());
        assertThat(created.getString("decision.decidedBy")).isEqualTo("desk:desk-dianqian");
        as(DESK).body(Map.of("demandIds", List.of(demand), "unitId", kindergarten.unitId(),
                        "resourceId", kindergarten.resourceId())).post("/projects").then().statusCode(409)
                .body("type", equalTo(PROBLEMS + "already-exists"));

        claimConfirmed(projectId, created.getString("claims[0].claimId"), 15);
        JsonPath released = as(DESK).body(Map.of("reason", "改派给其他单位")).post("/projects/{id}/release", projectId)
                .then().statusCode(200).extract().jsonPath();
        assertThat(released.getString("status")).isEqualTo("PUBLISHED");
        assertThat(released.getList("holders")).isEmpty();
        assertThat(released.getString("statusReason")).isEqualTo("改派给其他单位");
        assertThat(deadline(projectId, "CLAIM")).isNotNull();
        assertThat(deadline(projectId, "COMPLETION")).isNull();
        JsonNode release = messages(projectId, "claim-released", 1).get(0).path("data");
        assertThat(release.path("releases").get(0).path("unitId").asText()).isEqualTo(kindergarten.unitId());
    }

    @Test
    void the_desks_assignment_supersedes_an_engine_proposal_the_meeting_has_not_decided_on() {
        String skill = uniqueSkill();
        unit("DISPUTE_MEDIATION", List.of(skill), 20);
        Unit deskChoice = unit("DISPUTE_MEDIATION", List.of(), 20);
        String demand = listedDemand("DISPUTE_MEDIATION", skill, "NORMAL", 2);
        String sibling = listedDemand("DISPUTE_MEDIATION", skill, "NORMAL", 1);
        as(DESK).post("/plans/street").then().statusCode(200);
        String proposal = projectServing(demand);
        assertThat(projectServing(sibling)).isEqualTo(proposal);
        assertThat(stored(proposal).origin).isEqualTo("ENGINE");

        JsonPath created = assigned(deskChoice, List.of(demand));
        assertThat(created.getString("origin")).isEqualTo("DESK");
        assertThat(created.getString("claims[0].unitId")).isEqualTo(deskChoice.unitId());
        ProjectView superseded = stored(proposal);
        assertThat(superseded.status.name()).isEqualTo("CANCELLED");
        assertThat(superseded.statusReason).startsWith("superseded: the desk assigned demand(s) [" + demand + "]");
        assertThat(messages(proposal, "cancelled", 1).get(0).path("data").path("actor").asText())
                .isEqualTo("desk:desk-dianqian");
        // the proposal's other demand is free again for the next plan, and the desk's project serves only its own
        assertThat(stored(created.getString("projectId")).demandIds).containsExactly(demand);
        as(DESK).post("/plans/street").then().statusCode(200);
        assertThat(projectServing(sibling)).isNotIn(proposal, created.getString("projectId"));

        // a project the joint meeting published is its decision: the desk's assignment does not take its demand
        String published = publishedProposal("DISPUTE_MEDIATION", uniqueSkill(), "NORMAL", 1, "CLAIM");
        String decided = stored(published).demandIds[0];
        as(DESK).body(Map.of("demandIds", List.of(decided), "unitId", deskChoice.unitId(),
                        "resourceId", deskChoice.resourceId())).post("/projects").then().statusCode(409)
                .body("type", equalTo(PROBLEMS + "already-exists"));
        assertThat(stored(published).status.name()).isEqualTo("PUBLISHED");
    }

    @Test
    void a_unit_volunteers_for_a_listed_demand_and_gives_the_project_back() {
        Unit agency = unit("ELDER_CARE", List.of(), 20);
        String demand = listedDemand("ELDER_CARE", null, "HIGH", 3);

        JsonPath volunteered = as(agency.token()).body(Map.of("resourceId", agency.resourceId(), "note", "我们来揭榜"))
                .post("/demands/{id}/volunteer", demand).then().statusCode(201).extract().jsonPath();
        String projectId = volunteered.getString("projectId");
        assertThat(volunteered.getString("origin")).isEqualTo("VOLUNTEERED");
        assertThat(volunteered.getString("status")).isEqualTo("PROPOSED");
        as(agency.token()).body(Map.of("resourceId", agency.resourceId())).post("/demands/{id}/volunteer", demand)
                .then().statusCode(409).body("type", equalTo(PROBLEMS + "already-exists"));

        JsonPath approved = as(COMMUNITY_WORKER).body(Map.of("note", "社区同意")).post("/projects/{id}/approve", projectId)
                .then().statusCode(202).extract().jsonPath();
        assertThat(approved.getString("status")).isEqualTo("CLAIM_PENDING");
        assertThat(approved.getString("claimStatus")).isEqualTo("PENDING");
        claimConfirmed(projectId, approved.getString("claimId"), 17);
        as(agency.token()).get("/projects/{id}", projectId).then().statusCode(200)
                .body("holders[0]", equalTo(agency.unitId()));
        as(agency.token()).body(Map.of("reason", "志愿者临时不足")).post("/projects/{id}/release", projectId)
                .then().statusCode(200).body("status", equalTo("PUBLISHED")).body("holders", nullValue());
        messages(projectId, "claim-released", 1);
        assertThat(types(projectId)).containsExactly("proposed", "published", "claim-requested", "claimed",
                "claim-released");
    }

    @Test
    void a_unit_that_does_not_hold_a_project_sees_neither_its_holders_nor_its_report() {
        Unit holder = unit("FACILITY_REPAIR", List.of(), 20);
        Unit bystander = unit("FACILITY_REPAIR", List.of(), 20);
        String demand = listedDemand("FACILITY_REPAIR", null, "NORMAL", 2);
        JsonPath created = assigned(holder, List.of(demand));
        String projectId = created.getString("projectId");
        claimConfirmed(projectId, created.getString("claims[0].claimId"), 18);

        as(bystander.token()).get("/projects/{id}", projectId).then().statusCode(403)
                .body("type", equalTo(PROBLEMS + "forbidden"));
        as(holder.token()).get("/projects/{id}", projectId).then().statusCode(200)
                .body("holders[0]", equalTo(holder.unitId()));
        as(bystander.token()).body(Map.of("date", "2026-12-01", "place", "x", "residentsServed", 1, "volunteers", List.of()))
                .post("/projects/{id}/delivery", projectId).then().statusCode(403);
        as(DESK).get("/projects/{id}", projectId).then().statusCode(200).body("holders[0]", equalTo(holder.unitId()));
    }

    @Test
    void a_unit_that_does_not_hold_a_project_is_not_told_who_held_claimed_or_acted_on_it() {
        Unit first = unit("FACILITY_REPAIR", List.of(), 20);
        Unit second = unit("FACILITY_REPAIR", List.of(), 20);
        Unit third = unit("FACILITY_REPAIR", List.of(), 20);
        JsonPath created = assigned(first, List.of(listedDemand("FACILITY_REPAIR", null, "NORMAL", 2)));
        String projectId = created.getString("projectId");
        claimConfirmed(projectId, created.getString("claims[0].claimId"), 18);
        as(first.token()).post("/projects/{id}/release", projectId).then().statusCode(200)
                .body("status", equalTo("PUBLISHED"));
        as(DESK).get("/projects/{id}", projectId).then().statusCode(200)
                .body("statusReason", equalTo("given back by the claiming unit"));
        assertThat(messages(projectId, "claim-released", 1).get(0).path("data").path("reason").asText())
                .isEqualTo("given back by the claiming unit");

        // The project is open again: another unit reads it and learns neither who had it nor who acted on it.
        JsonPath open = as(second.token()).get("/projects/{id}", projectId).then().statusCode(200).extract().jsonPath();
        assertThat(open.getString("status")).isEqualTo("PUBLISHED");
        assertWithoutWhoActed(open);
        assertThat(open.prettify()).doesNotContain(first.unitId(), first.resourceId());

        // A claim is pending: a third unit sees it taken, not by whom; nor does the claimant learn who had it before.
        String claimId = claim(second, projectId);
        JsonPath pending = as(third.token()).get("/projects/{id}", projectId).then().statusCode(200).extract().jsonPath();
        assertThat(pending.getString("status")).isEqualTo("CLAIM_PENDING");
        assertWithoutWhoActed(pending);
        assertThat(pending.getList("claims")).isEmpty();
        assertThat(pending.prettify()).doesNotContain(first.unitId(), second.unitId(), second.resourceId());
        JsonPath claimant = as(second.token()).get("/projects/{id}", projectId).then().statusCode(200).extract()
                .jsonPath();
        assertWithoutWhoActed(claimant);
        assertThat(claimant.getString("claims[0].unitId")).isEqualTo(second.unitId());
        assertThat(claimant.prettify()).doesNotContain(first.unitId());

        // The holder and the desk see it whole.
        claimConfirmed(projectId, claimId, 18);
        for (String reader : List.of(second.token(), DESK)) {
            JsonPath whole = as(reader).get("/projects/{id}", projectId).then().statusCode(200).extract().jsonPath();
            assertThat(whole.getString("proposedUnitId")).isEqualTo(first.unitId());
            assertThat(whole.getString("proposedResourceId")).isEqualTo(first.resourceId());
            assertThat(whole.getString("decision.decidedBy")).isEqualTo("desk:desk-dianqian");
            assertThat(whole.getString("proposedBy")).isEqualTo("desk:desk-dianqian");
            assertThat(whole.getString("updatedBy")).isEqualTo("resource-list");
            assertThat(whole.getList("alternatives")).isEmpty();
            assertThat(whole.getList("holders")).containsExactly(second.unitId());
        }
        as(DESK).get("/projects/{id}", projectId).then().statusCode(200)
                .body("claims.unitId", org.hamcrest.Matchers.contains(first.unitId(), second.unitId()));
    }

    /** A non-holder's view: no reason naming who gave the project back, no staff accounts, no proposed unit. */
    private static void assertWithoutWhoActed(JsonPath seen) {
        for (String field : List.of("statusReason", "proposedUnitId", "proposedResourceId", "explanation",
                "alternatives", "decision.decidedBy", "proposedBy", "updatedBy", "holders")) {
            assertThat(seen.getString(field)).as(field).isNull();
        }
        assertThat(seen.getString("decision.decidedAt")).isNotNull();
        assertThat(seen.prettify()).doesNotContain("desk-dianqian", "unit:");
    }

    @Test
    void a_need_recorded_with_more_decimals_than_its_row_keeps_is_still_claimed_whole() {
        Unit first = unit("LEGAL_ADVICE", List.of(), 10);
        Unit second = unit("LEGAL_ADVICE", List.of(), 10);
        String demand = listedDemand("LEGAL_ADVICE", null, "NORMAL", 2);
        String projectId = UUID.randomUUID().toString();
        String refusedClaim = UUID.randomUUID().toString();
        BigDecimal recorded = new BigDecimal("2.125");
        String desk = "desk:desk-dianqian";
        Instant now = Instant.now();
        // The desk's assignment as it was recorded before a need was bounded to two decimals at the door.
        append(projectId, new ProjectProposed(projectId, Origin.DESK, ProjectWorld.STREET, ProjectWorld.COMMUNITY,
                        Category.LEGAL_ADVICE, Urgency.NORMAL, "法律咨询", List.of(demand),
                        new Need(recorded, "SERVICE_HOURS"), first.unitId(), first.resourceId(), null, null, List.of(),
                        desk),
                new ProjectPublished(projectId, Mode.CLAIM, null, now, now.plus(Duration.ofDays(3)), desk),
                new ClaimRequested(projectId, new Claim(refusedClaim, Mode.CLAIM, first.unitId(), first.resourceId(),
                        recorded, YearMonth.now(ZoneId.of("Asia/Shanghai")).toString(), false), desk));
        assertThat(stored(projectId).needAmount).isEqualByComparingTo("2.13");

        refuse(claimRequested(projectId, refusedClaim), "capacity-exhausted", "Only 2 SERVICE_HOURS left");
        await(() -> ProjectView.<ProjectView>findById(projectId), p -> p.status.name().equals("PUBLISHED"));

        String claimId = claim(second, projectId);
        assertThat(claimRequested(projectId, claimId).path("data").path("amount").decimalValue())
                .isEqualByComparingTo(recorded);
        claimConfirmed(projectId, claimId, 7.875);
        as(second.token()).get("/projects/{id}", projectId).then().statusCode(200)
                .body("holders[0]", equalTo(second.unitId()));
    }

    /** Appends a project's events as they were recorded, without its commands' checks of today. */
    private void append(String projectId, Object... payloads) {
        List<DomainEventMessage<?>> recorded = new ArrayList<>();
        for (int i = 0; i < payloads.length; i++) {
            recorded.add(new GenericDomainEventMessage<>(Project.class.getSimpleName(), projectId, i, payloads[i]));
        }
        QuarkusTransaction.requiringNew().run(() -> events.publish(recorded));
    }

    @Test
    void a_unit_that_gave_a_project_back_sees_neither_where_it_takes_place_nor_what_residents_said() {
        Unit first = unit("FACILITY_REPAIR", List.of(), 20);
        Unit second = unit("FACILITY_REPAIR", List.of(), 20);
        String demand = listedDemand("FACILITY_REPAIR", null, "NORMAL", 2);
        JsonPath created = assigned(first, List.of(demand));
        String projectId = created.getString("projectId");
        claimConfirmed(projectId, created.getString("claims[0].claimId"), 18);
        as(first.token()).body(Map.of("reason", "维修工人临时外派")).post("/projects/{id}/release", projectId)
                .then().statusCode(200).body("status", equalTo("PUBLISHED"));

        claimConfirmed(projectId, claim(second, projectId), 18);
        as(second.token()).body(Map.of("date", LocalDate.now().plusDays(2).toString(), "place", "嘉福盐业小区2栋101室"))
                .post("/projects/{id}/schedule", projectId).then().statusCode(200);
        as(second.token()).body(Map.of("date", LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).toString(),
                        "place", "嘉福盐业小区2栋101室", "residentsServed", 1,
                        "volunteers", List.of(Map.of("volunteerId", ProjectWorld.volunteer(second), "hours", 2))))
                .post("/projects/{id}/delivery", projectId).then().statusCode(200);
        as(COMMUNITY_WORKER).post("/projects/{id}/completion", projectId).then().statusCode(200);
        as(COMMUNITY_WORKER).body(Map.of("demandId", demand, "score", 5, "comment", "林阿姨说师傅修得很仔细"))
                .post("/projects/{id}/ratings", projectId).then().statusCode(200);

        JsonPath seen = as(first.token()).get("/projects/{id}", projectId).then().statusCode(200).extract().jsonPath();
        assertThat(seen.getString("status")).isEqualTo("RATED");
        assertThat(seen.getList("claims.status", String.class)).containsExactly("RELEASED");
        assertThat(seen.getString("schedule")).isNull();
        assertThat(seen.getInt("ratings[0].score")).isEqualTo(5);
        assertThat(seen.getString("ratings[0].comment")).isNull();
        assertThat(seen.getString("ratings[0].ratedBy")).isNull();
        assertThat(seen.prettify()).doesNotContain("2栋101室", "林阿姨");

        JsonPath held = as(second.token()).get("/projects/{id}", projectId).then().statusCode(200).extract().jsonPath();
        assertThat(held.getString("schedule.place")).isEqualTo("嘉福盐业小区2栋101室");
        assertThat(held.getString("ratings[0].comment")).isEqualTo("林阿姨说师傅修得很仔细");
    }

    @Test
    void refused_requests_are_problems_and_change_nothing() {
        Unit unit = unit("LEGAL_ADVICE", List.of(), 10);
        String demand = listedDemand("LEGAL_ADVICE", null, "NORMAL", 2);
        String projectId = assigned(unit, List.of(demand)).getString("projectId");
        long version = stored(projectId).version;

        io.restassured.RestAssured.given().contentType("application/json").body("{}")
                .post("/projects/{id}/publish", projectId).then().statusCode(401)
                .body("type", equalTo(PROBLEMS + "unauthenticated"));
        as(COMMUNITY_WORKER).body(Map.of("resourceId", unit.resourceId())).post("/projects/{id}/claims", projectId)
                .then().statusCode(403).body("type", equalTo(PROBLEMS + "forbidden"));
        as(ProjectWorld.OTHER_DESK).body(Map.of("reason", "x")).post("/projects/{id}/cancel", projectId)
                .then().statusCode(403);
        as(DESK).get("/projects/{id}", UUID.randomUUID()).then().statusCode(404)
                .body("type", equalTo(PROBLEMS + "not-found"));
        as(DESK).body(Map.of()).post("/projects/{id}/publish", projectId).then().statusCode(409)
                .body("type", equalTo(PROBLEMS + "illegal-transition"));
        as(DESK).body(Map.of("reason", "")).post("/projects/{id}/cancel", projectId).then().statusCode(400)
                .body("type", equalTo(PROBLEMS + "invalid-input")).body("violations[0].field", equalTo("reason"));
        as(DESK).body(Map.of("mode", "AUCTION")).post("/projects/{id}/publish", projectId).then().statusCode(400);
        as(DESK).queryParam("status", "DONE").get("/projects").then().statusCode(400)
                .body("violations[0].field", equalTo("status"));
        as(unit.token()).body(Map.of("resourceId", UUID.randomUUID().toString()))
                .post("/projects/{id}/claims", projectId).then().statusCode(400)
                .body("violations[0].field", equalTo("resourceId"));
        as(unit.token()).body(Map.of("resourceId", unit.resourceId(), "period", "TOTAL"))
                .post("/projects/{id}/claims", projectId).then().statusCode(400)
                .body("violations[0].field", equalTo("period"));
        as(DESK).body(Map.of("demandIds", List.of(), "unitId", unit.unitId(), "resourceId", unit.resourceId()))
                .post("/projects").then().statusCode(400);
        as(DESK).body(Map.of("demandIds", List.of(UUID.randomUUID().toString()), "unitId", unit.unitId(),
                "resourceId", unit.resourceId())).post("/projects").then().statusCode(400)
                .body("violations[0].field", equalTo("demandIds"));
        as(COMMUNITY_WORKER).post("/projects/{id}/completion", projectId).then().statusCode(409)
                .body("type", equalTo(PROBLEMS + "illegal-transition"));

        assertThat(stored(projectId).version).isEqualTo(version);
        assertThat(stored(projectId).status.name()).isEqualTo("CLAIM_PENDING");
    }

    @Test
    void an_answer_for_an_unknown_claim_is_ignored() {
        Unit unit = unit("HEALTH", List.of(), 10);
        Map<String, Object> data = Fixtures.reserved(unit.resourceId(), unit.unitId(), 2, "2026-12", 8);
        data.put("claimId", UUID.randomUUID().toString());
        Message stray = Fixtures.publish(org.threelists.matchmaker.messaging.Topics.RESOURCE_EVENTS,
                unit.unitId(), Fixtures.resourceEvent("capacity.reserved", data));
        assertThat(await(() -> inboxOutcomes(RESOURCE_GROUP, stray.id()), o -> !o.isEmpty())).containsExactly("PROCESSED");
    }

    static String pledged(Unit unit, String projectId, int amount) {
        return as(unit.token()).body(Map.of("resourceId", unit.resourceId(), "amount", amount))
                .post("/projects/{id}/pledges", projectId).then().statusCode(202).extract().path("claimId");
    }

    static ProjectDeadline deadline(String projectId, String kind) {
        return QuarkusTransaction.requiringNew().call(() -> ProjectDeadline.findById(new ProjectDeadline.Key(projectId, kind)));
    }
}
