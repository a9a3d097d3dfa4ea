package org.threelists.testing.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * JSON bodies that break a (resolved) request schema in exactly one place, each made from a valid base body: a
 * required field missing or null, a field of the wrong JSON type, a string over its maxLength or under its
 * minLength or against its pattern, a value outside its enum or format, a number past its bounds or its int32
 * range, an array with too many or too few items, an unknown field.
 */
final class BodyViolations {

    /** One broken body and what was broken. */
    record Violation(String label, JsonNode body) {
    }

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final List<String> PATTERN_BREAKERS = List.of("", " ", "\t", "\u0000", "\uD83D\uDE00", "a b!", "-");

    private final List<Violation> violations = new ArrayList<>();

    private BodyViolations() {
    }

    static List<Violation> of(JsonNode schema, JsonNode base) {
        BodyViolations found = new BodyViolations();
        found.object(base, "", schema, 0);
        return found.violations;
    }

    private void object(JsonNode root, String pointer, JsonNode schema, int depth) {
        if (depth > 6) {
            return;
        }
        Set<String> required = new HashSet<>();
        schema.path("required").forEach(name -> required.add(name.asText()));
        add("unknown field at " + display(pointer), root, pointer + "/fuzzUnknownField", NODES.textNode("surprise"));
        for (var properties = schema.path("properties").fields(); properties.hasNext(); ) {
            Map.Entry<String, JsonNode> property = properties.next();
            String at = pointer + "/" + escape(property.getKey());
            JsonNode fieldSchema = property.getValue();
            if (required.contains(property.getKey())) {
                add("required " + display(at) + " missing", root, at, null);
                add("required " + display(at) + " null", root, at, NODES.nullNode());
            }
            field(root, at, fieldSchema, depth);
        }
    }

    private void field(JsonNode root, String at, JsonNode schema, int depth) {
        String type = SchemaExamples.type(schema);
        for (JsonNode wrong : wrongTypes(type)) {
            add(display(at) + " as " + kind(wrong) + " " + RestCase.cut(wrong.toString(), 30), root, at, wrong);
        }
        if (schema.has("enum")) {
            add(display(at) + " outside its enum", root, at, NODES.textNode("FUZZ_NOT_IN_ENUM"));
            String first = schema.get("enum").get(0).asText();
            if (!first.toLowerCase().equals(first)) {
                add(display(at) + " enum value in lower case", root, at, NODES.textNode(first.toLowerCase()));
            }
        }
        switch (type) {
            case "string" -> string(root, at, schema);
            case "integer", "number" -> number(root, at, schema, type.equals("integer"));
            case "array" -> array(root, at, schema, depth);
            case "object" -> {
                JsonNode present = root.at(at);
                JsonNode base = present.isObject() ? root : set(root, at, SchemaExamples.example(schema));
                object(base, at, schema, depth + 1);
            }
            default -> {
            }
        }
    }

    private void string(JsonNode root, String at, JsonNode schema) {
        if (schema.has("maxLength")) {
            int max = schema.get("maxLength").asInt();
            add(display(at) + " of maxLength+1 (" + (max + 1) + ")", root, at, NODES.textNode("x".repeat(max + 1)));
            add(display(at) + " of 100,000 chars", root, at, NODES.textNode("长".repeat(100_000)));
        }
        int min = schema.path("minLength").asInt(0);
        if (min > 0) {
            add(display(at) + " of minLength-1 (" + (min - 1) + ")", root, at, NODES.textNode("x".repeat(min - 1)));
        }
        if (schema.has("pattern")) {
            Pattern pattern = Pattern.compile(schema.get("pattern").asText());
            for (String candidate : PATTERN_BREAKERS) {
                if (!pattern.matcher(candidate).find()) {
                    add(display(at) + " against pattern " + pattern + ": " + printable(candidate), root, at, NODES.textNode(candidate));
                }
            }
        }
        switch (schema.path("format").asText("")) {
            case "date" -> {
                add(display(at) + " an impossible date", root, at, NODES.textNode("2026-02-30"));
                add(display(at) + " not a date", root, at, NODES.textNode("next tuesday"));
            }
            case "date-time" -> {
                add(display(at) + " an impossible instant", root, at, NODES.textNode("2026-12-01T25:61:00Z"));
                add(display(at) + " not an instant", root, at, NODES.textNode("yesterday"));
            }
            case "local-time" -> add(display(at) + " an impossible time", root, at, NODES.textNode("25:61"));
            default -> {
            }
        }
    }

