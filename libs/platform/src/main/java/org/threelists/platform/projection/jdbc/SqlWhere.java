package org.threelists.platform.projection.jdbc;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A where clause built from optional filters: a filter whose value is null is left out, so list endpoints read as the
 * list of filters they accept. Parameters are positional, in the order of the clauses.
 */
public final class SqlWhere {

    private final List<String> clauses = new ArrayList<>();
    private final List<Object> parameters = new ArrayList<>();

    /** {@code column = value}, when value is given. */
    public SqlWhere equal(String column, Object value) {
        return when(value, column + " = ?");
    }

    /** Any clause with one parameter, e.g. {@code (statuses, "status = any(?)")}, when value is given. */
    public SqlWhere when(Object value, String clause) {
        if (value != null) {
            clauses.add(clause);
            parameters.add(value);
        }
        return this;
    }

    /** A clause that always applies, with its parameters in order. */
    public SqlWhere and(String clause, Object... values) {
        clauses.add(clause);
        parameters.addAll(Arrays.asList(values));
        return this;
    }

    public String condition() {
        return clauses.isEmpty() ? "TRUE" : String.join(" AND ", clauses);
    }

    public Object[] parameters() {
        return parameters.toArray();
    }
}
