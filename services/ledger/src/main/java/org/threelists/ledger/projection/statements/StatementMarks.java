package org.threelists.ledger.projection.statements;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import org.threelists.ledger.domain.StatementMark;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * The statements' chain ({@code statement_mark} and its head {@code statement_chain_head}, their only writer): every
 * issue, revocation and outdating of an hour statement, in the order they were recorded, hashed as the entries are
 * (services/ledger/README.md, "Statements' marks"). One chain for every street, as the corrections': the marks are
 * the desk's hand acts, few, and a street's verification checks its own marks' links to their predecessors whatever
 * street those belong to.
 *
 * <p>An append locks the head's row. The issue takes it after holding the corrections off
 * ({@code CorrectionChain.holdOff}) and a correction after appending to the corrections chain, both in that order, and a
 * revocation takes it alone: no two of them wait for each other the other way round.
 */
@ApplicationScoped
public class StatementMarks {

    /** The chain's name: its head's row, and how a verification names its breaks. */
    public static final String CHAIN = "statements";

    private final AgroalDataSource dataSource;

    StatementMarks(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Appends the marks, in this order, in the caller's transaction. */
    public void append(List<StatementMark> marks) {
        if (marks.isEmpty()) {
            return;
        }
        try (Connection c = dataSource.getConnection()) {
            long seq;
            String previous;
            try (PreparedStatement q = c.prepareStatement("SELECT seq, hash FROM statement_chain_head WHERE chain = ? "
                    + "FOR UPDATE")) {
                q.setString(1, CHAIN);
                try (ResultSet rs = q.executeQuery()) {
                    if (!rs.next()) {
                        throw new IllegalStateException("The statements' chain has no head: verify the ledger");
                    }
                    seq = rs.getLong(1);
                    previous = rs.getString(2);
                }
            }
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO statement_mark (seq, number, street_code, "
                    + "kind, marked_at, marked_by, statement_hash, certified, reason, correction_id, hours_in_force, "
                    + "prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (StatementMark unchained : marks) {
                    StatementMark m = unchained.chainedAfter(++seq, previous);
                    int i = 1;
                    insert.setLong(i++, m.seq());
                    insert.setString(i++, m.number());
                    insert.setString(i++, m.streetCode());
                    insert.setString(i++, m.kind().name());
                    insert.setTimestamp(i++, Timestamp.from(m.at()));
                    insert.setString(i++, m.by());
                    insert.setString(i++, m.statementHash());
                    insert.setString(i++, m.certified());
                    insert.setString(i++, m.reason());
                    insert.setString(i++, m.correctionId());
                    insert.setBigDecimal(i++, m.hoursInForce());
                    insert.setString(i++, m.prevHash());
                    insert.setString(i, m.hash());
                    insert.addBatch();
                    previous = m.hash();
                }
                insert.executeBatch();
            }
            try (PreparedStatement head = c.prepareStatement("UPDATE statement_chain_head SET seq = ?, hash = ? "
                    + "WHERE chain = ?")) {
                head.setLong(1, seq);
                head.setString(2, previous);
                head.setString(3, CHAIN);
                head.executeUpdate();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot chain the marks of statement " + marks.get(0).number(), e);
        }
    }

    /** A mark as stored, read from a row of statement_mark. */
    public static StatementMark mark(ResultSet rs) throws SQLException {
        return new StatementMark(rs.getLong("seq"), rs.getString("number"), rs.getString("street_code"),
                StatementMark.Kind.valueOf(rs.getString("kind")),
                rs.getObject("marked_at", OffsetDateTime.class).toInstant(), rs.getString("marked_by"),
                rs.getString("statement_hash"), rs.getString("certified"), rs.getString("reason"),
                rs.getString("correction_id"), rs.getBigDecimal("hours_in_force"), rs.getString("prev_hash"),
                rs.getString("hash"));
    }
}
