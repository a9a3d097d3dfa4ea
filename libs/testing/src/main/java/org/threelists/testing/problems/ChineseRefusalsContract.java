package org.threelists.testing.problems;

import org.junit.jupiter.api.Test;
import org.threelists.platform.problem.ProblemCatalogue;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every service's {@code ProblemsInChineseTest} holds (docs/architecture.md, "Problems in Chinese"): every refusal
 * in its sources has its zh-CN words, and the examples it names read as a person would write them.
 */
public abstract class ChineseRefusalsContract {

    /** English refusals of the service and how they read in Chinese. */
    protected abstract Map<String, String> examples();

    @Test
    public void every_refusal_in_the_sources_has_its_chinese_words() {
        ProblemCatalogueCoverage.assertEveryRefusalTranslated(Path.of("src/main/java"));
    }

    @Test
    public void refusals_read_in_chinese() {
        ProblemCatalogue catalogue = ProblemCatalogue.loaded();
        examples().forEach((english, chinese) -> assertThat(catalogue.inChinese(english)).as(english).isEqualTo(chinese));
    }
}
