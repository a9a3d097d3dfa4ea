package org.threelists.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** JSON over HTTP/1.1 to the services, with a bearer token, as a person with that token would call them. */
final class Http {

    static final ObjectMapper JSON = new ObjectMapper();
    static final Duration TIMEOUT = Duration.ofSeconds(30);

    /** An answer: the status and the body as JSON (a missing or non-JSON body is a null node). */
    record Answer(int status, JsonNode body, String text) {
        boolean is(int expected) {
            return status == expected;
        }

        /** The answer if it has the expected status; otherwise fails with what the service said. */
        Answer expect(int expected, String what) {
            if (status != expected) {
                throw new IllegalStateException(what + ": expected " + expected + ", got " + status + " "
                        + text.substring(0, Math.min(400, text.length())));
            }
            return this;
        }
    }

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    Answer post(String url, String token, Object body) throws IOException, InterruptedException {
        return post(url, token, body, TIMEOUT);
    }

    Answer post(String url, String token, Object body, Duration timeout) throws IOException, InterruptedException {
        String text = body == null ? "" : body instanceof String s ? s : JSON.writeValueAsString(body);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(timeout)
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .POST(body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(text, StandardCharsets.UTF_8));
        return send(request, token);
    }

    Answer get(String url, String token) throws IOException, InterruptedException {
        return get(url, token, TIMEOUT);
    }

    Answer get(String url, String token, Duration timeout) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(url)).timeout(timeout).header("Accept", "application/json").GET(), token);
    }

    private Answer send(HttpRequest.Builder request, String token) throws IOException, InterruptedException {
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        JsonNode body = null;
        String text = response.body() == null ? "" : response.body();
        if (!text.isEmpty() && (text.charAt(0) == '{' || text.charAt(0) == '[')) {
            try {
                body = JSON.readTree(text);
            } catch (IOException notJson) {
                // keep the text
            }
        }
        return new Answer(response.statusCode(), body == null ? JSON.nullNode() : body, text);
    }
}
