package org.threelists.console.proxy;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;

import java.net.ServerSocket;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real HTTP server standing in for the services behind the console: it answers every request with what it
 * received (as JSON), except {@code /refuse}, answered with a problem document as the services send one.
 * resource-list points at a port where nothing listens.
 */
public class EchoUpstream implements QuarkusTestResourceLifecycleManager {

    private static int port;
    private Vertx vertx;

    static int port() {
        return port;
    }

    @Override
    public Map<String, String> start() {
        vertx = Vertx.vertx();
        HttpServer server = vertx.createHttpServer().requestHandler(request -> request.body().onSuccess(body -> {
            if (request.path().endsWith("/refuse")) {
                request.response().setStatusCode(409).putHeader("Content-Type", "application/problem+json")
                        .end(new JsonObject().put("type", "https://threelists.dev/problems/illegal-transition")
                                .put("title", "Illegal transition").put("status", 409)
                                .put("detail", "Cannot verify a WITHDRAWN demand").encode());
                return;
            }
            JsonObject echo = new JsonObject()
                    .put("upstream", request.path().startsWith("/ledger") ? "ledger" : "other")
                    .put("method", request.method().name())
                    .put("uri", request.uri())
                    .put("host", request.getHeader("Host"))
                    .put("authorization", request.getHeader("Authorization"))
                    .put("forwardedFor", request.getHeader("X-Forwarded-For"))
                    .put("body", body.toString());
            request.response().setStatusCode("POST".equals(request.method().name()) ? 201 : 200)
                    .putHeader("Location", "/demands/echoed")
                    .putHeader("Content-Type", "application/json")
                    .end(echo.encode());
        }));
        try {
            server.listen(0).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            port = server.actualPort();
            return Map.of(
                    "threelists.console.upstream.demand-list", "http://localhost:" + port,
                    "threelists.console.upstream.matchmaker", "http://localhost:" + port,
                    "threelists.console.upstream.ledger", "http://localhost:" + port,
                    "threelists.console.upstream.resource-list", "http://localhost:" + unusedPort());
        } catch (Exception e) {
            throw new IllegalStateException("the echo upstream did not start", e);
        }
    }

    private static int unusedPort() throws java.io.IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void stop() {
        if (vertx != null) {
            vertx.close();
        }
    }
}
