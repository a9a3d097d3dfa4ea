package org.threelists.demand.api;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.threelists.testing.RealInfrastructure;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/** Readiness covers the database, Kafka, the relay and the projections, and the municipal intake consumer. */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class HealthTest {

    @Test
    void the_service_is_ready_when_its_processors_and_consumers_run() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("messaging"))
                .body("checks.find { it.name == 'messaging' }.data.'processor kafka-relay'", equalTo("running"))
                .body("checks.find { it.name == 'messaging' }.data.'consumer municipal.requests.v1'", equalTo("running"));
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }
}
