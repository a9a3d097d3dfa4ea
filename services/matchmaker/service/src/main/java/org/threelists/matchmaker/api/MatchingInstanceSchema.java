package org.threelists.matchmaker.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.resource.AllowSchemaLoader;
import org.threelists.matchmaker.matching.Json;
import org.threelists.matchmaker.matching.MatchingInstance;
import org.threelists.platform.json.ContractSchemas;
import org.threelists.platform.problem.ProblemException;
import org.threelists.platform.problem.ProblemType;
import org.threelists.platform.problem.Violation;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * contracts/matching-instance.schema.json, the contract of {@code POST /plans}: a body is planned only when it is
 * valid against it, so a client sees every violation at once, with its JSON path.
 */
final class MatchingInstanceSchema {

    private static final String ID = ContractSchemas.ID_PREFIX + "matching-instance.schema.json";
    // The instance schema sits at the root of contracts/, beside schemas/ whose common definitions it refers to.
    private static final JsonSchema SCHEMA = load();

    /**
     * The most one plan takes, counted before the schema walks the body: a street's whole list is far smaller (the
     * README's benchmark plans 10,000 demands against 1,000 offers offline, not over REST), and the body itself is
     * bounded by quarkus.http.limits.max-body-size.
     */
    static final int MAX_DEMANDS = 5_000;
    static final int MAX_RESOURCES = 1_000;
    static final int MAX_CANDIDATES = 200_000;

    private MatchingInstanceSchema() {
    }

    private static void checkSize(JsonNode body, String field, int max) {
        JsonNode items = body.path(field);
        if (items.isArray() && items.size() > max) {
            throw ProblemException.invalid(field, "at most " + max + " in one plan, " + items.size() + " given");
        }
    }

    /** The body as an instance, or a 400 problem listing the violations. */
    static MatchingInstance read(JsonNode body) {
        if (body == null || body.isNull()) {
            throw ProblemException.invalid("body", "a matching instance is required");
        }
        checkSize(body, "demands", MAX_DEMANDS);
        checkSize(body, "resources", MAX_RESOURCES);
        checkSize(body, "candidates", MAX_CANDIDATES);
        List<Violation> violations = SCHEMA.validate(body).stream()
                .map(MatchingInstanceSchema::violation)
                .sorted(Comparator.comparing(Violation::field).thenComparing(Violation::message))
                .toList();
        if (!violations.isEmpty()) {
            throw new ProblemException(ProblemType.INVALID_INPUT,
                    violations.stream().map(v -> v.field() + ": " + v.message()).collect(Collectors.joining("; ")),
                    Map.of("violations", violations));
        }
        try {
            return Json.mapper().treeToValue(body, MatchingInstance.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            // What the schema cannot say, e.g. a window that ends before it starts.
            Throwable cause = e.getCause() instanceof IllegalArgumentException ? e.getCause() : e;
            throw ProblemException.invalid("body", cause.getMessage());
        }
    }

    private static Violation violation(ValidationMessage message) {
        String field = dotted(message.getInstanceLocation().toString());
        if (("required".equals(message.getType()) || "additionalProperties".equals(message.getType()))
                && message.getProperty() != null) {
            field = field.isEmpty() ? message.getProperty() : field + "." + message.getProperty();
        }
        String error = message.getError() == null ? message.getMessage() : message.getError();
        return new Violation(field.isEmpty() ? "body" : field, error);
    }

    /** "/demands/0/category" (or "$.demands[0].category") → "demands[0].category", as the other endpoints name fields. */
    private static String dotted(String location) {
        if (!location.startsWith("/")) {
            return location.replaceFirst("^\\$\\.?", "");
        }
        StringBuilder field = new StringBuilder();
        for (String part : location.substring(1).split("/")) {
            if (part.chars().allMatch(Character::isDigit) && !part.isEmpty()) {
                field.append('[').append(part).append(']');
            } else {
                field.append(field.isEmpty() ? "" : ".").append(part.replace("~1", "/").replace("~0", "~"));
            }
        }
        return field.toString();
    }

    private static JsonSchema load() {
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012, builder -> builder
                .schemaMappers(mappers -> mappers
                        .mapPrefix(ID, "classpath:contracts/matching-instance.schema.json")
                        .mapPrefix(ContractSchemas.ID_PREFIX, "classpath:contracts/schemas/"))
                .schemaLoaders(loaders -> loaders.add(new AllowSchemaLoader(iri -> iri.toString().startsWith("classpath:")))));
        JsonSchema schema = factory.getSchema(SchemaLocation.of(ID),
                SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build());
        schema.initializeValidators();
        return schema;
    }
}
