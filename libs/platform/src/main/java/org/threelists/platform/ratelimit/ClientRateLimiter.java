package org.threelists.platform.ratelimit;

import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Limits what one client (by IP address) may ask of a service's public endpoints — those anyone may call without a
 * token: the notice board, the statement verification. A token bucket per address, holding
 * {@code threelists.public-rate-limit.burst} requests and refilled at {@code …per-minute}; one bucket per client for
 * all of a service's public endpoints. The buckets live in this replica's memory: with n replicas behind a balancer a
 * client gets at most n times the rate (libs/platform/README.md, "Public rate limit"). Behind the console's proxy
 * the client is the address the proxy forwarded — only from the proxies named in
 * {@code threelists.public-rate-limit.trusted-proxies} ({@link ForwardedClient}); from anyone else the header is
 * ignored, or a visitor could pick a fresh bucket for every request.
 */
@ApplicationScoped
public class ClientRateLimiter {

    /** Buckets of clients silent for this long are forgotten, so the map cannot grow without bound. */
    private static final long IDLE_NANOS = Duration.ofMinutes(10).toNanos();
    private static final int SWEEP_ABOVE = 10_000;
    private static final String FORWARDED_FOR = "X-Forwarded-For";

    private final double burst;
    private final double perNano;
    private final LongSupplier nanoTime;
    private final ForwardedClient clients;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    @Inject
    public ClientRateLimiter(@ConfigProperty(name = "threelists.public-rate-limit.burst") int burst,
            @ConfigProperty(name = "threelists.public-rate-limit.per-minute") int perMinute,
            @ConfigProperty(name = "threelists.public-rate-limit.trusted-proxies") Optional<List<String>> proxies) {
        this(burst, perMinute, System::nanoTime, proxies.orElse(List.of()));
    }

    /** {@code nanoTime}: the monotonic clock buckets refill by (a test's own, to let time pass without waiting). */
    public ClientRateLimiter(int burst, int perMinute, LongSupplier nanoTime) {
        this(burst, perMinute, nanoTime, List.of());
    }

    /** {@code trustedProxies}: the addresses whose {@code X-Forwarded-For} names the client. */
    public ClientRateLimiter(int burst, int perMinute, LongSupplier nanoTime, List<String> trustedProxies) {
        if (burst < 1 || perMinute < 1) {
            throw new IllegalArgumentException("a public rate limit needs a burst and a rate of at least 1, not "
                    + burst + " and " + perMinute + " a minute");
        }
        this.burst = burst;
        this.perNano = perMinute / (double) Duration.ofMinutes(1).toNanos();
        this.nanoTime = nanoTime;
        this.clients = new ForwardedClient(trustedProxies);
    }

    /** Takes one request from the bucket of the request's client address. */
    public void acquire(HttpServerRequest request) {
        acquire(clientOf(request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress(),
                request.getHeader(FORWARDED_FOR)));
    }

    /** The client whose bucket a request from {@code peer} with this {@code X-Forwarded-For} (or null) takes from. */
    public String clientOf(String peer, String forwardedFor) {
        return clients.of(peer, forwardedFor);
    }

    /** Takes one request from the client's bucket; throws when it is empty, saying when the next one is allowed. */
    public void acquire(String client) {
        long now = nanoTime.getAsLong();
        if (buckets.size() > SWEEP_ABOVE) {
            buckets.values().removeIf(b -> now - b.updated > IDLE_NANOS);
        }
        Bucket bucket = buckets.computeIfAbsent(client, c -> new Bucket(burst, now));
        long waitSeconds;
        synchronized (bucket) {
            bucket.tokens = Math.min(burst, bucket.tokens + (now - bucket.updated) * perNano);
            bucket.updated = now;
            if (bucket.tokens >= 1) {
                bucket.tokens -= 1;
                return;
            }
            waitSeconds = (long) Math.ceil((1 - bucket.tokens) / perNano / 1e9);
        }
        throw new TooManyRequestsException(Math.max(1, waitSeconds));
    }

    /** Forgets every client: for tests that must start from a full bucket. */
    public void reset() {
        buckets.clear();
    }

    private static final class Bucket {
        double tokens;
        long updated;

        Bucket(double tokens, long updated) {
            this.tokens = tokens;
            this.updated = updated;
        }
    }
}
