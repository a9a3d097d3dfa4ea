package org.threelists.console.spreadsheet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.threelists.console.config.ConsoleConfig;

/**
 * Requests to the services on the caller's behalf: each carries the caller's own Authorization header, so a
 * service decides exactly as it decides the caller's REST request (docs/architecture.md); the console adds no rule.
 */
@ApplicationScoped
public class ServiceCalls {

    /** What a service answered: its status, its body (JSON when it sent JSON) and its Content-Disposition. */
    public record Answer(int status, byte[] body, Optional<String> contentDisposition) {

        public boolean ok() {
            return status >= 200 && status < 300;
        }

        public JsonNode json() {
            try {
                return body.length == 0 ? JSON.createObjectNode() : JSON.readTree(body);
            } catch (IOException e) {
                return JSON.createObjectNode().put("title", "Unreadable answer").put("status", status)
                        .put("detail", new String(body, java.nio.charset.StandardCharsets.UTF_8));
            }
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private final Map<String, URI> upstreams;
    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

    ServiceCalls(ConsoleConfig config) {
        this.upstreams = config.upstream().byService();
    }

    /** Whether {@code service} is one of the four the console routes to. */
    public boolean routes(String service) {
        return upstreams.containsKey(service);
    }

    public Answer get(String service, String pathAndQuery, String authorization) {
        return send(service, pathAndQuery, authorization, HttpRequest.newBuilder().GET());
    }

    public Answer post(String service, String path, String authorization, JsonNode body) {
        try {
            return send(service, path, authorization, HttpRequest.newBuilder()
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body))));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private Answer send(String service, String pathAndQuery, String authorization, HttpRequest.Builder request) {
        URI base = upstreams.get(service);
        String root = base.toString().endsWith("/") ? base.toString().substring(0, base.toString().length() - 1) : base.toString();
        request.uri(URI.create(root + pathAndQuery)).timeout(Duration.ofMinutes(2))
                .header("Accept", "application/json, application/problem+json, text/csv")
                // a refused row is reported in the services' Chinese words (docs/architecture.md, "Problems in Chinese")
                .header("Accept-Language", "zh-CN");
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            HttpResponse<byte[]> answer = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Answer(answer.statusCode(), answer.body(), answer.headers().firstValue("Content-Disposition"));
        } catch (IOException e) {
            throw new UpstreamUnavailableException(service, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UpstreamUnavailableException(service, e);
        }
    }
}
