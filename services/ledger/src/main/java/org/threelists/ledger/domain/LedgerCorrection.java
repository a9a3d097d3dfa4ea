package org.threelists.ledger.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.TreeMap;

/**
 * A correction of an entry's hours, made at the desk: a new record that points at the entry it corrects and says who
 * made it and why. Nothing is changed in place. Corrections form a chain of their own, in the order they were made;
 * they are not on Kafka, so a rebuild of the entries keeps them (entry ids are the same in every rebuild).
 *
 * @param hours the hours in force after the correction
 * @param delta hours minus the hours in force before it (the entry's or the previous correction's)
 */
public record LedgerCorrection(long seq, String correctionId, String entryId, BigDecimal hours, BigDecimal delta,
        String reason, String correctedBy, Instant correctedAt, String prevHash, String hash) {

    public LedgerCorrection {
        hours = hours.setScale(2, RoundingMode.HALF_UP);
        delta = delta.setScale(2, RoundingMode.HALF_UP);
        correctedAt = correctedAt.truncatedTo(ChronoUnit.MICROS);
    }

    public LedgerCorrection chainedAfter(String previous) {
        LedgerCorrection unhashed = new LedgerCorrection(seq, correctionId, entryId, hours, delta, reason, correctedBy,
                correctedAt, previous, null);
        return new LedgerCorrection(seq, correctionId, entryId, hours, delta, reason, correctedBy, correctedAt, previous,
                unhashed.computeHash());
    }

    public String computeHash() {
        Map<String, String> c = new TreeMap<>();
        c.put("seq", Long.toString(seq));
        c.put("correctionId", correctionId);
        c.put("entryId", entryId);
        c.put("hours", Canonical.plain(hours));
        c.put("delta", Canonical.plain(delta));
        c.put("reason", reason);
        c.put("correctedBy", correctedBy);
        c.put("correctedAt", correctedAt.toString());
        return Canonical.sha256(prevHash + "\n" + Canonical.json(c));
    }
}
