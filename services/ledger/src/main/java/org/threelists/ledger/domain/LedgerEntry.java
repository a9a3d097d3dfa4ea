package org.threelists.ledger.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One entry of the ledger (台账): a volunteer's hours in a delivery ({@link Kind#HOURS}), the delivery itself with the
 * residents served ({@link Kind#DELIVERY}), or a claim or pledge honoured ({@link Kind#PLEDGE}); from a project's
 * delivery or from a closed slip of the second lane ({@link Origin}). Its hash chains it
 * to the previous entry of its chain: SHA-256 over the previous hash and the entry's canonical content, so editing
 * any stored field, or removing or reordering entries, breaks the chain at that entry.
 *
 * @param partition the chain: the partition of the topic the event came from ({@link Chains}), one chain per
 *                  partition, in offset order, so that a rebuild gives the same chains however the partitions interleave
 * @param seq       the entry's position in its chain, from 1
 * @param projectId the entry's source: the project, or for {@link Origin#SLIP} the slip
 * @param groupId   the building Party group that held the slip's demand; slip entries only
 * @param mode      how the member served the slip ({@code ONLINE}, {@code ON_SITE}); slip entries only
 */
public record LedgerEntry(String entryId, int partition, long seq, Kind kind, String eventId, String projectId,
        String streetCode, String communityCode, String category, LocalDate date, String place, String unitId,
        String volunteerId, BigDecimal hours, Integer residentsServed, String resourceId, String claimId,
        BigDecimal amount, String demandIds, String notes, String recordedBy, Instant recordedAt, String prevHash,
        String hash, Origin origin, String groupId, String mode) {

    public enum Kind { DELIVERY, HOURS, PLEDGE }

    /** Where an entry came from: a project's delivery report, or a slip the community closed. */
    public enum Origin { PROJECT, SLIP }

    /** The previous hash of the first entry of every chain. */
    public static final String GENESIS = "0".repeat(64);

    public LedgerEntry {
        // Normalised as the database stores them, so the hash recomputed from a stored row is the one computed here.
        hours = hours == null ? null : hours.setScale(2, RoundingMode.HALF_UP);
        amount = amount == null ? null : amount.setScale(2, RoundingMode.HALF_UP);
        recordedAt = recordedAt == null ? null : recordedAt.truncatedTo(ChronoUnit.MICROS);
        origin = origin == null ? Origin.PROJECT : origin;
    }

    /** The same entry, chained after {@code previous}: its prev_hash and its hash set. */
    public LedgerEntry chainedAfter(String previous) {
        LedgerEntry unhashed = new LedgerEntry(entryId, partition, seq, kind, eventId, projectId, streetCode,
                communityCode, category, date, place, unitId, volunteerId, hours, residentsServed, resourceId, claimId,
                amount, demandIds, notes, recordedBy, recordedAt, previous, null, origin, groupId, mode);
        return new LedgerEntry(entryId, partition, seq, kind, eventId, projectId, streetCode, communityCode, category,
                date, place, unitId, volunteerId, hours, residentsServed, resourceId, claimId, amount, demandIds, notes,
                recordedBy, recordedAt, previous, unhashed.computeHash(), origin, groupId, mode);
    }

    /** SHA-256 over prev_hash and the canonical content; what the stored hash must equal. */
    public String computeHash() {
        return Canonical.sha256(prevHash + "\n", content());
    }

    /**
     * Every field the entry states, by name; absent fields left out. Numbers in plain notation without trailing
     * zeros, dates ISO 8601, instants UTC with microseconds at most. A slip entry states its origin and names its
     * source {@code slipId}; a project entry states neither, so entries recorded before slips keep their hashes.
     */
    public SortedMap<String, String> content() {
        SortedMap<String, String> c = new TreeMap<>();
        c.put("entryId", entryId);
        c.put("partition", Integer.toString(partition));
        c.put("seq", Long.toString(seq));
        c.put("kind", kind.name());
        c.put("eventId", eventId);
        c.put(origin == Origin.SLIP ? "slipId" : "projectId", projectId);
        if (origin == Origin.SLIP) {
            c.put("origin", origin.name());
        }
        Canonical.put(c, "groupId", groupId);
        Canonical.put(c, "mode", mode);
        c.put("streetCode", streetCode);
        c.put("communityCode", communityCode);
        c.put("category", category);
        c.put("date", date.toString());
        c.put("place", place);
        Canonical.put(c, "unitId", unitId);
        Canonical.put(c, "volunteerId", volunteerId);
        Canonical.put(c, "hours", hours);
        Canonical.put(c, "residentsServed", residentsServed);
        Canonical.put(c, "resourceId", resourceId);
        Canonical.put(c, "claimId", claimId);
        Canonical.put(c, "amount", amount);
        c.put("demandIds", demandIds);
        Canonical.put(c, "notes", notes);
        c.put("recordedBy", recordedBy);
        c.put("recordedAt", recordedAt.toString());
        return c;
    }
}
