package org.threelists.ledger.domain;

import org.threelists.ledger.domain.LedgerEntry.Kind;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A delivered project as its report states it ({@code project.delivered}), and the entries it gives: its DELIVERY
 * entry, one HOURS entry per volunteer in the report's order, one PLEDGE entry per consumption in the event's order
 * (services/ledger/README.md, "Entries and the hash chains"). Entry ids are derived from the event id and the
 * position, so every rebuild gives the same ids and corrections made at the desk keep pointing at the right entries.
 *
 * @param demandIds the demands the project served, comma-separated as the entries carry them
 */
public record Delivery(String projectId, String streetCode, String communityCode, String category, String demandIds,
        LocalDate date, String place, String notes, int residentsServed, String actor, List<VolunteerHours> volunteers,
        List<Consumption> consumptions) {

    /** A volunteer's hours, served for a unit. */
    public record VolunteerHours(String volunteerId, String unitId, BigDecimal hours) {
    }

    /** A claim or pledge honoured: an amount in the resource's capacity unit. */
    public record Consumption(String claimId, String unitId, String resourceId, BigDecimal amount) {
    }

    /**
     * The delivery's entries, appended to a chain whose last entry is {@code seq} with hash {@code previous}: each one
     * chained to the one before it.
     */
    public List<LedgerEntry> entries(String eventId, Instant recordedAt, int partition, long seq, String previous) {
        List<LedgerEntry> drafts = new ArrayList<>();
        drafts.add(draft(Kind.DELIVERY, null, null, null, residentsServed, null, null, null, notes));
        for (VolunteerHours v : volunteers) {
            drafts.add(draft(Kind.HOURS, v.unitId(), v.volunteerId(), v.hours(), null, null, null, null, null));
        }
        for (Consumption p : consumptions) {
            drafts.add(draft(Kind.PLEDGE, p.unitId(), null, null, null, p.resourceId(), p.claimId(), p.amount(), null));
        }
        List<LedgerEntry> entries = new ArrayList<>();
        String hash = previous;
        for (int i = 0; i < drafts.size(); i++) {
            LedgerEntry x = drafts.get(i);
            String entryId = UUID.nameUUIDFromBytes((eventId + "/" + i).getBytes(StandardCharsets.UTF_8)).toString();
            LedgerEntry entry = new LedgerEntry(entryId, partition, ++seq, x.kind(), eventId, projectId, streetCode,
                    communityCode, category, date, place, x.unitId(), x.volunteerId(), x.hours(), x.residentsServed(),
                    x.resourceId(), x.claimId(), x.amount(), demandIds, x.notes(), actor, recordedAt, null, null,
                    LedgerEntry.Origin.PROJECT, null, null).chainedAfter(hash);
            hash = entry.hash();
            entries.add(entry);
        }
        return entries;
    }

    private static LedgerEntry draft(Kind kind, String unitId, String volunteerId, BigDecimal hours, Integer residents,
            String resourceId, String claimId, BigDecimal amount, String notes) {
        return new LedgerEntry(null, 0, 0, kind, null, null, null, null, null, null, null, unitId, volunteerId, hours,
                residents, resourceId, claimId, amount, null, notes, null, null, null, null, null, null, null);
    }
}
