package org.threelists.matchmaker.matching;

import java.time.LocalDate;

/** A date range, both ends inclusive; a null end is open. */
public record Window(LocalDate start, LocalDate end) {

    public static final Window OPEN = new Window(null, null);

    /** The intersection, or null when the ranges do not overlap. */
    public Window intersect(Window other) {
        LocalDate s = start == null ? other.start : other.start == null ? start : max(start, other.start);
        LocalDate e = end == null ? other.end : other.end == null ? end : min(end, other.end);
        return s != null && e != null && e.isBefore(s) ? null : new Window(s, e);
    }

    public boolean overlaps(Window other) {
        return intersect(other) != null;
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }
}
