package org.threelists.platform.checkin;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** A checked time counts to the nearest quarter hour, at least one quarter and at most 24 hours. */
class CheckedHoursTest {

    @Test
    void a_checked_time_is_rounded_to_the_nearest_quarter_hour() {
        assertThat(CheckedHours.of(Duration.ofMinutes(22).plusSeconds(29))).isEqualByComparingTo("0.25");
        assertThat(CheckedHours.of(Duration.ofMinutes(22).plusSeconds(30))).isEqualByComparingTo("0.5");
        assertThat(CheckedHours.of(Duration.ofMinutes(80))).isEqualByComparingTo("1.25");
        assertThat(CheckedHours.of(Duration.ofMinutes(83))).isEqualByComparingTo("1.5");
        assertThat(CheckedHours.of(Duration.ofHours(3))).isEqualByComparingTo("3").hasScaleOf(2);
    }

    @Test
    void a_check_out_counts_at_least_a_quarter_and_at_most_a_day() {
        assertThat(CheckedHours.of(Duration.ZERO)).isEqualByComparingTo("0.25");
        assertThat(CheckedHours.of(Duration.ofSeconds(40))).isEqualByComparingTo("0.25");
        assertThat(CheckedHours.of(Duration.ofHours(30))).isEqualByComparingTo("24").hasScaleOf(2);
    }
}
