package org.threelists.ledger.projection.statements;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import org.threelists.ledger.domain.LedgerCorrection;
import org.threelists.ledger.domain.StatementMark;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;

/**
 * The statements a correction outdates ({@code statement_outdated}, its only writer): those not revoked that certified
 * the corrected entry (services/ledger/README.md, "Hour statements"). A statement counts only the entries it lists in
 * {@code statement_entry}, so a correction of an entry it did not certify (another volunteer's, street's or period's,
 * or one confirmed after it was issued) leaves it as it is.
 */
@ApplicationScoped
public class OutdatedStatements {

    /**
     * The hours in force now of the services a statement {@code e.number} certified: each entry's last correction, or
     * the hours it certified when none was ever made (entries never change).
     */
    private static final String HOURS_IN_FORCE = "(SELECT sum(COALESCE((SELECT k.hours FROM ledger_correction k "
            + "WHERE k.entry_id = e.entry_id ORDER BY k.seq DESC LIMIT 1), e.hours)) FROM statement_entry e "
            + "WHERE e.number = c.number)";

    private final AgroalDataSource dataSource;
    private final StatementMarks marks;

    OutdatedStatements(AgroalDataSource dataSource, StatementMarks marks) {
        this.dataSource = dataSource;
        this.marks = marks;
    }

    /**
     * Outdates the statements that certified the corrected entry, in the correction's transaction, after it was
     * appended (so the hours in force count it); one outdated already keeps when and by which correction it was, and
     * takes the hours in force now. Each outdating is chained as its statement's mark, in the order of their numbers,
     * under the correction's lock (the chains' lock order, {@link StatementMarks}). Answers those statements' numbers.
     */
    public List<String> outdateBy(LedgerCorrection correction) {
        try (Connection c = dataSource.getConnection(); PreparedStatement upsert = c.prepareStatement("WITH o AS ("
                + "INSERT INTO statement_outdated (number, outdated_at, correction_id, hours_in_force) SELECT c.number, ?, ?, "
                + HOURS_IN_FORCE + " FROM statement_entry c WHERE c.entry_id = ? AND NOT EXISTS (SELECT 1 FROM "
                + "statement_revocation r WHERE r.number = c.number) ORDER BY c.number ON CONFLICT (number) DO UPDATE "
                + "SET hours_in_force = EXCLUDED.hours_in_force RETURNING number, hours_in_force) SELECT o.number, "
                + "s.street_code, o.hours_in_force FROM o JOIN hour_statement s ON s.number = o.number ORDER BY o.number")) {
            upsert.setTimestamp(1, Timestamp.from(correction.correctedAt()));
            upsert.setString(2, correction.correctionId());
            upsert.setString(3, correction.entryId());
            List<StatementMark> outdated = new ArrayList<>();
            try (ResultSet rs = upsert.executeQuery()) {
                while (rs.next()) {
                    outdated.add(StatementMark.outdated(rs.getString(1), rs.getString(2), correction, rs.getBigDecimal(3)));
                }
            }
            marks.append(outdated);
            return outdated.stream().map(StatementMark::number).toList();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot outdate the statements of entry " + correction.entryId(), e);
        }
    }
}
