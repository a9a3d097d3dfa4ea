package org.threelists.ledger.api;

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
        assertThat(catalogue.inChinese("Statement TL-1 is revoked already")).isEqualTo("工时证明 TL-1 已经撤销");
        assertThat(catalogue.inChinese("Only the desk of street dianqian may correct its entries")).isEqualTo("只有街道 dianqian 的协调台可以更正其台账条目");
        assertThat(catalogue.inChinese("Entry e-1 does not exist")).isEqualTo("台账条目 e-1 不存在");
    }
}
