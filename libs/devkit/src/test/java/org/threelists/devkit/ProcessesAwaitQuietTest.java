package org.threelists.devkit;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class ProcessesAwaitQuietTest {

    @Test
    void a_sleeping_process_is_quiet_after_its_samples_and_a_gone_one_answers_minus_one() throws Exception {
        Process sleeping = new ProcessBuilder("sleep", "30").start();
        try {
            long began = System.nanoTime();
            long used = Processes.awaitQuiet(sleeping.pid(), Duration.ofMillis(50), 1, 3, Duration.ofSeconds(10));
            double seconds = (System.nanoTime() - began) / 1e9;
            assertThat(used).isBetween(0L, 3L);
            assertThat(seconds).isGreaterThanOrEqualTo(0.15).isLessThan(5);
        } finally {
            sleeping.destroyForcibly().waitFor();
        }
        assertThat(Processes.awaitQuiet(sleeping.pid(), Duration.ofMillis(10), 1, 1, Duration.ofSeconds(1))).isEqualTo(-1);
    }

    @Test
    void a_busy_process_is_waited_for_until_the_timeout_and_its_cpu_counted() throws Exception {
        Process busy = new ProcessBuilder("sh", "-c", "while :; do :; done").start();
        try {
            long began = System.nanoTime();
            long used = Processes.awaitQuiet(busy.pid(), Duration.ofMillis(100), 0, 5, Duration.ofMillis(800));
            double seconds = (System.nanoTime() - began) / 1e9;
            assertThat(seconds).isGreaterThanOrEqualTo(0.8);
            assertThat(used).isPositive();
        } finally {
            busy.destroyForcibly().waitFor();
        }
    }
}
