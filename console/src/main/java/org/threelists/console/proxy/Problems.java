package org.threelists.console.proxy;

import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;

/** The console's own refusals, as RFC 9457 problem documents shaped like the services' (README "Errors"). */
public final class Problems {

    public static final String TYPE_PREFIX = "https://threelists.dev/problems/";

    private Problems() {
    }

    public static JsonObject of(int status, String type, String title, String detail) {
        return new JsonObject().put("type", TYPE_PREFIX + type).put("title", title).put("status", status)
                .put("detail", detail);
    }

    static void send(HttpServerResponse response, int status, String type, String title, String detail) {
        response.setStatusCode(status).putHeader("Content-Type", "application/problem+json")
                .end(of(status, type, title, detail).encode());
    }
}
