package org.threelists.testing.problems;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The English texts a module's refusals are built from, read from its sources: every {@code new XxxException(…)} of
 * the domain's refusals and every {@code super(Kind.…, …)} of its own refusal classes, with each part that is not a
 * string literal written as {@code {}}. These are the templates the zh-CN problem catalogue must translate
 * (libs/platform {@code ProblemCatalogue}); a refusal whose text is only a variable cannot be checked and is listed
 * apart.
 */
public final class RefusalTemplates {

    /** Which argument of a refusal's constructor carries the words a person reads. */
    private static final Map<String, Integer> WORDS_ARGUMENT = Map.ofEntries(
            Map.entry("RuleBrokenException", 1),
            Map.entry("CheckInCodeRefusedException", 1),
            Map.entry("IllegalTransitionException", 0),
            Map.entry("NotFoundException", 0),
            Map.entry("NotPermittedException", 0),
            Map.entry("ProjectStateException", 0),
            Map.entry("ProjectConflictException", 0),
            Map.entry("DomainException", 1),
            Map.entry("ProblemException", 1),
            Map.entry("ProblemException.invalid", 1),
            Map.entry("ProblemException.notFound", 0),
            Map.entry("ProblemException.forbidden", 0));
    private static final Pattern NEW_REFUSAL = Pattern.compile("(?:new )?(" + String.join("|",
            WORDS_ARGUMENT.keySet().stream().map(Pattern::quote).toList()) + ")\\(");
    private static final Pattern SUPER_WITH_KIND = Pattern.compile("super\\((?:Kind|DomainException\\.Kind)\\.[A-Z_]+,");

    /** A template and where it was found. */
    public record Template(String text, String where) {
    }

    private final List<Template> templates = new ArrayList<>();
    private final List<String> unreadable = new ArrayList<>();

    private RefusalTemplates() {
    }

