package org.threelists.matchmaker.api;

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
        assertThat(catalogue.inChinese("Cannot publish project p-1 in state CANCELLED")).isEqualTo("当前状态为“已取消”，不能发布项目 p-1");
        assertThat(catalogue.inChinese("resourceId: offer r-1 does not offer HEALTH")).isEqualTo("resourceId：资源 r-1 不提供“健康医疗”");
        assertThat(catalogue.inChinese("Project p-1 is already claimed by another unit (awaiting the reservation of its capacity)")).isEqualTo("项目 p-1 已被其他单位认领（正在确认服务能力预留）");
    }
}
