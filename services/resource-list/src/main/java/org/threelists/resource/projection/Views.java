package org.threelists.resource.projection;

import org.threelists.platform.projection.jdbc.ViewTable;

import java.util.Arrays;

/**
 * The resource list's read models: one subscribing processor keeps them all, inside the writing transaction. They are
 * rows over plain JDBC (the platform's {@code projection/jdbc}), no ORM: a projection reads the row an event changes,
 * changes it and writes it back whole ({@code save()}) — nothing is written that is not saved.
 */
public final class Views {

    public static final String PROCESSOR = "resource-list-views";

    private Views() {
    }

    /** The row of this key, which an earlier event of the same aggregate (or of its unit) wrote. */
    static <T> T require(ViewTable<T> table, Object... key) {
        T view = table.find(key);
        if (view == null) {
            throw missing(table, key);
        }
        return view;
    }

    /** Deletes the row of this key, which must be there. */
    static void delete(ViewTable<?> table, Object... key) {
        if (!table.delete(key)) {
            throw missing(table, key);
        }
    }

    private static IllegalStateException missing(ViewTable<?> table, Object... key) {
        return new IllegalStateException(table.name() + " " + Arrays.toString(key) + " is missing");
    }
}
