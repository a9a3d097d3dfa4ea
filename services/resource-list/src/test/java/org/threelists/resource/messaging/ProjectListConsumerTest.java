package org.threelists.resource.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.threelists.resource.messaging.ProjectListMessages.Answer;
import org.threelists.resource.messaging.ProjectListMessages.Message;
import org.threelists.resource.projection.ReservationView;
import org.threelists.testing.KafkaProbe;
import org.threelists.testing.RealInfrastructure;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.threelists.resource.Fixtures.DIANQIAN_DESK;
import static org.threelists.resource.Fixtures.as;
import static org.threelists.resource.Fixtures.number;
import static org.threelists.resource.Fixtures.offered;
import static org.threelists.resource.Fixtures.registeredUnit;
import static org.threelists.resource.Fixtures.storedReservation;
import static org.threelists.resource.Fixtures.storedReservations;
import static org.threelists.resource.Fixtures.storedResource;
import static org.threelists.resource.Fixtures.unitToken;
import static org.threelists.resource.messaging.ProjectListMessages.DLQ;
import static org.threelists.resource.messaging.ProjectListMessages.GROUP;
import static org.threelists.resource.messaging.ProjectListMessages.TIMEOUT;
import static org.threelists.resource.messaging.ProjectListMessages.TOPIC;
import static org.threelists.resource.messaging.ProjectListMessages.actorOf;
import static org.threelists.resource.messaging.ProjectListMessages.awaitAnswer;
import static org.threelists.resource.messaging.ProjectListMessages.awaitCapacity;
import static org.threelists.resource.messaging.ProjectListMessages.awaitConsumed;
import static org.threelists.resource.messaging.ProjectListMessages.awaitInbox;
import static org.threelists.resource.messaging.ProjectListMessages.cancelled;
import static org.threelists.resource.messaging.ProjectListMessages.capacityMessages;
import static org.threelists.resource.messaging.ProjectListMessages.claimExpired;
import static org.threelists.resource.messaging.ProjectListMessages.claimRefused;
import static org.threelists.resource.messaging.ProjectListMessages.claimReleased;
import static org.threelists.resource.messaging.ProjectListMessages.claimRequested;
import static org.threelists.resource.messaging.ProjectListMessages.consumption;
import static org.threelists.resource.messaging.ProjectListMessages.delivered;
import static org.threelists.resource.messaging.ProjectListMessages.inboxOutcomes;
import static org.threelists.resource.messaging.ProjectListMessages.newClaimId;
import static org.threelists.resource.messaging.ProjectListMessages.newProjectId;
import static org.threelists.resource.messaging.ProjectListMessages.publish;
import static org.threelists.resource.messaging.ProjectListMessages.publishUnchecked;
import static org.threelists.resource.messaging.ProjectListMessages.release;
import static org.threelists.resource.messaging.ProjectListMessages.reservationReturned;
import static org.threelists.resource.messaging.ProjectListMessages.scheduled;
import static org.threelists.resource.messaging.ProjectListMessages.withoutDataField;

