package org.threelists.platform.ratelimit;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The token bucket per client address: the burst, the refill, one bucket per address, and when to come back. */
class ClientRateLimiterTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);

    @Test
    void the_burst_is_allowed_and_the_next_request_is_refused_with_the_wait_until_the_next_one() {
        ClientRateLimiter limiter = new ClientRateLimiter(3, 30, now::get);
        for (int i = 0; i < 3; i++) {
            limiter.acquire("10.0.0.1");
        }
        assertThatThrownBy(() -> limiter.acquire("10.0.0.1")).isInstanceOfSatisfying(TooManyRequestsException.class,
                refused -> assertThat(refused.retryAfterSeconds()).as("30 a minute: one every 2 s").isEqualTo(2));
    }

    @Test
    void the_bucket_refills_over_time_and_each_address_has_its_own() {
        ClientRateLimiter tenASecond = new ClientRateLimiter(2, 600, now::get);
        tenASecond.acquire("10.0.0.1");
        tenASecond.acquire("10.0.0.1");
        assertThatThrownBy(() -> tenASecond.acquire("10.0.0.1")).isInstanceOf(TooManyRequestsException.class);
        tenASecond.acquire("10.0.0.2");

        now.addAndGet(Duration.ofMillis(100).toNanos());
        tenASecond.acquire("10.0.0.1");
        assertThatThrownBy(() -> tenASecond.acquire("10.0.0.1")).isInstanceOf(TooManyRequestsException.class);

        now.addAndGet(Duration.ofMinutes(5).toNanos());
        tenASecond.acquire("10.0.0.1");
        tenASecond.acquire("10.0.0.1");
        assertThatThrownBy(() -> tenASecond.acquire("10.0.0.1")).as("never more than the burst, however long it waited")
                .isInstanceOf(TooManyRequestsException.class);
    }

    @Test
    void reset_forgets_every_client() {
        ClientRateLimiter limiter = new ClientRateLimiter(1, 1, now::get);
        limiter.acquire("10.0.0.1");
        limiter.reset();
        limiter.acquire("10.0.0.1");
    }

    @Test
    void a_limit_below_one_is_a_configuration_error() {
        assertThatThrownBy(() -> new ClientRateLimiter(0, 30, now::get)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ClientRateLimiter(30, 0, now::get)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void behind_the_configured_proxy_each_forwarded_visitor_has_their_own_bucket() {
        ClientRateLimiter limiter = new ClientRateLimiter(1, 1, now::get, List.of("10.0.0.9"));
        assertThat(limiter.clientOf("10.0.0.9", "203.0.113.7")).isEqualTo("203.0.113.7");
        assertThat(limiter.clientOf("10.0.0.9", null)).as("the proxy's own request").isEqualTo("10.0.0.9");
        limiter.acquire(limiter.clientOf("10.0.0.9", "203.0.113.7"));
        limiter.acquire(limiter.clientOf("10.0.0.9", "203.0.113.8"));
        assertThatThrownBy(() -> limiter.acquire(limiter.clientOf("10.0.0.9", "203.0.113.7")))
                .isInstanceOf(TooManyRequestsException.class);
    }

    @Test
    void what_a_visitor_wrote_into_the_header_themselves_is_never_believed() {
        ClientRateLimiter limiter = new ClientRateLimiter(1, 1, now::get, List.of("10.0.0.9"));
        assertThat(limiter.clientOf("10.0.0.9", "1.2.3.4, 203.0.113.7"))
                .as("the proxy appended the right-most; the left one is the visitor's own claim")
                .isEqualTo("203.0.113.7");
        assertThat(limiter.clientOf("198.51.100.1", "203.0.113.7"))
                .as("from anyone but the configured proxy the header is ignored").isEqualTo("198.51.100.1");
        assertThat(new ClientRateLimiter(1, 1, now::get).clientOf("10.0.0.9", "203.0.113.7"))
                .as("no proxy configured: the header is never trusted").isEqualTo("10.0.0.9");
    }

    @Test
    void a_chain_of_trusted_proxies_is_walked_to_the_first_address_none_of_them_is() {
        ClientRateLimiter limiter = new ClientRateLimiter(1, 1, now::get, List.of("10.0.0.9", " 10.0.0.10 "));
        assertThat(limiter.clientOf("10.0.0.9", "1.2.3.4, 203.0.113.7, 10.0.0.10")).isEqualTo("203.0.113.7");
    }
}
