package org.threelists.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.RestAssured;
import org.threelists.localstack.LocalStack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every answer the services give without a token (docs/architecture.md and DESIGN.md §6: public answers carry no
 * personal data): each operation the published OpenAPI documents (contracts/openapi) leave without security, asked
 * straight at its service for every street and community of the reference data, with and without this year, every
 * list and every page; the hour statements' public verification for the statements a test names. A new public
 * operation fails {@link #all} until it is asked here too.
 */
final class PublicAnswers {

    /** The public operations this class asks, as "service GET path". */
    static final Set<String> KNOWN = Set.of(
            "demand-list GET /notice-board/slips",
            "matchmaker GET /notice-board/projects",
            "ledger GET /notice-board/standings",
            "ledger GET /ledger/statements/{number}/verification");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int PAGE_SIZE = 100;

    private PublicAnswers() {
    }

    /** A statement's number and the code printed beside it. */
    record Statement(String number, String code) {
    }

    /** The raw bodies of every public answer, for every place and year, and the verification of {@code statements}. */
    static List<String> all(int year, List<Statement> statements) {
        Path root = LocalStack.findRepositoryRoot(Path.of(""));
        assertThat(publicOperations(root.resolve("contracts/openapi"))).as("the operations without a token "
                + "(contracts/openapi); a new one must be searched too: add it to PublicAnswers").isEqualTo(new TreeSet<>(KNOWN));
        List<String> answers = new ArrayList<>();
        for (JsonNode street : read(root.resolve("contracts/reference/communities.json"))) {
            String code = street.path("code").asText();
            for (Integer y : years(year)) {
                answers.addAll(pages(LocalStack.LEDGER, "/notice-board/standings", query(code, null, y, null)));
            }
            List<String> communities = new ArrayList<>();
            communities.add(null);
            street.path("communities").forEach(c -> communities.add(c.path("code").asText()));
            for (String community : communities) {
                for (Integer y : years(year)) {
                    answers.addAll(pages(LocalStack.DEMAND_LIST, "/notice-board/slips", query(code, community, y, null)));
                    for (String list : List.of("OPEN", "COMPLETED", "YEAR")) {
                        answers.addAll(pages(LocalStack.MATCHMAKER, "/notice-board/projects",
                                query(code, community, y, list)));
                    }
                }
            }
        }
        for (Statement statement : statements) {
            answers.add(RestAssured.given().baseUri(RunningSystem.url(LocalStack.LEDGER))
                    .queryParam("code", statement.code())
                    .get("/ledger/statements/" + statement.number() + "/verification")
                    .then().statusCode(200).extract().asString());
        }
        return answers;
    }

    /** "service GET path" of every operation a published OpenAPI document leaves without security. */
    static Set<String> publicOperations(Path openApiDirectory) {
        Set<String> open = new TreeSet<>();
        for (String service : List.of(LocalStack.DEMAND_LIST, LocalStack.RESOURCE_LIST, LocalStack.MATCHMAKER,
                LocalStack.LEDGER)) {
            JsonNode document = read(openApiDirectory.resolve(service + ".json"));
            boolean securedByDefault = document.path("security").size() > 0;
            document.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
                if (!op.getValue().isObject() || op.getKey().equals("parameters")) {
                    return;
                }
                JsonNode security = op.getValue().get("security");
                if (!(security == null ? securedByDefault : hasRequirement(security))) {
                    open.add(service + " " + op.getKey().toUpperCase() + " " + path.getKey());
                }
            }));
        }
        return open;
    }

    /** A security list with one empty requirement ({@code [{}]}) or none means no token is needed. */
    private static boolean hasRequirement(JsonNode security) {
        for (JsonNode requirement : security) {
            if (requirement.size() == 0) {
                return false;
            }
        }
        return security.size() > 0;
    }

    private static List<Integer> years(int year) {
        List<Integer> years = new ArrayList<>();
        years.add(null);
        years.add(year);
        return years;
    }

    private static Map<String, Object> query(String street, String community, Integer year, String list) {
        Map<String, Object> query = new LinkedHashMap<>();
        query.put("street", street);
        if (community != null) {
            query.put("community", community);
        }
        if (year != null) {
            query.put("year", year);
        }
        if (list != null) {
            query.put("list", list);
        }
        query.put("size", PAGE_SIZE);
        return query;
    }

    /** Every page of a paged public answer: its section (items, total) tells how many there are. */
    private static List<String> pages(String service, String path, Map<String, Object> query) {
        List<String> answers = new ArrayList<>();
        for (int page = 0; ; page++) {
            String body = RestAssured.given().baseUri(RunningSystem.url(service)).queryParams(query)
                    .queryParam("page", page).get(path).then().statusCode(200).extract().asString();
            answers.add(body);
            JsonNode section = pagedSection(parse(body));
            assertThat(section).as("the paged section of " + service + " " + path).isNotNull();
            if ((long) (page + 1) * PAGE_SIZE >= section.path("total").asLong()) {
                return answers;
            }
        }
    }

    private static JsonNode pagedSection(JsonNode node) {
        if (node.has("items") && node.has("total")) {
            return node;
        }
        for (Iterator<JsonNode> children = node.elements(); children.hasNext(); ) {
            JsonNode found = pagedSection(children.next());
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    private static JsonNode read(Path file) {
        try {
            return JSON.readTree(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode parse(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
