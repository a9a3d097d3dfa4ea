package org.threelists.system;

import org.threelists.system.ReadmeBlocks.Block;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The README's blocks typed into one terminal: a single {@code bash -euo pipefail} session in a folder that holds the
 * local run's {@code .local/}, so that a block sees the variables of the blocks before it and a failing command stops
 * the walk-through where it failed. Every curl call reports its answer's status on the side (a function named curl
 * that adds {@code --write-out} to stderr), so that a refusal nobody meant shows even where the README prints no status.
 */
final class ReadmeSession {

    private static final String MARK = "@@readme-test ";
    private static final Pattern HTTP = Pattern.compile(Pattern.quote(MARK) + "http (\\d{3}) (\\S+) (\\S+)");
    private static final Pattern BEGIN = Pattern.compile(Pattern.quote(MARK) + "begin (\\d+)");
    private static final Pattern END = Pattern.compile(Pattern.quote(MARK) + "end (\\d+)");
    private static final Pattern VARIABLE = Pattern.compile(Pattern.quote(MARK) + "var ([A-Z_]+)=(.*)");

    /** What one block did: its output (with the status marks taken out) and the answers of its curl calls. */
    record Step(Block block, String output, List<Answer> answers, boolean finished) {

        List<Integer> errorStatuses() {
            return answers.stream().map(Answer::status).filter(status -> status >= 400).toList();
        }

        String describe() {
            return block.describe() + "--- its output ---\n" + output + "--- its answers ---\n" + answers;
        }
    }

    record Answer(int status, String method, String url) {
        @Override
        public String toString() {
            return status + " " + method + " " + url;
        }
    }

    /** The steps that began, in order; the variables asked for, as the session left them; the session's exit code. */
    record Outcome(List<Step> steps, Map<String, String> variables, int exitCode) {
    }

    private ReadmeSession() {
    }

    /**
     * Runs the blocks in {@code terminal} and then prints the named variables; gives up (and kills bash) after
     * {@code limit}.
     */
    static Outcome run(Path terminal, List<Block> blocks, List<String> variables, Duration limit)
            throws IOException, InterruptedException {
        StringBuilder script = new StringBuilder()
                .append("curl() { command curl \"$@\" --write-out '%{stderr}").append(MARK)
                .append("http %{http_code} %{method} %{url_effective}\\n'; }\n");
        for (Block block : blocks) {
            Path file = terminal.resolve("block-" + block.number() + ".sh");
            Files.writeString(file, block.text(), StandardCharsets.UTF_8);
            script.append("echo '").append(MARK).append("begin ").append(block.number()).append("' >&2\n")
                    .append("source ").append(file.getFileName()).append('\n')
                    .append("echo '").append(MARK).append("end ").append(block.number()).append("' >&2\n");
        }
        for (String variable : variables) {
            script.append("echo \"").append(MARK).append("var ").append(variable).append("=${").append(variable)
                    .append(":-}\" >&2\n");
        }
        Path scriptFile = Files.writeString(terminal.resolve("walk-through.sh"), script, StandardCharsets.UTF_8);
        Path log = terminal.resolve("walk-through.log");

        Process bash = new ProcessBuilder("bash", "--noprofile", "--norc", "-euo", "pipefail", scriptFile.toString())
                .directory(terminal.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        bash.getOutputStream().close();
        if (!bash.waitFor(limit.toSeconds(), TimeUnit.SECONDS)) {
            bash.descendants().forEach(ProcessHandle::destroyForcibly);
            bash.destroyForcibly().waitFor();
        }
        int exitCode = bash.isAlive() ? -1 : bash.exitValue();
        return read(Files.readAllLines(log, StandardCharsets.UTF_8), blocks, variables, exitCode);
    }

    private static Outcome read(List<String> lines, List<Block> blocks, List<String> names, int exitCode) {
        Map<Integer, Block> byNumber = new LinkedHashMap<>();
        blocks.forEach(block -> byNumber.put(block.number(), block));
        List<Step> steps = new ArrayList<>();
        Map<String, String> variables = new LinkedHashMap<>();
        Block current = null;
        StringBuilder output = new StringBuilder();
        List<Answer> answers = new ArrayList<>();
        for (String line : lines) {
            Matcher begin = BEGIN.matcher(line);
            Matcher end = END.matcher(line);
            Matcher variable = VARIABLE.matcher(line);
            if (begin.find()) {
                current = byNumber.get(Integer.parseInt(begin.group(1)));
                output = new StringBuilder();
                answers = new ArrayList<>();
            } else if (end.find() && current != null) {
                steps.add(new Step(current, output.toString(), List.copyOf(answers), true));
                current = null;
            } else if (variable.find() && names.contains(variable.group(1))) {
                variables.put(variable.group(1), variable.group(2));
            } else if (current != null) {
                Matcher http = HTTP.matcher(line);
                String text = line;
                while (http.find()) {
                    answers.add(new Answer(Integer.parseInt(http.group(1)), http.group(2), http.group(3)));
                }
                text = HTTP.matcher(text).replaceAll("");
                if (!text.isEmpty()) {
                    output.append(text).append('\n');
                }
            }
        }
        if (current != null) {
            steps.add(new Step(current, output.toString(), List.copyOf(answers), false));
        }
        return new Outcome(steps, variables, exitCode);
    }
}
