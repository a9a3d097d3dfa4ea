package org.threelists.ledger.domain;

import org.threelists.ledger.domain.LedgerEntry.Kind;
import org.threelists.ledger.domain.LedgerEntry.Origin;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A slip (三联单) the community closed ({@code threelists.slip.closed.v1}: reported, and the resident satisfied), and the
 * entries it gives (services/ledger/README.md, "Slips"): a DELIVERY entry, the service to the demand's residents, and
 * one HOURS entry, the member's hours, with the member's home unit (双报到) as the unit they count for, or none for a
 * resident member. Entry ids are derived from the event id and the position, as a delivery's are, so a rebuild gives
 * the same ids.
 *
 * @param homeUnitId    the member's home unit; null for a resident member (居民党员)
 * @param category      the demand's category, from its listing (slip.closed does not carry it)
 * @param beneficiaries how many residents the demand serves, from its listing
 */
public record ClosedSlip(String slipId, String demandId, String streetCode, String communityCode, String groupId,
        String memberId, String homeUnitId, BigDecimal hours, String mode, LocalDate serviceDate, String category,
        int beneficiaries, String actor) {

    /** The two entries, appended to a chain whose last entry is {@code seq} with hash {@code previous}. */
    public List<LedgerEntry> entries(String eventId, Instant recordedAt, int chain, long seq, String previous) {
        LedgerEntry service = entry(eventId, 0, chain, seq + 1, Kind.DELIVERY, null, null, null, beneficiaries,
                recordedAt).chainedAfter(previous);
        LedgerEntry hoursEntry = entry(eventId, 1, chain, seq + 2, Kind.HOURS, homeUnitId, memberId, hours, null,
                recordedAt).chainedAfter(service.hash());
        return List.of(service, hoursEntry);
    }

    private LedgerEntry entry(String eventId, int position, int chain, long seq, Kind kind, String unitId,
            String volunteerId, BigDecimal entryHours, Integer residents, Instant recordedAt) {
        String entryId = UUID.nameUUIDFromBytes((eventId + "/" + position).getBytes(StandardCharsets.UTF_8)).toString();
        // No place: the slip's words (and so where it was served) stay in demand-list; the mode says online or on site.
        return new LedgerEntry(entryId, chain, seq, kind, eventId, slipId, streetCode, communityCode, category,
                serviceDate, "", unitId, volunteerId, entryHours, residents, null, null, null, demandId, null, actor,
                recordedAt, null, null, Origin.SLIP, groupId, mode);
    }
}
