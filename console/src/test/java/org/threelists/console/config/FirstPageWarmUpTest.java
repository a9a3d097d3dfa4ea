package org.threelists.console.config;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The warm-up asks for the first page's own script and style sheet, as the build named them in index.html. */
class FirstPageWarmUpTest {

    @Test
    void findsTheScriptAndTheStyleSheetThePageLoads() {
        String page = """
                <link rel="preload" href="/console/sign-in-methods" as="fetch" crossorigin="anonymous" />
                <script type="module" crossorigin src="/assets/index-DEl_tc-O.js"></script>
                <link rel="stylesheet" crossorigin href="/assets/index-CZIw-HK6.css">
                """;
        assertThat(FirstPageWarmUp.assetsOf(page)).containsExactly("/assets/index-DEl_tc-O.js", "/assets/index-CZIw-HK6.css");
    }
}
