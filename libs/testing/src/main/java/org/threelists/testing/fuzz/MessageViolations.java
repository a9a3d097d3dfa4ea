package org.threelists.testing.fuzz;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.threelists.platform.json.ContractSchemas;
import org.threelists.platform.json.Json;
import org.threelists.testing.fuzz.MessageCase.Expect;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Values that break a topic's JSON Schema, made from a valid message: not JSON at all, another JSON type, too deep,
 * and, for every field of the message, the field missing, null, of another type, huge or of an unknown event type.
 * A field change the schema still allows is dropped: the schema in contracts/ decides what is a violation. Each
 * value gets an id of its own, so that none is taken for a redelivery of another.
 */
final class MessageViolations {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private MessageViolations() {
    }

    /** The violations of the message body; sampled down to {@code cap} with the seeded random. */
    static List<MessageCase> of(String topic, Supplier<JsonNode> valid, String idField, int cap, Random random) {
        List<MessageCase> fixed = new ArrayList<>();
        for (String raw : List.of("{not json", "", "null", "42", "\"text\"", "[]", "{}", "{\"a\":1}}")) {
            fixed.add(new MessageCase("value " + (raw.isEmpty() ? "(empty)" : raw), bytes(raw), Expect.DEAD_LETTERED));
        }
        fixed.add(new MessageCase("invalid UTF-8", new byte[] {'{', '"', (byte) 0xC3, '(', (byte) 0xFF, '"', ':', '1', '}'},
                Expect.DEAD_LETTERED));
        fixed.add(new MessageCase(RestCases.NESTING + " nested arrays",
                bytes("[".repeat(RestCases.NESTING) + "]".repeat(RestCases.NESTING)), Expect.DEAD_LETTERED));
        JsonNode template = valid.get();
        if (template.has("type")) {
            add(fixed, topic, "unknown event type", set(template, "/type", NODES.textNode("threelists.fuzz.unknown.v1"), idField));
        }
        List<MessageCase> sampled = new ArrayList<>();
        for (Map.Entry<String, JsonNode> field : fields(template, "")) {
            String at = field.getKey();
            String name = at.substring(1);
            add(sampled, topic, name + " missing", set(template, at, null, idField));
            add(sampled, topic, name + " null", set(template, at, NODES.nullNode(), idField));
            for (JsonNode wrong : List.of(NODES.textNode("fuzz"), NODES.numberNode(12345), NODES.booleanNode(true),
                    NODES.objectNode().put("fuzz", 1), NODES.arrayNode().add("fuzz"))) {
                if (wrong.getNodeType() != field.getValue().getNodeType()) {
                    add(sampled, topic, name + " as " + wrong, set(template, at, wrong, idField));
                }
            }
            // Long ids have a batch of their own (oddIds): a partition they block must not hide the other cases.
            if (field.getValue().isTextual() && !at.equals("/" + idField)) {
                add(sampled, topic, name + " of 100,000 chars", set(template, at, NODES.textNode("长".repeat(100_000)), idField));
                add(sampled, topic, name + " empty", set(template, at, NODES.textNode(""), idField));
            }
            if (field.getValue().isNumber()) {
                add(sampled, topic, name + " negative", set(template, at, NODES.numberNode(-1), idField));
                add(sampled, topic, name + " 1e308", set(template, at, NODES.numberNode(new BigDecimal("1e308")), idField));
                add(sampled, topic, name + " past int64", set(template, at, NODES.numberNode(new BigInteger("99999999999999999999999")), idField));
            }
        }
        Collections.shuffle(sampled, random);
        List<MessageCase> cases = new ArrayList<>(fixed);
        cases.addAll(sampled.subList(0, Math.min(sampled.size(), Math.max(0, cap - fixed.size()))));
        return cases;
    }

    /**
     * Odd ids: 400 and 10,000 characters, a NUL, an emoji. Each twice: in an otherwise valid message (the schema may
     * allow it, and then it is applied or dead-lettered once), and in a message that also breaks the schema (then
     * dead-lettered once): either way the bookkeeping of the id must not block the partition.
     */
    static List<MessageCase> oddIds(String topic, Supplier<JsonNode> valid, String idField, JsonNode breaking) {
        List<MessageCase> cases = new ArrayList<>();
        // In this order: the ones most likely to be digested first, so a blocking one shows as late as it can.
        Map<String, String> ids = new java.util.LinkedHashMap<>();
        ids.put("emoji", "\uD83D\uDE00-" + UUID.randomUUID());
        ids.put("400-char", "i".repeat(400));
        ids.put("10,000-char", "長".repeat(10_000));
        ids.put("NUL-holding", "fuzz-\u0000-" + UUID.randomUUID());
        ids.forEach((label, id) -> {
            String unique = id.length() >= 400 ? id.substring(0, id.length() - 36) + UUID.randomUUID() : id;
            JsonNode message = BodyViolations.set(valid.get(), "/" + idField, NODES.textNode(unique));
            boolean violates = !ContractSchemas.violations(topic, message).isEmpty();
            cases.add(new MessageCase(label + " " + idField, bytes(write(message)), violates ? Expect.DEAD_LETTERED : Expect.HANDLED_ONCE));
            JsonNode broken = breaking.deepCopy();
            ((com.fasterxml.jackson.databind.node.ObjectNode) broken).put(idField, unique + "-b");
            cases.add(new MessageCase(label + " " + idField + " in a message that breaks the schema", bytes(write(broken)),
                    Expect.DEAD_LETTERED));
        });
        return cases;
    }

    /** Every field of the message by JSON pointer, depth first, arrays by their first item. */
    private static List<Map.Entry<String, JsonNode>> fields(JsonNode node, String pointer) {
        List<Map.Entry<String, JsonNode>> all = new ArrayList<>();
        if (node.isObject()) {
            node.fields().forEachRemaining(f -> {
                String at = pointer + "/" + f.getKey().replace("~", "~0").replace("/", "~1");
                all.add(Map.entry(at, f.getValue()));
                all.addAll(fields(f.getValue(), at));
            });
        } else if (node.isArray() && node.size() > 0) {
            all.add(Map.entry(pointer + "/0", node.get(0)));
            all.addAll(fields(node.get(0), pointer + "/0"));
        }
        return all;
    }

    private static void add(List<MessageCase> cases, String topic, String label, JsonNode message) {
        if (!ContractSchemas.violations(topic, message).isEmpty()) {
            cases.add(new MessageCase(label, bytes(write(message)), Expect.DEAD_LETTERED));
        }
    }

    /** The template changed at one place, under an id of its own unless the change is to the id itself. */
    private static JsonNode set(JsonNode template, String at, JsonNode value, String idField) {
        JsonNode changed = template;
        if (!at.equals("/" + idField) && template.path(idField).isTextual()) {
            changed = BodyViolations.set(template, "/" + idField, NODES.textNode("fuzz-" + UUID.randomUUID()));
        }
        return BodyViolations.set(changed, at, value);
    }

    static String write(JsonNode node) {
        try {
            return Json.mapper().writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
