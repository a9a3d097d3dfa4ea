package org.threelists.testing.fuzz;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import org.threelists.platform.json.Json;
import org.threelists.testing.fuzz.OpenApiDocument.Operation;
import org.threelists.testing.fuzz.OpenApiDocument.Parameter;
import org.threelists.testing.fuzz.RestCase.Expect;

import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;

/**
 * The requests that break one operation's contract: its body (malformed, wrong type, too deep, too big, invalid
 * UTF-8, wrong media type, and every single-field violation of {@link BodyViolations}) and its path and query
 * parameters (wrong types, out of int32, very long, control characters). Field violations beyond the cap are
 * sampled with the seeded random, so a run is repeatable.
 */
final class RestCases {

    static final int NESTING = 10_000;
    // Large, yet under the smallest body limit of the services (the matchmaker's 4 MiB: a body over it is refused with
    // 413 before it is read, and the connection is closed while the client is still sending).
    static final int BIG_BODY_BYTES = 3 * 1024 * 1024;
    // Long, yet short enough that the request line stays under the HTTP server's 4,096 bytes and reaches the service.
    private static final String LONG_ID = "x".repeat(2_000);
    private static final String LONG_VALUE = "长".repeat(300);

    private RestCases() {
    }

    static List<RestCase> of(Operation operation, Function<String, String> pathValues, JsonNode validBody, int cap, Random random) {
        Map<String, String> path = new LinkedHashMap<>();
        Map<String, String> query = new LinkedHashMap<>();
        for (Parameter p : operation.parameters()) {
            if (p.in().equals("path")) {
                path.put(p.name(), pathValues.apply(p.name()));
            }
        }
        List<RestCase> fixed = new ArrayList<>();
        List<RestCase> sampled = new ArrayList<>();
        if (operation.bodySchema() != null) {
            JsonNode base = validBody != null ? validBody : SchemaExamples.example(operation.bodySchema());
            String target = expand(operation.path(), path);
            fixed.addAll(wholeBody(operation, target, base));
            for (BodyViolations.Violation v : BodyViolations.of(operation.bodySchema(), base)) {
                sampled.add(json(operation, v.label(), target, query, v.body()));
            }
        }
        for (Parameter p : operation.parameters()) {
            if (p.in().equals("path")) {
                pathCases(operation, p, path, fixed);
            } else if (p.in().equals("query")) {
                queryCases(operation, p, path, fixed);
            }
        }
        Collections.shuffle(sampled, random);
        List<RestCase> cases = new ArrayList<>(fixed);
        cases.addAll(sampled.subList(0, Math.min(sampled.size(), Math.max(0, cap - fixed.size()))));
        return cases;
    }

    /** Cases that break the body as a whole rather than one field of it. */
    private static List<RestCase> wholeBody(Operation op, String target, JsonNode base) {
        List<RestCase> cases = new ArrayList<>();
        Map<String, String> none = Map.of();
        String valid = write(base);
        for (String malformed : List.of("{\"a\":", "{'single': 'quotes'}", "[1, 2", "{\"a\" 1}", "not json at all", "{\"a\":1}}")) {
            cases.add(raw(op, "malformed JSON " + malformed, target, "application/json", malformed));
        }
        if (op.bodyRequired()) { // an optional body may be left out: that breaks nothing
            cases.add(raw(op, "empty body", target, "application/json", ""));
        }
        for (String root : List.of("null", "42", "\"text\"", "[]", "true")) {
            if (root.equals("null") && !op.bodyRequired()) {
                continue; // JSON null for an optional body reads as no body, which the contract allows
            }
            cases.add(raw(op, "body is " + root, target, "application/json", root));
        }
        cases.add(raw(op, NESTING + " nested arrays as the body", target, "application/json",
                "[".repeat(NESTING) + "]".repeat(NESTING)));
        cases.add(raw(op, NESTING + " nested objects as the body", target, "application/json",
                "{\"a\":".repeat(NESTING) + "1" + "}".repeat(NESTING)));
        String field = firstField(base);
        if (field != null) {
            cases.add(raw(op, NESTING + " nested arrays in " + field, target, "application/json",
                    valid.replaceFirst("^\\{", "{\"" + field + "\":" + "[".repeat(NESTING) + "]".repeat(NESTING) + ",")));
            cases.add(new RestCase(op.key(), "invalid UTF-8 in " + field, op.method(), target, none, "application/json",
                    withInvalidUtf8(base, field), Expect.REFUSED));
            cases.add(json(op, "several MiB in " + field, target, none,
                    BodyViolations.set(base, "/" + field, Json.mapper().getNodeFactory().textNode("x".repeat(BIG_BODY_BYTES)))));
        }
        cases.add(raw(op, "several MiB of unknown field", target, "application/json",
                "{\"fuzzPadding\":\"" + "y".repeat(BIG_BODY_BYTES) + "\"," + valid.substring(1)));
        for (String type : List.of("text/plain", "application/xml", "application/octet-stream")) {
            cases.add(raw(op, "valid body as " + type, target, type, valid));
        }
        return cases;
    }

