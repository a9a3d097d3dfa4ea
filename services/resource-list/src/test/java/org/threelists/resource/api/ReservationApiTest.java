package org.threelists.resource.api;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.threelists.resource.projection.ReservationView;
import org.threelists.testing.RealInfrastructure;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.threelists.resource.Fixtures.DIANQIAN_AUDITOR;
import static org.threelists.resource.Fixtures.DIANQIAN_DESK;
import static org.threelists.resource.Fixtures.HEPING_DESK;
import static org.threelists.resource.Fixtures.JIAFU_WORKER;
import static org.threelists.resource.Fixtures.PROBLEM_JSON;
import static org.threelists.resource.Fixtures.anonymous;
import static org.threelists.resource.Fixtures.as;
import static org.threelists.resource.Fixtures.newProjectId;
import static org.threelists.resource.Fixtures.number;
import static org.threelists.resource.Fixtures.offered;
import static org.threelists.resource.Fixtures.problem;
import static org.threelists.resource.Fixtures.registeredUnit;
import static org.threelists.resource.Fixtures.reservation;
import static org.threelists.resource.Fixtures.reserved;
import static org.threelists.resource.Fixtures.storedReservation;
import static org.threelists.resource.Fixtures.storedReservations;
import static org.threelists.resource.Fixtures.storedResource;
import static org.threelists.resource.Fixtures.unitToken;

