package org.threelists.testing.problems;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class RefusalTemplatesTest {

    @Test
    void literals_are_kept_and_every_other_part_is_a_place() {
        assertThat(RefusalTemplates.templatesOf("\"offer \" + offer.resourceId + \" is \" + offer.status"))
                .containsExactly("offer {} is {}");
        assertThat(RefusalTemplates.templatesOf("\"Project \" + id + \" is already claimed\" + (own ? \" by you\" : \"\")"))
                .containsExactly("Project {} is already claimed{}");
        assertThat(RefusalTemplates.templatesOf("monthly ? \"offer \" + id + \" has a monthly capacity\" : \"use TOTAL\""))
                .containsExactly("offer {} has a monthly capacity", "use TOTAL");
        assertThat(RefusalTemplates.templatesOf("\"a \\\"quoted\\\" word\"")).containsExactly("a \"quoted\" word");
    }

    @Test
    void every_refusal_of_the_platform_has_its_chinese_words() {
        ProblemCatalogueCoverage.assertEveryRefusalTranslated(Path.of("../platform/src/main/java"));
    }
}
