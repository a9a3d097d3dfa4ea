package org.threelists.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.threelists.localstack.LocalStack;
import org.threelists.localstack.ServiceReplica;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Calls a service the way a Kubernetes Service spreads them over its ready pods: round robin over the replicas, and
 * on to the next replica when one does not accept the connection (it is down or restarting). A request that was
 * sent and got no answer is not repeated: it may have been applied, so the caller counts it as unknown, never as
 * accepted.
 */
final class ReplicatedClient {

    /** What came back: the status (0 when no answer came) and the body. */
    record Answer(int status, JsonNode body) {
        boolean is(int expected) {
            return status == expected;
        }

        String text(String field) {
            return body == null ? null : body.path(field).asText(null);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(15);

    private final LocalStack stack;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final AtomicInteger next = new AtomicInteger();

    ReplicatedClient(LocalStack stack) {
        this.stack = stack;
    }

    Answer get(String service, String token, String path) {
        return send(service, token, path, "GET", null);
    }

    Answer post(String service, String token, String path, Object body) {
        return send(service, token, path, "POST", body);
    }

    private Answer send(String service, String token, String path, String method, Object body) {
        List<ServiceReplica> replicas = stack.replicas(service);
        int first = Math.floorMod(next.getAndIncrement(), replicas.size());
        for (int i = 0; i < replicas.size(); i++) {
            ServiceReplica replica = replicas.get((first + i) % replicas.size());
            try {
                HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(replica.baseUrl() + path))
                        .timeout(ANSWER_TIMEOUT)
                        .header("Authorization", "Bearer " + token)
                        .header("Accept", "application/json");
                if (body == null) {
                    request.method(method, HttpRequest.BodyPublishers.noBody());
                } else {
                    request.header("Content-Type", "application/json")
                            .method(method, HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
                }
                HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
                byte[] bytes = response.body();
                JsonNode parsed = bytes.length == 0 ? null : parse(bytes);
                return new Answer(response.statusCode(), parsed);
            } catch (ConnectException | HttpConnectTimeoutException notServing) {
                // nothing was sent: the next replica may take it, as a Service routes around a pod that is down
            } catch (IOException sentButUnanswered) {
                return new Answer(0, null);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Answer(0, null);
            }
        }
        return new Answer(0, null);
    }

    private static JsonNode parse(byte[] bytes) {
        try {
            return JSON.readTree(bytes);
        } catch (IOException notJson) {
            return null;
        }
    }
}
