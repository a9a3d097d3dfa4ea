package org.threelists.ledger.api;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.threelists.testing.PublishedContracts;
import org.threelists.testing.RealInfrastructure;

/** The OpenAPI document the ledger serves is the one published in contracts/openapi/ledger.json. */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class OpenApiContractTest {

    @Test
    void the_served_openapi_document_equals_the_published_contract() {
        PublishedContracts.assertServedOpenApiMatches("ledger");
    }
}
