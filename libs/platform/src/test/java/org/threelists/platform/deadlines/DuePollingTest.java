package org.threelists.platform.deadlines;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class DuePollingTest {

    private final DuePolling<String> polling = new DuePolling<>("test-poller", Duration.ofSeconds(5), Instant::now,
            null);

    @Test
    void a_row_that_keeps_failing_waits_twice_as_long_each_time_and_never_more_than_an_hour() {
        assertThat(polling.backOff(1)).isEqualTo(Duration.ofSeconds(10));
        assertThat(polling.backOff(2)).isEqualTo(Duration.ofSeconds(20));
        assertThat(polling.backOff(9)).isEqualTo(Duration.ofSeconds(2560));
        assertThat(polling.backOff(10)).isEqualTo(Duration.ofHours(1));
        assertThat(polling.backOff(1_000)).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void a_poller_not_started_is_not_running_and_has_not_polled() throws InterruptedException {
        assertThat(polling.running()).isFalse();
        assertThat(polling.lastPoll()).isNull();
        polling.stop();
        assertThat(polling.running()).isFalse();
    }
}
