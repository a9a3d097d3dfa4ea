package org.threelists.console.signin;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real HTTP server in resource-list's place for the sign-in page: {@code GET /units} and {@code GET /party-groups}
 * answer a street's units and building Party groups to a desk token of that street (as resource-list would), and
 * 401 to anything else.
 */
public class ResourceListUpstream implements QuarkusTestResourceLifecycleManager {

    /** 嘉福社区's group as the desk reads it: masked names; the leader is listed second, as resource-list may. */
    static final JsonObject JIAFU_GROUP = new JsonObject()
            .put("groupId", "group-jiafu-1").put("communityCode", "jiafu").put("name", "嘉福盐业小区楼栋党小组")
            .put("leaderId", "volunteer-1")
            .put("members", new JsonArray()
                    .add(new JsonObject().put("memberId", "resident-1").put("maskedName", "林*珍").put("kind", "RESIDENT"))
                    .add(new JsonObject().put("memberId", "volunteer-1").put("maskedName", "陈*").put("kind", "VOLUNTEER")));

    /** How many requests the stand-in has answered, to show which listings ask resource-list at all. */
    static final AtomicInteger REQUESTS = new AtomicInteger();

    private Vertx vertx;

    @Override
    public Map<String, String> start() {
        vertx = Vertx.vertx();
        HttpServer server = vertx.createHttpServer().requestHandler(request -> {
            REQUESTS.incrementAndGet();
            JsonObject claims = claimsOf(request.getHeader("Authorization"));
            if (!List.of("/units", "/party-groups").contains(request.path()) || claims == null
                    || !claims.getJsonArray("groups", new JsonArray()).contains("desk")) {
                request.response().setStatusCode(401).end();
                return;
            }
            boolean dianqian = "dianqian".equals(claims.getString("street"));
            JsonArray items = !dianqian ? new JsonArray() : request.path().equals("/units")
                    ? new JsonArray().add(new JsonObject().put("unitId", "unit-huli-court").put("name", "湖里区人民法院"))
                    : new JsonArray().add(JIAFU_GROUP);
            request.response().putHeader("Content-Type", "application/json")
                    .end(new JsonObject().put("items", items).put("total", items.size()).encode());
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
