package org.threelists.localstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;

/**
 * What the demo data loaders share: JSON over HTTP to one service with a bearer token, the demo files on the class
 * path, and dates given in the files as days from the day the data is loaded. The loaders talk to the services
 * through their public REST API only, exactly as a person would.
 */
final class DemoClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int BODY_EXCERPT = 300;
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String service;
    private final String baseUrl;

    DemoClient(String service, String baseUrl) {
        this.service = service;
        this.baseUrl = baseUrl;
    }

    String service() {
        return service;
    }

    Answer get(String path, String token) {
        return send(request(path, token).GET());
    }

    Answer post(String path, String token, JsonNode body) {
        return send(request(path, token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
    }

    /**
     * The {@code total} of a paged list such as {@code /demands?size=1}.
     *
     * @throws Refused if the service does not answer 200 with a numeric total
     */
    long total(String path, String token) {
        Answer answer = get(path, token);
        if (answer.status() != 200) {
            throw new Refused("GET " + path + " answered HTTP " + answer.status() + " " + answer.excerpt());
        }
        JsonNode total = answer.json().path("total");
        if (!total.isNumber()) {
            throw new Refused("GET " + path + " answered without a numeric \"total\": " + answer.excerpt());
        }
        return total.asLong();
    }

    /** A JSON file on the class path, e.g. {@code /demo/demands.json}. */
    static JsonNode resource(String name) {
        try (InputStream in = DemoClient.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing class path resource " + name);
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name, e);
        }
    }

    /** {@code today} plus the number of days in {@code days} (a JSON number), as an ISO date. */
    static String inDays(LocalDate today, JsonNode days) {
        if (!days.canConvertToLong()) {
            throw new IllegalStateException("a demo date must be a whole number of days from today, not " + days);
        }
        return today.plusDays(days.asLong()).toString();
    }

    /** "12 demands", or "11 of 12 demands" when some were refused. */
    static String count(int accepted, int offered, String noun) {
        return (accepted == offered ? Integer.toString(accepted) : accepted + " of " + offered) + " " + noun;
    }

    private HttpRequest.Builder request(String path, String token) {
        return HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/json")
                .timeout(REQUEST_TIMEOUT);
    }

    private Answer send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(service + " did not answer at " + baseUrl, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while loading demo data into " + service, e);
        }
    }

    /** A service's answer: the status and the body as text. */
    record Answer(int status, String body) {

        boolean created() {
            return status == 201;
        }

        /** The body as JSON; a missing node if it is not JSON. */
        JsonNode json() {
            try {
                JsonNode tree = body == null ? null : JSON.readTree(body);
                return tree == null ? JSON.missingNode() : tree;
            } catch (IOException e) {
                return JSON.missingNode();
            }
        }

        /** The body on one line, cut to a few hundred characters, for a console message. */
        String excerpt() {
            String flat = body == null ? "" : body.replaceAll("\\s+", " ").strip();
            return flat.length() <= BODY_EXCERPT ? flat : flat.substring(0, BODY_EXCERPT) + "…";
        }

        /** "HTTP 400 {...}", for a console message. */
        String describe() {
            return "HTTP " + status + " " + excerpt();
        }
    }

    /** The service answered in a way that makes loading pointless (wrong status, unexpected body). */
    static final class Refused extends RuntimeException {
        Refused(String message) {
            super(message);
        }
    }
}
