package org.threelists.demand.projection;

import io.agroal.api.AgroalDataSource;
import jakarta.inject.Singleton;
import jakarta.transaction.TransactionSynchronizationRegistry;
import org.threelists.platform.transaction.TransactionKept;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;

/**
 * A submitted demand's {@code demand_view} row, written with one plain INSERT on the transaction's connection instead
 * of through a Hibernate session: the submission then opens no session, flushes nothing and reads nothing back. The
 * row commits or rolls back with the events exactly as before (the event store and the read model share the
 * transaction's connection). The row as written is kept until the transaction ends, so the answer to the submission is
 * rendered from what was inserted, as it was from the entity the session held (bench/README.md, "Fast path, part
 * four"). Once a later event of the same transaction changes the row through Hibernate, the kept copy is dropped and
 * readers get the row from the database.
 */
@Singleton
class NewDemandRows {

    private static final Object WRITTEN = NewDemandRows.class.getName() + ".written";
    private static final String INSERT = "INSERT INTO demand_view (demand_id, street_code, community_code, compound, building,"
            + " category, description, beneficiaries, urgency, window_start, window_end, deadline, estimated_hours,"
            + " required_skills, source, municipal_ticket_id, sealed_resident, sealed_ticket_text, resident_erased, status,"
            + " status_reason, duplicate_of, project_id, party_group_id, open_slip_id, serving_units, rating, submitted_at,"
            + " submitted_by, updated_at, updated_by, version)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private final AgroalDataSource dataSource;
    private final TransactionSynchronizationRegistry transactions;

    NewDemandRows(AgroalDataSource dataSource, TransactionSynchronizationRegistry transactions) {
        this.dataSource = dataSource;
        this.transactions = transactions;
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
        Map<String, DemandView> written = writtenHere();
        if (written != null) {
            written.put(view.demandId, view);
        }
    }

    /** The row as this transaction inserted it, or null when it did not, or changed it since. */
    DemandView written(String demandId) {
        Map<String, DemandView> written = writtenHere();
        return written == null ? null : written.get(demandId);
    }

    /** The row is about to change through Hibernate: from now on the database has the truth. */
    void forget(String demandId) {
        Map<String, DemandView> written = writtenHere();
        if (written != null) {
            written.remove(demandId);
        }
    }

    private Map<String, DemandView> writtenHere() {
        return TransactionKept.in(transactions, WRITTEN);
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
