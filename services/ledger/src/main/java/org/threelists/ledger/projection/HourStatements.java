package org.threelists.ledger.projection;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import org.threelists.ledger.domain.Canonical;
import org.threelists.platform.problem.ProblemException;
import org.threelists.platform.problem.ProblemType;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Hour statements (志愿服务时长证明): the ledger's own records, issued by a street's desk from the hours in force, numbered
 * ({@code VH-<year>-<serial>}), hashed over their canonical content, never changed. A revocation is a record of its
 * own. Anyone holding a statement can check it: its number and the verification code printed beside it. The code is
 * not part of the hash: it is the key to the record, not its content.
 */
@ApplicationScoped
public class HourStatements {

    public record Statement(String number, String volunteerId, String maskedName, String unitId, String streetCode,
            LocalDate periodFrom, LocalDate periodTo, BigDecimal hours, String content, String issuer, String issuedBy,
            LocalDate issuedOn, Instant issuedAt, String hash, Revocation revocation, String verificationCode) {

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
    }

    public record Revocation(String reason, String revokedBy, Instant revokedAt) {
    }

    private final AgroalDataSource dataSource;

    HourStatements(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Issues a statement of the volunteer's confirmed hours in force in the street and period; 400 when there are none.
     */
    public Statement issue(String street, String volunteerId, LocalDate from, LocalDate to, String issuer, String actor,
            LocalDate today) {
        try (Connection c = dataSource.getConnection()) {
            List<String> lines = new ArrayList<>();
            BigDecimal hours = BigDecimal.ZERO;
            String unitId = null;
            try (PreparedStatement q = c.prepareStatement("WITH g AS (SELECT generation FROM ledger_generation WHERE "
                    + "status = 'CURRENT') SELECT x.entry_date, x.category, x.community_code, p.title, x.unit_id, "
                    + "COALESCE((SELECT k.hours FROM ledger_correction k WHERE k.entry_id = x.entry_id ORDER BY k.seq DESC "
                    + "LIMIT 1), x.hours) FROM ledger_entry x JOIN g ON x.generation = g.generation "
                    + "LEFT JOIN project p ON p.project_id = x.project_id WHERE x.kind = 'HOURS' AND x.volunteer_id = ? "
                    + "AND x.street_code = ? AND x.entry_date BETWEEN ? AND ? AND " + Confirmation.confirmed("x")
                    + " ORDER BY x.entry_date, x.kafka_partition, x.seq")) {
                LedgerStore.bind(q, List.of(volunteerId, street, Date.valueOf(from), Date.valueOf(to)));
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        BigDecimal h = rs.getBigDecimal(6);
                        hours = hours.add(h);
                        unitId = rs.getString(5);
                        String community = LedgerReports.label(LedgerReports.GroupBy.COMMUNITY, rs.getString(3), true, Map.of());
                        lines.add(rs.getObject(1, LocalDate.class) + " " + community + " "
                                + LedgerReports.categoryZh(rs.getString(2))
                                + (rs.getString(4) == null ? "" : "「" + rs.getString(4) + "」") + " "
                                + Figures.plain(h).toPlainString() + "小时");
                    }
                }
            }
            if (lines.isEmpty()) {
                throw ProblemException.invalid("volunteerId", "has no hours in street " + street + " from " + from + " to " + to);
            }
            String masked = null;
            try (PreparedStatement q = c.prepareStatement("SELECT masked_name, unit_id FROM volunteer WHERE volunteer_id = ?")) {
                q.setString(1, volunteerId);
                try (ResultSet rs = q.executeQuery()) {
                    if (rs.next()) {
                        masked = rs.getString(1);
                        unitId = rs.getString(2) != null ? rs.getString(2) : unitId;
                    }
                }
            }
            long serial;
            try (PreparedStatement q = c.prepareStatement("SELECT nextval('hour_statement_number')"); ResultSet rs = q.executeQuery()) {
                rs.next();
                serial = rs.getLong(1);
            }
            String number = String.format("VH-%d-%06d", today.getYear(), serial);
            String content = "志愿服务" + lines.size() + "次：" + String.join("；", lines);
            Statement s = new Statement(number, volunteerId, masked, unitId, street, from, to, Figures.plain(hours), content,
                    issuer, actor, today, Instant.now().truncatedTo(ChronoUnit.MICROS), null, null, null);
            s = new Statement(s.number(), s.volunteerId(), s.maskedName(), s.unitId(), s.streetCode(), s.periodFrom(),
                    s.periodTo(), s.hours(), s.content(), s.issuer(), s.issuedBy(), s.issuedOn(), s.issuedAt(),
                    s.computeHash(), null, VerificationCodes.next());
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO hour_statement (number, volunteer_id, "
                    + "masked_name, unit_id, street_code, period_from, period_to, hours, content, issuer, issued_by, "
                    + "issued_on, issued_at, hash, verification_code) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                LedgerStore.bind(insert, new ArrayList<>(java.util.Arrays.asList(s.number(), s.volunteerId(), s.maskedName(),
                        s.unitId(), s.streetCode(), Date.valueOf(s.periodFrom()), Date.valueOf(s.periodTo()), s.hours(),
                        s.content(), s.issuer(), s.issuedBy(), Date.valueOf(s.issuedOn()), Timestamp.from(s.issuedAt()),
                        s.hash(), s.verificationCode())));
                insert.executeUpdate();
            }
            return s;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot issue a statement", e);
        }
    }

    public Optional<Statement> find(String number) {
        try (Connection c = dataSource.getConnection(); PreparedStatement q = c.prepareStatement("SELECT s.*, r.reason, "
                + "r.revoked_by, r.revoked_at FROM hour_statement s LEFT JOIN statement_revocation r ON r.number = s.number "
                + "WHERE s.number = ?")) {
            q.setString(1, number);
            try (ResultSet rs = q.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                Revocation revocation = rs.getString("reason") == null ? null : new Revocation(rs.getString("reason"),
                        rs.getString("revoked_by"), rs.getObject("revoked_at", OffsetDateTime.class).toInstant());
                return Optional.of(new Statement(rs.getString("number"), rs.getString("volunteer_id"),
                        rs.getString("masked_name"), rs.getString("unit_id"), rs.getString("street_code"),
                        rs.getObject("period_from", LocalDate.class), rs.getObject("period_to", LocalDate.class),
                        Figures.plain(rs.getBigDecimal("hours")), rs.getString("content"), rs.getString("issuer"),
                        rs.getString("issued_by"), rs.getObject("issued_on", LocalDate.class),
                        rs.getObject("issued_at", OffsetDateTime.class).toInstant(), rs.getString("hash"), revocation,
                        rs.getString("verification_code")));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Revokes once; 409 when the statement is revoked already. */
    public void revoke(String number, String reason, String actor) {
        try (Connection c = dataSource.getConnection(); PreparedStatement insert = c.prepareStatement("INSERT INTO "
                + "statement_revocation (number, reason, revoked_by, revoked_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING")) {
            LedgerStore.bind(insert, List.of(number, reason, actor, Timestamp.from(Instant.now())));
            if (insert.executeUpdate() == 0) {
                throw new ProblemException(ProblemType.ILLEGAL_TRANSITION, "Statement " + number + " is revoked already",
                        Map.of("state", "REVOKED", "action", "revoke"));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
