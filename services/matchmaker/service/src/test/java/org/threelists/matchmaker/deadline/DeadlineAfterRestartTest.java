package org.threelists.matchmaker.deadline;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.threelists.matchmaker.ProjectWorld.Unit;
import org.threelists.matchmaker.projection.ProjectView;
import org.threelists.testing.RealInfrastructure;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.threelists.matchmaker.Fixtures.as;
import static org.threelists.matchmaker.Fixtures.await;
import static org.threelists.matchmaker.ProjectWorld.DESK;
import static org.threelists.matchmaker.ProjectWorld.messages;
import static org.threelists.matchmaker.ProjectWorld.unit;

/**
 * Second half of the restart test: a new Quarkus instance, with the poller running, on the database the first half
 * left. The deadline that passed while the service was "down" fires: the escalation reaches the desk's queue and the
 * project is back on the list with a new claim deadline.
 */
@QuarkusTest
@TestProfile(Restart2PollerRunningProfile.class)
@QuarkusTestResource(RealInfrastructure.class)
class DeadlineAfterRestartTest {

    @Test
    void the_deadline_that_passed_before_the_restart_fires_after_it() {
        String projectId = System.getProperty(DeadlineBeforeRestartTest.PROJECT);
        assertThat(projectId).as("DeadlineBeforeRestartTest runs first, in the same JVM (profiles are ordered by name)")
                .isNotNull();
        Instant before = Instant.now();

        JsonPath escalations = await(() -> as(DESK).queryParam("deadline", "CLAIM").queryParam("size", 100)
                .get("/escalations").then().statusCode(200).extract().jsonPath(),
                page -> page.getList("items.projectId").contains(projectId));
        assertThat(escalations.getList("items.projectId")).contains(projectId);
        ProjectView back = await(() -> ProjectView.<ProjectView>findById(projectId), p -> p.escalations == 1);
        assertThat(back.status.name()).isEqualTo("PUBLISHED");
        assertThat(back.claimDeadline).isAfter(before.plusSeconds(3500));
        assertThat(messages(projectId, "claim-expired", 1)).hasSize(1);
        assertThat(messages(projectId, "escalated", 1)).hasSize(1);

        Unit unit = unit("EMPLOYMENT", List.of(), 10);
        assertThat(as(unit.token()).queryParam("size", 100).get("/projects/claimable").then().statusCode(200)
                .extract().jsonPath().getList("items.projectId")).contains(projectId);
        as(unit.token()).body(Map.of("resourceId", unit.resourceId())).post("/projects/{id}/claims", projectId)
                .then().statusCode(202).body("status", equalTo("CLAIM_PENDING"));
    }
}
