package org.threelists.testing.authz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The authorisation matrix of one service: every operation of its published OpenAPI document
 * (contracts/openapi/{service}.json) × every role × every scope the role can be in, with the intended answer, read
 * from the table {@code authz/{service}.csv} on the test class path.
 *
 * <p>The scopes say where the caller stands relative to the resources the calls touch (all of them belong to one
 * community of one street, and to one unit where a unit owns them): {@code own} (the resource's community, unit or
 * street), {@code other-community} (another community of the same street), {@code other-unit} (another unit of the
 * same street), {@code other-street}; a member's also {@code leader} (leads the Party group holding the demand) and
 * {@code other-member} (another member of the community). The operator and the anonymous caller have the single scope
 * {@code -}.
 */
public final class AuthorisationMatrix {

    public static final String ANONYMOUS = "anonymous";

    /** Which scopes each role is tried in: a scope that cannot differ for a role (a desk has no community) is left out. */
    public static final Map<String, List<String>> SCOPES_BY_ROLE = scopesByRole();

    private static final List<String> HEADER = List.of("operation", "role", "scope", "expected", "today", "note");

    private final String service;
    private final Set<String> operations;
    private final List<MatrixRow> rows;

    private AuthorisationMatrix(String service, Set<String> operations, List<MatrixRow> rows) {
        this.service = service;
        this.operations = operations;
        this.rows = rows;
    }

    public static AuthorisationMatrix of(String service) {
        return new AuthorisationMatrix(service, operationsOf(service), table(service));
    }

    public Set<String> operations() {
        return operations;
    }

    public List<MatrixRow> rows() {
        return rows;
    }

    /** Rows whose answer today is not yet the intended one, for the report. */
    public List<MatrixRow> pendingRows() {
        return rows.stream().filter(MatrixRow::pending).toList();
    }

    /**
     * Every operation of the OpenAPI document has exactly one row for every role and scope; no row names an
     * operation, role or scope that does not exist; every expected answer is a status or {@code ok}.
     */
    public void assertComplete() {
        List<String> problems = new ArrayList<>();
        Set<MatrixRow.MatrixKey> seen = new LinkedHashSet<>();
        for (MatrixRow row : rows) {
            if (!operations.contains(row.operation())) {
                problems.add(row + ": no such operation in contracts/openapi/" + service + ".json");
            }
            if (!SCOPES_BY_ROLE.getOrDefault(row.role(), List.of()).contains(row.scope())) {
                problems.add(row + ": role/scope " + row.role() + "/" + row.scope() + " is not one of " + SCOPES_BY_ROLE);
            }
            if (!seen.add(row.key())) {
                problems.add(row + ": a second row for the same operation, role and scope");
            }
            for (String answer : new String[] {row.expected(), row.today()}) {
                if (answer != null && !answer.isBlank() && !answer.equals(MatrixRow.OK) && !answer.matches("[1-5][0-9][0-9]")) {
                    problems.add(row + ": '" + answer + "' is neither a status nor '" + MatrixRow.OK + "'");
                }
            }
        }
        for (String operation : operations) {
            SCOPES_BY_ROLE.forEach((role, scopes) -> scopes.forEach(scope -> {
                if (!seen.contains(new MatrixRow.MatrixKey(operation, role, scope))) {
                    problems.add("authz/" + service + ".csv has no row for " + operation + " as " + role + "/" + scope);
                }
            }));
        }
        assertThat(problems).as("authorisation table authz/" + service + ".csv against contracts/openapi/" + service + ".json")
                .isEmpty();
    }

    /**
     * Calls every row's operation with the token of its role and scope and checks the answer: reads first, then
     * writes, each operation's rows in the table's order (write the refusals before the successful calls, so that a
     * refused call meets the resource in the state the operation expects). A 401 or 403 must be a problem document
     * with that status. Fails with every wrong answer at once.
     *
     * @param tokens "role/scope" → bearer token (the anonymous caller sends none)
     * @param calls  operation → the request every row of that operation sends
     */
    public void assertAnswers(Map<String, String> tokens, Function<String, MatrixCall> calls) {
        List<String> problems = new ArrayList<>();
        List<MatrixRow> ordered = new ArrayList<>(rows);
        ordered.sort(Comparator.comparing((MatrixRow row) -> row.operation().startsWith("GET ") ? 0 : 1));
        Map<String, MatrixCall> callByOperation = new LinkedHashMap<>();
        Set<String> notArranged = new TreeSet<>();
        for (MatrixRow row : ordered) {
            MatrixCall call = callByOperation.computeIfAbsent(row.operation(), calls);
            if (!call.arranged()) {
                notArranged.add(row.operation());
                continue;
            }
            String token = ANONYMOUS.equals(row.role()) ? null : tokens.get(row.role() + "/" + row.scope());
            if (token == null && !ANONYMOUS.equals(row.role())) {
                problems.add(row + ": the test gives no token for " + row.role() + "/" + row.scope());
                continue;
            }
            Response response = send(row.operation(), call, token);
            int status = response.statusCode();
            if (!row.accepts(status)) {
                problems.add(row + ": answered " + status + ", the table says " + row.asserted()
                        + (row.pending() ? " (today; intended " + row.expected() + ")" : "")
                        + " — " + abbreviated(response.asString()));
            } else if (row.deniedStatus().isPresent() && !isProblemDocument(response, status)) {
                problems.add(row + ": the " + status + " is not a problem document — " + abbreviated(response.asString()));
            }
        }
        if (!notArranged.isEmpty()) {
            System.out.printf("authz/%s.csv: %d rows called, %d operations not arranged yet (rows checked for completeness only): %s%n",
                    service, rows.stream().filter(row -> !notArranged.contains(row.operation())).count(), notArranged.size(), notArranged);
        }
        assertThat(problems).as(problems.size() + " of " + rows.size() + " rows of authz/" + service + ".csv").isEmpty();
    }

