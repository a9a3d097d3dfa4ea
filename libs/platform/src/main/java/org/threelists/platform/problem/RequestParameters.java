package org.threelists.platform.problem;

import org.threelists.contracts.CommunityDirectory;
import org.threelists.contracts.CommunityDirectory.Community;
import org.threelists.platform.domain.RecordDates;

import java.time.LocalDate;
import java.time.ZoneId;
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

    /**
     * A street office named by its code (contracts/reference/communities.json): one of its communities, which carries
     * the street's code and name. 400 when absent, 404 when no street office has the code.
     */
    public static Community streetOffice(String field, String code) {
        if (code == null || code.isBlank()) {
            throw ProblemException.invalid(field, "is required: the street office's code");
        }
        return CommunityDirectory.standard().all().stream().filter(c -> c.streetCode().equals(code.strip()))
                .findFirst().orElseThrow(() -> ProblemException.notFound("Street", code.strip()));
    }

    /** A community of the street, or null when absent; 404 when the street has no community of that code. */
    public static Community communityOf(String streetCode, String code) {
        if (code == null || code.isBlank()) {
            return null;
        }
        return CommunityDirectory.standard().find(code.strip()).filter(c -> c.streetCode().equals(streetCode))
                .orElseThrow(() -> ProblemException.notFound("Community of " + streetCode, code.strip()));
    }

    /** A calendar year of the records' dates ({@link RecordDates}), this year in {@code zone} when absent. */
    public static int yearOrThis(String field, Integer year, ZoneId zone) {
        int y = year == null ? LocalDate.now(zone).getYear() : year;
        if (y < RecordDates.EARLIEST.getYear() || y > RecordDates.LATEST.getYear()) {
            throw ProblemException.invalid(field, "must be between " + RecordDates.EARLIEST.getYear() + " and "
                    + RecordDates.LATEST.getYear());
        }
        return y;
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
