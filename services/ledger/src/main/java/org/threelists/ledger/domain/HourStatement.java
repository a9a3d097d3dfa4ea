package org.threelists.ledger.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;

/**
 * An hour statement (志愿服务时长证明): a volunteer's confirmed hours in force in a street over a period, numbered
 * {@code VH-<year>-<serial>}, hashed over its canonical content and never changed; a revocation is a record of its own,
 * and so is its outdating, when a desk's correction changed hours it certified. The verification code printed beside
 * the number is not part of the hash: it is the key to the record, not its content (services/ledger/README.md, "Hour
 * statements").
 */
public record HourStatement(String number, String volunteerId, String maskedName, String unitId, String streetCode,
        LocalDate periodFrom, LocalDate periodTo, BigDecimal hours, String content, String issuer, String issuedBy,
        LocalDate issuedOn, Instant issuedAt, String hash, Revocation revocation, String verificationCode,
        Outdating outdating) {

    /** Who revoked the statement, when and why. */
    public record Revocation(String reason, String revokedBy, Instant revokedAt) {
    }

    /**
     * The statement no longer matches the ledger: a correction ({@code correctionId}, the first) changed hours it
     * certified at {@code outdatedAt}; {@code hoursInForce} is what the ledger holds now for the services it lists.
     */
    public record Outdating(Instant outdatedAt, String correctionId, BigDecimal hoursInForce) {
    }

    /**
     * Where a statement stands. A public verification also tells ALTERED: the stored record no longer gives its hash.
     * OUTDATED: its hours were corrected after it was issued, and a new statement is to be asked for; a revoked
     * statement stays REVOKED, corrected or not.
     */
    public enum Status { VALID, OUTDATED, REVOKED, ALTERED }

    public static String number(int year, long serial) {
        return String.format("VH-%d-%06d", year, serial);
    }

    /** The content printed on the statement: how many services, and each one. */
    public static String content(java.util.List<String> services) {
        return "志愿服务" + services.size() + "次：" + String.join("；", services);
    }

    /** The same statement, hashed and given its verification code: what is stored when it is issued. */
    public HourStatement sealed(String code) {
        HourStatement s = this;
        return new HourStatement(s.number, s.volunteerId, s.maskedName, s.unitId, s.streetCode, s.periodFrom, s.periodTo,
                s.hours, s.content, s.issuer, s.issuedBy, s.issuedOn, s.issuedAt, computeHash(), null, code, null);
    }

    public String computeHash() {
        Map<String, String> c = new TreeMap<>();
        c.put("number", number);
        c.put("volunteerId", volunteerId);
        Canonical.put(c, "maskedName", maskedName);
        Canonical.put(c, "unitId", unitId);
        c.put("streetCode", streetCode);
        c.put("periodFrom", periodFrom.toString());
        c.put("periodTo", periodTo.toString());
        c.put("hours", Canonical.plain(hours));
        c.put("content", content);
        c.put("issuer", issuer);
        c.put("issuedBy", issuedBy);
        c.put("issuedOn", issuedOn.toString());
        return Canonical.sha256(Canonical.json(c));
    }

    /** What a public verification answers: ALTERED before anything the desk recorded. */
    public Status status() {
        return !computeHash().equals(hash) ? Status.ALTERED : standing();
    }

    /** What the desk recorded: revoked, else outdated by a correction, else valid. */
    public Status standing() {
        return revocation != null ? Status.REVOKED : outdating != null ? Status.OUTDATED : Status.VALID;
    }
}
