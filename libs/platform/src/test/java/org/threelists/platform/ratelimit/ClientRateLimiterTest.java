package org.threelists.platform.ratelimit;

import org.junit.jupiter.api.Test;

import java.time.Duration;
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
}
