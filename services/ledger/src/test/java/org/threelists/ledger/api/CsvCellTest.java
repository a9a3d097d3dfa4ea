package org.threelists.ledger.api;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** A CSV cell never starts with what a spreadsheet reads as a formula (OWASP's CSV injection list). */
class CsvCellTest {

    @ParameterizedTest
    @ValueSource(strings = {"=1+1", "+1", "-1", "@SUM(A1)", "\t=1+1", "\r=1+1", "\tcmd", "\rcmd"})
    void a_cell_that_a_spreadsheet_would_run_is_prefixed_with_a_quote(String value) {
        String cell = ReportResource.cell(value);
        String unquoted = cell.startsWith("\"") ? cell.substring(1, cell.length() - 1) : cell;
        assertThat(unquoted).startsWith("'").endsWith(value);
    }

    @ParameterizedTest
    @ValueSource(strings = {"联桥社区", "unit-heping-hospital", "a=b", "1 + 1"})
    void other_cells_are_left_alone(String value) {
        assertThat(ReportResource.cell(value)).isEqualTo(value);
    }
}
