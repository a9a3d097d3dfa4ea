package org.threelists.matchmaker.api;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.threelists.devkit.DevTokens;
import org.threelists.matchmaker.Fixtures;
import org.threelists.matchmaker.ProjectWorld;
import org.threelists.matchmaker.ProjectWorld.Unit;
import org.threelists.matchmaker.messaging.Topics;
import org.threelists.matchmaker.projection.AvailableResourceView;
import org.threelists.matchmaker.projection.ProjectClaimView;
import org.threelists.matchmaker.projection.ProjectView;
import org.threelists.testing.RealInfrastructure;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.threelists.matchmaker.Fixtures.PROBLEMS;
import static org.threelists.matchmaker.Fixtures.as;
import static org.threelists.matchmaker.Fixtures.await;
import static org.threelists.matchmaker.ProjectWorld.OTHER_DESK;
import static org.threelists.matchmaker.ProjectWorld.listedDemand;
import static org.threelists.matchmaker.ProjectWorld.projectMessages;
import static org.threelists.matchmaker.ProjectWorld.stored;
import static org.threelists.matchmaker.ProjectWorld.unit;

/**
 * 揭榜 cannot open residents to a unit on its own word: volunteering proposes a project and asks for nothing; only the
 * desk of the street or the demand's community approves it; the demand must be of the unit's street and in its
 * offer's service area.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class VolunteeringResourceTest {

    @Test
    void volunteering_asks_for_no_claim_and_the_unit_cannot_claim_before_the_approval() {
        Unit agency = unit("ELDER_CARE", List.of(), 20);
        String demand = listedDemand("ELDER_CARE", null, "HIGH", 3);
        String projectId = as(agency.token()).body(Map.of("resourceId", agency.resourceId()))
                .post("/demands/{id}/volunteer", demand).then().statusCode(201)
                .body("status", equalTo("PROPOSED")).extract().path("projectId");

        as(agency.token()).body(Map.of("resourceId", agency.resourceId())).post("/projects/{id}/claims", projectId)
                .then().statusCode(409).body("type", equalTo(PROBLEMS + "illegal-transition"));
        as(agency.token()).body(Map.of()).post("/projects/{id}/approve", projectId).then().statusCode(403);
        as(OTHER_DESK).body(Map.of()).post("/projects/{id}/approve", projectId).then().statusCode(403)
                .body("type", equalTo(PROBLEMS + "forbidden"));
        as(DevTokens.community("li-ming", ProjectWorld.STREET, "other-community")).body(Map.of())
                .post("/projects/{id}/approve", projectId).then().statusCode(403);

        assertThat(stored(projectId).status.name()).isEqualTo("PROPOSED");
        assertThat(claims(projectId)).isZero();
        assertThat(projectMessages(projectId).stream().map(m -> m.path("type").asText()))
                .doesNotContain("threelists.project.claim-requested.v1");

        as(ProjectWorld.DESK).body(Map.of()).post("/projects/{id}/approve", projectId).then().statusCode(202)
                .body("status", equalTo("CLAIM_PENDING")).body("claimStatus", equalTo("PENDING"));
        assertThat(claims(projectId)).isEqualTo(1);
    }

    @Test
    void a_unit_volunteers_only_within_its_offers_service_area() {
        Unit agency = unit("ELDER_CARE", List.of(), 20);
        // resource-list narrows the offer to another community (联桥) than the demand's (嘉福).
        Fixtures.publish(Topics.RESOURCE_EVENTS, agency.unitId(), Fixtures.resourceEvent("resource.amended",
                Fixtures.offered(agency.resourceId(), agency.unitId(), "ELDER_CARE", List.of(), "lianqiao", 20)));
        await(() -> AvailableResourceView.<AvailableResourceView>findById(agency.resourceId()),
                r -> List.of(r.serviceArea).equals(List.of("lianqiao")));
        String demand = listedDemand("ELDER_CARE", null, "HIGH", 3);
        as(agency.token()).body(Map.of("resourceId", agency.resourceId())).post("/demands/{id}/volunteer", demand)
                .then().statusCode(400).body("violations[0].field", equalTo("resourceId"));
        assertThat(QuarkusTransaction.requiringNew().call(() ->
                ProjectView.TABLE.count("? = any(demand_ids)", demand))).isZero();
    }

    @Test
    void a_unit_of_another_street_learns_nothing_about_a_demand() {
        String demand = listedDemand("ELDER_CARE", null, "HIGH", 3);
        Unit agency = unit("ELDER_CARE", List.of(), 20);
        String stranger = DevTokens.unit("staff-x", agency.unitId(), "heping");
        as(stranger).body(Map.of("resourceId", "not-a-uuid")).post("/demands/{id}/volunteer", demand)
                .then().statusCode(404).body("type", equalTo(PROBLEMS + "not-found"));
    }

    static long claims(String projectId) {
        return QuarkusTransaction.requiringNew().call(() -> ProjectClaimView.TABLE.count("project_id = ?", projectId));
    }
}
