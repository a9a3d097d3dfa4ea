package org.threelists.console.signin;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real HTTP server in resource-list's place for the sign-in page: {@code GET /units} answers a street's units to a
 * desk token of that street (as resource-list would), and 401 to anything else.
 */
public class ResourceListUpstream implements QuarkusTestResourceLifecycleManager {

    private Vertx vertx;

    @Override
    public Map<String, String> start() {
        vertx = Vertx.vertx();
        HttpServer server = vertx.createHttpServer().requestHandler(request -> {
            JsonObject claims = claimsOf(request.getHeader("Authorization"));
            if (!request.path().equals("/units") || claims == null
                    || !claims.getJsonArray("groups", new JsonArray()).contains("desk")) {
                request.response().setStatusCode(401).end();
                return;
            }
            JsonArray units = "dianqian".equals(claims.getString("street"))
                    ? new JsonArray().add(new JsonObject().put("unitId", "unit-huli-court").put("name", "湖里区人民法院"))
                    : new JsonArray();
            request.response().putHeader("Content-Type", "application/json")
                    .end(new JsonObject().put("items", units).put("total", units.size()).encode());
        });
        try {
            server.listen(0).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("the resource-list stand-in did not start", e);
        }
        return Map.of("threelists.console.upstream.resource-list", "http://localhost:" + server.actualPort(),
                "threelists.console.dev-sign-in.enabled", "true");
    }

    static JsonObject claimsOf(String authorization) {
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            return null;
        }
        String[] parts = authorization.substring("Bearer ".length()).split("\\.");
        return parts.length == 3
                ? new JsonObject(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8))
                : null;
    }

    @Override
    public void stop() {
        if (vertx != null) {
            vertx.close();
        }
    }
}
