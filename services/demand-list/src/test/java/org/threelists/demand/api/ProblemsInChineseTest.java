package org.threelists.demand.api;

import org.junit.jupiter.api.Test;
import org.threelists.platform.problem.ProblemCatalogue;
import org.threelists.testing.problems.ProblemCatalogueCoverage;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Refusals reach the console's users in Chinese (docs/architecture.md, "Problems in Chinese"): every refusal this
 * service makes has its zh-CN words, and a few read as a person would write them.
 */
class ProblemsInChineseTest {

    private final ProblemCatalogue catalogue = ProblemCatalogue.loaded();

    @Test
    void every_refusal_in_the_sources_has_its_chinese_words() {
        ProblemCatalogueCoverage.assertEveryRefusalTranslated(Path.of("src/main/java"));
    }

    @Test
    void refusals_read_in_chinese() {
        assertThat(catalogue.inChinese("Cannot verify demand d-1 in state WITHDRAWN")).isEqualTo("当前状态为“已撤回”，不能核实需求 d-1");
        assertThat(catalogue.inChinese("description: must not be blank")).isEqualTo("description：不能为空");
        assertThat(catalogue.inChinese("Cannot withdraw demand d-1: slip s-1 is open")).isEqualTo("三联单 s-1 尚未办结，不能撤回需求 d-1");
    }
}
