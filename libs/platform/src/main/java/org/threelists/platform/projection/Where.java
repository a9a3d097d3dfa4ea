package org.threelists.platform.projection;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A Panache query's where clause built from optional filters: a filter whose value is null is left out, so list
 * endpoints read as the list of filters they accept.
 */
public final class Where {

    private final List<String> clauses = new ArrayList<>();
    private final Map<String, Object> parameters = new HashMap<>();

    /** {@code field = value}, when value is given. */
    public Where equal(String field, Object value) {
        return when(value, field + " = :" + field, field);
    }

    /** Any clause with one named parameter, e.g. {@code ("array_contains(categories, :category)", "category", v)}. */
    public Where when(Object value, String clause, String parameter) {
        if (value != null) {
            clauses.add(clause);
            parameters.put(parameter, value);
        }
        return this;
    }

    public String query() {
        return clauses.isEmpty() ? "1 = 1" : String.join(" and ", clauses);
    }

    public Map<String, Object> parameters() {
        return parameters;
    }
}
