package org.threelists.matchmaker.matching.explain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The explanations' numbers read exactly as {@code String.format} wrote them before it was taken out for speed. */
class ExplainerTest {

    @Test
    void scoresAndHoursReadAsTheFormatterWritesThem() {
        Random rnd = new Random(3);
        for (int i = 0; i < 20_000; i++) {
            long scaled = i < 10_000 ? i : rnd.nextInt(2_000_000) - 1_000_000;
            assertThat(Explainer.scoreText(scaled)).isEqualTo(String.format(Locale.ROOT, "%.4f", scaled / 10_000.0));
            assertThat(Explainer.hoursText(scaled)).isEqualTo(String.format(Locale.ROOT, "%.1f", scaled / 10.0));
        }
    }
}
