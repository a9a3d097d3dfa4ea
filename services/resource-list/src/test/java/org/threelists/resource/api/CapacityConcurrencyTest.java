package org.threelists.resource.api;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.threelists.resource.projection.ReservationView;
import org.threelists.testing.AllAtOnce;
import org.threelists.testing.RealInfrastructure;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.threelists.resource.Fixtures.as;
import static org.threelists.resource.Fixtures.newProjectId;
import static org.threelists.resource.Fixtures.number;
import static org.threelists.resource.Fixtures.offered;
import static org.threelists.resource.Fixtures.problem;
import static org.threelists.resource.Fixtures.registeredUnit;
import static org.threelists.resource.Fixtures.reservation;
import static org.threelists.resource.Fixtures.storedReservation;
import static org.threelists.resource.Fixtures.storedReservations;
import static org.threelists.resource.Fixtures.storedResource;
import static org.threelists.resource.Fixtures.unitToken;

/**
 * Many claims at once on one resource (DESIGN.md §6, "nothing lost"): capacity is never overbooked, every refusal
 * is for the right reason, and repeating a reservation concurrently changes nothing.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class CapacityConcurrencyTest {

    private static final int CAPACITY = 10;
    private static final int CLAIMS = 50;

    /** What one concurrent call answered. */
    private record Answer(String projectId, int status, String body) {

        String problemType() {
            return status >= 400 ? JsonPath.from(body).getString("type") : null;
        }
    }

    @Test
    void fifty_concurrent_claims_on_ten_hours_give_exactly_ten_reservations() throws Exception {
        String unitId = registeredUnit();
        String resourceId = offered(unitId, CAPACITY);
        String token = unitToken(unitId);

        List<String> projects = new ArrayList<>();
        for (int i = 0; i < CLAIMS; i++) {
            projects.add(newProjectId());
        }
        List<Answer> answers = AllAtOnce.call(projects, projectId -> reserve(token, resourceId, projectId));

        Map<Integer, Long> byStatus = answers.stream().collect(Collectors.groupingBy(Answer::status, Collectors.counting()));
        assertThat(byStatus).as("statuses of %s concurrent claims: %s", CLAIMS, answers)
                .containsOnlyKeys(201, 409)
                .containsEntry(201, (long) CAPACITY)
                .containsEntry(409, (long) (CLAIMS - CAPACITY));
        assertThat(answers.stream().filter(a -> a.status() == 409).map(Answer::problemType))
                .as("every refusal says the capacity is exhausted")
                .containsOnly(problem("capacity-exhausted"));

        List<String> winners = answers.stream().filter(a -> a.status() == 201).map(Answer::projectId).toList();
        List<ReservationView> rows = storedReservations(resourceId);
        assertThat(rows).hasSize(CAPACITY);
        assertThat(rows).allSatisfy(r -> {
            assertThat(r.status).isEqualTo(ReservationView.Status.RESERVED);
            assertThat(r.amount).isEqualByComparingTo("1");
        });
        assertThat(rows.stream().map(r -> r.projectId).toList()).containsExactlyInAnyOrderElementsOf(winners);
        assertThat(storedResource(resourceId).version).isEqualTo(CAPACITY);
        as(token).get("/resources/{id}", resourceId).then().statusCode(200)
                .body("capacity.usage", hasSize(1))
                .body("capacity.usage[0].reserved", number(CAPACITY))
                .body("capacity.usage[0].remaining", number(0))
                .body("reservations", hasSize(CAPACITY));

        // Second round: the same successful reservation, ten times at once, is one reservation.
        String winner = winners.get(0);
        Instant before = storedReservation(resourceId, winner).updatedAt;
        List<Answer> repeats = AllAtOnce.call(Collections.nCopies(10, winner),
                projectId -> reserve(token, resourceId, projectId));
        assertThat(repeats).as("answers to ten concurrent repeats: %s", repeats).extracting(Answer::status)
                .containsOnly(200);
        assertThat(repeats).extracting(a -> JsonPath.from(a.body()).getString("status")).containsOnly("RESERVED");
        assertThat(storedReservations(resourceId)).hasSize(CAPACITY);
        assertThat(storedReservation(resourceId, winner).updatedAt).isEqualTo(before);
        assertThat(storedResource(resourceId).version).isEqualTo(CAPACITY);
        as(token).get("/resources/{id}", resourceId).then().statusCode(200)
                .body("capacity.usage[0].reserved", number(CAPACITY))
                .body("capacity.usage[0].remaining", number(0));
        as(token).body(reservation(newProjectId(), 1, null)).post("/resources/{id}/reservations", resourceId).then()
                .statusCode(409)
                .body("type", equalTo(problem("capacity-exhausted")))
                .body("remaining", number(0));
    }

    private static Answer reserve(String token, String resourceId, String projectId) {
        var response = as(token).body(reservation(projectId, 1, null)).post("/resources/{id}/reservations", resourceId);
        return new Answer(projectId, response.statusCode(), response.asString());
    }
}
