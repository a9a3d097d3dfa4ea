package org.threelists.testing.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.LocalDate;

/**
 * A value that satisfies a (resolved) schema, as plain as possible: the first enum value, the lower bound, a date
 * a week ahead. Used as the base a violation changes in one place when a test gives no valid body of its own.
 */
final class SchemaExamples {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private SchemaExamples() {
    }

    static JsonNode example(JsonNode schema) {
        return example(schema, 0);
    }

    static String type(JsonNode schema) {
        JsonNode type = schema.path("type");
        if (type.isArray()) {
            for (JsonNode t : type) {
                if (!"null".equals(t.asText())) {
                    return t.asText();
                }
            }
        }
        if (type.isTextual()) {
            return type.asText();
        }
        if (schema.has("properties")) {
            return "object";
        }
        if (schema.has("enum")) {
            return "string";
        }
        return "";
    }

    private static JsonNode example(JsonNode schema, int depth) {
        if (schema.has("enum") && schema.get("enum").size() > 0) {
            return schema.get("enum").get(0);
        }
        switch (type(schema)) {
            case "object": {
                ObjectNode object = NODES.objectNode();
                if (depth < 8) {
                    schema.path("properties").fields().forEachRemaining(p -> object.set(p.getKey(), example(p.getValue(), depth + 1)));
                }
                return object;
            }
            case "array": {
                ArrayNode array = NODES.arrayNode();
                int items = Math.max(1, schema.path("minItems").asInt(1));
                for (int i = 0; i < items && depth < 8; i++) {
                    array.add(example(schema.path("items"), depth + 1));
                }
                return array;
            }
            case "integer": {
                long low = schema.has("minimum") ? schema.get("minimum").asLong()
                        : schema.has("exclusiveMinimum") ? schema.get("exclusiveMinimum").asLong() + 1 : 1;
                return NODES.numberNode(Math.max(low, 1));
            }
            case "number": {
                double low = schema.has("minimum") ? schema.get("minimum").asDouble()
                        : schema.has("exclusiveMinimum") ? schema.get("exclusiveMinimum").asDouble() + 1 : 1;
                return NODES.numberNode(Math.max(low, 1));
            }
            case "boolean":
                return NODES.booleanNode(true);
            case "string":
                return NODES.textNode(string(schema));
            default:
                return NODES.textNode("x");
        }
    }

    private static String string(JsonNode schema) {
        String format = schema.path("format").asText("");
        if (format.equals("date")) {
            return LocalDate.now().plusDays(7).toString();
        }
        if (format.equals("date-time")) {
            return LocalDate.now().plusDays(7) + "T09:00:00Z";
        }
        if (schema.has("examples") && schema.get("examples").size() > 0 && schema.get("examples").get(0).isTextual()) {
            return schema.get("examples").get(0).asText();
        }
        int min = schema.path("minLength").asInt(1);
        return "f".repeat(Math.max(1, min));
    }
}