/**
 * /resources/{id}/reservations: capacity is reserved for a project, released when it is cancelled, consumed when it
 * is delivered; it never goes negative, and repeating a request changes nothing.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class ReservationApiTest {

    private static final String UNKNOWN = "00000000-0000-0000-0000-00000000dead";

    // ---- POST /resources/{id}/reservations --------------------------------------------------------------------

    @Test
    void a_unit_reserves_capacity_for_a_project_and_it_is_stored() {
        String unitId = registeredUnit();
        String resourceId = offered(unitId, 10);
        String projectId = newProjectId();
        ExtractableResponse<Response> created = as(unitToken(unitId)).body(reservation(projectId, 4, null))
                .post("/resources/{id}/reservations", resourceId).then()
                .statusCode(201)
                .body("resourceId", equalTo(resourceId))
                .body("projectId", equalTo(projectId))
                .body("period", equalTo("TOTAL"))
                .body("amount", number(4))
                .body("status", equalTo("RESERVED"))
                .body("remaining", number(6))
                .body("updatedBy", equalTo("unit:staff-" + unitId))
                .extract();
        assertThat(created.header("Location")).endsWith("/resources/" + resourceId + "/reservations/" + projectId);

        ReservationView stored = storedReservation(resourceId, projectId);
        assertThat(stored.status).isEqualTo(ReservationView.Status.RESERVED);
        assertThat(stored.amount).isEqualByComparingTo("4");
        assertThat(stored.period).isEqualTo("TOTAL");
        assertThat(stored.updatedBy).isEqualTo("unit:staff-" + unitId);
        assertThat(storedResource(resourceId).version).isEqualTo(1);
        as(DIANQIAN_DESK).get("/resources/{id}", resourceId).then().statusCode(200)
                .body("capacity.usage", hasSize(1))
                .body("capacity.usage[0].reserved", number(4))
                .body("capacity.usage[0].consumed", number(0))
                .body("capacity.usage[0].remaining", number(6));
    }

    @Test
    void the_desk_reserves_for_a_unit_of_its_street() {
        String unitId = registeredUnit();
        String resourceId = offered(unitId, 10);
        String projectId = newProjectId();
        as(DIANQIAN_DESK).body(reservation(projectId, 10, null)).post("/resources/{id}/reservations", resourceId)
                .then().statusCode(201)
                .body("remaining", number(0))
                .body("updatedBy", equalTo("desk:desk-dianqian"));
        assertThat(storedReservation(resourceId, projectId).updatedBy).isEqualTo("desk:desk-dianqian");
    }

    @Test
    void the_same_reservation_again_is_200_and_changes_nothing() {
        String unitId = registeredUnit();
        String resourceId = offered(unitId, 10);
        String projectId = newProjectId();
        reserved(unitId, resourceId, projectId, 4);
        ReservationView first = storedReservation(resourceId, projectId);
        long version = storedResource(resourceId).version;

        as(DIANQIAN_DESK).body(reservation(projectId, 4, null)).post("/resources/{id}/reservations", resourceId).then()
                .statusCode(200)
                .body("status", equalTo("RESERVED"))
                .body("amount", number(4))
                .body("remaining", number(6))
                .body("updatedBy", equalTo("unit:staff-" + unitId));

        ReservationView again = storedReservation(resourceId, projectId);
        assertThat(again.updatedAt).isEqualTo(first.updatedAt);
        assertThat(again.updatedBy).isEqualTo(first.updatedBy);
        assertThat(storedResource(resourceId).version).isEqualTo(version);
        assertThat(storedReservations(resourceId)).hasSize(1);
        as(unitToken(unitId)).get("/resources/{id}", resourceId).then()
                .body("capacity.usage[0].reserved", number(4))
                .body("capacity.usage[0].remaining", number(6))
                .body("reservations", hasSize(1));
    }

    @Test
    void the_same_project_asking_for_another_amount_is_409_conflict() {
        String unitId = registeredUnit();
        String resourceId = offered(unitId, 10);
        String projectId = newProjectId();
        reserved(unitId, resourceId, projectId, 4);
        as(unitToken(unitId)).body(reservation(projectId, 5, null)).post("/resources/{id}/reservations", resourceId)
                .then()
                .statusCode(409)
                .contentType(PROBLEM_JSON)
                .body("type", equalTo(problem("conflict")))
                .body("projectId", equalTo(projectId));
        assertThat(storedReservation(resourceId, projectId).amount).isEqualByComparingTo("4");
        as(unitToken(unitId)).get("/resources/{id}", resourceId).then()
                .body("capacity.usage[0].remaining", number(6));
    }

    @Test
    void more_than_remains_is_409_capacity_exhausted_and_nothing_is_stored() {
        String unitId = registeredUnit();
        String resourceId = offered(unitId, 10);
        reserved(unitId, resourceId, newProjectId(), 7);
        long version = storedResource(resourceId).version;
        String projectId = newProjectId();

        as(unitToken(unitId)).body(reservation(projectId, 3.5, null)).post("/resources/{id}/reservations", resourceId)
                .then()
                .statusCode(409)
                .contentType(PROBLEM_JSON)
                .body("type", equalTo(problem("capacity-exhausted")))
                .body("remaining", number(3))
                .body("period", equalTo("TOTAL"))
                .body("detail", containsString("3.5"));

        assertThat(storedReservation(resourceId, projectId)).isNull();
        assertThat(storedReservations(resourceId)).hasSize(1);
        assertThat(storedResource(resourceId).version).isEqualTo(version);
        as(unitToken(unitId)).get("/resources/{id}", resourceId).then()
                .body("capacity.usage[0].reserved", number(7))
                .body("capacity.usage[0].remaining", number(3));
        // Exactly what remains can still be reserved.
        as(unitToken(unitId)).body(reservation(projectId, 3, null)).post("/resources/{id}/reservations", resourceId)
                .then().statusCode(201).body("remaining", number(0));
    }

    @Test
    void a_project_id_with_surrounding_spaces_is_either_refused_or_answered_as_the_reservation_it_made() {
        String unitId = registeredUnit();
        String resourceId = offered(unitId, 10);
        String projectId = newProjectId();
        Response answer = as(unitToken(unitId)).body(reservation(" " + projectId + " ", 4, null))
                .post("/resources/{id}/reservations", resourceId);
        if (answer.statusCode() == 400) {
            answer.then().body("violations.field", hasItem("projectId"));
            assertThat(storedReservations(resourceId)).isEmpty();
            return;
        }
        // Whatever was stored is what the answer describes: a 201 naming the reservation that now holds capacity.
        assertThat(answer.statusCode()).as("answer %s while stored %s", answer.asString(),
                storedReservations(resourceId).stream().map(r -> "'" + r.projectId + "' " + r.status).toList())
                .isEqualTo(201);
        answer.then().body("projectId", equalTo(projectId)).body("remaining", number(6));
        assertThat(storedReservation(resourceId, projectId).amount).isEqualByComparingTo("4");
    }

    @Test
    void invalid_reservations_are_400_and_nothing_is_stored() {
        String unitId = registeredUnit();
        String resourceId = offered(unitId, 10);
        assertInvalid(unitId, resourceId, Map.of("projectId", newProjectId(), "amount", 0), "amount");
        assertInvalid(unitId, resourceId, Map.of("projectId", newProjectId(), "amount", -1), "amount");
        assertInvalid(unitId, resourceId, Map.of("projectId", newProjectId()), "amount");
        assertInvalid(unitId, resourceId, Map.of("amount", 1), "projectId");
        assertInvalid(unitId, resourceId, Map.of("projectId", " ", "amount", 1), "projectId");
        assertInvalid(unitId, resourceId, Map.of("projectId", "p".repeat(101), "amount", 1), "projectId");
        assertInvalid(unitId, resourceId, Map.of("projectId", newProjectId(), "amount", "lots"), "amount");
        assertInvalid(unitId, resourceId, Map.of("projectId", newProjectId(), "amount", 1, "urgent", true), "urgent");
        assertThat(storedReservations(resourceId)).isEmpty();
        assertThat(storedResource(resourceId).version).isZero();
    }

    @Test
    void reserving_on_an_unknown_resource_is_404() {
        String unitId = registeredUnit();
        as(unitToken(unitId)).body(reservation(newProjectId(), 1, null)).post("/resources/{id}/reservations", UNKNOWN)
                .then().statusCode(404)
                .contentType(PROBLEM_JSON)
                .body("type", equalTo(problem("not-found")));
        assertThat(storedReservations(UNKNOWN)).isEmpty();
    }

    // ---- MONTHLY capacity -------------------------------------------------------------------------------------

    @Test
    void a_monthly_capacity_needs_the_month() {
        String unitId = registeredUnit();
        String resourceId = offered(unitId, 10, "MONTHLY");
        assertInvalid(unitId, resourceId, reservation(newProjectId(), 2, null), "period");
        assertInvalid(unitId, resourceId, reservation(newProjectId(), 2, " "), "period");
        assertInvalid(unitId, resourceId, reservation(newProjectId(), 2, "2026-13"), "period");
        assertInvalid(unitId, resourceId, reservation(newProjectId(), 2, "December"), "period");
        assertThat(storedReservations(resourceId)).isEmpty();
        as(unitToken(unitId)).get("/resources/{id}", resourceId).then()
                .body("capacity.period", equalTo("MONTHLY"))
                .body("capacity.usage", hasSize(0));
    }

    @Test
    void a_month_beyond_any_calendar_is_400_not_a_server_error() {
        String unitId = registeredUnit();
        String resourceId = offered(unitId, 10, "MONTHLY");
        // java.time reads "+10000000-01" as a month (of the year 10,000,000); it is no month anyone can deliver in.
        assertInvalid(unitId, resourceId, reservation(newProjectId(), 2, "+10000000-01"), "period");
        assertThat(storedReservations(resourceId)).isEmpty();
    }

    @Test
    void each_month_of_a_monthly_capacity_is_counted_separately() {
        String unitId = registeredUnit();
        String resourceId = offered(unitId, 10, "MONTHLY");
        String december = YearMonth.now().plusMonths(1).toString();
        String january = YearMonth.now().plusMonths(2).toString();
        String first = newProjectId();
        String second = newProjectId();
        String third = newProjectId();

        as(unitToken(unitId)).body(reservation(first, 8, december)).post("/resources/{id}/reservations", resourceId)
                .then().statusCode(201)
                .body("period", equalTo(december))
                .body("remaining", number(2));
        as(unitToken(unitId)).body(reservation(second, 8, " " + january + " "))
                .post("/resources/{id}/reservations", resourceId)
                .then().statusCode(201)
                .body("period", equalTo(january))
                .body("remaining", number(2));
        as(unitToken(unitId)).body(reservation(third, 3, december)).post("/resources/{id}/reservations", resourceId)
                .then().statusCode(409)
                .body("type", equalTo(problem("capacity-exhausted")))
                .body("remaining", number(2))
                .body("period", equalTo(december));
        // The same reservation, its month written differently, is the same reservation.
        as(unitToken(unitId)).body(reservation(first, 8, december + " ")).post("/resources/{id}/reservations", resourceId)
                .then().statusCode(200).body("period", equalTo(december));

        assertThat(storedReservation(resourceId, first).period).isEqualTo(december);
        assertThat(storedReservation(resourceId, second).period).isEqualTo(january);
        assertThat(storedReservation(resourceId, third)).isNull();
        as(DIANQIAN_DESK).get("/resources/{id}", resourceId).then().statusCode(200)
                .body("capacity.usage", hasSize(2))
                .body("capacity.usage.period", contains(december, january))
                .body("capacity.usage[0].reserved", number(8))
                .body("capacity.usage[0].remaining", number(2))
                .body("capacity.usage[1].reserved", number(8))
                .body("capacity.usage[1].remaining", number(2));
    }

    @Test
    void a_total_capacity_ignores_the_month() {
        String unitId = registeredUnit();
        String resourceId = offered(unitId, 10);
        String projectId = newProjectId();
        as(unitToken(unitId)).body(reservation(projectId, 2, "2026-12")).post("/resources/{id}/reservations", resourceId)
                .then().statusCode(201).body("period", equalTo("TOTAL"));
        assertThat(storedReservation(resourceId, projectId).period).isEqualTo("TOTAL");
    }

    // ---- GET /resources/{id}/reservations/{projectId} ---------------------------------------------------------

    @Test
    void the_unit_and_the_desk_read_a_reservation() {
        String unitId = registeredUnit();
        String resourceId = offered(unitId, 10);
        String projectId = newProjectId();
        reserved(unitId, resourceId, projectId, 4);
        for (String token : new String[] {unitToken(unitId), DIANQIAN_DESK}) {
            as(token).get("/resources/{id}/reservations/{project}", resourceId, projectId).then()
                    .statusCode(200)
                    .body("projectId", equalTo(projectId))
                    .body("amount", number(4))
                    .body("status", equalTo("RESERVED"))
                    .body("remaining", number(6))
                    .body("reason", nullValue());
        }
        as(unitToken(unitId)).get("/resources/{id}/reservations/{project}", resourceId, newProjectId()).then()
                .statusCode(404)
                .contentType(PROBLEM_JSON)
                .body("type", equalTo(problem("not-found")));
        as(unitToken(unitId)).get("/resources/{id}/reservations/{project}", UNKNOWN, projectId).then()
                .statusCode(404);
    }

    // ---- DELETE /resources/{id}/reservations/{projectId} ------------------------------------------------------

    @Test
    void releasing_gives_the_capacity_back() {
        String unitId = registeredUnit();
        String resourceId = offered(unitId, 10);
        String projectId = newProjectId();
        reserved(unitId, resourceId, projectId, 4);

        Response released = as(unitToken(unitId)).queryParam("reason", "项目取消")
                .delete("/resources/{id}/reservations/{project}", resourceId, projectId);
        released.then().statusCode(200);

        ReservationView stored = storedReservation(resourceId, projectId);
        assertThat(stored.status).isEqualTo(ReservationView.Status.RELEASED);
        assertThat(stored.reason).isEqualTo("项目取消");
        assertThat(storedResource(resourceId).version).isEqualTo(2);
        as(unitToken(unitId)).get("/resources/{id}", resourceId).then()
                .body("capacity.usage", hasSize(1))
                .body("capacity.usage[0].reserved", number(0))
                .body("capacity.usage[0].remaining", number(10))
                .body("reservations[0].status", equalTo("RELEASED"));
        as(unitToken(unitId)).get("/resources/{id}/reservations/{project}", resourceId, projectId).then()
                .statusCode(200).body("status", equalTo("RELEASED")).body("remaining", number(10));
        // The answer to the DELETE itself shows the reservation as it now is.
        assertThat(released.jsonPath().getString("status")).as("the answer to DELETE: %s", released.asString())
                .isEqualTo("RELEASED");
        released.then()
                .body("status", equalTo("RELEASED"))
                .body("reason", equalTo("项目取消"))
                .body("amount", number(4))
                .body("remaining", number(10));
    }

    @Test
    void releasing_twice_is_200_and_changes_nothing() {
        String unitId = registeredUnit();
        String resourceId = offered(unitId, 10);
        String projectId = newProjectId();
        reserved(unitId, resourceId, projectId, 4);
        as(DIANQIAN_DESK).delete("/resources/{id}/reservations/{project}", resourceId, projectId).then()
                .statusCode(200);
        ReservationView first = storedReservation(resourceId, projectId);
        long version = storedResource(resourceId).version;

        as(DIANQIAN_DESK).queryParam("reason", "再次取消").delete("/resources/{id}/reservations/{project}", resourceId,
                        projectId).then()
                .statusCode(200)
                .body("status", equalTo("RELEASED"))
                .body("reason", equalTo("released"))
                .body("remaining", number(10));
        ReservationView again = storedReservation(resourceId, projectId);
        assertThat(again.reason).isEqualTo("released");
        assertThat(again.updatedAt).isEqualTo(first.updatedAt);
        assertThat(storedResource(resourceId).version).isEqualTo(version);
    }

    @Test
    void a_released_project_may_reserve_again() {
        String unitId = registeredUnit();
        String resourceId = offered(unitId, 10);
        String projectId = newProjectId();
        reserved(unitId, resourceId, projectId, 4);
        as(unitToken(unitId)).delete("/resources/{id}/reservations/{project}", resourceId, projectId).then()
                .statusCode(200);
        as(unitToken(unitId)).body(reservation(projectId, 9, null)).post("/resources/{id}/reservations", resourceId)
                .then().statusCode(201)
                .body("status", equalTo("RESERVED"))
                .body("amount", number(9))
                .body("remaining", number(1))
                .body("reason", nullValue());
        ReservationView stored = storedReservation(resourceId, projectId);
        assertThat(stored.status).isEqualTo(ReservationView.Status.RESERVED);
        assertThat(stored.amount).isEqualByComparingTo("9");
        assertThat(stored.reason).isNull();
    }

    @Test
    void releasing_a_project_without_a_reservation_is_404() {
        String unitId = registeredUnit();
        String resourceId = offered(unitId, 10);
        String projectId = newProjectId();
        as(unitToken(unitId)).delete("/resources/{id}/reservations/{project}", resourceId, projectId).then()
                .statusCode(404)
                .contentType(PROBLEM_JSON)
                .body("type", equalTo(problem("not-found")));
        as(unitToken(unitId)).delete("/resources/{id}/reservations/{project}", UNKNOWN, projectId).then()
                .statusCode(404);
        assertThat(storedReservation(resourceId, projectId)).isNull();
        assertThat(storedResource(resourceId).version).isZero();
    }

    // ---- POST /resources/{id}/reservations/{projectId}/consume ------------------------------------------------

    @Test
    void consuming_part_of_a_reservation_returns_the_rest() {
        String unitId = registeredUnit();
        String resourceId = offered(unitId, 10);
        String projectId = newProjectId();
        reserved(unitId, resourceId, projectId, 6);

        Response consumed = as(unitToken(unitId)).body(Map.of("amount", 4))
                .post("/resources/{id}/reservations/{project}/consume", resourceId, projectId);
        consumed.then().statusCode(200);

        ReservationView stored = storedReservation(resourceId, projectId);
        assertThat(stored.status).isEqualTo(ReservationView.Status.CONSUMED);
        assertThat(stored.amount).isEqualByComparingTo("4");
        as(DIANQIAN_DESK).get("/resources/{id}", resourceId).then()
                .body("capacity.usage[0].reserved", number(0))
                .body("capacity.usage[0].consumed", number(4))
                .body("capacity.usage[0].remaining", number(6));
        as(DIANQIAN_DESK).get("/resources/{id}/reservations/{project}", resourceId, projectId).then()
                .statusCode(200).body("status", equalTo("CONSUMED")).body("amount", number(4))
                .body("remaining", number(6));
        // The answer to the consume itself shows the reservation as it now is.
        assertThat(consumed.jsonPath().getString("status")).as("the answer to consume: %s", consumed.asString())
                .isEqualTo("CONSUMED");
        consumed.then()
                .body("status", equalTo("CONSUMED"))
                .body("amount", number(4))
                .body("remaining", number(6));
    }

    @Test
    void consuming_again_the_same_amount_is_200_and_another_amount_is_409() {
        String unitId = registeredUnit();
        String resourceId = offered(unitId, 10);
        String projectId = newProjectId();
        reserved(unitId, resourceId, projectId, 6);
        as(DIANQIAN_DESK).body(Map.of("amount", 6))
                .post("/resources/{id}/reservations/{project}/consume", resourceId, projectId).then()
                .statusCode(200);
        long version = storedResource(resourceId).version;

        as(DIANQIAN_DESK).body(Map.of("amount", 6))
                .post("/resources/{id}/reservations/{project}/consume", resourceId, projectId).then()
                .statusCode(200).body("amount", number(6)).body("remaining", number(4));
        as(DIANQIAN_DESK).body(Map.of("amount", 5))
                .post("/resources/{id}/reservations/{project}/consume", resourceId, projectId).then()
                .statusCode(409).body("type", equalTo(problem("conflict")));
        // A consumed reservation is not released: the delivery happened.
        as(DIANQIAN_DESK).delete("/resources/{id}/reservations/{project}", resourceId, projectId).then()
                .statusCode(200).body("status", equalTo("CONSUMED"));
        assertThat(storedReservation(resourceId, projectId).status).isEqualTo(ReservationView.Status.CONSUMED);
        assertThat(storedReservation(resourceId, projectId).amount).isEqualByComparingTo("6");
        assertThat(storedResource(resourceId).version).isEqualTo(version);
    }

    @Test
    void consuming_more_than_reserved_is_400_and_changes_nothing() {
        String unitId = registeredUnit();
        String resourceId = offered(unitId, 10);
        String projectId = newProjectId();
        reserved(unitId, resourceId, projectId, 6);
        as(unitToken(unitId)).body(Map.of("amount", 7))
                .post("/resources/{id}/reservations/{project}/consume", resourceId, projectId).then()
                .statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("type", equalTo(problem("invalid-input")))
                .body("violations.field", hasItem("amount"));
        as(unitToken(unitId)).body(Map.of("amount", -1))
                .post("/resources/{id}/reservations/{project}/consume", resourceId, projectId).then()
                .statusCode(400).body("violations.field", hasItem("amount"));
        as(unitToken(unitId)).body(Map.of())
                .post("/resources/{id}/reservations/{project}/consume", resourceId, projectId).then()
                .statusCode(400).body("violations.field", hasItem("amount"));
        ReservationView stored = storedReservation(resourceId, projectId);
        assertThat(stored.status).isEqualTo(ReservationView.Status.RESERVED);
        assertThat(stored.amount).isEqualByComparingTo("6");
        assertThat(storedResource(resourceId).version).isEqualTo(1);
    }

    @Test
    void consuming_without_a_reservation_is_404() {
        String unitId = registeredUnit();
        String resourceId = offered(unitId, 10);
        String projectId = newProjectId();
        as(unitToken(unitId)).body(Map.of("amount", 1))
                .post("/resources/{id}/reservations/{project}/consume", resourceId, projectId).then()
                .statusCode(404)
                .contentType(PROBLEM_JSON)
                .body("type", equalTo(problem("not-found")));
        assertThat(storedReservation(resourceId, projectId)).isNull();
        assertThat(storedResource(resourceId).version).isZero();
    }

    @Test
    void a_released_reservation_holds_nothing_to_consume() {
        String unitId = registeredUnit();
        String resourceId = offered(unitId, 10);
        String projectId = newProjectId();
        reserved(unitId, resourceId, projectId, 6);
        as(unitToken(unitId)).delete("/resources/{id}/reservations/{project}", resourceId, projectId).then()
                .statusCode(200);
        as(unitToken(unitId)).body(Map.of("amount", 6))
                .post("/resources/{id}/reservations/{project}/consume", resourceId, projectId).then()
                .statusCode(404)
                .contentType(PROBLEM_JSON)
                .body("type", equalTo(problem("not-found")));
        assertThat(storedReservation(resourceId, projectId).status).isEqualTo(ReservationView.Status.RELEASED);
        assertThat(storedResource(resourceId).version).isEqualTo(2);
        as(unitToken(unitId)).get("/resources/{id}", resourceId).then()
                .body("capacity.usage[0].consumed", number(0))
                .body("capacity.usage[0].remaining", number(10));
    }

    // ---- who may ----------------------------------------------------------------------------------------------

    @Test
    void other_units_communities_auditors_and_other_streets_may_not_touch_reservations() {
        String unitId = registeredUnit();
        String otherUnit = registeredUnit();
        String resourceId = offered(unitId, 10);
        String projectId = newProjectId();
        reserved(unitId, resourceId, projectId, 4);
        long version = storedResource(resourceId).version;

        for (String token : new String[] {unitToken(otherUnit), JIAFU_WORKER, DIANQIAN_AUDITOR, HEPING_DESK}) {
            as(token).body(reservation(newProjectId(), 1, null)).post("/resources/{id}/reservations", resourceId)
                    .then().statusCode(403)
                    .contentType(PROBLEM_JSON)
                    .body("type", equalTo(problem("forbidden")));
            as(token).get("/resources/{id}/reservations/{project}", resourceId, projectId).then().statusCode(403)
                    .body("type", equalTo(problem("forbidden")));
            as(token).delete("/resources/{id}/reservations/{project}", resourceId, projectId).then().statusCode(403);
            as(token).body(Map.of("amount", 1))
                    .post("/resources/{id}/reservations/{project}/consume", resourceId, projectId).then()
                    .statusCode(403);
        }
        assertThat(storedReservations(resourceId)).hasSize(1);
        assertThat(storedReservation(resourceId, projectId).status).isEqualTo(ReservationView.Status.RESERVED);
        assertThat(storedResource(resourceId).version).isEqualTo(version);
    }

    @Test
    void reservations_need_a_token() {
        String unitId = registeredUnit();
        String resourceId = offered(unitId, 10);
        String projectId = newProjectId();
        reserved(unitId, resourceId, projectId, 4);
        anonymous().body(reservation(newProjectId(), 1, null)).post("/resources/{id}/reservations", resourceId).then()
                .statusCode(401)
                .contentType(PROBLEM_JSON)
                .body("type", equalTo(problem("unauthenticated")));
        anonymous().get("/resources/{id}/reservations/{project}", resourceId, projectId).then().statusCode(401);
        anonymous().delete("/resources/{id}/reservations/{project}", resourceId, projectId).then().statusCode(401);
        anonymous().body(Map.of("amount", 1))
                .post("/resources/{id}/reservations/{project}/consume", resourceId, projectId).then().statusCode(401);
        assertThat(storedReservations(resourceId)).hasSize(1);
        assertThat(storedReservation(resourceId, projectId).status).isEqualTo(ReservationView.Status.RESERVED);
    }

    // ---- precision --------------------------------------------------------------------------------------------

    @Test
    void what_the_api_shows_as_remaining_can_be_reserved_whatever_the_precision_asked() {
        String unitId = registeredUnit();
        String resourceId = offered(unitId, 10);
        String first = newProjectId();
        int status = as(unitToken(unitId)).body(reservation(first, 3.333, null))
                .post("/resources/{id}/reservations", resourceId).then()
                .statusCode(anyOf(is(201), is(400)))
                .extract().statusCode();
        if (status == 400) {
            // Refusing amounts finer than the books keep is as good as keeping them exactly.
            assertThat(storedReservations(resourceId)).isEmpty();
            return;
        }
        BigDecimal shown = new BigDecimal(as(unitToken(unitId)).get("/resources/{id}", resourceId).then()
                .extract().jsonPath().getString("capacity.usage[0].remaining"));
        Response rest = as(unitToken(unitId)).body(Map.of("projectId", newProjectId(), "amount", shown))
                .post("/resources/{id}/reservations", resourceId);
        assertThat(rest.statusCode()).as("reserving the %s the API shows as remaining answered %s",
                shown.toPlainString(), rest.asString()).isEqualTo(201);
        rest.then().body("remaining", number(0));
        assertThat(storedReservations(resourceId).stream().map(r -> r.amount).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo(storedResource(resourceId).capacityAmount);
    }

    private static void assertInvalid(String unitId, String resourceId, Map<String, Object> body, String field) {
        as(unitToken(unitId)).body(body).post("/resources/{id}/reservations", resourceId).then()
                .statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("type", equalTo(problem("invalid-input")))
                .body("violations.field", hasItem(field));
    }
}
