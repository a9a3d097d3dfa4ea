package org.threelists.ledger.projection.reports;

import org.threelists.ledger.projection.rollups.YearDays;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A report's period cut into what the roll-ups hold whole: calendar years and months (the span roll-ups,
 * {@code ledger_rollup_span}) and the days of the months it holds only in part (the daily roll-ups). A period of six
 * months from the 15th reads five month rows and some forty days per group instead of some 180 days.
 *
 * @param spans the whole years and months, in order
 * @param days  the days outside them: at most two ranges, the first month's and the last month's
 */
record Period(List<Piece> spans, List<Piece> days) {

    /** A calendar year or month ({@code kind} YEAR or MONTH), or a range of days ({@code kind} DAYS). */
    record Piece(String kind, LocalDate start, LocalDate end) {
    }

    /**
     * @param monthsOnly years as their twelve months: a report by month reads one row per month
     */
    static Period of(LocalDate from, LocalDate to, boolean monthsOnly) {
        List<Piece> spans = new ArrayList<>();
        List<Piece> days = new ArrayList<>();
        LocalDate d = from;
        while (!d.isAfter(to)) {
            LocalDate yearEnd = d.withDayOfYear(d.lengthOfYear());
            LocalDate monthEnd = d.withDayOfMonth(d.lengthOfMonth());
            if (!monthsOnly && d.getDayOfYear() == 1 && !yearEnd.isAfter(to)) {
                spans.add(new Piece("YEAR", d, yearEnd));
                d = yearEnd.plusDays(1);
            } else if (d.getDayOfMonth() == 1 && !monthEnd.isAfter(to)) {
                spans.add(new Piece("MONTH", d, monthEnd));
                d = monthEnd.plusDays(1);
            } else {
                LocalDate end = monthEnd.isAfter(to) ? to : monthEnd;
                days.add(new Piece("DAYS", d, end));
                d = end.plusDays(1);
            }
        }
        return new Period(merged(spans), days);
    }

    /** Consecutive pieces of one kind as one range: a statement reads them with one index range. */
    private static List<Piece> merged(List<Piece> pieces) {
        List<Piece> merged = new ArrayList<>();
        for (Piece p : pieces) {
            Piece last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && last.kind().equals(p.kind()) && last.end().plusDays(1).equals(p.start())) {
                merged.set(merged.size() - 1, new Piece(p.kind(), last.start(), p.end()));
            } else {
                merged.add(p);
            }
        }
        return merged;
    }

    /** The days from {@code from} to {@code to} cut at the years' ends: one piece (kind DAYS) per calendar year. */
    static List<Piece> years(LocalDate from, LocalDate to) {
        List<Piece> years = new ArrayList<>();
        for (LocalDate d = from; !d.isAfter(to); ) {
            LocalDate yearEnd = d.withDayOfYear(d.lengthOfYear());
            LocalDate end = yearEnd.isAfter(to) ? to : yearEnd;
            years.add(new Piece("DAYS", d, end));
            d = end.plusDays(1);
        }
        return years;
    }

    /**
     * The days of {@code days} (within one year) as the text of a {@code bit(366)}, as a year row's volunteers keep
     * theirs: bit d−1 for day d of the year (V8__year_volunteer_days.sql).
     */
    static String dayBits(Piece days) {
        return YearDays.range(days.start().getDayOfYear(), days.end().getDayOfYear());
    }

    /** Whether each group has one span row at most, so that the rows' distinct volunteers add up. */
    boolean oneSpan() {
        return days.isEmpty() && spans.size() == 1 && spans.get(0).start().equals(spans.get(0).kind().equals("YEAR")
                ? spans.get(0).end().withDayOfYear(1) : spans.get(0).end().withDayOfMonth(1));
    }
}
