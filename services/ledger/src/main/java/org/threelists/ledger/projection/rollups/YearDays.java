package org.threelists.ledger.projection.rollups;

import java.util.BitSet;

/**
 * The days of a year as {@code ledger_rollup_span_volunteer.days} keeps them (V8__year_volunteer_days.sql): the text of
 * a {@code bit(366)}, bit d−1 for day d of the year. One encoding for the writers and for the reports' masks.
 */
public final class YearDays {

    /** The bits of a year's days: a leap year's 366. */
    public static final int DAYS = 366;

    private YearDays() {
    }

    /** {@code days} (bit d−1 set for day d) as the text PostgreSQL casts to {@code bit(366)}. */
    public static String text(BitSet days) {
        char[] bits = new char[DAYS];
        for (int i = 0; i < DAYS; i++) {
            bits[i] = days.get(i) ? '1' : '0';
        }
        return new String(bits);
    }

    /** The days {@code first} to {@code last} of a year (1-based, both included) as {@link #text}. */
    public static String range(int first, int last) {
        BitSet days = new BitSet(DAYS);
        days.set(first - 1, last);
        return text(days);
    }
}
