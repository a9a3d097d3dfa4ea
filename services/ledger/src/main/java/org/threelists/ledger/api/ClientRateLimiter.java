package org.threelists.ledger.api;

import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Limits what one client (by IP address) may ask of the public endpoints: a token bucket per address, holding
 * {@code burst} requests and refilled at {@code per-minute}. The buckets live in this replica's memory: with n replicas
 * behind a balancer a client gets at most n times the rate, which still makes guessing statements hopeless (see
 * services/ledger/README.md, "Hour statements").
 */
@ApplicationScoped
public class ClientRateLimiter {

    /** Buckets of clients silent for this long are forgotten, so the map cannot grow without bound. */
    private static final long IDLE_NANOS = Duration.ofMinutes(10).toNanos();
    private static final int SWEEP_ABOVE = 10_000;

    private final double burst;
    private final double perNano;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    ClientRateLimiter(@ConfigProperty(name = "threelists.ledger.public-rate-limit.burst") int burst,
            @ConfigProperty(name = "threelists.ledger.public-rate-limit.per-minute") int perMinute) {
        this.burst = burst;
        this.perNano = perMinute / (double) Duration.ofMinutes(1).toNanos();
    }

    /** Takes one request from the bucket of the request's client address. */
    public void acquire(HttpServerRequest request) {
        acquire(request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress());
    }

    /** Takes one request from the client's bucket; throws when it is empty, saying when the next one is allowed. */
    public void acquire(String client) {
        long now = System.nanoTime();
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

    /** The client asked too often; {@code retryAfterSeconds} until its next request is allowed. */
    public static final class TooManyRequestsException extends RuntimeException {

        private final long retryAfterSeconds;

        TooManyRequestsException(long retryAfterSeconds) {
            super("Too many requests from your address: try again in " + retryAfterSeconds + " s");
            this.retryAfterSeconds = retryAfterSeconds;
        }

        public long retryAfterSeconds() {
            return retryAfterSeconds;
        }
    }
}
