package org.threelists.testing.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.threelists.platform.json.Json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** A service's published OpenAPI document (contracts/openapi/{service}.json) as the list of its operations. */
public final class OpenApiDocument {

    private static final List<String> METHODS = List.of("get", "post", "put", "patch", "delete");

    private final JsonNode root;

    private OpenApiDocument(JsonNode root) {
        this.root = root;
    }

    /** The document of {@code service}, found in the nearest contracts/openapi folder above the working directory. */
    public static OpenApiDocument of(String service) {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path file = dir.resolve("contracts/openapi/" + service + ".json");
            if (Files.isRegularFile(file)) {
                try {
                    return new OpenApiDocument(Json.mapper().readTree(file.toFile()));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        throw new IllegalStateException("No contracts/openapi/" + service + ".json above " + Path.of("").toAbsolutePath());
    }

    /** One operation: its method and path template, parameters, JSON body schema (or null) and the roles it admits. */
    public record Operation(String method, String path, List<Parameter> parameters, JsonNode bodySchema,
            boolean bodyRequired, List<String> roles) {

        public String key() {
            return method + " " + path;
        }
    }

    /** A path or query parameter and its (resolved) schema. */
    public record Parameter(String name, String in, JsonNode schema) {
    }

    public List<Operation> operations() {
        List<Operation> operations = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = root.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (String method : METHODS) {
                JsonNode op = path.getValue().get(method);
                if (op != null) {
                    operations.add(operation(method.toUpperCase(), path.getKey(), op));
                }
            }
        }
        return operations;
    }

    private Operation operation(String method, String path, JsonNode op) {
        List<Parameter> parameters = new ArrayList<>();
        for (JsonNode p : op.path("parameters")) {
            parameters.add(new Parameter(p.path("name").asText(), p.path("in").asText(), resolve(p.path("schema"))));
        }
        JsonNode body = op.path("requestBody").path("content").path("application/json").get("schema");
        List<String> roles = new ArrayList<>();
        op.path("security").forEach(requirement -> requirement.fields()
                .forEachRemaining(scheme -> scheme.getValue().forEach(role -> roles.add(role.asText()))));
        return new Operation(method, path, parameters, body == null ? null : resolve(body),
                op.path("requestBody").path("required").asBoolean(false), roles);
    }

    /**
     * The schema with every {@code $ref} replaced by its target, recursively; a {@code $ref} beside other keywords
     * (as SmallRye writes a described enum) merges the target's keywords under the local ones.
     */
    public JsonNode resolve(JsonNode schema) {
        return resolve(schema, 0);
    }

    private JsonNode resolve(JsonNode schema, int depth) {
        if (depth > 20 || schema == null || schema.isMissingNode()) {
            return schema;
        }
        if (schema.isArray()) {
            var copy = Json.mapper().createArrayNode();
            schema.forEach(item -> copy.add(resolve(item, depth + 1)));
            return copy;
        }
        if (!schema.isObject()) {
            return schema;
        }
        ObjectNode resolved = Json.mapper().createObjectNode();
        JsonNode ref = schema.get("$ref");
        if (ref != null && ref.isTextual() && ref.asText().startsWith("#/")) {
            JsonNode target = root.at(ref.asText().substring(1));
            JsonNode targetResolved = resolve(target, depth + 1);
            if (targetResolved != null && targetResolved.isObject()) {
                resolved.setAll((ObjectNode) targetResolved);
            }
        }
        schema.fields().forEachRemaining(field -> {
            if (!field.getKey().equals("$ref")) {
                resolved.set(field.getKey(), resolve(field.getValue(), depth + 1));
            }
        });
        return resolved;
    }
}
