package org.threelists.ledger.projection.statements;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import org.threelists.ledger.domain.HourStatement;
import org.threelists.ledger.domain.HourStatement.Outdating;
import org.threelists.ledger.domain.HourStatement.Revocation;
import org.threelists.ledger.domain.HourStatement.Status;
import org.threelists.ledger.domain.LedgerEntry.Origin;
import org.threelists.ledger.domain.StatementMark;
import org.threelists.ledger.projection.Figures;
import org.threelists.ledger.projection.Sql;
import org.threelists.ledger.projection.projects.Confirmation;

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
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Hour statements as stored ({@code hour_statement}, the entries each certified {@code statement_entry},
 * {@code statement_revocation} and the number sequence, their only writer; {@code statement_outdated} is
 * {@link OutdatedStatements}'), and the confirmed hours in force a statement is issued from. Each issue and revocation
 * is chained as the statement's mark where its row is written ({@link StatementMarks}), so no row is written without.
 */
@ApplicationScoped
public class StatementStore {

    /**
     * One service of the volunteer with its hours in force, from its HOURS entry {@code entryId}; {@code title} is the
     * project's, when known; a slip's (三联单) service has none, and says how the member served ({@code mode}: ONLINE
     * or ON_SITE).
     */
    public record Service(String entryId, LocalDate date, String communityCode, String category, String title, String unitId,
            BigDecimal hours, Origin origin, String mode) {
    }

    private final AgroalDataSource dataSource;
    private final StatementMarks marks;

    StatementStore(AgroalDataSource dataSource, StatementMarks marks) {
        this.dataSource = dataSource;
        this.marks = marks;
    }

    /**
     * The volunteer's confirmed hours in force in the street and period, in the order of the ledger. A service whose
     * hours the desk corrected to 0 is none: the volunteer was reported but did not serve, so it is neither listed nor
     * counted among the services (services/ledger/README.md, "Hours corrected to 0").
     */
    public List<Service> servicesOf(String volunteerId, String street, LocalDate from, LocalDate to) {
        try (Connection c = dataSource.getConnection(); PreparedStatement q = c.prepareStatement("WITH g AS (SELECT "
                + "generation FROM ledger_generation WHERE status = 'CURRENT') SELECT x.entry_date, x.category, "
                + "x.community_code, p.title, x.unit_id, COALESCE((SELECT k.hours FROM ledger_correction k WHERE "
                + "k.entry_id = x.entry_id ORDER BY k.seq DESC LIMIT 1), x.hours), x.origin, x.service_mode, x.entry_id FROM ledger_entry x JOIN g ON "
                + "x.generation = g.generation LEFT JOIN project p ON p.project_id = x.project_id WHERE x.kind = 'HOURS' "
                + "AND x.volunteer_id = ? AND x.street_code = ? AND x.entry_date BETWEEN ? AND ? AND "
                + Confirmation.confirmed("x") + " ORDER BY x.entry_date, x.kafka_partition, x.seq")) {
            Sql.bind(q, List.of(volunteerId, street, Date.valueOf(from), Date.valueOf(to)));
            List<Service> services = new ArrayList<>();
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    if (rs.getBigDecimal(6).signum() == 0) {
                        continue;
                    }
                    services.add(new Service(rs.getString(9), rs.getObject(1, LocalDate.class), rs.getString(3), rs.getString(2),
                            rs.getString(4), rs.getString(5), rs.getBigDecimal(6), Origin.valueOf(rs.getString(7)),
                            rs.getString(8)));
                }
            }
            return services;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot issue a statement", e);
        }
    }

    public long nextSerial() {
        try (Connection c = dataSource.getConnection(); PreparedStatement q = c.prepareStatement(
                "SELECT nextval('hour_statement_number')"); ResultSet rs = q.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot issue a statement", e);
        }
    }

    /**
     * Stores the statement and the entries it certifies, with their hours: a correction of one of them outdates it
     * ({@link OutdatedStatements}).
     */
    public void insert(HourStatement s, List<Service> certified) {
        try (Connection c = dataSource.getConnection(); PreparedStatement insert = c.prepareStatement("INSERT INTO "
                + "hour_statement (number, volunteer_id, masked_name, unit_id, street_code, period_from, period_to, hours, "
                + "content, issuer, issued_by, issued_on, issued_at, hash, verification_code) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
             PreparedStatement entries = c.prepareStatement("INSERT INTO statement_entry (number, entry_id, hours) "
                + "SELECT ?, e, h FROM unnest(?::varchar[], ?::numeric[]) AS t(e, h)")) {
            Sql.bind(insert, new ArrayList<>(Arrays.asList(s.number(), s.volunteerId(), s.maskedName(), s.unitId(),
                    s.streetCode(), Date.valueOf(s.periodFrom()), Date.valueOf(s.periodTo()), s.hours(), s.content(),
                    s.issuer(), s.issuedBy(), Date.valueOf(s.issuedOn()), Timestamp.from(s.issuedAt()), s.hash(),
                    s.verificationCode())));
            insert.executeUpdate();
            entries.setString(1, s.number());
            entries.setArray(2, c.createArrayOf("varchar", certified.stream().map(Service::entryId).toArray()));
            entries.setArray(3, c.createArrayOf("numeric", certified.stream().map(Service::hours).toArray()));
            entries.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot issue a statement", e);
        }
        // chained with the entries it certified; the issuer holds the corrections off (the chains' lock order)
        marks.append(List.of(StatementMark.issued(s, StatementMark.certified(certified.stream()
                .collect(Collectors.toMap(Service::entryId, Service::hours))))));
    }

    private static final String FROM = "FROM hour_statement s LEFT JOIN statement_revocation r ON r.number = s.number "
            + "LEFT JOIN statement_outdated o ON o.number = s.number ";
    private static final String SELECT = "SELECT s.*, r.reason, r.revoked_by, r.revoked_at, o.outdated_at, "
            + "o.correction_id, o.hours_in_force " + FROM;

    public Optional<HourStatement> find(String number) {
        try (Connection c = dataSource.getConnection(); PreparedStatement q = c.prepareStatement(SELECT
                + "WHERE s.number = ?")) {
            q.setString(1, number);
            try (ResultSet rs = q.executeQuery()) {
                return rs.next() ? Optional.of(statement(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Which statements of a street to list; null means any. {@code standing} is what the desk recorded. */
    public record StatementFilter(String street, Status standing, String unitId, String volunteerId) {
    }

    public record StatementPage(List<HourStatement> items, long total) {
    }

    /** The street's statements, the newest first. */
    public StatementPage list(StatementFilter f, int page, int size) {
        StringBuilder where = new StringBuilder("WHERE s.street_code = ?");
        List<Object> params = new ArrayList<>(List.of(f.street()));
        if (f.standing() != null) {
            where.append(switch (f.standing()) {
                case VALID -> " AND r.number IS NULL AND o.number IS NULL";
                case OUTDATED -> " AND r.number IS NULL AND o.number IS NOT NULL";
                case REVOKED -> " AND r.number IS NOT NULL";
                case ALTERED -> throw new IllegalArgumentException("ALTERED is found by a verification, not recorded");
            });
        }
        Sql.clause(where, params, f.unitId(), " AND s.unit_id = ?");
        Sql.clause(where, params, f.volunteerId(), " AND s.volunteer_id = ?");
        try (Connection c = dataSource.getConnection()) {
            long total;
            try (PreparedStatement q = c.prepareStatement("SELECT count(*) " + FROM + where)) {
                Sql.bind(q, params);
                try (ResultSet rs = q.executeQuery()) {
                    rs.next();
                    total = rs.getLong(1);
                }
            }
            List<Object> paged = new ArrayList<>(params);
            paged.add(size);
            paged.add((long) page * size);
            List<HourStatement> items = new ArrayList<>();
            try (PreparedStatement q = c.prepareStatement(SELECT + where + " ORDER BY s.issued_at DESC, s.number DESC "
                    + "LIMIT ? OFFSET ?")) {
                Sql.bind(q, paged);
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        items.add(statement(rs));
                    }
                }
            }
            return new StatementPage(items, total);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot list the statements", e);
        }
    }

    /**
     * A statement as stored, from a row of hour_statement joined to its revocation ({@code reason}, {@code revoked_by},
     * {@code revoked_at}) and its outdating ({@code outdated_at}, {@code correction_id}, {@code hours_in_force}).
     */
    public static HourStatement statement(ResultSet rs) throws SQLException {
        Revocation revocation = rs.getString("reason") == null ? null : new Revocation(rs.getString("reason"),
                rs.getString("revoked_by"), rs.getObject("revoked_at", OffsetDateTime.class).toInstant());
        Outdating outdating = rs.getString("correction_id") == null ? null : new Outdating(
                rs.getObject("outdated_at", OffsetDateTime.class).toInstant(), rs.getString("correction_id"),
                Figures.plain(rs.getBigDecimal("hours_in_force")));
        return new HourStatement(rs.getString("number"), rs.getString("volunteer_id"),
                rs.getString("masked_name"), rs.getString("unit_id"), rs.getString("street_code"),
                rs.getObject("period_from", LocalDate.class), rs.getObject("period_to", LocalDate.class),
                Figures.plain(rs.getBigDecimal("hours")), rs.getString("content"), rs.getString("issuer"),
                rs.getString("issued_by"), rs.getObject("issued_on", LocalDate.class),
                rs.getObject("issued_at", OffsetDateTime.class).toInstant(), rs.getString("hash"), revocation,
                rs.getString("verification_code"), outdating);
    }

    /**
     * Records the revocation, at {@code at} to the microsecond as it is stored, and chains it as the statement's mark;
     * false when the statement was revoked already (nothing changes then).
     */
    public boolean revoke(String number, String reason, String actor, Instant at) {
        Instant revokedAt = at.truncatedTo(ChronoUnit.MICROS);
        try (Connection c = dataSource.getConnection(); PreparedStatement insert = c.prepareStatement("WITH r AS ("
                + "INSERT INTO statement_revocation (number, reason, revoked_by, revoked_at) VALUES (?, ?, ?, ?) "
                + "ON CONFLICT DO NOTHING RETURNING number) SELECT s.street_code FROM r JOIN hour_statement s "
                + "ON s.number = r.number")) {
            Sql.bind(insert, List.of(number, reason, actor, Timestamp.from(revokedAt)));
            try (ResultSet rs = insert.executeQuery()) {
                if (!rs.next()) {
                    return false;
                }
                marks.append(List.of(StatementMark.revoked(number, rs.getString(1), reason, actor, revokedAt)));
                return true;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
