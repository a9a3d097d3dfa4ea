package org.threelists.resource.api;

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
        assertThat(catalogue.inChinese("Only 2 VOLUNTEER_HOURS left in 2026-12, 5 asked")).isEqualTo("2026-12 仅剩 2 志愿服务小时，申请了 5");
        assertThat(catalogue.inChinese("Cannot withdraw resource r-1 in state WITHDRAWN")).isEqualTo("当前状态为“已撤回”，不能撤回资源 r-1");
        assertThat(catalogue.inChinese("Project p-1 already consumed 3 in TOTAL")).isEqualTo("项目 p-1 在 TOTAL 已使用 3");
    }
}
