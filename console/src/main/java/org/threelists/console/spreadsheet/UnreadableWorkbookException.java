package org.threelists.console.spreadsheet;

/** The uploaded file is not an .xlsx workbook (or is damaged). */
public class UnreadableWorkbookException extends RuntimeException {

    public UnreadableWorkbookException(Throwable cause) {
        super("not a readable .xlsx workbook: " + cause.getMessage(), cause);
    }
}
