package org.threelists.ledger.projection.rollups;

import org.threelists.ledger.domain.LedgerEntry;
import org.threelists.ledger.domain.LedgerEntry.Kind;
import org.threelists.ledger.domain.LedgerEntry.Origin;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The roll-up rows of entries just appended, grouped in memory exactly as {@link LedgerRollups#streetRows},
 * {@link LedgerRollups#unitRows} and {@link LedgerRollups#participation} group them in SQL: a batch's deliveries are
 * then one upsert per table instead of three grouping queries that read back the entries the batch just wrote
 * (bench/README.md, "Ledger: the write path"). The rows are sorted by key, so that two transactions adding to the same
 * rows lock them in the same order.
 */
final class EntryFigures {

    /** A {@code ledger_rollup} key; unit '' is the street's own row. */
    record RollupKey(String street, LocalDate date, String unit, String community, String category, boolean confirmed) {
    }

    /** A {@code ledger_participation} key. */
    record ParticipationKey(String street, LocalDate date, String unit, String volunteer, String community,
            String category, String project, boolean confirmed) {
    }

    /** One delivery's (or slip's) entries of one unit: what a unit's row counts as one service. */
    record UnitDelivery(String street, LocalDate date, String unit, boolean confirmed, Sums sums, long residentsServed) {
    }

    static final class Sums {
        BigDecimal hours = BigDecimal.ZERO;
        long services;
        long residentsServed;
        long entries;
    }

    private static final Comparator<RollupKey> ROLLUP_ORDER = Comparator.comparing(RollupKey::street)
            .thenComparing(RollupKey::date).thenComparing(RollupKey::unit).thenComparing(RollupKey::community)
            .thenComparing(RollupKey::category).thenComparing(RollupKey::confirmed);

    private static final Comparator<ParticipationKey> PARTICIPATION_ORDER = Comparator
            .comparing(ParticipationKey::street).thenComparing(ParticipationKey::date)
            .thenComparing(ParticipationKey::unit).thenComparing(ParticipationKey::volunteer)
            .thenComparing(ParticipationKey::community).thenComparing(ParticipationKey::category)
            .thenComparing(ParticipationKey::project).thenComparing(ParticipationKey::confirmed);

    final Map<RollupKey, Sums> rollup = new TreeMap<>(ROLLUP_ORDER);
    final Map<ParticipationKey, Sums> participation = new TreeMap<>(PARTICIPATION_ORDER);
    final List<UnitDelivery> unitDeliveries = new ArrayList<>();

    /**
     * Groups {@code entries} (whole deliveries and slips: each event's entries together); an entry counts as confirmed
     * when it is a slip's or its project is among {@code confirmedProjects} (Confirmation).
     */
    static EntryFigures of(Collection<LedgerEntry> entries, Set<String> confirmedProjects) {
        EntryFigures f = new EntryFigures();
        Map<String, Integer> residentsOfDelivery = new HashMap<>();
        Map<String, List<LedgerEntry>> unitEntriesOfEvent = new TreeMap<>();
        for (LedgerEntry e : entries) {
            boolean confirmed = e.origin() == Origin.SLIP || confirmedProjects.contains(e.projectId());
            boolean isHours = e.kind() == Kind.HOURS;
            boolean isDelivery = e.kind() == Kind.DELIVERY;
            Sums street = f.rollup.computeIfAbsent(new RollupKey(e.streetCode(), e.date(), "", e.communityCode(),
                    e.category(), confirmed), k -> new Sums());
            street.entries++;
            if (isHours) {
                street.hours = street.hours.add(hoursOf(e));
            }
            if (isDelivery) {
                street.services++;
                street.residentsServed += e.residentsServed() == null ? 0 : e.residentsServed();
                residentsOfDelivery.putIfAbsent(e.eventId(), e.residentsServed() == null ? 0 : e.residentsServed());
            }
            String unit = e.unitId() == null ? "" : e.unitId();
            if (!unit.isEmpty()) {
                unitEntriesOfEvent.computeIfAbsent(e.eventId(), k -> new ArrayList<>()).add(e);
            }
            if (!unit.isEmpty() || e.origin() == Origin.SLIP && isHours) {
                Sums p = f.participation.computeIfAbsent(new ParticipationKey(e.streetCode(), e.date(), unit,
                        e.volunteerId() == null ? "" : e.volunteerId(), e.communityCode(), e.category(), e.projectId(),
                        confirmed), k -> new Sums());
                p.entries++;
                if (isHours) {
                    p.hours = p.hours.add(hoursOf(e));
                }
            }
        }
        // A unit's row counts each delivery it took part in once, with that delivery's residents served.
        unitEntriesOfEvent.forEach((event, unitEntries) -> {
            Map<RollupKey, Sums> perEvent = new HashMap<>();
            for (LedgerEntry e : unitEntries) {
                boolean confirmed = e.origin() == Origin.SLIP || confirmedProjects.contains(e.projectId());
                Sums s = perEvent.computeIfAbsent(new RollupKey(e.streetCode(), e.date(), e.unitId(), e.communityCode(),
                        e.category(), confirmed), k -> new Sums());
                s.entries++;
                if (e.kind() == Kind.HOURS) {
                    s.hours = s.hours.add(hoursOf(e));
                }
            }
            perEvent.forEach((key, s) -> {
                Sums unit = f.rollup.computeIfAbsent(key, k -> new Sums());
                int residents = residentsOfDelivery.getOrDefault(event, 0);
                unit.hours = unit.hours.add(s.hours);
                unit.services++;
                unit.residentsServed += residents;
                unit.entries += s.entries;
                f.unitDeliveries.add(new UnitDelivery(key.street(), key.date(), key.unit(), key.confirmed(), s, residents));
            });
        });
        return f;
    }

    static BigDecimal hoursOf(LedgerEntry e) {
        return e.hours() == null ? BigDecimal.ZERO : e.hours();
    }

    /** A column of the keys (or sums) as text, for {@code unnest(?::text[])}. */
    static <K> Object[] column(Collection<K> rows, Function<K, Object> value) {
        return rows.stream().map(value).map(v -> v == null ? null : v.toString()).toArray();
    }
}
