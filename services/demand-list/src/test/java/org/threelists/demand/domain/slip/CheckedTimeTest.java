package org.threelists.demand.domain.slip;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** A checked time counts to the nearest quarter hour, at least one quarter and at most 24 hours. */
class CheckedTimeTest {

    @Test
    void a_checked_time_is_rounded_to_the_nearest_quarter_hour() {
        assertThat(CheckedTime.hours(Duration.ofMinutes(22).plusSeconds(29))).isEqualByComparingTo("0.25");
        assertThat(CheckedTime.hours(Duration.ofMinutes(22).plusSeconds(30))).isEqualByComparingTo("0.5");
        assertThat(CheckedTime.hours(Duration.ofMinutes(80))).isEqualByComparingTo("1.25");
        assertThat(CheckedTime.hours(Duration.ofMinutes(83))).isEqualByComparingTo("1.5");
        assertThat(CheckedTime.hours(Duration.ofHours(3))).isEqualByComparingTo("3").hasScaleOf(2);
    }

    @Test
    void a_check_out_counts_at_least_a_quarter_and_at_most_a_day() {
        assertThat(CheckedTime.hours(Duration.ZERO)).isEqualByComparingTo("0.25");
        assertThat(CheckedTime.hours(Duration.ofSeconds(40))).isEqualByComparingTo("0.25");
        assertThat(CheckedTime.hours(Duration.ofHours(30))).isEqualByComparingTo("24").hasScaleOf(2);
    }
}
