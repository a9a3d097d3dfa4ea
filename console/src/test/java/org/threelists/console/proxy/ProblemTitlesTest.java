package org.threelists.console.proxy;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every problem type a refusal can carry has a Chinese name in the console (web/src/api/problem-titles.json, shown
 * before the service's own English title): the platform's {@code ProblemType}s, a service's own type URIs (the
 * ledger's rate limit) and the console's own refusals. A new type without a name fails here, as does a name no one
 * answers with any more.
 */
class ProblemTitlesTest {

    private static final Path REPO = Path.of("..").toAbsolutePath().normalize();
    private static final Path TITLES = REPO.resolve("console/web/src/api/problem-titles.json");
    private static final Path PLATFORM_TYPES = REPO.resolve(
            "libs/platform/src/main/java/org/threelists/platform/problem/ProblemType.java");
    /** {@code INVALID_INPUT(400, "invalid-input", …)} */
    private static final Pattern ENUM_CONSTANT = Pattern.compile("\\b[A-Z_]+\\(\\d{3}, \"([a-z-]+)\"");
    /** A type URI written out in a service: {@code "https://threelists.dev/problems/too-many-requests"}. */
    private static final Pattern TYPE_URI = Pattern.compile("\"" + Pattern.quote(Problems.TYPE_PREFIX) + "([a-z-]+)\"");
    /** The console's own: {@code Problems.send(response, 502, "upstream-unavailable", …)}, {@code problem(403, "forbidden", …)}. */
    private static final Pattern CONSOLE_REFUSAL = Pattern.compile("(?:Problems\\.(?:of|send)|problem)\\((?:[^,()]+, )?\\d{3}, \"([a-z-]+)\"");

    private static Set<String> answered;
    private static Map<String, String> names;

    @BeforeAll
    static void read() throws IOException {
        answered = new TreeSet<>();
        answered.addAll(matches(ENUM_CONSTANT, Files.readString(PLATFORM_TYPES)));
        for (Path source : mainSources(REPO.resolve("services"), REPO.resolve("libs"), REPO.resolve("console"))) {
            String text = Files.readString(source);
            answered.addAll(matches(TYPE_URI, text));
            if (source.startsWith(REPO.resolve("console"))) {
                answered.addAll(matches(CONSOLE_REFUSAL, text));
            }
        }
        names = new ObjectMapper().readValue(TITLES.toFile(), new TypeReference<Map<String, String>>() { });
    }

    @Test
    void theScanFindsThePlatformsTheServicesAndTheConsolesTypes() {
        assertThat(answered).contains("invalid-input", "illegal-transition", "not-acceptable", "internal-error",
                "too-many-requests", "upstream-unavailable");
    }

    @Test
    void everyTypeARefusalCanCarryHasAChineseName() {
        assertThat(names.keySet()).as("problem types without a Chinese name in %s", REPO.relativize(TITLES))
                .containsAll(answered);
        assertThat(names.values()).allSatisfy(name ->
                assertThat(name).as("a name in Chinese").isNotBlank().matches(".*\\p{IsHan}.*"));
    }

    @Test
    void everyNameBelongsToATypeSomeoneAnswersWith() {
        assertThat(answered).as("names in %s of types no one answers with", REPO.relativize(TITLES))
                .containsAll(names.keySet());
    }

    private static Set<String> matches(Pattern pattern, String text) {
        Set<String> found = new TreeSet<>();
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    private static Iterable<Path> mainSources(Path... roots) throws IOException {
        Set<Path> sources = new TreeSet<>();
        for (Path root : roots) {
            try (Stream<Path> files = Files.walk(root)) {
                files.filter(f -> f.toString().endsWith(".java"))
                        .filter(f -> f.toString().contains("/src/main/java/"))
                        .filter(f -> !f.toString().contains("/node_modules/") && !f.toString().contains("/target/"))
                        .forEach(sources::add);
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
        }
        return sources;
    }
}
