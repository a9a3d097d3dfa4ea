package org.threelists.demand.projection;

import org.threelists.platform.projection.jdbc.Jdbc;
import org.threelists.platform.projection.jdbc.ViewTable;

import java.time.Instant;

/**
 * One showing of a resident's contact to a member unit: the trail the desk and the auditor review. Each public field
 * is the {@code contact_reveal} column of its name in snake case (plain JDBC, {@link ViewTable}); rows are only ever
 * inserted ({@link #insert}), never changed or deleted.
 */
public class ContactReveal {

    public static final ViewTable<ContactReveal> TABLE = ViewTable.of(ContactReveal.class, "contact_reveal", "id");

    /**
     * The id column is a {@code BIGSERIAL}: a new row takes the sequence's next value, so the insert names every
     * column but the id (a whole-row {@code save} would write the null id).
     */
    private static final String INSERT = "INSERT INTO contact_reveal (demand_id, street_code, community_code, unit_id,"
            + " revealed_to, revealed_at) VALUES (?, ?, ?, ?, ?, ?) RETURNING id";

    public Long id;
    public String demandId;
    public String streetCode;
    public String communityCode;
    public String unitId;
    /** The token subject of the person who read it, on the unit's behalf. */
    public String revealedTo;
    public Instant revealedAt;

    /** Inserts the showing as a new row; {@link #id} is then the one the database gave it. */
    public void insert() {
        id = Jdbc.first(INSERT, row -> row.getLong(1), demandId, streetCode, communityCode, unitId, revealedTo,
                revealedAt);
    }
}
