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
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            switch (ch) {
                case '\\' -> rows.append("\\\\");
                case '\t' -> rows.append("\\t");
                case '\n' -> rows.append("\\n");
                case '\r' -> rows.append("\\r");
                default -> rows.append(ch);
            }
        }
        return this;
    }

    CopyRows end() {
        rows.append('\n');
        first = true;
        return this;
    }

    boolean isEmpty() {
        return rows.isEmpty();
    }

    /** {@code COPY table (columns) FROM STDIN} with the rows added, on the caller's connection (and transaction). */
    void copyInto(Connection c, String tableAndColumns) throws SQLException {
        try {
            c.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY " + tableAndColumns + " FROM STDIN",
                    new StringReader(rows.toString()));
        } catch (IOException e) {
            throw new SQLException("COPY " + tableAndColumns + " failed", e);
        }
    }
}