    /** Reads every {@code .java} file under {@code sources}. */
    public static RefusalTemplates in(Path sources) {
        RefusalTemplates found = new RefusalTemplates();
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                found.read(file, Files.readString(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return found;
    }

    public List<Template> templates() {
        return templates;
    }

    /** Refusals whose words are a variable only: where they are. */
    public List<String> unreadable() {
        return unreadable;
    }

    /** The distinct template texts, each with one place it was found. */
    public Map<String, String> distinct() {
        Map<String, String> distinct = new TreeMap<>();
        templates.forEach(t -> distinct.putIfAbsent(t.text(), t.where()));
        return distinct;
    }

    private void read(Path file, String source) {
        String code = withoutComments(source);
        Matcher refusal = NEW_REFUSAL.matcher(code);
        while (refusal.find()) {
            List<String> arguments = arguments(code, refusal.end());
            int index = WORDS_ARGUMENT.get(refusal.group(1));
            if (!code.startsWith("new ", refusal.start()) && !refusal.group(1).contains(".")
                    || "ProblemException".equals(refusal.group(1)) && arguments.size() < 2) {
                continue; // a declaration or a reference, not a refusal being made
            }
            add(file, code, refusal.start(), arguments.size() > index ? arguments.get(index) : "");
        }
        Matcher superCall = SUPER_WITH_KIND.matcher(code);
        while (superCall.find()) {
            List<String> arguments = arguments(code, superCall.start() + "super(".length());
            add(file, code, superCall.start(), arguments.size() > 1 ? arguments.get(1) : "");
        }
    }

    private void add(Path file, String code, int at, String argument) {
        String where = file.getFileName() + ":" + (1 + code.substring(0, at).chars().filter(c -> c == '\n').count());
        for (String text : templatesOf(argument.strip())) {
            if (text.isBlank() || text.equals("{}")) {
                unreadable.add(where + " " + argument.strip());
            } else {
                templates.add(new Template(text, where));
            }
        }
    }

    /** The templates of one expression: a conditional gives one per branch. */
    static List<String> templatesOf(String expression) {
        String e = unwrap(expression);
        int question = topLevel(e, '?');
        if (question >= 0) {
            int colon = topLevel(e.substring(question + 1), ':');
            if (colon >= 0) {
                List<String> both = new ArrayList<>(templatesOf(e.substring(question + 1, question + 1 + colon)));
                both.addAll(templatesOf(e.substring(question + 2 + colon)));
                return both;
            }
        }
        StringBuilder template = new StringBuilder();
        for (String part : splitTopLevel(e, '+')) {
            String p = part.strip();
            if (p.startsWith("\"") && p.endsWith("\"") && p.length() >= 2 && isOneLiteral(p)) {
                template.append(unescape(p.substring(1, p.length() - 1)));
            } else if (!template.toString().endsWith("{}")) {
                template.append("{}");
            }
        }
        return List.of(template.toString());
    }

    private static String unwrap(String e) {
        String s = e.strip();
        while (s.startsWith("(") && s.endsWith(")") && closing(s, 0) == s.length() - 1) {
            s = s.substring(1, s.length() - 1).strip();
        }
        return s;
    }

    private static boolean isOneLiteral(String p) {
        for (int i = 1; i < p.length() - 1; i++) {
            if (p.charAt(i) == '\\') {
                i++;
            } else if (p.charAt(i) == '"') {
                return false;
            }
        }
        return true;
    }

    private static String unescape(String s) {
        return s.replace("\\\"", "\"").replace("\\n", "\n").replace("\\\\", "\\");
    }

    /** The arguments of a call whose opening parenthesis ends at {@code start}, split at top-level commas. */
    private static List<String> arguments(String code, int start) {
        int end = closing(code, start - 1);
        return end < 0 ? List.of() : splitTopLevel(code.substring(start, end), ',');
    }

    /** The index of the parenthesis closing the one at {@code open}, skipping strings and characters. */
    private static int closing(String code, int open) {
        int depth = 0;
        for (int i = open; i < code.length(); i++) {
            char c = code.charAt(i);
            if (c == '"' || c == '\'') {
                i = endOfLiteral(code, i);
            } else if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if (c == ')' || c == ']' || c == '}') {
                depth--;
                if (depth == 0) {
                    return i;
                }
            }
        }
        return -1;
    }

    private static int endOfLiteral(String code, int start) {
        char quote = code.charAt(start);
        if (code.startsWith("\"\"\"", start)) {
            int end = code.indexOf("\"\"\"", start + 3);
            return end < 0 ? code.length() : end + 2;
        }
        for (int i = start + 1; i < code.length(); i++) {
            if (code.charAt(i) == '\\') {
                i++;
            } else if (code.charAt(i) == quote) {
                return i;
            }
        }
        return code.length();
    }

    private static List<String> splitTopLevel(String s, char separator) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int from = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\'') {
                i = endOfLiteral(s, i);
            } else if (c == '(' || c == '[' || c == '{' || c == '<' && separator == ',' && isGeneric(s, i)) {
                depth++;
            } else if (c == ')' || c == ']' || c == '}' || c == '>' && separator == ',' && depth > 0 && isGenericEnd(s, i)) {
                depth--;
            } else if (c == separator && depth == 0) {
                parts.add(s.substring(from, i));
                from = i + 1;
            }
        }
        parts.add(s.substring(from));
        return parts;
    }

    private static boolean isGeneric(String s, int i) {
        return i > 0 && Character.isJavaIdentifierPart(s.charAt(i - 1)) && i + 1 < s.length()
                && (Character.isUpperCase(s.charAt(i + 1)) || s.charAt(i + 1) == '>');
    }

    private static boolean isGenericEnd(String s, int i) {
        return i > 0 && (Character.isJavaIdentifierPart(s.charAt(i - 1)) || s.charAt(i - 1) == '>');
    }

    private static int topLevel(String s, char wanted) {
        int depth = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\'') {
                i = endOfLiteral(s, i);
            } else if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if (c == ')' || c == ']' || c == '}') {
                depth--;
            } else if (c == wanted && depth == 0) {
                return i;
            }
        }
        return -1;
    }

    private static String withoutComments(String source) {
        StringBuilder out = new StringBuilder(source.length());
        for (int i = 0; i < source.length(); i++) {
            char c = source.charAt(i);
            if (c == '"' || c == '\'') {
                int end = endOfLiteral(source, i);
                out.append(source, i, Math.min(end + 1, source.length()));
                i = end;
            } else if (c == '/' && i + 1 < source.length() && source.charAt(i + 1) == '/') {
                while (i < source.length() && source.charAt(i) != '\n') {
                    i++;
                }
                out.append('\n');
            } else if (c == '/' && i + 1 < source.length() && source.charAt(i + 1) == '*') {
                int end = source.indexOf("*/", i + 2);
                String comment = source.substring(i, end < 0 ? source.length() : end + 2);
                comment.chars().filter(ch -> ch == '\n').forEach(ch -> out.append('\n'));
                i = end < 0 ? source.length() : end + 1;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
