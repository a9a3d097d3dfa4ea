package org.threelists.console;

import org.openqa.selenium.By;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One load of the console's first page as the browser timed it (Navigation and Resource Timing, from the start of
 * the navigation): when the sign-in choices could take a click (the page's {@code console-interactive} mark: the
 * street's office identities are on the screen), when the HTML, the scripts, the office's identities and all the
 * identities (with resource-list's units and Party members) had arrived, and the scripts it loaded (bytes as they
 * travelled and unpacked).
 */
record FirstPage(double interactiveMs, double htmlMs, double scriptsMs, double officeMs, double identitiesMs,
        long gzippedJs, long plainJs, List<String> scripts) {

    private static final String TIMINGS = """
            const nav = performance.getEntriesByType('navigation')[0];
            const resources = performance.getEntriesByType('resource');
            const scripts = resources.filter(e => new URL(e.name).pathname.endsWith('.js'));
            const asked = resources.filter(e => e.name.includes('/console/dev-sign-in/identities'));
            const office = asked.find(e => e.name.includes('scope=office'));
            const identities = asked.find(e => !e.name.includes('scope=office'));
            return {
              interactive: performance.getEntriesByName('console-interactive')[0].startTime,
              html: nav.responseEnd,
              scripts: scripts.reduce((last, e) => Math.max(last, e.responseEnd), 0),
              office: office ? office.responseEnd : -1,
              identities: identities ? identities.responseEnd : -1,
              gzipped: scripts.reduce((sum, e) => sum + e.encodedBodySize, 0),
              plain: scripts.reduce((sum, e) => sum + e.decodedBodySize, 0),
              names: scripts.map(e => new URL(e.name).pathname),
            };""";

    /** Loads the first page with the browser's cache emptied and waits until a person can sign in on it. */
    static FirstPage loadCold(Browser browser) {
        browser.openCold();
        browser.find(By.cssSelector("button[data-identity='desk:dianqian']"));
        browser.awaitWhileDoing("the interactive mark", Duration.ofSeconds(10), () -> { },
                () -> ((Number) browser.script("return performance.getEntriesByName('console-interactive').length")).intValue() > 0);
        @SuppressWarnings("unchecked")
        Map<String, Object> t = (Map<String, Object>) browser.script(TIMINGS);
        @SuppressWarnings("unchecked")
        List<String> names = (List<String>) t.get("names");
        return new FirstPage(number(t, "interactive"), number(t, "html"), number(t, "scripts"), number(t, "office"),
                number(t, "identities"), (long) number(t, "gzipped"), (long) number(t, "plain"), names);
    }

    /**
     * The floor: the same server's answer to an address it has no page for (a few bytes of HTML, no script), loaded
     * the same way; its load event is as early as any page of that server can be ready.
     */
    static double bareLoadMs(Browser browser) {
        browser.openPath("/console/no-such-page");
        return ((Number) browser.script("return performance.getEntriesByType('navigation')[0].loadEventEnd")).doubleValue();
    }

    String line() {
        return String.format("interactive %.0f ms (HTML %.0f, scripts %.0f, the office's identities %.0f, all identities"
                + " %.0f), JavaScript %d KB gzipped (%d KB unpacked) in %s", interactiveMs, htmlMs, scriptsMs, officeMs,
                identitiesMs, gzippedJs / 1024, plainJs / 1024, scripts);
    }

    private static double number(Map<String, Object> timings, String name) {
        return ((Number) timings.get(name)).doubleValue();
    }
}