    private static void pathCases(Operation op, Parameter p, Map<String, String> path, List<RestCase> cases) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("very long " + p.name(), LONG_ID);
        values.put(p.name() + " with NUL", "abc\u0000def");
        values.put(p.name() + " with control and quote characters", "a\r\n\"'<>;--");
        values.put(p.name() + " as a traversal", "..%2F..%2Fetc%2Fpasswd");
        values.put(p.name() + " as emoji", "\uD83D\uDE00\uD83D\uDE00");
        values.forEach((label, value) -> {
            Map<String, String> changed = new LinkedHashMap<>(path);
            changed.put(p.name(), value);
            // A path holding a random id names nothing: a 404 problem document is the expected refusal.
            cases.add(new RestCase(op.key(), label, op.method(), expand(op.path(), changed), Map.of(),
                    op.bodySchema() == null ? null : "application/json", op.bodySchema() == null ? null : "{}".getBytes(),
                    Expect.REFUSED));
        });
    }

    private static void queryCases(Operation op, Parameter p, Map<String, String> path, List<RestCase> cases) {
        String target = expand(op.path(), path);
        String type = SchemaExamples.type(p.schema());
        Map<String, String> refused = new LinkedHashMap<>();
        Map<String, String> odd = new LinkedHashMap<>();
        if (type.equals("integer")) {
            refused.put("not a number", "abc");
            refused.put("a fraction", "1.5");
            refused.put("past int32", "2147483648");
            refused.put("past int64", "99999999999999999999999");
            odd.put("negative", "-1");
            odd.put("int32 max", "2147483647");
        } else {
            odd.put("unknown value", "FUZZ_UNKNOWN");
            odd.put("300 CJK chars", LONG_VALUE);
            odd.put("with NUL", "a\u0000b");
            odd.put("quote and SQL", "' OR 1=1 --");
            odd.put("an impossible date", "2026-02-30");
        }
        refused.forEach((label, value) -> cases.add(query(op, p, target, label, value, Expect.REFUSED)));
        odd.forEach((label, value) -> cases.add(query(op, p, target, label, value, Expect.NO_SERVER_ERROR)));
    }

    private static RestCase query(Operation op, Parameter p, String target, String label, String value, Expect expect) {
        return new RestCase(op.key(), "query " + p.name() + " " + label, op.method(), target, Map.of(p.name(), value),
                op.bodySchema() == null ? null : "application/json", op.bodySchema() == null ? null : "{}".getBytes(), expect);
    }

    private static RestCase json(Operation op, String label, String target, Map<String, String> query, JsonNode body) {
        return new RestCase(op.key(), label, op.method(), target, query, "application/json",
                write(body).getBytes(StandardCharsets.UTF_8), Expect.REFUSED);
    }

    private static RestCase raw(Operation op, String label, String target, String contentType, String body) {
        return new RestCase(op.key(), RestCase.cut(label, 60), op.method(), target, Map.of(), contentType,
                body.getBytes(StandardCharsets.UTF_8), Expect.REFUSED);
    }

    /** The valid body with one string field's value replaced by bytes that are not UTF-8 (a lone 0xC3, 0xFF, 0xFE). */
    private static byte[] withInvalidUtf8(JsonNode base, String field) {
        String marker = "FUZZMARKER";
        String text = write(BodyViolations.set(base, "/" + field, Json.mapper().getNodeFactory().textNode(marker)));
        int at = text.indexOf(marker);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(text.substring(0, at).getBytes(StandardCharsets.UTF_8));
        bytes.writeBytes(new byte[] {'a', (byte) 0xC3, '(', (byte) 0xFF, (byte) 0xFE, 'b'});
        bytes.writeBytes(text.substring(at + marker.length()).getBytes(StandardCharsets.UTF_8));
        return bytes.toByteArray();
    }

    private static String firstField(JsonNode base) {
        var names = base.fieldNames();
        String first = null;
        while (names.hasNext()) {
            String name = names.next();
            if (base.get(name).isTextual()) {
                return name;
            }
            first = first == null ? name : first;
        }
        return first;
    }

    static String expand(String template, Map<String, String> values) {
        String path = template;
        for (Map.Entry<String, String> value : values.entrySet()) {
            path = path.replace("{" + value.getKey() + "}",
                    URLEncoder.encode(value.getValue(), StandardCharsets.UTF_8).replace("+", "%20").replace("%252F", "%2F"));
        }
        return path;
    }

    private static String write(JsonNode body) {
        try {
            return Json.mapper().writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