    private void number(JsonNode root, String at, JsonNode schema, boolean integer) {
        JsonNode step = integer ? NODES.numberNode(1) : NODES.numberNode(0.001);
        if (schema.has("minimum")) {
            add(display(at) + " minimum-1", root, at, minus(schema.get("minimum"), step, integer));
        }
        if (schema.has("exclusiveMinimum") && schema.get("exclusiveMinimum").isNumber()) {
            add(display(at) + " at its exclusiveMinimum", root, at, schema.get("exclusiveMinimum"));
            add(display(at) + " negative", root, at, NODES.numberNode(-1));
        }
        if (schema.has("maximum")) {
            add(display(at) + " maximum+1", root, at, plus(schema.get("maximum"), step, integer));
        }
        if (schema.has("exclusiveMaximum") && schema.get("exclusiveMaximum").isNumber()) {
            add(display(at) + " at its exclusiveMaximum", root, at, schema.get("exclusiveMaximum"));
        }
        if (integer) {
            add(display(at) + " a fraction", root, at, NODES.numberNode(1.5));
            if ("int32".equals(schema.path("format").asText())) {
                add(display(at) + " past int32", root, at, NODES.numberNode(2_147_483_648L));
            }
            add(display(at) + " past int64", root, at, NODES.numberNode(new BigInteger("99999999999999999999999")));
        } else {
            add(display(at) + " past double (1e400)", root, at, NODES.numberNode(new java.math.BigDecimal("1e400")));
        }
    }

    private void array(JsonNode root, String at, JsonNode schema, int depth) {
        JsonNode present = root.at(at);
        JsonNode item = present.isArray() && present.size() > 0 ? present.get(0) : SchemaExamples.example(schema.path("items"));
        if (schema.has("maxItems")) {
            int max = schema.get("maxItems").asInt();
            ArrayNode many = NODES.arrayNode();
            for (int i = 0; i <= max; i++) {
                many.add(item.deepCopy());
            }
            add(display(at) + " of maxItems+1 (" + (max + 1) + ")", root, at, many);
        }
        int min = schema.path("minItems").asInt(0);
        if (min > 0) {
            ArrayNode few = NODES.arrayNode();
            for (int i = 0; i < min - 1; i++) {
                few.add(item.deepCopy());
            }
            add(display(at) + " of minItems-1 (" + (min - 1) + ")", root, at, few);
        }
        ArrayNode one = NODES.arrayNode().add(item.deepCopy());
        JsonNode base = present.isArray() && present.size() > 0 ? root : set(root, at, one);
        field(base, at + "/0", schema.path("items"), depth + 1);
    }

    private static List<JsonNode> wrongTypes(String type) {
        List<JsonNode> values = new ArrayList<>();
        if (!type.equals("string")) {
            values.add(NODES.textNode("fuzz"));
        }
        if (!type.equals("integer") && !type.equals("number")) {
            values.add(NODES.numberNode(12345));
        }
        if (!type.equals("boolean")) {
            values.add(NODES.booleanNode(true));
        }
        if (!type.equals("object")) {
            values.add(NODES.objectNode().put("fuzz", 1));
        }
        if (!type.equals("array")) {
            values.add(NODES.arrayNode().add("fuzz"));
        }
        return values;
    }

    private void add(String label, JsonNode root, String at, JsonNode value) {
        violations.add(new Violation(label, set(root, at, value)));
    }

    /** A copy of {@code root} with the value at the JSON pointer replaced, or removed when {@code value} is null. */
    static JsonNode set(JsonNode root, String at, JsonNode value) {
        JsonNode copy = root.deepCopy();
        int slash = at.lastIndexOf('/');
        JsonNode parent = slash == 0 ? copy : copy.at(at.substring(0, slash));
        String name = at.substring(slash + 1).replace("~1", "/").replace("~0", "~");
        if (parent instanceof ObjectNode object) {
            if (value == null) {
                object.remove(name);
            } else {
                object.set(name, value);
            }
        } else if (parent instanceof ArrayNode array) {
            int index = Integer.parseInt(name);
            if (value == null) {
                array.remove(index);
            } else if (index < array.size()) {
                array.set(index, value);
            } else {
                array.add(value);
            }
        }
        return copy;
    }

    private static JsonNode minus(JsonNode bound, JsonNode step, boolean integer) {
        return integer ? NODES.numberNode(bound.asLong() - 1) : NODES.numberNode(bound.decimalValue().subtract(step.decimalValue()));
    }

    private static JsonNode plus(JsonNode bound, JsonNode step, boolean integer) {
        return integer ? NODES.numberNode(bound.asLong() + 1) : NODES.numberNode(bound.decimalValue().add(step.decimalValue()));
    }

    private static String kind(JsonNode value) {
        return value.getNodeType().name().toLowerCase();
    }

    private static String escape(String name) {
        return name.replace("~", "~0").replace("/", "~1");
    }

    private static String display(String pointer) {
        return pointer.isEmpty() ? "the body" : pointer.substring(1).replace('/', '.');
    }

    private static String printable(String candidate) {
        return candidate.isEmpty() ? "(empty)" : candidate.replace("\u0000", "\\u0000").replace("\t", "\\t");
    }
}
