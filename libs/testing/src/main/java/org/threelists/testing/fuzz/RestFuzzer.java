package org.threelists.testing.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import io.restassured.config.EncoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.threelists.platform.json.Json;
import org.threelists.testing.fuzz.OpenApiDocument.Operation;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.function.Supplier;

import static io.restassured.RestAssured.given;

/**
 * Sends, for every operation of a service's published OpenAPI document, requests that break its contract, each with
 * the token of a role the operation admits (so the request is judged on its content, not refused at the door), and
 * checks each answer: a 4xx RFC 9457 problem document (never a 5xx), and the service's state unchanged.
 *
 * <pre>{@code
 * List<Finding> findings = RestFuzzer.forService("demand-list").seed(11).token("community", WORKER)
 *         .pathValue("demandId", () -> listedDemand).validBody("POST /demands", Fixtures::legalAdviceDemand)
 *         .state(RowCounts.of(dataSource, "domain_event_entry")).run();
 * }</pre>
 */
public final class RestFuzzer {

    private static final RestAssuredConfig RAW = RestAssuredConfig.config()
            .encoderConfig(EncoderConfig.encoderConfig().appendDefaultContentCharsetToContentTypeIfUndefined(false));

    private final String service;
    private final Map<String, String> tokens = new HashMap<>();
    private final Map<String, Supplier<String>> pathValues = new HashMap<>();
    private final Map<String, Supplier<Object>> validBodies = new HashMap<>();
    private long seed = 11;
    private int cap = 80;
    private Supplier<String> state = () -> "";

    private RestFuzzer(String service) {
        this.service = service;
    }

    public static RestFuzzer forService(String service) {
        return new RestFuzzer(service);
    }

    public RestFuzzer seed(long seed) {
        this.seed = seed;
        return this;
    }

    /** At most this many cases per operation; the whole-body and parameter cases always run, field cases are sampled. */
    public RestFuzzer casesPerOperation(int cap) {
        this.cap = cap;
        return this;
    }

    /** The token sent to operations that admit {@code role} (the security scopes of the OpenAPI document). */
    public RestFuzzer token(String role, String token) {
        tokens.put(role, token);
        return this;
    }

    /** A real value for a path parameter, so body violations reach the aggregate the path names. */
    public RestFuzzer pathValue(String parameter, Supplier<String> value) {
        pathValues.put(parameter, value);
        return this;
    }

    /** A body the operation accepts ({@code "POST /demands"}): the violations change it in one place each. */
    public RestFuzzer validBody(String operation, Supplier<Object> body) {
        validBodies.put(operation, body);
        return this;
    }

    /** What a refused request must not change, compared before and after each case. */
    public RestFuzzer state(Supplier<String> state) {
        this.state = state;
        return this;
    }

    /** Runs every case; prints the number of cases per operation and in total; returns what went wrong. */
    public List<Finding> run() {
        Random random = new Random(seed);
        Map<String, String> values = new HashMap<>();
        Function<String, String> pathValue = name -> values.computeIfAbsent(name,
                n -> pathValues.containsKey(n) ? pathValues.get(n).get() : "fuzz-" + n);
        Map<String, Integer> counts = new LinkedHashMap<>();
        List<Finding> findings = new ArrayList<>();
        long started = System.nanoTime();
        for (Operation operation : OpenApiDocument.of(service).operations()) {
            Supplier<Object> body = validBodies.get(operation.key());
            JsonNode valid = body == null ? null : Json.mapper().valueToTree(body.get());
            List<RestCase> cases = RestCases.of(operation, pathValue, valid, cap, random);
            String token = tokenFor(operation);
            for (RestCase c : cases) {
                check(c, token).ifPresent(findings::add);
            }
            counts.put(operation.key(), cases.size());
        }
        int total = counts.values().stream().mapToInt(Integer::intValue).sum();
        StringBuilder report = new StringBuilder("REST fuzz of " + service + " (seed " + seed + ", at most " + cap
                + " cases per operation):\n");
        counts.forEach((op, n) -> report.append(String.format("  %4d  %s%n", n, op)));
        report.append(String.format("  %4d  cases in total, %d operations, %d findings, %d s%n", total, counts.size(),
                findings.size(), (System.nanoTime() - started) / 1_000_000_000));
        System.out.print(report);
        findings.forEach(f -> System.out.println("FINDING " + f));
        return findings;
    }

    private String tokenFor(Operation operation) {
        for (String role : operation.roles()) {
            if (tokens.containsKey(role)) {
                return tokens.get(role);
            }
        }
        if (!operation.roles().isEmpty()) {
            throw new IllegalStateException("No token for any role of " + operation.key() + ": " + operation.roles());
        }
        return null;
    }

    private java.util.Optional<Finding> check(RestCase c, String token) {
        String before = state.get();
        Response response;
        try {
            response = request(c, token).request(c.method(), c.path() + queryString(c.query()));
        } catch (Exception e) { // RestAssured rethrows I/O errors (a closed connection) unchecked or sneakily
            return java.util.Optional.of(new Finding(c.operation(), c.label(), c.describe(), "no answer: " + e));
        }
        String after = state.get();
        int status = response.statusCode();
        String problem = problemDefect(response);
        String outcome = null;
        if (status >= 500) {
            outcome = "server error " + status;
        } else if (c.expect() == RestCase.Expect.REFUSED && (status < 400 || status >= 500)) {
            outcome = "accepted with " + status + " although it breaks the contract";
        } else if (status >= 400 && problem != null) {
            outcome = status + " without a problem document: " + problem;
        }
        // A value the contract allows (a free-text query value) may take effect; a refused request never may.
        boolean mustNotChange = c.expect() == RestCase.Expect.REFUSED || status >= 400;
        if (mustNotChange && !before.equals(after)) {
            outcome = (outcome == null ? "" : outcome + "; ") + "state changed: " + before + " → " + after;
        }
        if (outcome == null) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new Finding(c.operation(), c.label(), c.describe(),
                outcome + "\n    answer: " + RestCase.cut(response.asString(), 300)));
    }

    private static RequestSpecification request(RestCase c, String token) {
        RequestSpecification request = given().config(RAW).urlEncodingEnabled(false).accept("application/json");
        if (token != null) {
            request.auth().oauth2(token);
        }
        if (c.body() != null) {
            request.contentType(c.contentType()).body(c.body());
        }
        return request;
    }

    private static String queryString(Map<String, String> query) {
        if (query.isEmpty()) {
            return "";
        }
        StringBuilder q = new StringBuilder("?");
        query.forEach((k, v) -> q.append(k).append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8)).append('&'));
        return q.substring(0, q.length() - 1);
    }

    /** What is wrong with the answer as an RFC 9457 problem document; null when nothing is. */
    private static String problemDefect(Response response) {
        String type = response.contentType();
        if (type == null || !type.startsWith("application/problem+json")) {
            return "Content-Type " + type;
        }
        try {
            JsonNode problem = Json.mapper().readTree(response.asByteArray());
            if (!problem.path("type").isTextual() || !problem.path("title").isTextual()
                    || problem.path("status").asInt() != response.statusCode()) {
                return "missing type/title or status ≠ " + response.statusCode();
            }
            return null;
        } catch (java.io.IOException e) {
            return "body is not JSON";
        }
    }
}
