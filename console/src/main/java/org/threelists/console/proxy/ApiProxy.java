package org.threelists.console.proxy;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.RequestOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;
import org.threelists.console.config.ConsoleConfig;

import java.net.URI;
import java.util.Map;

/**
 * One origin for the browser: {@code /api/<service>/<path>} on the console is {@code <path>} on that service. The
 * request and the answer stream through unchanged — method, query, body, the caller's Authorization header, the
 * status and the problem document of a refusal — so that every service keeps deciding who may do what
 * (docs/architecture.md); the console adds no rule of its own. As a reverse proxy does, it appends the visitor's
 * address to {@code X-Forwarded-For}, so that a service's public rate limit counts each visitor, not the console
 * (libs/platform/README.md, "Public rate limit").
 */
@ApplicationScoped
public class ApiProxy {

    static final String PREFIX = "/api/";
    private static final Logger LOG = Logger.getLogger(ApiProxy.class);

    private final Map<String, URI> upstreams;
    private final Vertx vertx;
    private HttpClient client;

    ApiProxy(ConsoleConfig config, Vertx vertx) {
        this.upstreams = config.upstream().byService();
        this.vertx = vertx;
    }

    void register(@Observes Router router) {
        client = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true).setMaxPoolSize(32));
        router.route(PREFIX + "*").order(-10).handler(this::forward);
    }

    private void forward(RoutingContext context) {
        HttpServerRequest incoming = context.request();
        String rest = incoming.uri().substring(PREFIX.length());
        int slash = rest.indexOf('/');
        String service = slash < 0 ? rest : rest.substring(0, slash);
        URI upstream = upstreams.get(service);
        if (upstream == null || slash < 0) {
            Problems.send(context.response(), 404, "not-found", "没有这个服务",
                    "控制台只转发到 " + String.join("、", upstreams.keySet()));
            return;
        }
        incoming.pause();
        RequestOptions options = new RequestOptions()
                .setMethod(incoming.method())
                .setHost(upstream.getHost())
                .setPort(upstream.getPort())
                .setURI(stripTrailingSlash(upstream.getRawPath()) + rest.substring(slash));
        client.request(options).onSuccess(outgoing -> {
            Headers.copyEndToEnd(incoming.headers(), outgoing.headers());
            Headers.appendForwardedFor(outgoing.headers(), incoming.remoteAddress());
            outgoing.send(incoming)
                    .onSuccess(answer -> relay(answer, context.response()))
                    .onFailure(failure -> unreachable(context, service, failure));
        }).onFailure(failure -> unreachable(context, service, failure));
    }

    private static void relay(HttpClientResponse answer, HttpServerResponse response) {
        response.setStatusCode(answer.statusCode());
        Headers.copyEndToEnd(answer.headers(), response.headers());
        if (!answer.headers().contains("Content-Length")) {
            response.setChunked(true);
        }
        answer.pipeTo(response);
    }

    private static void unreachable(RoutingContext context, String service, Throwable failure) {
        LOG.warnf("%s did not answer: %s", service, failure.getMessage());
        if (!context.response().headWritten()) {
            Problems.send(context.response(), 502, "upstream-unavailable", "服务暂时不可用",
                    service + " 没有应答，请稍后再试");
        } else {
            context.response().reset();
        }
    }

    private static String stripTrailingSlash(String path) {
        return path == null ? "" : path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }
}
