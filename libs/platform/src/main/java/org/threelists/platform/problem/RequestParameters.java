package org.threelists.platform.problem;

import java.util.Arrays;
import java.util.Locale;

/**
 * Query and path parameters checked the same way everywhere: a bad value is a 400 that names the parameter,
 * never JAX-RS's default 404.
 */
public final class RequestParameters {

    public static final int MAX_PAGE_SIZE = 100;

    private RequestParameters() {
    }

    /** The enum constant named by {@code value} (case-insensitive), or null when absent. */
    public static <E extends Enum<E>> E enumValue(Class<E> type, String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid(field, "'" + value + "' is not one of " + Arrays.toString(type.getEnumConstants()));
        }
    }

    public static void checkPage(int page, int size) {
        if (page < 0) {
            throw ProblemException.invalid("page", "must be 0 or more");
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw ProblemException.invalid("size", "must be between 1 and " + MAX_PAGE_SIZE);
        }
        // The first row's offset, page × size, must fit the int the queries page with.
        if ((long) page * size > Integer.MAX_VALUE) {
            throw ProblemException.invalid("page", "must be at most " + Integer.MAX_VALUE / size + " for size " + size);
        }
    }
}
