package org.threelists.console.spreadsheet;

import java.util.List;

/** An import's answer: every row's result, in the workbook's order, and how many rows ended each way. */
public record ImportReport(List<RowResult> rows, long taken, long alreadyTaken, long refused) {

    static ImportReport of(List<RowResult> rows) {
        return new ImportReport(List.copyOf(rows), count(rows, RowResult.Outcome.TAKEN),
                count(rows, RowResult.Outcome.ALREADY_TAKEN), count(rows, RowResult.Outcome.REFUSED));
    }

    private static long count(List<RowResult> rows, RowResult.Outcome outcome) {
        return rows.stream().filter(r -> r.outcome() == outcome).count();
    }
}
