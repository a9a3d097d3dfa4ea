package org.threelists.platform.relay;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** The relay is told to claim its segment again once the broker answers after a failure, and only then. */
class BrokerReturnWatchTest {

    private final AtomicInteger probes = new AtomicInteger();
    private final AtomicInteger claims = new AtomicInteger();
    private final AtomicInteger probesAtClaim = new AtomicInteger();

    @Test
    void aFailureDuringAnOutageIsRetriedOnceTheBrokerAnswersAgain() throws InterruptedException {
        try (BrokerReturnWatch watch = new BrokerReturnWatch(() -> probes.incrementAndGet() > 3, this::claim)) {
            watch.failed();
            watch.failed(); // failures of the same outage are answered by one claim
            awaitClaims(1, Duration.ofSeconds(10));
            Thread.sleep(BrokerReturnWatch.FIRST_PAUSE.toMillis() + 500);

            assertThat(claims).as("claims").hasValue(1);
            assertThat(probesAtClaim).as("probes before the claim: three unanswered, then one answered").hasValue(4);
        }
    }

    @Test
    void nothingIsClaimedWithoutAFailure() throws InterruptedException {
        try (BrokerReturnWatch watch = new BrokerReturnWatch(() -> probes.incrementAndGet() > 0, this::claim)) {
            Thread.sleep(BrokerReturnWatch.FIRST_PAUSE.toMillis() + 500);

            assertThat(claims).hasValue(0);
            assertThat(probes).as("the broker is not probed while the relay works").hasValue(0);
        }
    }

    @Test
    void aClosedWatchClaimsNothing() throws InterruptedException {
        BrokerReturnWatch watch = new BrokerReturnWatch(() -> probes.incrementAndGet() > 0, this::claim);
        watch.failed();
        watch.close();
        Thread.sleep(BrokerReturnWatch.FIRST_PAUSE.toMillis() + 500);

        assertThat(claims).hasValue(0);
    }

    @Test
    void failuresWhileTheBrokerAnswersWaitLongerEachTimeUpToABound() {
        assertThat(BrokerReturnWatch.pauseAfter(0)).isEqualTo(Duration.ofSeconds(1));
        assertThat(BrokerReturnWatch.pauseAfter(1)).isEqualTo(Duration.ofSeconds(2));
        assertThat(BrokerReturnWatch.pauseAfter(2)).isEqualTo(Duration.ofSeconds(4));
        assertThat(BrokerReturnWatch.pauseAfter(3)).isEqualTo(BrokerReturnWatch.LONGEST_PAUSE);
        assertThat(BrokerReturnWatch.pauseAfter(40)).isEqualTo(BrokerReturnWatch.LONGEST_PAUSE);
    }

    private void claim() {
        probesAtClaim.set(probes.get());
        claims.incrementAndGet();
    }

    private void awaitClaims(int count, Duration patience) throws InterruptedException {
        long until = System.nanoTime() + patience.toNanos();
        while (claims.get() < count && System.nanoTime() < until) {
            Thread.sleep(20);
        }
        assertThat(claims).as("claims within " + patience).hasValue(count);
    }
}
