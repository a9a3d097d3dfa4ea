package org.threelists.localstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Submits the demo demands of {@code demo/demands.json} through demand-list's REST API, each with a token of a
 * community worker of its own community, exactly as a person would. Loads nothing if any demo street already has a
 * demand, so restarting the stack does not duplicate them.
 */
final class DemoData {

    private static final String RESOURCE = "/demo/demands.json";
    private static final int BODY_EXCERPT = 300;

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String demandListUrl;
    private final PrintStream out;

    DemoData(String demandListUrl, PrintStream out) {
        this.demandListUrl = demandListUrl;
        this.out = out;
    }

    /** Submits the demo demands if no demo street has a demand yet; returns how many were accepted. */
    int loadIfEmpty() {
        List<DemoDemand> demands = demands(LocalDate.now());
        Set<String> streets = new LinkedHashSet<>();
        demands.forEach(demand -> streets.add(demand.street()));
        for (String street : streets) {
            HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(demandListUrl + "/demands?size=1"))
                    .header("Authorization", "Bearer " + DevTokens.desk("demo-desk-" + street, street))
                    .GET());
            if (response.statusCode() != 200) {
                out.println("  demo data not loaded: GET /demands for street " + street + " answered HTTP "
                        + response.statusCode() + " " + excerpt(response.body()));
                return 0;
            }
            JsonNode total = readTree(response.body()).path("total");
            if (!total.isNumber()) {
                out.println("  demo data not loaded: GET /demands answered without a numeric \"total\": " + excerpt(response.body()));
                return 0;
            }
            if (total.asLong() > 0) {
                out.println("  demo data already there (street " + street + " has " + total.asLong() + " demands)");
                return 0;
            }
        }
        int accepted = 0;
        for (DemoDemand demand : demands) {
            String community = demand.body().path("communityCode").asText();
            HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(demandListUrl + "/demands"))
                    .header("Authorization", "Bearer " + DevTokens.community(demand.worker(), demand.street(), community))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(demand.body().toString())));
            if (response.statusCode() == 201) {
                accepted++;
            } else {
                out.println("  demo demand for " + community + " (" + demand.body().path("category").asText()
                        + ") refused: HTTP " + response.statusCode() + " " + excerpt(response.body()));
            }
        }
        out.println("  demo data: " + accepted + " of " + demands.size() + " demands submitted");
        return accepted;
    }

    /** The demo demands with their dates made absolute, counted from {@code today}. */
    List<DemoDemand> demands(LocalDate today) {
        JsonNode entries;
        try (InputStream in = DemoData.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing class path resource " + RESOURCE);
            }
            entries = json.readTree(in).path("demands");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
        List<DemoDemand> demands = new ArrayList<>();
        for (JsonNode entry : entries) {
            ObjectNode body = entry.path("demand").deepCopy();
            if (entry.has("windowStartInDays")) {
                ObjectNode window = body.putObject("window");
                window.put("start", today.plusDays(entry.path("windowStartInDays").asLong()).toString());
                window.put("end", today.plusDays(entry.path("windowEndInDays").asLong()).toString());
            }
            if (entry.has("deadlineInDays")) {
                body.put("deadline", today.plusDays(entry.path("deadlineInDays").asLong()).toString());
            }
            demands.add(new DemoDemand(entry.path("street").asText(), entry.path("worker").asText(), body));
        }
        return demands;
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException("demand-list did not answer at " + demandListUrl, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while loading demo data", e);
        }
    }

    private JsonNode readTree(String body) {
        try {
            JsonNode tree = json.readTree(body);
            return tree == null ? json.missingNode() : tree;
        } catch (IOException e) {
            return json.missingNode();
        }
    }

    private static String excerpt(String body) {
        String flat = body == null ? "" : body.replaceAll("\\s+", " ").strip();
        return flat.length() <= BODY_EXCERPT ? flat : flat.substring(0, BODY_EXCERPT) + "…";
    }

    /** One demo demand: the street and worker it is submitted as, and the REST body. */
    record DemoDemand(String street, String worker, ObjectNode body) {
    }
}
