package org.threelists.resource.api;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.threelists.resource.Fixtures;
import org.threelists.testing.RealInfrastructure;

import java.util.Map;

import static org.hamcrest.Matchers.equalTo;
import static org.threelists.resource.Fixtures.as;

@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class SmokeTest {

    @Test
    void a_unit_offers_a_resource_and_reserves_it() {
        String unitId = Fixtures.registeredUnit();
        String resourceId = Fixtures.offered(unitId, 10);
        as(Fixtures.unitToken(unitId)).body(Map.of("projectId", "p-1", "amount", 4)).post("/resources/{id}/reservations", resourceId)
                .then().statusCode(201).body("remaining", equalTo(6.0f));
        as(Fixtures.DIANQIAN_DESK).get("/resources/{id}", resourceId).then().statusCode(200)
                .body("capacity.usage[0].remaining", equalTo(6.0f));
        as(Fixtures.DIANQIAN_DESK).queryParam("category", "LEGAL_ADVICE").queryParam("community", "jiafu")
                .get("/resources").then().statusCode(200);
    }
}
