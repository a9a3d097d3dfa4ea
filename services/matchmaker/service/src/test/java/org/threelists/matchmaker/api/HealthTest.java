package org.threelists.matchmaker.api;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.threelists.testing.RealInfrastructure;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** Readiness covers the relay, the project projection, both consumers and the deadline poller. */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class HealthTest {

    @Test
    void the_service_is_ready_only_with_its_processors_consumers_and_deadline_poller_running() {
        JsonPath health = given().get("/q/health/ready").then().statusCode(200).extract().jsonPath();

        assertThat(health.getString("status")).isEqualTo("UP");
        Map<String, Object> messaging = health.getMap("checks.find { it.name == 'messaging' }.data");
        assertThat(messaging).containsEntry("processor kafka-relay", "running")
                .containsEntry("processor project-view", "running")
                .containsEntry("consumer demand-list.events.v1", "running")
                .containsEntry("consumer resource-list.events.v1", "running");
        Map<String, Object> projects = health.getMap("checks.find { it.name == 'project-list' }.data");
        assertThat(projects).containsEntry("deadline poller", "running").containsEntry("re-planner", "disabled");
    }
}
