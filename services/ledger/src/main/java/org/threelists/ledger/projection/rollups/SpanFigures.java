package org.threelists.ledger.projection.rollups;

import org.threelists.ledger.domain.LedgerEntry;
import org.threelists.ledger.domain.LedgerEntry.Kind;
import org.threelists.ledger.domain.LedgerEntry.Origin;

import java.time.LocalDate;
import java.util.BitSet;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The year and month roll-up rows of entries just appended, grouped in memory exactly as {@link SpanRollups#streetRows},
 * {@link SpanRollups#unitRows} and {@link SpanRollups#volunteers} group them in SQL, so that a batch writes them from
 * its own entries (one upsert per table) instead of three grouping queries over the entries it just wrote
 * (bench/README.md, "Ledger: the span roll-ups from the batch"). Rows are sorted by key, so two transactions adding
 * to the same rows lock them in the same order.
 */
final class SpanFigures {

    /** A {@code ledger_rollup_span} key. */
    record SpanKey(String street, String span, LocalDate start, String dim, String value, boolean confirmed) {
    }

    /** A {@code ledger_rollup_span_volunteer} key. */
    record VolunteerKey(SpanKey row, String volunteer) {
    }

    static final Comparator<SpanKey> SPAN_ORDER = Comparator.comparing(SpanKey::street).thenComparing(SpanKey::span)
            .thenComparing(SpanKey::start).thenComparing(SpanKey::dim).thenComparing(SpanKey::value)
            .thenComparing(SpanKey::confirmed);

    private static final Comparator<VolunteerKey> VOLUNTEER_ORDER = Comparator.comparing(VolunteerKey::row, SPAN_ORDER)
            .thenComparing(VolunteerKey::volunteer);

    final Map<SpanKey, EntryFigures.Sums> spans = new TreeMap<>(SPAN_ORDER);
    /** Per span row and volunteer, how many of the volunteer's entries the batch adds to the row. */
    final Map<VolunteerKey, long[]> volunteers = new TreeMap<>(VOLUNTEER_ORDER);
    /** Per confirmed year row and volunteer, the days of the year of the volunteer's entries (bit d−1 for day d). */
    final Map<VolunteerKey, BitSet> days = new HashMap<>();

    /**
     * Groups {@code entries} (whole deliveries and slips: each event's entries together); an entry counts as confirmed
     * when it is a slip's or its project is among {@code confirmedProjects} (Confirmation). A unit's span row counts
     * each delivery it took part in once, with that delivery's residents served: {@code unitDeliveries}, which
     * {@link EntryFigures} gathered for the daily unit rows.
     */
    static SpanFigures of(Collection<LedgerEntry> entries, Set<String> confirmedProjects,
            Collection<EntryFigures.UnitDelivery> unitDeliveries) {
        SpanFigures f = new SpanFigures();
        for (LedgerEntry e : entries) {
            boolean confirmed = e.origin() == Origin.SLIP || confirmedProjects.contains(e.projectId());
            String unit = e.unitId() == null ? "" : e.unitId();
            boolean participant = !unit.isEmpty() || e.origin() == Origin.SLIP && e.kind() == Kind.HOURS;
            for (String[] dim : List.of(new String[] {"STREET", e.streetCode()},
                    new String[] {"COMMUNITY", e.communityCode()}, new String[] {"CATEGORY", e.category()})) {
                for (SpanKey key : keys(e.streetCode(), e.date(), dim[0], dim[1], confirmed)) {
                    EntryFigures.Sums s = f.spans.computeIfAbsent(key, k -> new EntryFigures.Sums());
                    s.entries++;
                    if (e.kind() == Kind.HOURS) {
                        s.hours = s.hours.add(EntryFigures.hoursOf(e));
                    }
                    if (e.kind() == Kind.DELIVERY) {
                        s.services++;
                        s.residentsServed += e.residentsServed() == null ? 0 : e.residentsServed();
                    }
                    if (participant && e.volunteerId() != null) {
                        f.member(key, e);
                    }
                }
            }
            if (participant && e.volunteerId() != null && !unit.isEmpty()) {
                for (SpanKey key : keys(e.streetCode(), e.date(), "UNIT", unit, confirmed)) {
                    f.member(key, e);
                }
            }
        }
        for (EntryFigures.UnitDelivery d : unitDeliveries) {
            for (SpanKey key : keys(d.street(), d.date(), "UNIT", d.unit(), d.confirmed())) {
                EntryFigures.Sums s = f.spans.computeIfAbsent(key, k -> new EntryFigures.Sums());
                s.hours = s.hours.add(d.sums().hours);
                s.services++;
                s.residentsServed += d.residentsServed();
                s.entries += d.sums().entries;
            }
        }
        return f;
    }

    /** Counts the entry's volunteer in the row; in a confirmed year row, on the entry's day too. */
    private void member(SpanKey key, LedgerEntry e) {
        VolunteerKey member = new VolunteerKey(key, e.volunteerId());
        volunteers.computeIfAbsent(member, k -> new long[1])[0]++;
        if (key.confirmed() && key.span().equals("YEAR")) {
            days.computeIfAbsent(member, k -> new BitSet(YearDays.DAYS)).set(e.date().getDayOfYear() - 1);
        }
    }

    /** A year row's days as the text of a {@code bit(366)}, as {@code SpanRollups.addVolunteers} reads them; else null. */
    String daysOf(VolunteerKey member) {
        BitSet set = days.get(member);
        return set == null ? null : YearDays.text(set);
    }

    private static List<SpanKey> keys(String street, LocalDate date, String dim, String value, boolean confirmed) {
        return List.of(new SpanKey(street, "YEAR", date.withDayOfYear(1), dim, value, confirmed),
                new SpanKey(street, "MONTH", date.withDayOfMonth(1), dim, value, confirmed));
    }
}
