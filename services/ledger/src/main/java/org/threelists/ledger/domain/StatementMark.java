package org.threelists.ledger.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What the desk recorded of an hour statement, as a link of the statements' chain: its issue, its revocation, each
 * correction that outdated it. The statement's standing (VALID, REVOKED, OUTDATED) is read from plain rows
 * ({@code statement_revocation}, {@code statement_outdated}); the marks are chained as the entries and the corrections
 * are, so a row deleted, added or altered in the database no longer agrees with them and a verification names it
 * (services/ledger/README.md, "Hour statements", "Statements' marks").
 *
 * <p>Its hash is {@code SHA-256(prev_hash + "\n" + canonical JSON)} as an entry's; the time is written with six digits
 * of fraction in UTC, so that {@code V12__statement_marks.sql} chains the marks made before it in SQL to the same hash.
 *
 * @param statementHash ISSUED: the statement's own hash (over its content)
 * @param certified     ISSUED: SHA-256 over the entries it certified with their hours ({@link #certified(Map)})
 * @param reason        REVOKED: why
 * @param correctionId  OUTDATED: the correction that changed hours it certified
 * @param hoursInForce  OUTDATED: the hours in force of its services after that correction
 */
public record StatementMark(long seq, String number, String streetCode, Kind kind, Instant at, String by,
        String statementHash, String certified, String reason, String correctionId, BigDecimal hoursInForce,
        String prevHash, String hash) {

    public enum Kind { ISSUED, REVOKED, OUTDATED }

    /** The time as hashed: UTC, always six digits of fraction (what PostgreSQL keeps). */
    private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'")
            .withZone(ZoneOffset.UTC);

    public StatementMark {
        at = at.truncatedTo(ChronoUnit.MICROS);
    }

    public static StatementMark issued(HourStatement s, String certified) {
        return new StatementMark(0, s.number(), s.streetCode(), Kind.ISSUED, s.issuedAt(), s.issuedBy(), s.hash(),
                certified, null, null, null, null, null);
    }

    public static StatementMark revoked(String number, String street, String reason, String by, Instant at) {
        return new StatementMark(0, number, street, Kind.REVOKED, at, by, null, null, reason, null, null, null, null);
    }

    public static StatementMark outdated(String number, String street, LedgerCorrection correction,
            BigDecimal hoursInForce) {
        return new StatementMark(0, number, street, Kind.OUTDATED, correction.correctedAt(), correction.correctedBy(),
                null, null, null, correction.correctionId(), hoursInForce, null, null);
    }

    /**
     * SHA-256 over the lines {@code entryId:hours} of the entries a statement certified, in the code-point order of
     * their ids, joined by a line feed; the hours without trailing zeros.
     */
    public static String certified(Map<String, BigDecimal> hoursByEntry) {
        return Canonical.sha256(new TreeMap<>(hoursByEntry).entrySet().stream()
                .map(e -> e.getKey() + ":" + Canonical.plain(e.getValue())).collect(Collectors.joining("\n")));
    }

    /** The same mark as link {@code seq} of the chain, after the link whose hash is {@code previous}. */
    public StatementMark chainedAfter(long seq, String previous) {
        StatementMark unhashed = new StatementMark(seq, number, streetCode, kind, at, by, statementHash, certified,
                reason, correctionId, hoursInForce, previous, null);
        return new StatementMark(seq, number, streetCode, kind, at, by, statementHash, certified, reason, correctionId,
                hoursInForce, previous, unhashed.computeHash());
    }

    public String computeHash() {
        SortedMap<String, String> c = new TreeMap<>();
        c.put("seq", Long.toString(seq));
        c.put("number", number);
        c.put("streetCode", streetCode);
        c.put("kind", kind.name());
        c.put("at", AT.format(at));
        c.put("by", by);
        Canonical.put(c, "statementHash", statementHash);
        Canonical.put(c, "certified", certified);
        Canonical.put(c, "reason", reason);
        Canonical.put(c, "correctionId", correctionId);
        Canonical.put(c, "hoursInForce", hoursInForce);
        return Canonical.sha256(prevHash + "\n" + Canonical.json(c));
    }
}
