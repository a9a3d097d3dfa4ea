package org.threelists.ledger.projection;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/** Binding of the positional parameters the read models' queries build up. */
public final class Sql {

    private Sql() {
    }

    public static void bind(PreparedStatement q, List<Object> params) throws SQLException {
        for (int i = 0; i < params.size(); i++) {
            q.setObject(i + 1, params.get(i));
        }
    }

    /** Appends {@code sql} and its parameter when a filter is given; null means any. */
    public static void clause(StringBuilder where, List<Object> params, Object value, String sql) {
        if (value != null) {
            where.append(sql);
            params.add(value);
        }
    }
}
