package org.threelists.resource.messaging;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.threelists.resource.messaging.ProjectListMessages.Answer;
import org.threelists.resource.messaging.ProjectListMessages.Message;
import org.threelists.resource.projection.ReservationView;
import org.threelists.testing.KafkaProbe;
import org.threelists.testing.RealInfrastructure;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.threelists.resource.Fixtures.DIANQIAN_DESK;
import static org.threelists.resource.Fixtures.as;
import static org.threelists.resource.Fixtures.number;
import static org.threelists.resource.Fixtures.offered;
import static org.threelists.resource.Fixtures.problem;
import static org.threelists.resource.Fixtures.registeredUnit;
import static org.threelists.resource.Fixtures.reservation;
import static org.threelists.resource.Fixtures.storedReservations;
import static org.threelists.resource.Fixtures.unitToken;
import static org.threelists.resource.messaging.ProjectListMessages.DLQ;
import static org.threelists.resource.messaging.ProjectListMessages.awaitConsumed;
import static org.threelists.resource.messaging.ProjectListMessages.capacityMessages;
import static org.threelists.resource.messaging.ProjectListMessages.claimRequested;
import static org.threelists.resource.messaging.ProjectListMessages.newClaimId;
import static org.threelists.resource.messaging.ProjectListMessages.newProjectId;
import static org.threelists.resource.messaging.ProjectListMessages.publish;

/**
 * Many projects claim one resource at once through the project list (DESIGN.md §6, "nothing lost"): the capacity is
 * never overbooked, every claim is answered exactly once, and claims from Kafka and over REST share one set of books.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class ClaimConcurrencyTest {

    private static final int CAPACITY = 5;
    private static final int CLAIMS = 20;

    @Test
    void twenty_claims_on_five_hours_give_exactly_five_reservations_and_fifteen_refusals() {
        String unitId = registeredUnit();
        String resourceId = offered(unitId, CAPACITY);
        Set<String> claims = new HashSet<>();
        for (int i = 0; i < CLAIMS; i++) {
            String claimId = newClaimId();
            claims.add(claimId);
            publish(claimRequested(newProjectId(), claimId, unitId, resourceId, 1, "TOTAL"));
        }

        List<Answer> reserved = ProjectListMessages.awaitCapacity("capacity.reserved",
                d -> claims.contains(d.path("claimId").asText()), CAPACITY);
        List<Answer> refused = ProjectListMessages.awaitCapacity("capacity.refused",
                d -> claims.contains(d.path("claimId").asText()), CLAIMS - CAPACITY);
        awaitConsumed();

        assertThat(reserved).hasSize(CAPACITY);
        assertThat(refused).hasSize(CLAIMS - CAPACITY);
        Set<String> answered = new HashSet<>();
        reserved.forEach(a -> answered.add(a.data().path("claimId").asText()));
        refused.forEach(a -> answered.add(a.data().path("claimId").asText()));
        assertThat(answered).as("every claim answered exactly once").isEqualTo(claims);
        assertThat(refused).extracting(a -> a.data().path("reason").asText()).containsOnly("capacity-exhausted");
        assertThat(refused).extracting(a -> a.data().path("remaining").decimalValue().signum()).containsOnly(0);
        assertThat(reserved).extracting(a -> a.data().path("remaining").decimalValue().intValue())
                .containsExactlyInAnyOrder(4, 3, 2, 1, 0);

        List<ReservationView> rows = storedReservations(resourceId);
        assertThat(rows).hasSize(CAPACITY).allSatisfy(r -> {
            assertThat(r.status).isEqualTo(ReservationView.Status.RESERVED);
            assertThat(r.claimId).isIn(claims);
        });
        as(DIANQIAN_DESK).get("/resources/{id}", resourceId).then().statusCode(200)
                .body("capacity.usage[0].reserved", number(CAPACITY))
                .body("capacity.usage[0].remaining", number(0));
    }

    @Test
    void claims_from_kafka_and_reservations_over_rest_at_once_share_one_set_of_books() throws Exception {
        String unitId = registeredUnit();
        String resourceId = offered(unitId, CAPACITY);
        String token = unitToken(unitId);
        Set<String> claims = new HashSet<>();
        Set<String> kafkaProjects = new HashSet<>();
        List<Message> messages = new ArrayList<>();
        for (int i = 0; i < CLAIMS; i++) {
            String claimId = newClaimId();
            String projectId = newProjectId();
            claims.add(claimId);
            kafkaProjects.add(projectId);
            messages.add(claimRequested(projectId, claimId, unitId, resourceId, 1, "TOTAL"));
        }

        ExecutorService pool = Executors.newFixedThreadPool(CLAIMS + 1);
        List<Future<int[]>> restCalls = new ArrayList<>();
        try {
            CountDownLatch start = new CountDownLatch(1);
            Future<?> producer = pool.submit(() -> {
                start.await();
                messages.forEach(ProjectListMessages::publish);
                return null;
            });
            for (int i = 0; i < CLAIMS; i++) {
                long delay = i * 100L;
                Callable<int[]> call = () -> {
                    start.await();
                    // Spread over the two seconds the claims take to arrive, so that both paths take some capacity.
                    Thread.sleep(delay);
                    var response = as(token).body(reservation(newProjectId(), 1, null))
                            .post("/resources/{id}/reservations", resourceId);
                    boolean exhausted = response.statusCode() == 409
                            && problem("capacity-exhausted").equals(JsonPath.from(response.asString()).getString("type"));
                    return new int[] {response.statusCode(), exhausted ? 1 : 0};
                };
                restCalls.add(pool.submit(call));
            }
            start.countDown();
            producer.get(120, TimeUnit.SECONDS);
            List<int[]> answers = new ArrayList<>();
            for (Future<int[]> call : restCalls) {
                answers.add(call.get(120, TimeUnit.SECONDS));
            }

            awaitConsumed();
            List<Answer> reserved = capacityMessages("capacity.reserved", d -> claims.contains(d.path("claimId").asText()));
            List<Answer> refused = capacityMessages("capacity.refused", d -> claims.contains(d.path("claimId").asText()));
            long created = answers.stream().filter(a -> a[0] == 201).count();
            assertThat(answers).as("REST answers").allSatisfy(a -> assertThat(a[0] == 201 || a[1] == 1)
                    .as("201, or 409 capacity-exhausted; got " + a[0]).isTrue());
            assertThat(reserved.size() + created).as("reservations over both paths: %d from Kafka, %d over REST",
                    reserved.size(), created).isEqualTo(CAPACITY);
            assertThat(reserved.size() + refused.size()).as("every claim answered once").isEqualTo(CLAIMS);
            assertThat(refused).extracting(a -> a.data().path("reason").asText()).containsOnly("capacity-exhausted");

            assertThat(storedReservations(resourceId)).hasSize(CAPACITY)
                    .allSatisfy(r -> assertThat(r.status).isEqualTo(ReservationView.Status.RESERVED));
                as(DIANQIAN_DESK).get("/resources/{id}", resourceId).then().statusCode(200)
                    .body("capacity.usage[0].reserved", number(CAPACITY))
                    .body("capacity.usage[0].remaining", number(0));
            assertThat(KafkaProbe.readAll(DLQ).stream().filter(r -> kafkaProjects.contains(r.key())).toList())
                    .as("nothing dead-lettered").isEmpty();
        } finally {
            pool.shutdownNow();
        }
    }
}
