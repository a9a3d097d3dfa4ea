package org.threelists.ledger.projection.entries;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link CopyRows} appends a value that needs no escape whole: the rows it sends are the same characters as with every
 * value escaped char by char.
 */
class CopyRowsTest {

    private static final List<String> VALUES = List.of("", "plain", "STREET-001", "2026-12-06",
            "街道 社区 | 服务", "a\\b", "\\", "tab\there", "\t", "line\nnext", "\n", "carriage\rreturn", "\r",
            "all\\\t\n\r of them", "\\N", "ends with \\");

    @Test
    void each_value_is_sent_as_the_escaping_path_writes_it() {
        for (String value : VALUES) {
            StringBuilder escaped = new StringBuilder();
            CopyRows.escape(escaped, value);
            assertThat(new CopyRows().add(value).end().text()).as(value).isEqualTo(escaped.append('\n').toString());
        }
    }

    @Test
    void rows_of_mixed_values_are_the_escaping_paths_rows() {
        CopyRows rows = new CopyRows();
        StringBuilder expected = new StringBuilder();
        List<List<String>> table = new ArrayList<>();
        for (int i = 0; i < VALUES.size(); i += 3) {
            table.add(VALUES.subList(i, Math.min(VALUES.size(), i + 3)));
        }
        for (List<String> row : table) {
            for (int i = 0; i < row.size(); i++) {
                rows.add(row.get(i));
                if (i > 0) {
                    expected.append('\t');
                }
                CopyRows.escape(expected, row.get(i));
            }
            rows.add(null);
            expected.append("\t\\N");
            rows.end();
            expected.append('\n');
        }
        assertThat(rows.text()).isEqualTo(expected.toString());
    }

    @Test
    void the_escaping_path_writes_copys_escapes() {
        assertThat(new CopyRows().add("a\\b").add("tab\there").add("line\nnext").add("cr\rhere").add(null)
                .add("plain").add(Arrays.asList(1, 2)).end().text())
                .isEqualTo("a\\\\b\ttab\\there\tline\\nnext\tcr\\rhere\t\\N\tplain\t[1, 2]\n");
    }
}
