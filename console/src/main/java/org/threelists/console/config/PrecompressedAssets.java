package org.threelists.console.config;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The front end's hashed assets as the build gzipped them (web/vite.config.js writes a {@code .gz} beside each script
 * and style sheet), sent as they are to a browser that accepts gzip: the console does not compress the same bytes again
 * on every request, and the first page's scripts leave at once (console/README.md "Building and testing"). A hashed
 * name never changes its content, so the browser may keep it for a year. Anything else falls through to Quarkus's
 * static resources.
 */
@ApplicationScoped
public class PrecompressedAssets {

    static final String ASSETS = "/assets/";
    static final String IMMUTABLE = "public, max-age=31536000, immutable";
    private static final Map<String, String> TYPES = Map.of(
            ".js", "text/javascript;charset=UTF-8",
            ".css", "text/css;charset=UTF-8",
            ".svg", "image/svg+xml");

    /**
     * The gzipped bytes of each asset the build wrote and a browser asked for: they are few and small. A path with no
     * {@code .gz} is not remembered, so that requests for made-up names cannot fill the map.
     */
    private final Map<String, Buffer> gzipped = new ConcurrentHashMap<>();

    void register(@Observes Router router) {
        router.get(ASSETS + "*").order(-5).handler(this::serve);
    }

    private void serve(RoutingContext context) {
        String path = context.normalizedPath();
        String type = typeOf(path);
        String accepts = context.request().getHeader(HttpHeaders.ACCEPT_ENCODING);
        if (type == null || accepts == null || !accepts.contains("gzip") || path.contains("..")) {
            context.next();
            return;
        }
        Buffer known = gzipped.get(path);
        if (known != null) {
            send(context, type, Optional.of(known));
            return;
        }
        context.vertx().executeBlocking(() -> read(path), false).onComplete(read -> {
            Optional<Buffer> found = read.succeeded() ? read.result() : Optional.empty();
            found.ifPresent(bytes -> gzipped.put(path, bytes));
            send(context, type, found);
        });
    }

    private static void send(RoutingContext context, String type, Optional<Buffer> body) {
        if (body.isEmpty()) {
            context.next();
            return;
        }
        context.response()
                .putHeader(HttpHeaders.CONTENT_TYPE, type)
                .putHeader(HttpHeaders.CONTENT_ENCODING, "gzip")
                .putHeader(HttpHeaders.VARY, "Accept-Encoding")
                .putHeader(HttpHeaders.CACHE_CONTROL, IMMUTABLE)
                .end(body.get());
    }

    private static String typeOf(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? null : TYPES.get(path.substring(dot));
    }

    private static Optional<Buffer> read(String path) {
        try (InputStream in = Thread.currentThread().getContextClassLoader()
                .getResourceAsStream("META-INF/resources" + path + ".gz")) {
            return in == null ? Optional.empty() : Optional.of(Buffer.buffer(in.readAllBytes()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
