package org.threelists.demand.projection;

import io.agroal.api.AgroalDataSource;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * A submitted demand's {@code demand_view} row, written with one plain INSERT on the transaction's connection: the
 * submission reads nothing back (bench/README.md, "Fast path, part four"). An INSERT rather than {@link DemandView}'s
 * upsert, so a second row for a demand id fails as it always did instead of overwriting the first. The row commits or
 * rolls back with the events (the event store and the read model share the transaction's connection). The row as
 * written is kept until the transaction ends ({@link WrittenRows}), so the answer to the submission is rendered from
 * what was inserted, and a later event of the same transaction changes that object rather than reading it back.
 */
@Singleton
class NewDemandRows {

    private static final String INSERT = "INSERT INTO demand_view (demand_id, street_code, community_code, compound, building,"
            + " category, description, beneficiaries, urgency, window_start, window_end, deadline, estimated_hours,"
            + " required_skills, source, municipal_ticket_id, sealed_resident, sealed_ticket_text, resident_erased, status,"
            + " status_reason, duplicate_of, project_id, party_group_id, open_slip_id, serving_units, rating, submitted_at,"
            + " submitted_by, updated_at, updated_by, version)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private final AgroalDataSource dataSource;
    private final WrittenRows written;

    NewDemandRows(AgroalDataSource dataSource, WrittenRows written) {
        this.dataSource = dataSource;
        this.written = written;
    }

    void insert(DemandView view) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement(INSERT)) {
            int i = 0;
            insert.setString(++i, view.demandId);
            insert.setString(++i, view.streetCode);
            insert.setString(++i, view.communityCode);
            insert.setString(++i, view.compound);
            insert.setString(++i, view.building);
            insert.setString(++i, name(view.category));
            insert.setString(++i, view.description);
            insert.setInt(++i, view.beneficiaries);
            insert.setString(++i, name(view.urgency));
            date(insert, ++i, view.windowStart);
            date(insert, ++i, view.windowEnd);
            date(insert, ++i, view.deadline);
            insert.setBigDecimal(++i, view.estimatedHours);
            insert.setString(++i, view.requiredSkills);
            insert.setString(++i, name(view.source));
            insert.setString(++i, view.municipalTicketId);
            insert.setString(++i, view.sealedResident);
            insert.setString(++i, view.sealedTicketText);
            insert.setBoolean(++i, view.residentErased);
            insert.setString(++i, name(view.status));
            insert.setString(++i, view.statusReason);
            insert.setString(++i, view.duplicateOf);
            insert.setString(++i, view.projectId);
            insert.setString(++i, view.partyGroupId);
            insert.setString(++i, view.openSlipId);
            insert.setString(++i, view.servingUnits);
            if (view.rating == null) {
                insert.setNull(++i, Types.INTEGER);
            } else {
                insert.setInt(++i, view.rating);
            }
            instant(insert, ++i, view.submittedAt);
            insert.setString(++i, view.submittedBy);
            instant(insert, ++i, view.updatedAt);
            insert.setString(++i, view.updatedBy);
            insert.setLong(++i, view.version);
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot insert the view of demand " + view.demandId, e);
        }
        written.keep(DemandView.TABLE, view);
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }

    private static void date(PreparedStatement statement, int index, LocalDate date) throws SQLException {
        if (date == null) {
            statement.setNull(index, Types.DATE);
        } else {
            statement.setObject(index, date);
        }
    }

    private static void instant(PreparedStatement statement, int index, Instant instant) throws SQLException {
        statement.setObject(index, instant.atOffset(ZoneOffset.UTC));
    }
}
