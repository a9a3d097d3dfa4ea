package org.threelists.demand.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.threelists.platform.json.Json;
import org.threelists.testing.RealInfrastructure;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenAPI document the service serves is the one published in contracts/openapi/demand-list.json.
 * After an intended API change, regenerate the file with {@code -Dthreelists.contracts.update=true}.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class OpenApiContractTest {

    private static final Path PUBLISHED = Path.of("../../contracts/openapi/demand-list.json");

    @Test
    void the_served_openapi_document_equals_the_published_contract() throws Exception {
        String served = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .extract().asString();
        String canonical = canonical(Json.mapper().readTree(served));
        if (Boolean.getBoolean("threelists.contracts.update")) {
            Files.createDirectories(PUBLISHED.getParent());
            Files.writeString(PUBLISHED, canonical, StandardCharsets.UTF_8);
        }
        assertThat(PUBLISHED).as("contracts/openapi/demand-list.json").exists();
        assertThat(canonical(Json.mapper().readTree(Files.readString(PUBLISHED, StandardCharsets.UTF_8))))
                .as("served /q/openapi differs from contracts/openapi/demand-list.json; "
                        + "if the change is intended, run the tests with -Dthreelists.contracts.update=true")
                .isEqualTo(canonical);
    }

    private static String canonical(JsonNode document) throws Exception {
        return Json.mapper().copy().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
                .enable(SerializationFeature.INDENT_OUTPUT)
                .writeValueAsString(Json.mapper().treeToValue(document, Object.class)) + "\n";
    }
}