    private static Response send(String operation, MatrixCall call, String token) {
        String method = operation.substring(0, operation.indexOf(' '));
        String path = operation.substring(operation.indexOf(' ') + 1);
        RequestSpecification request = given().accept(ContentType.JSON).redirects().follow(false);
        if (token != null) {
            request = request.auth().oauth2(token);
        }
        // a JSON content type also on bodiless POSTs, as clients send it: the answer is about the token, not the media type
        request = request.contentType(ContentType.JSON).pathParams(call.pathParams()).queryParams(call.queryParams());
        if (call.body() != null) {
            request = request.body(call.body());
        }
        return request.request(method, path);
    }

    private static boolean isProblemDocument(Response response, int status) {
        String type = response.contentType();
        if (type == null || !type.startsWith("application/problem+json")) {
            return false;
        }
        Object reported = response.jsonPath().get("status");
        return reported instanceof Number number && number.intValue() == status;
    }

    private static String abbreviated(String body) {
        String oneLine = body == null ? "" : body.replaceAll("\\s+", " ");
        return oneLine.length() > 200 ? oneLine.substring(0, 200) + "…" : oneLine;
    }

    private static Set<String> operationsOf(String service) {
        String resource = "contracts/openapi/" + service + ".json";
        try (InputStream in = AuthorisationMatrix.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource + " on the class path").isNotNull();
            JsonNode paths = new ObjectMapper().readTree(in).path("paths");
            Set<String> operations = new TreeSet<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> path = it.next();
                path.getValue().fieldNames().forEachRemaining(method -> {
                    if (Set.of("get", "put", "post", "delete", "patch", "head", "options").contains(method)) {
                        operations.add(method.toUpperCase() + " " + path.getKey());
                    }
                });
            }
            return operations;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<MatrixRow> table(String service) {
        String resource = "authz/" + service + ".csv";
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource + " on the test class path").isNotNull();
            List<MatrixRow> rows = new ArrayList<>();
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n", -1);
            boolean headerSeen = false;
            for (int i = 0; i < lines.length; i++) {
                String line = lines[i].strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                List<String> cells = List.of(line.split(",", HEADER.size())).stream().map(String::strip).toList();
                if (!headerSeen) {
                    assertThat(cells).as(resource + " header").isEqualTo(HEADER);
                    headerSeen = true;
                    continue;
                }
                assertThat(cells).as(resource + " line " + (i + 1) + " needs " + HEADER).hasSizeGreaterThanOrEqualTo(4);
                rows.add(new MatrixRow(cells.get(0), cells.get(1), cells.get(2), cells.get(3),
                        cells.size() > 4 ? cells.get(4) : "", cells.size() > 5 ? cells.get(5) : "", i + 1));
            }
            return List.copyOf(rows);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, List<String>> scopesByRole() {
        Map<String, List<String>> scopes = new LinkedHashMap<>();
        scopes.put("community", List.of("own", "other-community", "other-street"));
        scopes.put("unit", List.of("own", "other-unit", "other-street"));
        scopes.put("desk", List.of("own", "other-street"));
        scopes.put("auditor", List.of("own", "other-street"));
        // a member (党员志愿者) relative to a slip: the member it names, the leader of the group holding its demand,
        // another member of the community, a member of another street
        scopes.put("member", List.of("own", "leader", "other-member", "other-street"));
        // the operator runs the system (rebuilds read models) and belongs to no street
        scopes.put("operator", List.of("-"));
        scopes.put(ANONYMOUS, List.of("-"));
        return java.util.Collections.unmodifiableMap(scopes);
    }
}
