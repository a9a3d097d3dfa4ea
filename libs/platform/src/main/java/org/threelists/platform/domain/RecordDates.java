package org.threelists.platform.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * The dates a street office's records carry: 2000-01-01 to 2999-12-31. ISO dates run to year ±999,999,999, and Jackson
 * reads "+10000-01-01" as readily as "2026-12-01"; a date outside these bounds is a typing slip, and the contracts'
 * date pattern (four-digit years) could not carry it onto a topic.
 */
public final class RecordDates {

    public static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);
    public static final LocalDate LATEST = LocalDate.of(2999, 12, 31);

    private RecordDates() {
    }

    private static boolean holds(LocalDate date) {
        return !date.isBefore(EARLIEST) && !date.isAfter(LATEST);
    }

    /**
     * Whether an instant lies within the bounds' days (UTC): one beyond them cannot be stored as a timestamp (a
     * query given it would fail in the database, not at the door).
     */
    public static boolean holds(Instant instant) {
        return !instant.isBefore(EARLIEST.atStartOfDay(ZoneOffset.UTC).toInstant())
                && instant.isBefore(LATEST.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
    }

    /** Refuses {@code date}, named {@code field}, when it is outside the bounds; an absent date passes. */
    public static void require(String field, LocalDate date) {
        if (date != null && !holds(date)) {
            throw new RuleBrokenException(field, "must be between " + EARLIEST + " and " + LATEST);
        }
    }
}
