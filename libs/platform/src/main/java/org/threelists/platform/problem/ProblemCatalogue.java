package org.threelists.platform.problem;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The zh-CN words of refusals, for the people who read them in the console (docs/architecture.md, "Problems in
 * Chinese"). Every {@code problems.zh-CN.tsv} on the class path (libs/platform's and the service's own) adds to it:
 * <ul>
 *   <li>{@code English template<TAB>中文模板}: the English text a refusal is built from, each variable part written
 *   {@code {}}; the Chinese takes the parts in order ({@code {}}) or by number ({@code {1}}, {@code {2}} …), each part
 *   translated again when the catalogue knows it (a state, an action);</li>
 *   <li>{@code =VALUE<TAB>中文}: a word that stands alone in a part (a state such as WITHDRAWN, a kind of thing);</li>
 *   <li>lines starting with {@code #} and blank lines are comments.</li>
 * </ul>
 * A text no template matches stays as it is: the refusal is still told, in English. Each service's
 * {@code ProblemCatalogueCoverageTest} reads its sources and fails when a refusal's template has no translation.
 */
public final class ProblemCatalogue {

    public static final String RESOURCE = "problems.zh-CN.tsv";
    private static final Pattern PLACE = Pattern.compile("\\{(\\d*)}");
    /**
     * A violation's message as {@code RuleBrokenException} and bean validation write it: the field's path, ": ", then
     * what is wrong with it ({@code report.volunteers[0].hours: must be at most 24}).
     */
    private static final Pattern FIELD_FIRST = Pattern.compile(
            "([A-Za-z][A-Za-z0-9_]*(?:\\[\\d+])?(?:\\.[A-Za-z][A-Za-z0-9_]*(?:\\[\\d+])?)*): (.+)", Pattern.DOTALL);
    private static final String FIELD_TEMPLATE = "{}: {}";
    private static final int DEPTH = 3;
    private static final ProblemCatalogue LOADED = load(ProblemCatalogue.class.getClassLoader());

    private record Entry(String english, Pattern pattern, String chinese, int literalLength) {
    }

    private final List<Entry> templates;
    /** The template for a field's message ({@value #FIELD_TEMPLATE}), if the catalogue has one. */
    private final Entry fieldTemplate;
    private final Map<String, String> values;
    private final Map<String, String> byEnglish;

    private ProblemCatalogue(List<Entry> templates, Map<String, String> values) {
        List<Entry> sorted = new ArrayList<>(templates);
        // the most specific template first: "{}: {}" only when nothing that says more matches
        sorted.sort(Comparator.comparingInt(Entry::literalLength).reversed().thenComparing(Entry::english));
        this.templates = List.copyOf(sorted);
        this.fieldTemplate = sorted.stream().filter(t -> t.english().equals(FIELD_TEMPLATE)).findFirst().orElse(null);
        this.values = Map.copyOf(values);
        Map<String, String> english = new HashMap<>();
        templates.forEach(t -> english.put(t.english(), t.chinese()));
        this.byEnglish = Collections.unmodifiableMap(english);
    }

    /** The catalogue of everything on this class path. */
    public static ProblemCatalogue loaded() {
        return LOADED;
    }

    /** The catalogue of the {@value #RESOURCE} files {@code loader} sees. */
    public static ProblemCatalogue load(ClassLoader loader) {
        List<Entry> templates = new ArrayList<>();
        Map<String, String> values = new HashMap<>();
        try {
            for (URL url : Collections.list(loader.getResources(RESOURCE))) {
                try (InputStream in = url.openStream()) {
                    read(new String(in.readAllBytes(), StandardCharsets.UTF_8), url.toString(), templates, values);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ProblemCatalogue(templates, values);
    }

    static ProblemCatalogue of(String text) {
        List<Entry> templates = new ArrayList<>();
        Map<String, String> values = new HashMap<>();
        read(text, "text", templates, values);
        return new ProblemCatalogue(templates, values);
    }

    private static void read(String text, String where, List<Entry> templates, Map<String, String> values) {
        int number = 0;
        for (String line : text.split("\n")) {
            number++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int tab = line.indexOf('\t');
            if (tab <= 0 || tab == line.length() - 1) {
                throw new IllegalStateException(where + ":" + number + ": expected English<TAB>中文, got: " + line);
            }
            String english = line.substring(0, tab);
            String chinese = line.substring(tab + 1).strip();
            if (english.startsWith("=")) {
                values.put(english.substring(1), chinese);
            } else {
                templates.add(entry(english, chinese));
            }
        }
    }

    private static Entry entry(String english, String chinese) {
        StringBuilder regex = new StringBuilder("^");
        String[] literals = english.split("\\{}", -1);
        int length = 0;
        for (int i = 0; i < literals.length; i++) {
            if (i > 0) {
                regex.append("(.+?)");
            }
            regex.append(Pattern.quote(literals[i]));
            length += literals[i].length();
        }
        return new Entry(english, Pattern.compile(regex.append("$").toString(), Pattern.DOTALL), chinese, length);
    }

    /** Whether the catalogue translates this English template (as written in its file). */
    public boolean translates(String englishTemplate) {
        return byEnglish.containsKey(englishTemplate) || values.containsKey(englishTemplate);
    }

    /** The text in Chinese, or empty when the catalogue does not know it. */
    public Optional<String> chinese(String english) {
        return english == null ? Optional.empty() : translate(english, DEPTH);
    }

    /** The text in Chinese where the catalogue knows it, else as it is. */
    public String inChinese(String english) {
        return chinese(english).orElse(english);
    }

    private Optional<String> translate(String text, int depth) {
        String value = values.get(text.strip());
        if (value != null) {
            return Optional.of(value);
        }
        if (depth == 0) {
            return Optional.empty();
        }
        // A field's message is split at the field first: a template that says more than "{}: {}" would otherwise take
        // the field into its first part ("{} demand {}" read "groupId: demand d-1 is held by …" as "groupId:" and
        // "d-1 is held by …", leaving the rest in English), and the message after the field is translated whole.
        Matcher field = fieldTemplate == null ? null : FIELD_FIRST.matcher(text);
        if (field != null && field.matches()) {
            List<String> parts = List.of(translate(field.group(1), depth - 1).orElse(field.group(1)),
                    translate(field.group(2), depth - 1).orElse(field.group(2)));
            return Optional.of(fill(fieldTemplate.chinese(), parts));
        }
        for (Entry entry : templates) {
            Matcher match = entry.pattern().matcher(text);
            if (match.matches()) {
                List<String> parts = new ArrayList<>();
                for (int g = 1; g <= match.groupCount(); g++) {
                    String part = match.group(g);
                    parts.add(translate(part, depth - 1).orElse(part));
                }
                return Optional.of(fill(entry.chinese(), parts));
            }
        }
        return Optional.empty();
    }

    private static String fill(String chinese, List<String> parts) {
        Matcher place = PLACE.matcher(chinese);
        StringBuilder out = new StringBuilder();
        int next = 0;
        while (place.find()) {
            int index = place.group(1).isEmpty() ? next++ : Integer.parseInt(place.group(1)) - 1;
            place.appendReplacement(out, Matcher.quoteReplacement(index < parts.size() ? parts.get(index) : ""));
        }
        place.appendTail(out);
        return out.toString();
    }
}
