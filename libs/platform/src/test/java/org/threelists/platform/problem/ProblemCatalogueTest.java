package org.threelists.platform.problem;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ProblemCatalogueTest {

    private static final ProblemCatalogue CATALOGUE = ProblemCatalogue.of("""
            # a comment
            {}: {}\t{1}：{2}
            Cannot {} in state {}\t当前状态为“{2}”，不能{1}
            {} demand {}\t{1}需求 {2}
            demand {} is held by Party group {}\t需求 {1} 由党小组 {2} 承办
            offer {} counts {} but the project needs {}\t资源 {1} 以 {2} 计量，而项目需要 {3}
            =verify\t核实
            =WITHDRAWN\t已撤回
            =SERVICE_HOURS\t服务小时
            """);

    @Test
    void parts_are_translated_again_and_may_be_reordered() {
        assertThat(CATALOGUE.inChinese("Cannot verify demand d-1 in state WITHDRAWN"))
                .isEqualTo("当前状态为“已撤回”，不能核实需求 d-1");
        assertThat(CATALOGUE.inChinese("resourceId: offer r-1 counts SERVICE_HOURS but the project needs YUAN"))
                .isEqualTo("resourceId：资源 r-1 以 服务小时 计量，而项目需要 YUAN");
    }

    /**
     * A field's message is split at the field before any other template is tried: "{} demand {}" says more than
     * "{}: {}" and would take "groupId:" for its first part, leaving the message after the field in English.
     */
    @Test
    void a_fields_message_is_translated_whole_after_its_field() {
        assertThat(CATALOGUE.inChinese("groupId: demand d-1 is held by Party group g-1"))
                .isEqualTo("groupId：需求 d-1 由党小组 g-1 承办");
        assertThat(CATALOGUE.inChinese("report.volunteers[0].demandId: Cannot verify demand d-1 in state WITHDRAWN"))
                .isEqualTo("report.volunteers[0].demandId：当前状态为“已撤回”，不能核实需求 d-1");
        assertThat(CATALOGUE.inChinese("Cannot verify demand d-1 in state WITHDRAWN"))
                .isEqualTo("当前状态为“已撤回”，不能核实需求 d-1");
    }

    @Test
    void the_most_specific_template_wins_and_an_unknown_text_stays_english() {
        assertThat(CATALOGUE.inChinese("page: must be 0 or more")).isEqualTo("page：must be 0 or more");
        assertThat(CATALOGUE.chinese("Something no template says")).isEmpty();
        assertThat(CATALOGUE.inChinese("Something no template says")).isEqualTo("Something no template says");
        assertThat(CATALOGUE.translates("{} demand {}")).isTrue();
        assertThat(CATALOGUE.translates("{} project {}")).isFalse();
    }

    @Test
    void a_problem_in_chinese_keeps_its_type_status_fields_and_other_members() {
        Problem english = new Problem(ProblemType.ILLEGAL_TRANSITION.uri(), ProblemType.ILLEGAL_TRANSITION.title(), 409,
                "Cannot verify demand d-1 in state WITHDRAWN", "/demands/d-1/verify",
                Map.of("state", "WITHDRAWN", "violations", List.of(new Violation("description", "must not be blank"))));
        Problem chinese = ChineseProblems.inChinese(english, ProblemCatalogue.loaded());
        assertThat(chinese.type()).isEqualTo(english.type());
        assertThat(chinese.status()).isEqualTo(409);
        assertThat(chinese.instance()).isEqualTo("/demands/d-1/verify");
        assertThat(chinese.title()).isEqualTo("当前状态不允许此操作");
        assertThat(chinese.members()).containsEntry("state", "WITHDRAWN")
                .containsEntry("violations", List.of(new Violation("description", "不能为空")));
        Problem foreign = new Problem(URI.create("https://example.org/problems/other"), "Too many requests", 429,
                "No such resource: x", null, Map.of());
        assertThat(ChineseProblems.inChinese(foreign, ProblemCatalogue.loaded()).title()).isEqualTo("操作过于频繁，请稍后再试");
    }

    @Test
    void chinese_is_given_to_whoever_asks_for_it_first() {
        assertThat(ChineseProblems.prefersChinese(List.of(Locale.forLanguageTag("zh-CN"), Locale.ENGLISH))).isTrue();
        assertThat(ChineseProblems.prefersChinese(List.of(Locale.forLanguageTag("zh")))).isTrue();
        assertThat(ChineseProblems.prefersChinese(List.of(Locale.ENGLISH, Locale.forLanguageTag("zh-CN")))).isFalse();
        assertThat(ChineseProblems.prefersChinese(List.of(new Locale("*")))).isFalse();
        assertThat(ChineseProblems.prefersChinese(List.of())).isFalse();
    }
}
