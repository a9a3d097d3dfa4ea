package org.threelists.console.proxy;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/**
 * /api/&lt;service&gt;/… reaches the service unchanged and brings its answer back unchanged; the upstream here is a real
 * HTTP server that answers with what it received ({@link EchoUpstream}).
 */
@QuarkusTest
@QuarkusTestResource(EchoUpstream.class)
class ApiProxyTest {

    @Test
    void forwardsMethodPathQueryBodyAndTheCallersToken() {
        given().header("Authorization", "Bearer abc.def.ghi").contentType(ContentType.JSON)
                .body("{\"description\": \"独居老人上门量血压\"}")
                .when().post("/api/demand-list/demands?category=HEALTH&size=5")
                .then().statusCode(201)
                .header("Location", "/demands/echoed")
                .body("method", equalTo("POST"))
                .body("uri", equalTo("/demands?category=HEALTH&size=5"))
                .body("authorization", equalTo("Bearer abc.def.ghi"))
                .body("body", equalTo("{\"description\": \"独居老人上门量血压\"}"))
                .body("host", equalTo("localhost:" + EchoUpstream.port()));
    }

    @Test
    void appendsTheVisitorsAddressToXForwardedForAsAReverseProxyDoes() {
        // The test's client connects from the loopback address: that is the visitor the console saw.
        given().when().get("/api/demand-list/notice-board/slips?street=heping")
                .then().statusCode(200)
                .body("forwardedFor", equalTo("127.0.0.1"));
        given().header("X-Forwarded-For", "203.0.113.7").when().get("/api/demand-list/notice-board/slips")
                .then().statusCode(200)
                .body("forwardedFor", equalTo("203.0.113.7, 127.0.0.1"));
    }

    @Test
    void keepsTheStatusAndTheProblemDocumentOfARefusal() {
        given().when().post("/api/matchmaker/refuse")
                .then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("https://threelists.dev/problems/illegal-transition"))
                .body("title", equalTo("Illegal transition"))
                .body("detail", equalTo("Cannot verify a WITHDRAWN demand"));
    }

    @Test
    void routesEachServiceToItsOwnUpstream() {
        given().when().get("/api/ledger/ledger/reports?groupBy=unit")
                .then().statusCode(200)
                .body("upstream", equalTo("ledger"))
                .body("uri", equalTo("/ledger/reports?groupBy=unit"))
                .body("authorization", nullValue());
    }

    @Test
    void answersAnUnknownServiceWithAProblem() {
        given().when().get("/api/billing/invoices")
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("title", equalTo("没有这个服务"));
    }

    @Test
    void answersAnUnreachableServiceWithBadGateway() {
        given().when().get("/api/resource-list/units")
                .then().statusCode(502)
                .contentType("application/problem+json")
                .body("type", equalTo("https://threelists.dev/problems/upstream-unavailable"));
    }
}
