package org.threelists.console.spreadsheet;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** One filled row of a sheet: its number as Excel shows it, and its cells by column name (blank cells absent). */
public record SheetRow(String sheet, int number, Map<String, String> cells) {

    public String text(String column) {
        String value = cells.get(column);
        return value == null || value.isBlank() ? null : value.trim();
    }

    /** A cell listing several values, separated as people separate them: 、，, ; or new lines. */
    public List<String> list(String column) {
        String value = text(column);
        return value == null ? List.of()
                : Arrays.stream(value.split("[、，,;；\\n]+")).map(String::trim).filter(v -> !v.isEmpty()).toList();
    }
}
