package org.threelists.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.threelists.platform.json.ContractSchemas;
import org.threelists.platform.json.Json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks a running service against what contracts/ publishes: its served OpenAPI document, and every message it
 * has put on a topic. After an intended API change, {@code -Dthreelists.contracts.update=true} rewrites the
 * published OpenAPI document.
 */
public final class PublishedContracts {

    private PublishedContracts() {
    }

    /** The service's /q/openapi equals contracts/openapi/{service}.json, found from the module's directory up. */
    public static void assertServedOpenApiMatches(String service) {
        Path published = contractsDirectory().resolve("openapi/" + service + ".json");
        String served = canonical(given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .extract().asString());
        try {
            if (Boolean.getBoolean("threelists.contracts.update")) {
                Files.createDirectories(published.getParent());
                Files.writeString(published, served, StandardCharsets.UTF_8);
            }
            assertThat(published).as("contracts/openapi/" + service + ".json").exists();
            assertThat(canonical(Files.readString(published, StandardCharsets.UTF_8)))
                    .as("served /q/openapi differs from contracts/openapi/" + service + ".json; "
                            + "if the change is intended, run the tests with -Dthreelists.contracts.update=true")
                    .isEqualTo(served);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Every committed record now on {@code topic} validates against the topic's schema and names its aggregate as the
     * CloudEvents subject. Returns the messages, for further checks.
     */
    public static List<JsonNode> assertEveryMessageConforms(String topic) {
        List<ConsumerRecord<String, String>> records = KafkaProbe.readAll(topic);
        assertThat(records).as("records on " + topic).isNotEmpty();
        return records.stream().map(record -> {
            JsonNode message = parse(record.value());
            assertThat(ContractSchemas.violations(topic, message)).as(record.value()).isEmpty();
            return message;
        }).toList();
    }

    /** The repository's contracts/ folder: the nearest one above the directory the tests run in. */
    private static Path contractsDirectory() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("contracts/openapi"))) {
                return dir.resolve("contracts");
            }
        }
        throw new IllegalStateException("No contracts/openapi folder above " + Path.of("").toAbsolutePath());
    }

    private static JsonNode parse(String json) {
        try {
            return Json.mapper().readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String canonical(String json) {
        try {
            Object tree = Json.mapper().treeToValue(parse(json), Object.class);
            return Json.mapper().copy().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
                    .enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(tree) + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
