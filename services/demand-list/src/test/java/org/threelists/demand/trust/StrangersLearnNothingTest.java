package org.threelists.demand.trust;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;
import org.threelists.demand.Fixtures;
import org.threelists.demand.domain.DemandStatus;
import org.threelists.testing.RealInfrastructure;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.threelists.demand.Fixtures.COURT_UNIT;
import static org.threelists.demand.Fixtures.JIAFU_WORKER;

/**
 * Authorisation comes before validation (README "Roles"): a caller without a token learns nothing about a request's
 * shape, an endpoint's existence or a record from the answer — it is 401 whatever else is wrong — and a request
 * without a body and without a Content-Type is judged on who sends it, not refused as an unsupported media type.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class StrangersLearnNothingTest {

    @Test
    void without_a_token_a_body_of_the_wrong_type_is_401_not_415() {
        long before = Fixtures.count();
        given().contentType("text/plain").body("需求").post("/demands").then().statusCode(401)
                .contentType("application/problem+json").body("type", endsWith("/unauthenticated"))
                .header("WWW-Authenticate", "Bearer");
        assertThat(Fixtures.count()).isEqualTo(before);
    }

    @Test
    void without_a_token_a_bodiless_post_without_content_type_is_401() throws Exception {
        String id = Fixtures.submitted();
        HttpResponse<String> answer = bodilessPost("/demands/" + id + "/verify", null);
        assertThat(answer.statusCode()).isEqualTo(401);
        assertThat(answer.body()).contains("/unauthenticated");
        assertThat(Fixtures.stored(id).status).isEqualTo(DemandStatus.SUBMITTED);
    }

    @Test
    void without_a_token_an_unknown_path_or_method_is_401_not_404_or_405() {
        given().get("/demands/{id}/no-such-thing", "x").then().statusCode(401).body("type", endsWith("/unauthenticated"));
        given().delete("/demands").then().statusCode(401);
        given().get("/nowhere").then().statusCode(401);
    }

    @Test
    void a_role_that_may_not_act_is_told_403_even_without_a_body_or_content_type() throws Exception {
        String id = Fixtures.submitted();
        HttpResponse<String> answer = bodilessPost("/demands/" + id + "/verify", COURT_UNIT);
        assertThat(answer.statusCode()).isEqualTo(403);
        assertThat(answer.body()).contains("/forbidden");
        // the same with a client that labels the empty body (REST Assured sends a text type)
        given().auth().oauth2(COURT_UNIT).post("/demands/{id}/verify", id).then().statusCode(403)
                .body("type", endsWith("/forbidden"));
        assertThat(Fixtures.stored(id).status).isEqualTo(DemandStatus.SUBMITTED);
    }

    @Test
    void a_bodiless_post_without_content_type_is_accepted_where_the_body_is_optional() throws Exception {
        String id = Fixtures.submitted();
        HttpResponse<String> answer = bodilessPost("/demands/" + id + "/verify", JIAFU_WORKER);
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).contains("\"status\":\"LISTED\"");
        assertThat(Fixtures.stored(id).status).isEqualTo(DemandStatus.LISTED);

        String other = Fixtures.submitted();
        given().auth().oauth2(JIAFU_WORKER).post("/demands/{id}/withdraw", other).then().statusCode(200)
                .body("status", equalTo("WITHDRAWN"));
    }

    /** A POST as curl sends it without -d: no body, no Content-Type. */
    private static HttpResponse<String> bodilessPost(String path, String tokenOrNull) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(RestAssured.baseURI + ":" + RestAssured.port + path))
                .POST(HttpRequest.BodyPublishers.noBody());
        if (tokenOrNull != null) {
            request.header("Authorization", "Bearer " + tokenOrNull);
        }
        HttpResponse<String> answer = HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.request().headers().firstValue("Content-Type")).isEmpty();
        return answer;
    }

    @Test
    void health_stays_public() {
        given().get("/q/health/live").then().statusCode(200);
    }
}
