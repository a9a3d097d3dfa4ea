package org.threelists.demand.contract;

import com.fasterxml.jackson.databind.JsonNode;
import org.hibernate.validator.constraints.CodePointLength;
import org.junit.jupiter.api.Test;
import org.threelists.demand.api.RequestBodies;
import org.threelists.demand.domain.DemandLimits;
import org.threelists.platform.json.Json;

import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One source of truth for each bound: the request DTOs carry {@link DemandLimits}, the published OpenAPI document states
 * the same, and the event schema the matchmaker validates against accepts everything within them.
 */
class DemandLimitsContractTest {

    private static final Path CONTRACTS = contracts();

    @Test
    void the_text_bounds_of_the_request_dtos_are_the_demand_limits() {
        Map<String, Integer> bounds = Map.of("compound", DemandLimits.COMPOUND_MAX, "building", DemandLimits.BUILDING_MAX,
                "description", DemandLimits.DESCRIPTION_MAX);
        for (Class<?> dto : RequestBodies.detailRequests()) {
            bounds.forEach((field, max) -> assertThat(codePointMax(dto, field)).as(dto.getSimpleName() + "." + field)
                    .isEqualTo(max));
        }
        assertThat(codePointMax(RequestBodies.rejection(), "reason")).isEqualTo(DemandLimits.REASON_MAX);
        assertThat(codePointMax(RequestBodies.withdrawal(), "reason")).isEqualTo(DemandLimits.REASON_MAX);
    }

    @Test
    void the_published_openapi_document_states_the_demand_limits() throws IOException {
        JsonNode schemas = read("openapi/demand-list.json").path("components").path("schemas");
        for (String request : new String[] {"SubmitDemandRequest", "AmendDemandRequest"}) {
            JsonNode properties = schemas.path(request).path("properties");
            assertThat(properties.path("compound").path("maxLength").asInt()).isEqualTo(DemandLimits.COMPOUND_MAX);
            assertThat(properties.path("building").path("maxLength").asInt()).isEqualTo(DemandLimits.BUILDING_MAX);
            assertThat(properties.path("description").path("maxLength").asInt()).isEqualTo(DemandLimits.DESCRIPTION_MAX);
            assertThat(properties.path("beneficiaries").path("minimum").asInt()).isEqualTo(DemandLimits.BENEFICIARIES_MIN);
            assertThat(properties.path("beneficiaries").path("maximum").asInt()).isEqualTo(DemandLimits.BENEFICIARIES_MAX);
            assertThat(properties.path("estimatedHours").path("maximum").decimalValue())
                    .isEqualByComparingTo(DemandLimits.HOURS_MAX);
            assertThat(properties.path("requiredSkills").path("maxItems").asInt()).isEqualTo(DemandLimits.SKILLS_MAX);
        }
        assertThat(schemas.path("RejectDemandRequest").path("properties").path("reason").path("maxLength").asInt())
                .isEqualTo(DemandLimits.REASON_MAX);
    }

    @Test
    void the_event_schema_accepts_everything_within_the_demand_limits() throws IOException {
        JsonNode defs = read("schemas/demand-list.events.v1.schema.json").path("$defs");
        for (String event : new String[] {"DemandSubmitted", "DemandAmended"}) {
            JsonNode properties = defs.path(event).path("properties");
            // Exactly the topic's bounds: a wider REST bound is what made the matchmaker dead-letter demands.
            assertThat(properties.path("compound").path("maxLength").asInt()).as(event).isEqualTo(DemandLimits.COMPOUND_MAX);
            assertThat(properties.path("building").path("maxLength").asInt()).as(event).isEqualTo(DemandLimits.BUILDING_MAX);
            assertThat(properties.path("compound").path("minLength").asInt()).as("an empty compound is sent as none")
                    .isEqualTo(1);
            assertNoUpperBoundBelow(properties.path("description"), DemandLimits.DESCRIPTION_MAX);
            assertNoUpperBoundBelow(properties.path("requiredSkills").path("items"), DemandLimits.SKILL_MAX);
            assertThat(properties.path("beneficiaries").path("minimum").asInt()).isLessThanOrEqualTo(DemandLimits.BENEFICIARIES_MIN);
        }
    }

    /**
     * A 12345 ticket is refused by its schema when its demand could not hold it (the database would fail it, the topic
     * could not carry it, or the community could not send its contact back on amending), so the dead letter names the
     * field and its bound.
     */
    @Test
    void the_ticket_schema_bounds_a_ticket_by_what_its_demand_holds() throws IOException {
        JsonNode ticket = read("schemas/municipal.requests.v1.schema.json").path("properties");
        assertThat(ticket.path("service_request_id").path("maxLength").asInt()).isEqualTo(DemandLimits.TICKET_ID_MAX);
        assertThat(read("schemas/demand-list.events.v1.schema.json").path("$defs").path("DemandSubmitted")
                .path("properties").path("municipalTicketId").path("maxLength").asInt()).isEqualTo(DemandLimits.TICKET_ID_MAX);
        assertThat(Files.readString(Path.of("src/main/resources/db/migration/V1__demand_view.sql")))
                .containsPattern("municipal_ticket_id\\s+VARCHAR\\(" + DemandLimits.TICKET_ID_MAX + "\\)");
        assertThat(ticket.path("description").path("maxLength").asInt()).isEqualTo(DemandLimits.DESCRIPTION_MAX);
        assertThat(ticket.path("beneficiaries").path("maximum").asInt()).isEqualTo(DemandLimits.BENEFICIARIES_MAX);
        assertThat(ticket.path("last_name").path("maxLength").asInt() + ticket.path("first_name").path("maxLength").asInt())
                .isEqualTo(DemandLimits.RESIDENT_NAME_MAX);
        assertThat(ticket.path("phone").path("maxLength").asInt()).isEqualTo(DemandLimits.PHONE_MAX);
        assertThat(ticket.path("address").path("maxLength").asInt()).isEqualTo(DemandLimits.ADDRESS_MAX);
    }

    private static void assertNoUpperBoundBelow(JsonNode property, int max) {
        if (property.has("maxLength")) {
            assertThat(property.path("maxLength").asInt()).as(property.toString()).isGreaterThanOrEqualTo(max);
        }
    }

    private static int codePointMax(Class<?> dto, String field) {
        for (RecordComponent component : dto.getRecordComponents()) {
            if (component.getName().equals(field)) {
                CodePointLength bound = component.getAccessor().getAnnotation(CodePointLength.class);
                assertThat(bound).as(dto.getSimpleName() + "." + field + " is bounded in code points").isNotNull();
                return bound.max();
            }
        }
        throw new AssertionError(dto + " has no " + field);
    }

    private static JsonNode read(String file) throws IOException {
        return Json.mapper().readTree(Files.readString(CONTRACTS.resolve(file)));
    }

    private static Path contracts() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("contracts/openapi"))) {
                return dir.resolve("contracts");
            }
        }
        throw new IllegalStateException("No contracts folder above " + Path.of("").toAbsolutePath());
    }
}
