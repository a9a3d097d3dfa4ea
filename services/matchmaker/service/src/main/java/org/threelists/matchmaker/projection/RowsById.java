package org.threelists.matchmaker.projection;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Rows of a view read with one {@code id in (…)} query and keyed by their id: a poll or a round of proposals reads
 * its rows at once instead of one {@code findById} each (matchmaker README, "Consumes" and "Re-planning").
 */
public final class RowsById {

    private RowsById() {
    }

    /** {@code query} answers the rows of the ids it is given; no query when there are none. */
    public static <T> Map<String, T> read(Collection<String> ids, Function<Collection<String>, List<T>> query,
            Function<T, String> idOf) {
        Map<String, T> rows = new HashMap<>();
        if (!ids.isEmpty()) {
            query.apply(ids).forEach(row -> rows.put(idOf.apply(row), row));
        }
        return rows;
    }
}
