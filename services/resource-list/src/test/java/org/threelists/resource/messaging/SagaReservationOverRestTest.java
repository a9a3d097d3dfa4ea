package org.threelists.resource.messaging;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.threelists.resource.projection.ReservationView;
import org.threelists.testing.RealInfrastructure;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.threelists.resource.Fixtures.DIANQIAN_DESK;
import static org.threelists.resource.Fixtures.PROBLEM_JSON;
import static org.threelists.resource.Fixtures.as;
import static org.threelists.resource.Fixtures.number;
import static org.threelists.resource.Fixtures.offered;
import static org.threelists.resource.Fixtures.problem;
import static org.threelists.resource.Fixtures.registeredUnit;
import static org.threelists.resource.Fixtures.storedReservation;
import static org.threelists.resource.Fixtures.storedResource;
import static org.threelists.resource.Fixtures.unitToken;
import static org.threelists.resource.messaging.ProjectListMessages.awaitAnswer;
import static org.threelists.resource.messaging.ProjectListMessages.claimRequested;
import static org.threelists.resource.messaging.ProjectListMessages.newClaimId;
import static org.threelists.resource.messaging.ProjectListMessages.newProjectId;
import static org.threelists.resource.messaging.ProjectListMessages.publish;

/**
 * A reservation that the project list's claim holds belongs to the capacity saga: neither the unit nor the desk can
 * release or consume it over REST, or the claim would hold capacity that was given to someone else.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class SagaReservationOverRestTest {

    @Test
    void a_claims_reservation_cannot_be_released_over_rest() {
        String unitId = registeredUnit();
        String resourceId = offered(unitId, 10);
        String projectId = newProjectId();
        String claimId = newClaimId();
        publish(claimRequested(projectId, claimId, unitId, resourceId, 4, "TOTAL"));
        awaitAnswer("capacity.reserved", claimId);
        long version = storedResource(resourceId).version;

        for (String token : new String[] {unitToken(unitId), DIANQIAN_DESK}) {
            as(token).queryParam("reason", "不要了").delete("/resources/{id}/reservations/{p}", resourceId, projectId)
                    .then().statusCode(409).contentType(PROBLEM_JSON)
                    .body("type", equalTo(problem("illegal-transition")))
                    .body("state", equalTo("HELD_BY_CLAIM"))
                    .body("action", equalTo("release"));
        }

        assertUnchanged(unitId, resourceId, projectId, claimId, version);
    }

    @Test
    void a_claims_reservation_cannot_be_consumed_over_rest() {
        String unitId = registeredUnit();
        String resourceId = offered(unitId, 10);
        String projectId = newProjectId();
        String claimId = newClaimId();
        publish(claimRequested(projectId, claimId, unitId, resourceId, 4, "TOTAL"));
        awaitAnswer("capacity.reserved", claimId);
        long version = storedResource(resourceId).version;

        for (String token : new String[] {unitToken(unitId), DIANQIAN_DESK}) {
            as(token).body(Map.of("amount", 1)).post("/resources/{id}/reservations/{p}/consume", resourceId, projectId)
                    .then().statusCode(409).contentType(PROBLEM_JSON)
                    .body("type", equalTo(problem("illegal-transition")))
                    .body("state", equalTo("HELD_BY_CLAIM"))
                    .body("action", equalTo("consume"));
        }

        assertUnchanged(unitId, resourceId, projectId, claimId, version);
    }

    private static void assertUnchanged(String unitId, String resourceId, String projectId, String claimId, long version) {
        ReservationView stored = storedReservation(resourceId, projectId);
        assertThat(stored.status).isEqualTo(ReservationView.Status.RESERVED);
        assertThat(stored.amount).isEqualByComparingTo("4");
        assertThat(stored.claimId).isEqualTo(claimId);
        assertThat(storedResource(resourceId).version).as("no event on the resource").isEqualTo(version);
        as(unitToken(unitId)).get("/resources/{id}", resourceId).then().statusCode(200)
                .body("capacity.usage[0].reserved", number(4))
                .body("capacity.usage[0].remaining", number(6));
    }
}
