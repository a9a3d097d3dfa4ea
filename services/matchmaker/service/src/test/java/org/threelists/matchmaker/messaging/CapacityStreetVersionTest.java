package org.threelists.matchmaker.messaging;

import org.threelists.platform.projection.jdbc.Jdbc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.threelists.matchmaker.projection.ResourceRemainingView;
import org.threelists.testing.RealInfrastructure;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.threelists.matchmaker.Fixtures.await;
import static org.threelists.matchmaker.Fixtures.newUnitId;
import static org.threelists.matchmaker.Fixtures.offered;
import static org.threelists.matchmaker.Fixtures.publish;
import static org.threelists.matchmaker.Fixtures.reserved;
import static org.threelists.matchmaker.Fixtures.resourceEvent;
import static org.threelists.matchmaker.Fixtures.unitEvent;
import static org.threelists.matchmaker.Fixtures.unitRegistered;
import static org.threelists.matchmaker.messaging.Topics.RESOURCE_EVENTS;

/**
 * A street's plan goes stale when what is left of an offer's capacity moves, not when a capacity event leaves it as it
 * was: a delivery that consumes exactly what its claim reserved keeps the street's version (and so its kept plan),
 * while a reservation or a release moves it (README "Re-planning").
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class CapacityStreetVersionTest {

    @Test
    void a_consumption_that_leaves_the_remaining_as_it_was_keeps_the_street_plan_and_a_release_moves_it() {
        String street = "street-" + UUID.randomUUID().toString().substring(0, 8);
        String unitId = newUnitId();
        String resourceId = UUID.randomUUID().toString();
        publish(RESOURCE_EVENTS, unitId, unitEvent("registered", unitRegistered(unitId, street, "lianqiao")));
        publish(RESOURCE_EVENTS, unitId, resourceEvent("resource.offered",
                offered(resourceId, unitId, "HEALTH", List.of("护士"), "lianqiao", 10)));
        Map<String, Object> reservation = reserved(resourceId, unitId, 3, "2026-12", 7);
        publish(RESOURCE_EVENTS, unitId, resourceEvent("capacity.reserved", reservation));
        awaitRemaining(resourceId, 1, "7");
        long reservedVersion = streetVersion(street);
        assertThat(reservedVersion).as("the unit, the offer and the reservation each moved it").isEqualTo(3);

        Map<String, Object> consumed = new LinkedHashMap<>(reservation);
        consumed.put("returned", 0);
        publish(RESOURCE_EVENTS, unitId, resourceEvent("capacity.consumed", consumed));
        awaitRemaining(resourceId, 2, "7");
        assertThat(streetVersion(street)).as("consumed what was reserved: nothing left moved").isEqualTo(reservedVersion);

        Map<String, Object> released = new LinkedHashMap<>(reservation);
        released.put("projectId", "project-" + UUID.randomUUID());
        released.put("remaining", 10);
        released.put("reason", "项目已取消");
        publish(RESOURCE_EVENTS, unitId, resourceEvent("capacity.released", released));
        awaitRemaining(resourceId, 3, "10");
        assertThat(streetVersion(street)).as("a release gave hours back").isEqualTo(reservedVersion + 1);
    }

    private static void awaitRemaining(String resourceId, long version, String remaining) {
        ResourceRemainingView row = await(() -> ResourceRemainingView.find(resourceId, "2026-12"), r -> r.version == version);
        assertThat(row.remaining).isEqualByComparingTo(remaining);
    }

    private static long streetVersion(String street) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Long found = Jdbc.first("SELECT version FROM street_plan WHERE street_code = ?", row -> row.getLong(1),
                    street);
            return found == null ? 0L : found;
        });
    }
}
