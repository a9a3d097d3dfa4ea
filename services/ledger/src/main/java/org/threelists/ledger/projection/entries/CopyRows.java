package org.threelists.ledger.projection.entries;

import org.postgresql.PGConnection;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Rows in PostgreSQL's COPY text format (tab-separated, {@code \N} for null, backslash escapes), sent with the
 * driver's CopyManager: a rebuild writes a batch's entries in one round trip instead of one insert each.
 */
final class CopyRows {

    private final StringBuilder rows = new StringBuilder(64 * 1024);
    private boolean first = true;

    CopyRows add(Object value) {
        if (!first) {
            rows.append('\t');
        }
        first = false;
        if (value == null) {
            rows.append("\\N");
            return this;
        }
        String text = value.toString();
        if (plain(text)) {
            // most values (ids, codes, dates, hashes) need no escape: appended whole rather than char by char (the
            // char-by-char loop was 22 % of the ledger's samples while a rebuild wrote its batches, in a JFR recording
            // of a rebuild of 50,000 events on the whole stack)
            rows.append(text);
        } else {
            escape(rows, text);
        }
        return this;
    }

    private static boolean plain(String text) {
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (ch == '\\' || ch == '\t' || ch == '\n' || ch == '\r') {
                return false;
            }
        }
        return true;
    }

    /** Appends {@code text} with COPY's escapes for backslash, tab, newline and carriage return. */
    static void escape(StringBuilder to, String text) {
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            switch (ch) {
                case '\\' -> to.append("\\\\");
                case '\t' -> to.append("\\t");
                case '\n' -> to.append("\\n");
                case '\r' -> to.append("\\r");
                default -> to.append(ch);
            }
        }
    }

    CopyRows end() {
        rows.append('\n');
        first = true;
        return this;
    }

    boolean isEmpty() {
        return rows.isEmpty();
    }

    /** The rows added so far, as {@link #copyInto} sends them. */
    String text() {
        return rows.toString();
    }

    /** {@code COPY table (columns) FROM STDIN} with the rows added, on the caller's connection (and transaction). */
    void copyInto(Connection c, String tableAndColumns) throws SQLException {
        try {
            c.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY " + tableAndColumns + " FROM STDIN",
                    new StringReader(text()));
        } catch (IOException e) {
            throw new SQLException("COPY " + tableAndColumns + " failed", e);
        }
    }
}
