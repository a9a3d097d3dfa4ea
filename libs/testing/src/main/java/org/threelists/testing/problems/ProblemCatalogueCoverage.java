package org.threelists.testing.problems;

import org.threelists.platform.problem.ProblemCatalogue;

import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fails when a refusal in a module's sources has no zh-CN words in the catalogue its service loads (libs/platform's
 * {@code problems.zh-CN.tsv} and the module's own): a refusal added without its translation would reach the console's
 * users in English.
 */
public final class ProblemCatalogueCoverage {

    private ProblemCatalogueCoverage() {
    }

    /** Every refusal template under {@code sources} (e.g. {@code src/main/java}) is translated. */
    public static void assertEveryRefusalTranslated(Path sources) {
        ProblemCatalogue catalogue = ProblemCatalogue.load(Thread.currentThread().getContextClassLoader());
        Map<String, String> missing = new TreeMap<>();
        RefusalTemplates.in(sources).distinct().forEach((template, where) -> {
            if (!catalogue.translates(template)) {
                missing.put(template, where);
            }
        });
        assertThat(missing)
                .as("refusals without zh-CN words: add each template (TAB) its Chinese to src/main/resources/"
                        + ProblemCatalogue.RESOURCE + " (where it was found is the value)")
                .isEmpty();
    }
}
