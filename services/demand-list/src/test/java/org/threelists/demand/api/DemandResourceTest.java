package org.threelists.demand.api;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.threelists.demand.projection.DemandView;
import org.threelists.testing.RealInfrastructure;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.threelists.demand.Fixtures.COURT_UNIT;
import static org.threelists.demand.Fixtures.DIANQIAN_AUDITOR;
import static org.threelists.demand.Fixtures.DIANQIAN_DESK;
import static org.threelists.demand.Fixtures.HEPING_DESK;
import static org.threelists.demand.Fixtures.JIAFU_WORKER;
import static org.threelists.demand.Fixtures.LIANQIAO_WORKER;
import static org.threelists.demand.Fixtures.as;
import static org.threelists.demand.Fixtures.legalAdviceDemand;
import static org.threelists.demand.Fixtures.listed;
import static org.threelists.demand.Fixtures.submitted;
import static org.threelists.demand.Fixtures.with;

/** POST /demands and the reads: what is stored, who may see what, and how bad requests are refused. */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class DemandResourceTest {

    @Test
    void a_community_worker_submits_a_demand_and_it_is_stored() {
        String id = as(JIAFU_WORKER).body(legalAdviceDemand()).post("/demands")
                .then().statusCode(201)
                .header("Location", containsString("/demands/"))
                .body("status", equalTo("SUBMITTED"))
                .body("statusLabel", equalTo("待核实"))
                .body("streetCode", equalTo("dianqian"))
                .body("categoryLabel", equalTo("法律咨询"))
                .body("resident.name", equalTo("陈阿姨"))
                .body("submittedBy", equalTo("community:wang-fang"))
                .extract().path("demandId");

        DemandView stored = org.threelists.demand.Fixtures.stored(id);
        assertThat(stored.communityCode).isEqualTo("jiafu");
        assertThat(stored.beneficiaries).isEqualTo(12);
        assertThat(stored.sealedResident).startsWith("v1.").doesNotContain("陈阿姨");
        as(JIAFU_WORKER).get("/demands/{id}", id).then().statusCode(200)
                .body("description", equalTo(legalAdviceDemand().get("description")))
                .body("requiredSkills", equalTo(List.of("法律咨询")))
                .body("window.start", notNullValue());
    }

    @Test
    void the_desk_submits_for_a_community_of_its_street() {
        as(DIANQIAN_DESK).body(legalAdviceDemand()).post("/demands").then().statusCode(201)
                .body("submittedBy", equalTo("desk:desk-dianqian"));
    }

    @Test
    void invalid_input_is_refused_with_problem_details_and_nothing_is_stored() {
        long before = DemandView.TABLE.count("TRUE");
        assertInvalid(with(legalAdviceDemand(), "description", " "), "description");
        assertInvalid(with(legalAdviceDemand(), "beneficiaries", 0), "beneficiaries");
        assertInvalid(with(legalAdviceDemand(), "estimatedHours", -1), "estimatedHours");
        assertInvalid(with(legalAdviceDemand(), "category", "KARAOKE"), "category");
        assertInvalid(with(legalAdviceDemand(), "urgency", null), "urgency");
        // The desk names any community of its street; a community worker naming another is refused before (403).
        assertInvalid(DIANQIAN_DESK, with(legalAdviceDemand(), "communityCode", "atlantis"), "communityCode");
        assertInvalid(with(legalAdviceDemand(), "window", Map.of("start", "2026-12-20", "end", "2026-12-01")), "window");
        assertInvalid(with(legalAdviceDemand(), "source", "MUNICIPAL_PLATFORM"), "source");
        assertInvalid(with(legalAdviceDemand(), "unexpected", "field"), "unexpected");
        assertInvalid(with(legalAdviceDemand(), "resident", Map.of("phone", "call me maybe")), "resident.phone");
        // PostgreSQL's text cannot hold a NUL: refused as the field's fault, not a server error at the read model
        assertInvalid(with(legalAdviceDemand(), "description", "需要法律咨询\u0000"), "description");
        assertInvalid(with(legalAdviceDemand(), "requiredSkills", List.of("法律\u0000")), "requiredSkills[0]");
        as(JIAFU_WORKER).body("{not json").post("/demands").then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("https://threelists.dev/problems/malformed-body"));
        assertThat(DemandView.TABLE.count("TRUE")).isEqualTo(before);
    }

    private static void assertInvalid(Map<String, Object> body, String field) {
        assertInvalid(JIAFU_WORKER, body, field);
    }

    private static void assertInvalid(String token, Map<String, Object> body, String field) {
        as(token).body(body).post("/demands").then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("https://threelists.dev/problems/invalid-input"))
                .body("status", equalTo(400))
                .body("detail", containsString(field))
                .body("violations.field", hasItem(field));
    }

    @Test
    void without_a_token_the_caller_gets_401() {
        long before = DemandView.TABLE.count("TRUE");
        given().contentType(ContentType.JSON).body(legalAdviceDemand()).post("/demands").then()
                .statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", containsString("Bearer"))
                .body("type", equalTo("https://threelists.dev/problems/unauthenticated"));
        given().get("/demands").then().statusCode(401);
        given().auth().oauth2("not-a-token").get("/demands").then().statusCode(401);
        assertThat(DemandView.TABLE.count("TRUE")).isEqualTo(before);
    }

    @Test
    void another_community_or_a_wrong_role_gets_403_and_nothing_is_stored() {
        long before = DemandView.TABLE.count("TRUE");
        as(LIANQIAO_WORKER).body(legalAdviceDemand()).post("/demands").then().statusCode(403)
                .body("type", equalTo("https://threelists.dev/problems/forbidden"));
        as(HEPING_DESK).body(legalAdviceDemand()).post("/demands").then().statusCode(403);
        as(COURT_UNIT).body(legalAdviceDemand()).post("/demands").then().statusCode(403)
                .contentType("application/problem+json");
        as(DIANQIAN_AUDITOR).body(legalAdviceDemand()).post("/demands").then().statusCode(403);
        assertThat(DemandView.TABLE.count("TRUE")).isEqualTo(before);
    }

    @Test
    void an_unknown_demand_is_404() {
        as(JIAFU_WORKER).get("/demands/{id}", "00000000-0000-0000-0000-000000000000").then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("https://threelists.dev/problems/not-found"));
    }

    @Test
    void reading_is_confined_to_the_callers_scope_and_personal_data_to_those_entitled() {
        String submittedId = submitted();
        String listedId = listed();
        as(LIANQIAO_WORKER).get("/demands/{id}", submittedId).then().statusCode(403);
        as(HEPING_DESK).get("/demands/{id}", submittedId).then().statusCode(403);
        as(DIANQIAN_DESK).get("/demands/{id}", submittedId).then().statusCode(200).body("resident.phone", equalTo("13800000001"));
        as(DIANQIAN_AUDITOR).get("/demands/{id}", submittedId).then().statusCode(200)
                .body("resident", nullValue()).body("hasResidentContact", equalTo(true));
        as(COURT_UNIT).get("/demands/{id}", submittedId).then().statusCode(403);
        as(COURT_UNIT).get("/demands/{id}", listedId).then().statusCode(200).body("resident", nullValue());
    }

    @Test
    void the_list_filters_pages_and_keeps_to_the_callers_scope() {
        String legal = submitted();
        String health = as(JIAFU_WORKER).body(with(with(legalAdviceDemand(), "category", "HEALTH"), "urgency", "HIGH"))
                .post("/demands").then().statusCode(201).extract().path("demandId");
        as(LIANQIAO_WORKER).body(with(legalAdviceDemand(), "communityCode", "lianqiao")).post("/demands")
                .then().statusCode(201);

        as(JIAFU_WORKER).queryParam("category", "HEALTH").queryParam("urgency", "HIGH").get("/demands").then()
                .statusCode(200)
                .body("items.demandId", hasItem(health))
                .body("items.demandId", not(hasItem(legal)))
                .body("items.category", everyItem(equalTo("HEALTH")));
        as(JIAFU_WORKER).get("/demands").then().body("items.communityCode", everyItem(equalTo("jiafu")));
        as(DIANQIAN_DESK).get("/demands").then().body("items.streetCode", everyItem(equalTo("dianqian")));
        as(JIAFU_WORKER).queryParam("size", 1).queryParam("page", 1).get("/demands").then()
                .statusCode(200).body("items.size()", equalTo(1)).body("page", equalTo(1)).body("size", equalTo(1));
        as(JIAFU_WORKER).queryParam("status", "SUBMITTED").get("/demands").then()
                .body("items.status", everyItem(equalTo("SUBMITTED")));
        as(COURT_UNIT).get("/demands").then().statusCode(200)
                .body("items.status", not(hasItem("SUBMITTED")));
        as(JIAFU_WORKER).queryParam("community", "lianqiao").get("/demands").then().statusCode(403);
        as(JIAFU_WORKER).queryParam("status", "LOST").get("/demands").then().statusCode(400)
                .body("violations.field", hasItem("status"));
        as(JIAFU_WORKER).queryParam("size", 1000).get("/demands").then().statusCode(400);
    }
}