/**
 * resource-list's side of the capacity saga, end to end over the real broker: project-list.events.v1 messages in,
 * the books (event store and read models) changed, and the answers on resource-list.events.v1 with the claim's id,
 * each valid against contracts/. Redeliveries change nothing; bad messages go to project-list.events.v1.dlq.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class ProjectListConsumerTest {

    // ---- threelists.project.claim-requested.v1 ------------------------------------------------------------------

    @Test
    void a_claim_that_fits_is_reserved_and_answered_with_its_claim_id() {
        String unitId = registeredUnit();
        String resourceId = offered(unitId, 10);
        String projectId = newProjectId();
        String claimId = newClaimId();

        Message request = publish(claimRequested(projectId, claimId, unitId, resourceId, 4, "TOTAL"));

        Answer reserved = awaitAnswer("capacity.reserved", claimId);
        assertThat(reserved.key()).as("keyed by the unit").isEqualTo(unitId);
        assertThat(reserved.event().path("subject").asText()).isEqualTo(resourceId);
        JsonNode data = reserved.data();
        assertThat(data.path("resourceId").asText()).isEqualTo(resourceId);
        assertThat(data.path("unitId").asText()).isEqualTo(unitId);
        assertThat(data.path("projectId").asText()).isEqualTo(projectId);
        assertThat(data.path("amount").decimalValue()).isEqualByComparingTo("4");
        assertThat(data.path("period").asText()).isEqualTo("TOTAL");
        assertThat(data.path("remaining").decimalValue()).isEqualByComparingTo("6");
        assertThat(data.path("actor").asText()).isEqualTo(actorOf(unitId));

        ReservationView stored = storedReservation(resourceId, projectId);
        assertThat(stored.status).isEqualTo(ReservationView.Status.RESERVED);
        assertThat(stored.amount).isEqualByComparingTo("4");
        assertThat(stored.claimId).isEqualTo(claimId);
        assertThat(stored.updatedBy).isEqualTo(actorOf(unitId));
        as(unitToken(unitId)).get("/resources/{id}/reservations/{p}", resourceId, projectId).then().statusCode(200)
                .body("status", equalTo("RESERVED"))
                .body("amount", number(4))
                .body("remaining", number(6));
        assertThat(inboxOutcomes(request.id())).containsExactly("PROCESSED");
    }

    @Test
    void a_monthly_claim_is_reserved_in_its_month() {
        String unitId = registeredUnit();
        String resourceId = offered(unitId, 8, "MONTHLY");
        String projectId = newProjectId();
        String claimId = newClaimId();

        publish(claimRequested(projectId, claimId, unitId, resourceId, 3, "2027-03"));

        Answer reserved = awaitAnswer("capacity.reserved", claimId);
        assertThat(reserved.data().path("period").asText()).isEqualTo("2027-03");
        assertThat(reserved.data().path("remaining").decimalValue()).isEqualByComparingTo("5");
        as(DIANQIAN_DESK).get("/resources/{id}", resourceId).then().statusCode(200)
                .body("capacity.usage", hasSize(1))
                .body("capacity.usage[0].period", equalTo("2027-03"))
                .body("capacity.usage[0].reserved", number(3))
                .body("capacity.usage[0].remaining", number(5));
    }

    @Test
    void a_claim_that_does_not_fit_is_refused_as_capacity_exhausted_and_nothing_is_reserved() {
        String unitId = registeredUnit();
        String resourceId = offered(unitId, 3);
        String projectId = newProjectId();
        String claimId = newClaimId();

        publish(claimRequested(projectId, claimId, unitId, resourceId, 5, "TOTAL"));

        Answer refused = awaitAnswer("capacity.refused", claimId);
        assertThat(refused.key()).isEqualTo(unitId);
        assertThat(refused.event().path("subject").asText()).isEqualTo(resourceId);
        JsonNode data = refused.data();
        assertThat(data.path("reason").asText()).isEqualTo("capacity-exhausted");
        assertThat(data.path("remaining").decimalValue()).isEqualByComparingTo("3");
        assertThat(data.path("amount").decimalValue()).isEqualByComparingTo("5");
        assertThat(data.path("projectId").asText()).isEqualTo(projectId);
        assertThat(data.path("period").asText()).isEqualTo("TOTAL");
        assertThat(data.path("detail").asText()).matches("Only 3(\\.0*)? SERVICE_HOURS left in TOTAL, 5(\\.0*)? asked");
        assertThat(data.path("actor").asText()).isEqualTo(actorOf(unitId));

        assertThat(storedReservations(resourceId)).isEmpty();
        assertThat(capacityMessages("capacity.reserved", d -> d.path("resourceId").asText().equals(resourceId))).isEmpty();
        as(DIANQIAN_DESK).get("/resources/{id}", resourceId).then().statusCode(200)
                .body("capacity.usage[0].reserved", number(0))
                .body("capacity.usage[0].remaining", number(3));
    }

    @Test
    void a_withdrawn_offer_is_refused_as_resource_withdrawn() {
        String unitId = registeredUnit();
        String resourceId = offered(unitId, 10);
        as(unitToken(unitId)).body(Map.of("reason", "法官轮岗")).post("/resources/{id}/withdraw", resourceId)
                .then().statusCode(200);
        String claimId = newClaimId();

        publish(claimRequested(newProjectId(), claimId, unitId, resourceId, 1, "TOTAL"));

        JsonNode data = awaitAnswer("capacity.refused", claimId).data();
        assertThat(data.path("reason").asText()).isEqualTo("resource-withdrawn");
        assertThat(data.path("remaining").decimalValue()).isEqualByComparingTo("10");
        assertThat(storedReservations(resourceId)).isEmpty();
    }

    @Test
    void a_unit_that_left_the_alliance_is_refused_as_unit_not_active() {
        String unitId = registeredUnit();
        String resourceId = offered(unitId, 10);
        as(DIANQIAN_DESK).body(Map.of("reason", "单位搬迁")).post("/units/{id}/leave", unitId).then().statusCode(200);
        String claimId = newClaimId();

        publish(claimRequested(newProjectId(), claimId, unitId, resourceId, 1, "TOTAL"));

        JsonNode data = awaitAnswer("capacity.refused", claimId).data();
        assertThat(data.path("reason").asText()).isEqualTo("unit-not-active");
        assertThat(data.path("detail").asText()).contains(unitId);
        assertThat(storedReservations(resourceId)).isEmpty();
    }

    @Test
    void another_units_resource_is_refused_as_wrong_unit_keyed_by_the_offering_unit() {
        String owner = registeredUnit();
        String resourceId = offered(owner, 10);
        String claimant = registeredUnit();
        String claimId = newClaimId();

        publish(claimRequested(newProjectId(), claimId, claimant, resourceId, 1, "TOTAL"));

        Answer refused = awaitAnswer("capacity.refused", claimId);
        assertThat(refused.key()).isEqualTo(owner);
        assertThat(refused.data().path("unitId").asText()).isEqualTo(owner);
        assertThat(refused.data().path("reason").asText()).isEqualTo("wrong-unit");
        assertThat(refused.data().has("remaining")).as("another unit learns nothing of the books").isFalse();
        assertThat(storedReservations(resourceId)).isEmpty();
    }

    @Test
    void a_month_asked_of_a_total_capacity_is_refused_as_period_mismatch() {
        String unitId = registeredUnit();
        String resourceId = offered(unitId, 10);
        String claimId = newClaimId();

        publish(claimRequested(newProjectId(), claimId, unitId, resourceId, 1, "2027-01"));

        JsonNode data = awaitAnswer("capacity.refused", claimId).data();
        assertThat(data.path("reason").asText()).isEqualTo("period-mismatch");
        assertThat(data.path("period").asText()).isEqualTo("2027-01");
        assertThat(data.has("remaining")).isFalse();
        assertThat(storedReservations(resourceId)).isEmpty();
    }

    @Test
    void a_second_claim_of_the_same_project_on_the_resource_is_refused_as_already_reserved() {
        String unitId = registeredUnit();
        String resourceId = offered(unitId, 10);
        String projectId = newProjectId();
        String first = newClaimId();
        String second = newClaimId();

        publish(claimRequested(projectId, first, unitId, resourceId, 4, "TOTAL"));
        publish(claimRequested(projectId, second, unitId, resourceId, 2, "TOTAL"));

        awaitAnswer("capacity.reserved", first);
        JsonNode data = awaitAnswer("capacity.refused", second).data();
        assertThat(data.path("reason").asText()).isEqualTo("already-reserved");
        assertThat(data.path("remaining").decimalValue()).isEqualByComparingTo("6");
        ReservationView stored = storedReservation(resourceId, projectId);
        assertThat(stored.amount).isEqualByComparingTo("4");
        assertThat(stored.claimId).isEqualTo(first);
    }

    @Test
    void a_resource_nobody_offers_is_refused_keyed_by_the_claiming_unit() {
        String claimant = registeredUnit();
        String unknown = "00000000-0000-4000-8000-00000000dead";
        String claimId = newClaimId();

        Message request = publish(claimRequested(newProjectId(), claimId, claimant, unknown, 1, "TOTAL"));

        Answer refused = awaitAnswer("capacity.refused", claimId);
        assertThat(refused.key()).isEqualTo(claimant);
        assertThat(refused.event().path("subject").asText()).isEqualTo(unknown);
        assertThat(refused.data().path("reason").asText()).isEqualTo("wrong-unit");
        assertThat(refused.data().path("detail").asText()).contains("No resource " + unknown);
        assertThat(awaitInbox(request.id())).containsExactly("PROCESSED");
        assertThat(storedResource(unknown)).isNull();
    }

    // ---- redelivery ---------------------------------------------------------------------------------------------

    @Test
    void the_same_message_delivered_twice_reserves_once_and_answers_once() {
        String unitId = registeredUnit();
        String resourceId = offered(unitId, 10);
        String projectId = newProjectId();
        String claimId = newClaimId();
        Message request = claimRequested(projectId, claimId, unitId, resourceId, 4, "TOTAL");

        publish(request);
        publish(request);
        // The same claim asked again under a new CloudEvents id (the inbox cannot know it): the resource can.
        publish(claimRequested(projectId, claimId, unitId, resourceId, 4, "TOTAL"));
        String marker = newClaimId();
        publish(claimRequested(projectId, marker, unitId, resourceId, 1, "TOTAL"));

        // Records of one project are consumed in order: once the marker is answered, every repetition was seen.
        awaitAnswer("capacity.refused", marker);
        assertThat(ProjectListMessages.awaitAnswers("capacity.reserved", claimId, 1)).hasSize(1);
        assertThat(capacityMessages("capacity.refused", d -> d.path("claimId").asText().equals(claimId))).isEmpty();
        assertThat(inboxOutcomes(request.id())).containsExactly("PROCESSED");
        assertThat(storedReservations(resourceId)).hasSize(1);
        assertThat(storedResource(resourceId).version).as("offered (0), reserved (1); a refusal changes no view").isEqualTo(1);
        as(DIANQIAN_DESK).get("/resources/{id}", resourceId).then().statusCode(200)
                .body("capacity.usage[0].reserved", number(4))
                .body("capacity.usage[0].remaining", number(6));
    }

    @Test
    void a_refused_claim_asked_again_is_not_answered_again() {
        String unitId = registeredUnit();
        String resourceId = offered(unitId, 2);
        String projectId = newProjectId();
        String claimId = newClaimId();

        publish(claimRequested(projectId, claimId, unitId, resourceId, 3, "TOTAL"));
        awaitAnswer("capacity.refused", claimId);
        publish(claimRequested(projectId, claimId, unitId, resourceId, 3, "TOTAL"));
        awaitConsumed();

        assertThat(capacityMessages("capacity.refused", d -> d.path("claimId").asText().equals(claimId))).hasSize(1);
        assertThat(storedReservations(resourceId)).isEmpty();
    }

    // ---- releases -----------------------------------------------------------------------------------------------

    @ParameterizedTest(name = "threelists.project.{0}.v1 releases the claim's capacity")
    @ValueSource(strings = {"claim-released", "claim-expired", "cancelled", "reservation-returned"})
    void releasing_events_give_the_claims_capacity_back(String event) {
        String unitId = registeredUnit();
        String resourceId = offered(unitId, 10);
        String projectId = newProjectId();
        String claimId = newClaimId();
        publish(claimRequested(projectId, claimId, unitId, resourceId, 4, "TOTAL"));
        awaitAnswer("capacity.reserved", claimId);

        List<Map<String, Object>> releases = List.of(release(claimId, unitId, resourceId));
        Message message = publish(switch (event) {
            case "claim-released" -> claimReleased(projectId, releases);
            case "claim-expired" -> claimExpired(projectId, releases);
            case "reservation-returned" -> reservationReturned(projectId, releases);
            default -> cancelled(projectId, releases);
        });

        Answer released = awaitAnswer("capacity.released", claimId);
        assertThat(released.key()).isEqualTo(unitId);
        assertThat(released.data().path("amount").decimalValue()).isEqualByComparingTo("4");
        assertThat(released.data().path("remaining").decimalValue()).isEqualByComparingTo("10");
        assertThat(released.data().path("projectId").asText()).isEqualTo(projectId);
        assertThat(released.data().path("reason").asText()).startsWith(switch (event) {
            case "claim-released" -> "claim released: 单位人手不足";
            case "claim-expired" -> "claim expired";
            case "reservation-returned" -> "reservation returned: 认领已超时撤回";
            default -> "project cancelled: 需求已由社区自行解决";
        });
        ReservationView stored = storedReservation(resourceId, projectId);
        assertThat(stored.status).isEqualTo(ReservationView.Status.RELEASED);
        assertThat(stored.claimId).isEqualTo(claimId);
        as(unitToken(unitId)).get("/resources/{id}/reservations/{p}", resourceId, projectId).then().statusCode(200)
                .body("status", equalTo("RELEASED"))
                .body("remaining", number(10));
        assertThat(inboxOutcomes(message.id())).containsExactly("PROCESSED");
    }

    /**
     * resource-list was down longer than the matchmaker's claim-pending: the matchmaker refused claim c1 for want of an
     * answer, and the reservation made for c1 when the request was read at last goes back with the refusal, so the
     * project's next claim c2 is reserved instead of refused as already-reserved.
     */
    @Test
    void a_claim_refused_by_the_project_list_gives_back_its_late_reservation_and_the_next_claim_is_reserved() {
        String unitId = registeredUnit();
        String resourceId = offered(unitId, 10);
        String projectId = newProjectId();
        String refused = newClaimId();
        String next = newClaimId();

        publish(claimRequested(projectId, refused, unitId, resourceId, 4, "TOTAL"));
        publish(claimRefused(projectId, refused, unitId, resourceId));
        publish(claimRequested(projectId, next, unitId, resourceId, 4, "TOTAL"));

        awaitAnswer("capacity.reserved", refused);
        Answer released = awaitAnswer("capacity.released", refused);
        assertThat(released.data().path("amount").decimalValue()).isEqualByComparingTo("4");
        assertThat(released.data().path("reason").asText()).startsWith("claim refused: ");
        Answer reserved = awaitAnswer("capacity.reserved", next);
        assertThat(reserved.data().path("remaining").decimalValue()).isEqualByComparingTo("6");
        ReservationView stored = storedReservation(resourceId, projectId);
        assertThat(stored.claimId).isEqualTo(next);
        assertThat(stored.status).isEqualTo(ReservationView.Status.RESERVED);
        assertThat(stored.amount).isEqualByComparingTo("4");
    }

    @Test
    void releasing_what_was_never_reserved_changes_nothing_and_is_acknowledged() {
        String unitId = registeredUnit();
        String resourceId = offered(unitId, 10);
        String projectId = newProjectId();
        String refusedClaim = newClaimId();
        publish(claimRequested(projectId, refusedClaim, unitId, resourceId, 11, "TOTAL"));
        awaitAnswer("capacity.refused", refusedClaim);

        Message cancel = publish(cancelled(projectId, List.of(release(refusedClaim, unitId, resourceId),
                release(newClaimId(), unitId, "00000000-0000-4000-8000-00000000beef"))));

        assertThat(awaitInbox(cancel.id())).containsExactly("PROCESSED");
        assertThat(capacityMessages("capacity.released", d -> d.path("resourceId").asText().equals(resourceId))).isEmpty();
        assertThat(storedReservations(resourceId)).isEmpty();
        assertThat(KafkaProbe.readAll(DLQ).stream().filter(r -> projectId.equals(r.key())).toList()).isEmpty();
    }

    @Test
    void a_release_names_only_its_claim_so_another_claims_reservation_stays() {
        String unitId = registeredUnit();
        String resourceId = offered(unitId, 10);
        String projectId = newProjectId();
        String held = newClaimId();
        publish(claimRequested(projectId, held, unitId, resourceId, 4, "TOTAL"));
        awaitAnswer("capacity.reserved", held);

        Message expired = publish(claimExpired(projectId, List.of(release(newClaimId(), unitId, resourceId))));

        assertThat(awaitInbox(expired.id())).containsExactly("PROCESSED");
        assertThat(storedReservation(resourceId, projectId).status).isEqualTo(ReservationView.Status.RESERVED);
        assertThat(capacityMessages("capacity.released", d -> d.path("resourceId").asText().equals(resourceId))).isEmpty();
    }

    // ---- threelists.project.delivered.v1 ------------------------------------------------------------------------

    @Test
    void a_delivery_consumes_each_holders_reservation_and_returns_the_rest() {
        String court = registeredUnit();
        String courtHours = offered(court, 10);
        String agency = registeredUnit();
        String agencyHours = offered(agency, 6);
        String projectId = newProjectId();
        String courtClaim = newClaimId();
        String agencyClaim = newClaimId();
        publish(claimRequested(projectId, courtClaim, court, courtHours, 4, "TOTAL"));
        publish(claimRequested(projectId, agencyClaim, agency, agencyHours, 2, "TOTAL"));
        awaitAnswer("capacity.reserved", courtClaim);
        awaitAnswer("capacity.reserved", agencyClaim);

        Message delivery = publish(delivered(projectId, List.of(consumption(courtClaim, court, courtHours, 3.5),
                consumption(agencyClaim, agency, agencyHours, 2))));

        JsonNode courtUse = awaitAnswer("capacity.consumed", courtClaim).data();
        assertThat(courtUse.path("amount").decimalValue()).isEqualByComparingTo("3.5");
        assertThat(courtUse.path("returned").decimalValue()).isEqualByComparingTo("0.5");
        assertThat(courtUse.path("remaining").decimalValue()).isEqualByComparingTo("6.5");
        JsonNode agencyUse = awaitAnswer("capacity.consumed", agencyClaim).data();
        assertThat(agencyUse.path("returned").decimalValue()).isEqualByComparingTo("0");
        assertThat(agencyUse.path("remaining").decimalValue()).isEqualByComparingTo("4");

        ReservationView courtRow = storedReservation(courtHours, projectId);
        assertThat(courtRow.status).isEqualTo(ReservationView.Status.CONSUMED);
        assertThat(courtRow.amount).isEqualByComparingTo("3.5");
        assertThat(storedReservation(agencyHours, projectId).status).isEqualTo(ReservationView.Status.CONSUMED);
        as(DIANQIAN_DESK).get("/resources/{id}", courtHours).then().statusCode(200)
                .body("capacity.usage[0].consumed", number(3.5))
                .body("capacity.usage[0].reserved", number(0))
                .body("capacity.usage[0].remaining", number(6.5));
        assertThat(inboxOutcomes(delivery.id())).containsExactly("PROCESSED");
    }

    @Test
    void a_delivery_delivered_twice_consumes_once() {
        String unitId = registeredUnit();
        String resourceId = offered(unitId, 10);
        String projectId = newProjectId();
        String claimId = newClaimId();
        publish(claimRequested(projectId, claimId, unitId, resourceId, 4, "TOTAL"));
        awaitAnswer("capacity.reserved", claimId);
        Message delivery = delivered(projectId, List.of(consumption(claimId, unitId, resourceId, 3)));

        publish(delivery);
        publish(delivery);
        publish(delivered(projectId, List.of(consumption(claimId, unitId, resourceId, 3))));
        awaitConsumed();
        // the consumer's offset is committed before the relay has published what the command changed: wait for it
        awaitCapacity("capacity.consumed", d -> d.path("claimId").asText().equals(claimId), 1);

        assertThat(capacityMessages("capacity.consumed", d -> d.path("claimId").asText().equals(claimId))).hasSize(1);
        assertThat(inboxOutcomes(delivery.id())).containsExactly("PROCESSED");
        assertThat(storedResource(resourceId).version).as("offered (0), reserved (1), consumed (2)").isEqualTo(2);
        as(DIANQIAN_DESK).get("/resources/{id}", resourceId).then().statusCode(200)
                .body("capacity.usage[0].consumed", number(3))
                .body("capacity.usage[0].remaining", number(7));
    }

    // ---- everything else ----------------------------------------------------------------------------------------

    @Test
    void project_events_that_say_nothing_about_capacity_are_acknowledged_and_change_nothing() {
        String unitId = registeredUnit();
        String resourceId = offered(unitId, 10);
        String projectId = newProjectId();

        Message schedule = publish(scheduled(projectId));

        assertThat(awaitInbox(schedule.id())).containsExactly("PROCESSED");
        assertThat(storedResource(resourceId).version).as("as offered").isZero();
        assertThat(capacityMessages("capacity.reserved", d -> d.path("projectId").asText().equals(projectId))).isEmpty();
    }

    @Test
    void malformed_and_schema_violating_messages_go_to_the_dlq_and_the_next_message_is_still_applied() {
        String unitId = registeredUnit();
        String resourceId = offered(unitId, 10);
        String projectId = newProjectId();
        publishUnchecked(projectId, "{this is not json");
        Message noClaim = withoutDataField(claimRequested(projectId, newClaimId(), unitId, resourceId, 1, "TOTAL"),
                "claimId");
        publishUnchecked(projectId, noClaim.json());
        String good = newClaimId();
        publish(claimRequested(projectId, good, unitId, resourceId, 2, "TOTAL"));

        awaitAnswer("capacity.reserved", good);
        List<ConsumerRecord<String, String>> dead = KafkaProbe.await(DLQ, r -> projectId.equals(r.key()), 2, TIMEOUT);
        assertThat(dead).hasSize(2);
        ConsumerRecord<String, String> broken = dead.stream().filter(r -> r.value().startsWith("{this")).findFirst()
                .orElseThrow();
        assertThat(KafkaProbe.header(broken, "dlq.reason")).startsWith("Not JSON");
        assertThat(KafkaProbe.header(broken, "dlq.original-topic")).isEqualTo(TOPIC);
        assertThat(KafkaProbe.header(broken, "dlq.consumer-group")).isEqualTo(GROUP);
        ConsumerRecord<String, String> invalid = dead.stream().filter(r -> r.value().equals(noClaim.json())).findFirst()
                .orElseThrow();
        assertThat(KafkaProbe.header(invalid, "dlq.reason")).contains("schema").contains("claimId");
        assertThat(inboxOutcomes(noClaim.id())).containsExactly("DEAD_LETTERED");
        assertThat(storedReservation(resourceId, projectId).claimId).isEqualTo(good);
    }

    @Test
    void a_consumption_of_a_reservation_that_is_not_there_goes_to_the_dlq_at_once() {
        String unitId = registeredUnit();
        String resourceId = offered(unitId, 10);
        String projectId = newProjectId();

        Message delivery = publish(delivered(projectId, List.of(consumption(newClaimId(), unitId, resourceId, 2))));

        List<ConsumerRecord<String, String>> dead = KafkaProbe.await(DLQ, r -> r.value().equals(delivery.json()), 1,
                TIMEOUT);
        assertThat(KafkaProbe.header(dead.get(0), "dlq.reason")).contains("not-found").contains(projectId);
        assertThat(KafkaProbe.header(dead.get(0), "dlq.attempts")).isEqualTo("1");
        assertThat(inboxOutcomes(delivery.id())).containsExactly("DEAD_LETTERED");
        assertThat(storedResource(resourceId).version).as("as offered").isZero();
    }

    @Test
    void a_consumption_beyond_the_reservation_goes_to_the_dlq_and_the_reservation_stays() {
        String unitId = registeredUnit();
        String resourceId = offered(unitId, 10);
        String projectId = newProjectId();
        String claimId = newClaimId();
        publish(claimRequested(projectId, claimId, unitId, resourceId, 2, "TOTAL"));
        awaitAnswer("capacity.reserved", claimId);

        Message delivery = publish(delivered(projectId, List.of(consumption(claimId, unitId, resourceId, 5))));

        List<ConsumerRecord<String, String>> dead = KafkaProbe.await(DLQ, r -> r.value().equals(delivery.json()), 1,
                TIMEOUT);
        assertThat(KafkaProbe.header(dead.get(0), "dlq.reason")).contains("invalid-input").contains("cannot exceed");
        assertThat(storedReservation(resourceId, projectId).status).isEqualTo(ReservationView.Status.RESERVED);
        assertThat(capacityMessages("capacity.consumed", d -> d.path("claimId").asText().equals(claimId))).isEmpty();
    }
}
