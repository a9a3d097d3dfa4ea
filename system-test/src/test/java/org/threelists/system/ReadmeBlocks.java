package org.threelists.system;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code ```bash} blocks of a Markdown text, in order, each with the section (the nearest {@code ##} heading
 * above it) and, when the line before its fence is {@code <!-- not run by the README test: reason -->}, the reason it
 * is not run. Other fences ({@code ```sh}, {@code ```json}, plain) are text for the reader, not walk-through steps.
 */
final class ReadmeBlocks {

    static final String NOT_RUN_MARKER = "not run by the README test:";

    private static final Pattern NOT_RUN = Pattern.compile("^<!--\\s*" + Pattern.quote(NOT_RUN_MARKER) + "\\s*(.+?)\\s*-->$");
    /** A status the README shows as the answer of an error, e.g. {@code # → 409 capacity-exhausted}. */
    private static final Pattern SHOWN_ERROR = Pattern.compile("#\\s*→\\s*([45]\\d\\d)\\b");

    /**
     * One walk-through step.
     *
     * @param notRunBecause null when the block runs
     */
    record Block(int number, String section, String text, String notRunBecause) {

        boolean runs() {
            return notRunBecause == null;
        }

        /** The error statuses the block's comments show (`# → 409 …`), in order: the answers it means to provoke. */
        List<Integer> shownErrors() {
            List<Integer> statuses = new ArrayList<>();
            Matcher matcher = SHOWN_ERROR.matcher(text);
            while (matcher.find()) {
                statuses.add(Integer.parseInt(matcher.group(1)));
            }
            return statuses;
        }

        String describe() {
            return "block " + number + " of \"" + section + "\":\n" + text;
        }
    }

    private ReadmeBlocks() {
    }

    static List<Block> bashBlocks(String markdown) {
        List<Block> blocks = new ArrayList<>();
        String section = "";
        String previous = "";
        boolean inOtherFence = false;
        String notRunBecause = null;
        StringBuilder body = null;
        for (String line : markdown.split("\n", -1)) {
            boolean fence = line.strip().startsWith("```");
            if (body != null) {
                if (fence) {
                    blocks.add(new Block(blocks.size() + 1, section, body.toString(), notRunBecause));
                    body = null;
                } else {
                    body.append(line).append('\n');
                }
            } else if (inOtherFence) {
                inOtherFence = !fence;
            } else if (line.strip().equals("```bash")) {
                body = new StringBuilder();
                Matcher marker = NOT_RUN.matcher(previous.strip());
                notRunBecause = marker.matches() ? marker.group(1) : null;
            } else if (fence) {
                inOtherFence = true;
            } else if (line.startsWith("## ")) {
                section = line.substring(3).strip();
            }
            previous = line;
        }
        if (body != null) {
            throw new IllegalArgumentException("a ```bash block of \"" + section + "\" is not closed");
        }
        return blocks;
    }
}
