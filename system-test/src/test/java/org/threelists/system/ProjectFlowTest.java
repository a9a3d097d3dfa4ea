package org.threelists.system;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.threelists.localstack.LocalStack;
import org.threelists.testing.PublishedContracts;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.threelists.localstack.LocalStack.DEMAND_LIST;
import static org.threelists.localstack.LocalStack.LEDGER;
import static org.threelists.localstack.LocalStack.MATCHMAKER;
import static org.threelists.localstack.LocalStack.RESOURCE_LIST;
import static org.threelists.system.Api.eventually;
import static org.threelists.system.DemoWorld.COMMUNITY_WORKER;
import static org.threelists.system.DemoWorld.DESK;

/**
 * The whole flow over REST across the separate processes: demand + resource → proposal → publication → claim (the
 * capacity reserved by resource-list through Kafka) → schedule → delivery → completion → rating, with the demand's
 * and the resource's states following in their own services, and the ledger recording the volunteer's hours.
 */
@Order(7) // junit-platform.properties: the shared system's classes first
class ProjectFlowTest {

    @Test
    void aDemandAndAnOfferBecomeAProjectThatIsClaimedDeliveredCompletedAndRated() {
        RunningSystem.stack();
        String unit = DemoWorld.registerUnit("嘉福社区卫生服务站");
        String resource = DemoWorld.offerVolunteerHours(unit, "HEALTH", 20);
        String demand = DemoWorld.listedDemand("HEALTH", "NORMAL", 3, "独居老人上门量血压、义诊");

        // the matchmaker learns both from Kafka; the desk plans the street and gets a proposal for the demand
        String project = eventually("a proposal for the demand", () -> {
            Api.post(MATCHMAKER, DESK, "/plans/street", null, 200);
            return DemoWorld.proposalFor(demand);
        }, id -> id != null);
        JsonNode proposed = project(project);
        assertThat(proposed.path("status").asText()).isEqualTo("PROPOSED");
        assertThat(proposed.path("proposedUnitId").asText()).isEqualTo(unit);
        assertThat(proposed.path("explanation").asText()).isNotBlank();

        Api.post(MATCHMAKER, DESK, "/projects/" + project + "/publish", Map.of("mode", "CLAIM", "note", "联席会 11月会议"), 200);
        String unitToken = DemoWorld.unitToken(unit);
        List<String> claimable = Api.get(MATCHMAKER, unitToken, "/projects/claimable").extract().path("items.projectId");
        assertThat(claimable).contains(project);

        Api.post(MATCHMAKER, unitToken, "/projects/" + project + "/claims", Map.of("resourceId", resource), 202);
        // confirmed only after resource-list reserved the hours, through Kafka both ways
        eventually("the claim confirmed", () -> project(project).path("status").asText(), "CLAIMED"::equals);
        JsonNode reservation = Api.get(RESOURCE_LIST, unitToken, "/resources/" + resource + "/reservations/" + project)
                .extract().as(JsonNode.class);
        assertThat(reservation.path("status").asText()).isEqualTo("RESERVED");
        assertThat(reservation.path("amount").decimalValue()).isEqualByComparingTo("3");
        assertThat(remaining(resource, unitToken)).isEqualByComparingTo("17");
        eventually("the demand matched", () -> DemoWorld.demandStatus(demand), "MATCHED"::equals);
        // the claiming unit now sees the resident's contact; another unit does not
        assertThat(Api.get(DEMAND_LIST, unitToken, "/demands/" + demand).extract().<String>path("resident.name")).isEqualTo("林阿婆");
        String stranger = DemoWorld.registerUnit("旁观单位");
        assertThat(Api.get(DEMAND_LIST, DemoWorld.unitToken(stranger), "/demands/" + demand).extract().<Object>path("resident")).isNull();

        Api.post(MATCHMAKER, unitToken, "/projects/" + project + "/schedule",
                Map.of("date", DemoWorld.today().plusDays(3).toString(), "place", "嘉福社区党群服务中心"), 200);
        eventually("the demand in progress", () -> DemoWorld.demandStatus(demand), "IN_PROGRESS"::equals);

        // a delivery is reported on or after the day (never ahead of it), and names only volunteers the matchmaker
        // knows to be the unit's: the new volunteer reaches its roster through resource-list.events.v1
        String volunteer = DemoWorld.registerVolunteer(unit, "周晓梅", "13800003301", "测血压");
        DemoWorld.reportDelivery(unit, project, Map.of(
                "date", DemoWorld.today().toString(), "place", "嘉福社区党群服务中心",
                "volunteers", List.of(Map.of("volunteerId", volunteer, "hours", 2.5)),
                "residentsServed", 8, "notes", "量血压 8 人次"));
        eventually("the reservation consumed", () -> Api.get(RESOURCE_LIST, unitToken,
                "/resources/" + resource + "/reservations/" + project).extract().<String>path("status"), "CONSUMED"::equals);

        Api.post(MATCHMAKER, COMMUNITY_WORKER, "/projects/" + project + "/completion", null, 200);
        eventually("the demand fulfilled", () -> DemoWorld.demandStatus(demand), "FULFILLED"::equals);

        Api.post(MATCHMAKER, COMMUNITY_WORKER, "/projects/" + project + "/ratings",
                Map.of("demandId", demand, "score", 5, "comment", "医生很耐心"), 200);
        assertThat(project(project).path("status").asText()).isEqualTo("RATED");
        eventually("the demand rated", () -> DemoWorld.demandStatus(demand), "RATED"::equals);

        // the ledger recorded the delivery from project-list.events.v1: the unit's hours, one activity, one volunteer
        Map<String, Object> row = eventually("the ledger to record the delivery", () -> Api.get(LEDGER, DESK,
                "/ledger/reports?groupBy=unit").extract().<List<Map<String, Object>>>path("rows").stream()
                .filter(r -> unit.equals(r.get("key"))).findFirst().orElse(null), r -> r != null);
        assertThat(new java.math.BigDecimal(row.get("hours").toString())).isEqualByComparingTo("2.5");
        assertThat(row).containsEntry("activities", 1).containsEntry("volunteers", 1).containsEntry("residentsServed", 8);
        assertThat(Api.get(LEDGER, DESK, "/ledger/verification").extract().<Boolean>path("valid")).isTrue();
        // an hour statement for the volunteer, verifiable by anyone without a token
        JsonNode statement = Api.post(LEDGER, DESK, "/ledger/statements", Map.of("volunteerId", volunteer,
                "from", DemoWorld.today().toString(), "to", DemoWorld.today().plusDays(30).toString()), 201)
                .extract().as(JsonNode.class);
        String number = statement.path("number").asText();
        // the public check needs the code printed on the statement, so that numbers cannot be enumerated
        JsonNode verification = io.restassured.RestAssured.given().baseUri(RunningSystem.url(LEDGER))
                .queryParam("code", statement.path("verificationCode").asText())
                .get("/ledger/statements/" + number + "/verification").then().statusCode(200).extract().as(JsonNode.class);
        assertThat(verification.path("status").asText()).isEqualTo("VALID");
        assertThat(verification.path("hours").decimalValue()).isEqualByComparingTo("2.5");

        // every message the services published so far follows its topic's schema
        List<String> types = PublishedContracts.assertEveryMessageConforms("project-list.events.v1").stream()
                .filter(m -> m.path("subject").asText().equals(project)).map(m -> m.path("type").asText()).toList();
        assertThat(types).containsSubsequence("threelists.project.proposed.v1", "threelists.project.published.v1",
                "threelists.project.claim-requested.v1", "threelists.project.claimed.v1",
                "threelists.project.scheduled.v1", "threelists.project.delivered.v1",
                "threelists.project.completed.v1", "threelists.project.rated.v1");
        PublishedContracts.assertEveryMessageConforms("demand-list.events.v1");
        PublishedContracts.assertEveryMessageConforms("resource-list.events.v1");
    }

    static JsonNode project(String project) {
        return Api.get(MATCHMAKER, DESK, "/projects/" + project).extract().as(JsonNode.class);
    }

    static java.math.BigDecimal remaining(String resource, String token) {
        return new java.math.BigDecimal(Api.get(RESOURCE_LIST, token, "/resources/" + resource)
                .extract().path("capacity.usage[0].remaining").toString());
    }
}
