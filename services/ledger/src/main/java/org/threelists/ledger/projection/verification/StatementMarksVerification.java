package org.threelists.ledger.projection.verification;

import org.threelists.ledger.domain.HourStatement;
import org.threelists.ledger.domain.LedgerEntry;
import org.threelists.ledger.domain.StatementMark;
import org.threelists.ledger.projection.statements.StatementMarks;
import org.threelists.ledger.projection.statements.StatementStore;
import org.threelists.ledger.projection.verification.ChainVerification.BrokenLink;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Verifies the statements' chain and what the statements' rows say against it (services/ledger/README.md, "Statements'
 * marks"): each mark's content gives its hash and its prev_hash is its predecessor's hash, the chain ends where its head
 * says, and each statement's rows (the statement, the entries it certified, its revocation, its outdating) are what its
 * marks chained. A revocation deleted in the database turns a revoked statement back to VALID for whoever checks it;
 * here it is a mark with no row, and named: which statement, what is wrong.
 */
final class StatementMarksVerification {

    private static final String CHAIN = StatementMarks.CHAIN;

    /** How many marks were checked, the chain's last hash, and the first break (null: none). */
    record Outcome(long marks, String head, BrokenLink broken) {
    }

    /** What a statement's marks say its rows must be. */
    private static final class Marked {
        StatementMark issued;
        StatementMark revoked;
        StatementMark firstOutdated;
        StatementMark lastOutdated;
        long lastSeq;
    }

    private StatementMarksVerification() {
    }

    /**
     * The whole chain and every statement ({@code street} null), or a street's marks and statements. The head's row is
     * locked shared first, to the caller's transaction's end: no mark is appended meanwhile (an append locks it for
     * update, with the rows it marks written in the same transaction), so the marks, the head and the rows read one
     * after the other agree unless the database was edited.
     */
    static Outcome verify(Connection c, String street) throws SQLException {
        Long headSeq = null;
        String head = LedgerEntry.GENESIS;
        try (PreparedStatement q = c.prepareStatement("SELECT seq, hash FROM statement_chain_head WHERE chain = ? "
                + "FOR SHARE")) {
            q.setString(1, CHAIN);
            try (ResultSet rs = q.executeQuery()) {
                if (rs.next()) {
                    headSeq = rs.getLong(1);
                    head = rs.getString(2);
                }
            }
        }
        Map<String, Marked> marked = new HashMap<>();
        BrokenLink broken = null;
        long marks = 0;
        long seq = 0;
        String last = LedgerEntry.GENESIS;
        try (PreparedStatement q = c.prepareStatement(street == null
                ? "SELECT m.*, NULL AS predecessor_hash FROM statement_mark m ORDER BY m.seq"
                : "SELECT m.*, p.hash AS predecessor_hash FROM statement_mark m LEFT JOIN statement_mark p "
                        + "ON p.seq = m.seq - 1 WHERE m.street_code = ? ORDER BY m.seq")) {
            if (street != null) {
                q.setString(1, street);
            }
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    StatementMark m = StatementMarks.mark(rs);
                    marks++;
                    if (broken == null) {
                        broken = street == null ? brokenLink(m, seq, last) : brokenLink(m, m.seq() - 1,
                                m.seq() == 1 ? LedgerEntry.GENESIS : rs.getString("predecessor_hash"));
                    }
                    seq = m.seq();
                    last = m.hash();
                    fold(marked.computeIfAbsent(m.number(), n -> new Marked()), m);
                }
            }
        }
        if (broken == null) {
            broken = brokenHead(c, street, headSeq, head, seq, last);
        }
        if (broken == null) {
            broken = statementsAgainstMarks(c, street, marked);
        }
        return new Outcome(marks, head, broken);
    }

    /**
     * The chain ends where its head says: the whole walk ended at the head's mark with its hash; a street's (which
     * walked only its own marks) finds the head's mark stored with the head's hash.
     */
    private static BrokenLink brokenHead(Connection c, String street, Long headSeq, String head, long walkedSeq,
            String walkedHash) throws SQLException {
        if (headSeq == null) {
            return new BrokenLink(CHAIN, null, walkedSeq, null, "the statements' chain has no head: it was deleted");
        }
        if (street == null) {
            return walkedSeq == headSeq && walkedHash.equals(head) ? null : new BrokenLink(CHAIN, null, headSeq, null,
                    "the chain ends at mark " + walkedSeq + " but its head says " + headSeq
                            + ": marks were removed or altered");
        }
        String named = LedgerEntry.GENESIS;
        if (headSeq > 0) {
            try (PreparedStatement q = c.prepareStatement("SELECT hash FROM statement_mark WHERE seq = ?")) {
                q.setLong(1, headSeq);
                try (ResultSet rs = q.executeQuery()) {
                    named = rs.next() ? rs.getString(1) : null;
                }
            }
        }
        return head.equals(named) ? null : new BrokenLink(CHAIN, null, headSeq, null, "the chain's last mark "
                + headSeq + " is not the one its head names: marks were removed or altered");
    }

    /** A mark's link to the one before it ({@code previousHash} null: no mark {@code previousSeq} is stored). */
    private static BrokenLink brokenLink(StatementMark m, long previousSeq, String previousHash) {
        if (previousHash == null) {
            return new BrokenLink(CHAIN, null, previousSeq, null, "mark " + previousSeq + " is missing");
        }
        if (m.seq() != previousSeq + 1) {
            return new BrokenLink(CHAIN, null, previousSeq + 1, null, "mark " + (previousSeq + 1) + " is missing: "
                    + "the next stored mark is " + m.seq());
        }
        if (!m.prevHash().equals(previousHash)) {
            return new BrokenLink(CHAIN, null, m.seq(), m.number(), "prev_hash is not the hash of the mark before it");
        }
        if (!m.computeHash().equals(m.hash())) {
            return new BrokenLink(CHAIN, null, m.seq(), m.number(),
                    "the content no longer gives the stored hash: the mark of statement " + m.number() + " was altered");
        }
        return null;
    }

    private static void fold(Marked into, StatementMark m) {
        into.lastSeq = m.seq();
        switch (m.kind()) {
            case ISSUED -> into.issued = m;
            case REVOKED -> into.revoked = m;
            case OUTDATED -> {
                if (into.firstOutdated == null) {
                    into.firstOutdated = m;
                }
                into.lastOutdated = m;
            }
        }
    }

    /**
     * Each statement's rows against its marks, in the order of the numbers; then the marks of statements that have no
     * row left. The first disagreement.
     */
    private static BrokenLink statementsAgainstMarks(Connection c, String street, Map<String, Marked> marked)
            throws SQLException {
        try (PreparedStatement q = c.prepareStatement("SELECT s.*, r.reason, r.revoked_by, r.revoked_at, "
                + "o.outdated_at, o.correction_id, o.hours_in_force, ce.ids, ce.hours AS certified_hours "
                + "FROM hour_statement s LEFT JOIN statement_revocation r ON r.number = s.number "
                + "LEFT JOIN statement_outdated o ON o.number = s.number "
                + "LEFT JOIN LATERAL (SELECT array_agg(e.entry_id) AS ids, array_agg(e.hours) AS hours "
                + "FROM statement_entry e WHERE e.number = s.number) ce ON TRUE"
                + (street == null ? "" : " WHERE s.street_code = ?") + " ORDER BY s.number")) {
            if (street != null) {
                q.setString(1, street);
            }
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    HourStatement s = StatementStore.statement(rs);
                    BrokenLink broken = disagreement(s, certified(rs), marked.remove(s.number()));
                    if (broken != null) {
                        return broken;
                    }
                }
            }
        }
        return marked.entrySet().stream().sorted(Map.Entry.comparingByKey()).findFirst()
                .map(e -> new BrokenLink(CHAIN, null, e.getValue().lastSeq, e.getKey(), "statement " + e.getKey()
                        + " has marks in the chain but no record" + (street == null ? "" : " in street " + street)
                        + ": the statement was deleted or moved"))
                .orElse(null);
    }

    /** SHA-256 over the entries the statement's rows say it certified, as its issue was chained. */
    private static String certified(ResultSet rs) throws SQLException {
        Map<String, BigDecimal> hours = new TreeMap<>();
        Array ids = rs.getArray("ids");
        if (ids != null) {
            Object[] id = (Object[]) ids.getArray();
            Object[] h = (Object[]) rs.getArray("certified_hours").getArray();
            for (int i = 0; i < id.length; i++) {
                hours.put((String) id[i], (BigDecimal) h[i]);
            }
        }
        return StatementMark.certified(hours);
    }

    /** What is wrong with one statement's rows, by its marks; null when they agree. */
    private static BrokenLink disagreement(HourStatement s, String certified, Marked m) {
        String number = s.number();
        if (m == null || m.issued == null) {
            return broken(m == null ? 0 : m.lastSeq, number, "the statement has no mark of its issue: it was recorded "
                    + "outside the ledger");
        }
        long issued = m.issued.seq();
        if (!s.computeHash().equals(s.hash())) {
            return broken(issued, number, "the statement's content no longer gives its hash: the statement was altered");
        }
        if (!s.hash().equals(m.issued.statementHash())) {
            return broken(issued, number, "the statement's hash is not the one chained at its issue: the statement "
                    + "was replaced");
        }
        if (!certified.equals(m.issued.certified())) {
            return broken(issued, number, "the entries the statement certified are not those chained at its issue");
        }
        HourStatement.Revocation r = s.revocation();
        if (m.revoked != null && r == null) {
            return broken(m.revoked.seq(), number, "the statement's revocation was deleted: it answers VALID or "
                    + "OUTDATED where it was revoked");
        }
        if (m.revoked == null && r != null) {
            return broken(m.lastSeq, number, "the statement's revocation has no mark: it was recorded outside the ledger");
        }
        if (r != null && !(r.reason().equals(m.revoked.reason()) && r.revokedBy().equals(m.revoked.by())
                && r.revokedAt().equals(m.revoked.at()))) {
            return broken(m.revoked.seq(), number, "the statement's revocation (reason, who or when) is not the one "
                    + "chained: it was altered");
        }
        HourStatement.Outdating o = s.outdating();
        if (m.firstOutdated != null && o == null) {
            return broken(m.firstOutdated.seq(), number, "the statement's outdating was deleted: it answers VALID where "
                    + "a correction outdated it");
        }
        if (m.firstOutdated == null && o != null) {
            return broken(m.lastSeq, number, "the statement's outdating has no mark: it was recorded outside the ledger");
        }
        if (o != null && !(o.outdatedAt().equals(m.firstOutdated.at())
                && Objects.equals(o.correctionId(), m.firstOutdated.correctionId())
                && o.hoursInForce().compareTo(m.lastOutdated.hoursInForce()) == 0)) {
            return broken(m.lastOutdated.seq(), number, "the statement's outdating (when, by which correction or the "
                    + "hours in force) is not the one chained: it was altered");
        }
        return null;
    }

    private static BrokenLink broken(long seq, String number, String reason) {
        return new BrokenLink(CHAIN, null, seq, number, "statement " + number + ": " + reason);
    }
}
