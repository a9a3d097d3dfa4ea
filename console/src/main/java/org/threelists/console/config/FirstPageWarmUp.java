package org.threelists.console.config;

import io.quarkus.vertx.http.HttpServerStart;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.ObservesAsync;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Asks the console, once it listens, for what the first page asks for — the page, its scripts and style sheets, the
 * sign-in methods, the reference data and (local run) the first street's demo identities — so that the first person
 * to open it does not wait while the server loads and compiles the code behind each of them (seconds on a busy
 * machine: console/README.md "The first page"). Only on the loopback address; a failure only leaves the warm-up
 * undone.
 */
@ApplicationScoped
public class FirstPageWarmUp {

    private static final Logger LOG = Logger.getLogger(FirstPageWarmUp.class);
    private static final Pattern ASSET = Pattern.compile("(?:src|href)=\"(/assets/[^\"]+)\"");
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private final boolean enabled;
    private final boolean devSignIn;
    private final String firstStreet;

    FirstPageWarmUp(ConsoleConfig config) {
        this.enabled = config.warmUp().enabled();
        this.devSignIn = config.devSignIn().enabled();
        this.firstStreet = config.warmUp().street();
    }

    /** Off the event loop: the requests wait for their answers. */
    void warmUp(@ObservesAsync HttpServerStart started) {
        if (!enabled || started.options().getPort() <= 0) {
            return;
        }
        URI console = URI.create("http://127.0.0.1:" + started.options().getPort());
        HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
        long begun = System.nanoTime();
        try {
            // the page itself as text, to read its assets' names; everything else as a browser asks for it, gzipped
            String page = get(http, console.resolve("/"), "identity");
            List<String> paths = new ArrayList<>(assetsOf(page));
            paths.add("/console/sign-in-methods");
            paths.add("/console/reference");
            if (devSignIn) {
                paths.add("/console/dev-sign-in/identities?street=" + firstStreet + "&scope=office");
                paths.add("/console/dev-sign-in/identities?street=" + firstStreet);
            }
            for (String path : paths) {
                get(http, console.resolve(path), "gzip");
            }
            LOG.infof("First page warmed up in %d ms (%d requests)", (System.nanoTime() - begun) / 1_000_000, paths.size() + 1);
        } catch (IOException e) {
            LOG.warnf("First page not warmed up: %s", e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static List<String> assetsOf(String page) {
        List<String> assets = new ArrayList<>();
        Matcher m = ASSET.matcher(page);
        while (m.find()) {
            assets.add(m.group(1));
        }
        return assets;
    }

    private static String get(HttpClient http, URI uri, String encoding) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(TIMEOUT).header("Accept-Encoding", encoding).GET().build();
        return http.send(request, HttpResponse.BodyHandlers.ofString()).body();
    }
}
