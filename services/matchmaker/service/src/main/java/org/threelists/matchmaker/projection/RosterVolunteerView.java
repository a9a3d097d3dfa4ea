package org.threelists.matchmaker.projection;

import org.threelists.platform.projection.TrackedRow;
import org.threelists.platform.projection.jdbc.ViewTable;

/**
 * A volunteer registered with a member unit (often a dual-registered Party member, 双报到), as resource-list publishes
 * it: whose hours a delivery report may record. Written only by {@link ResourceListProjection}.
 */
public class RosterVolunteerView extends TrackedRow {

    public static final ViewTable<RosterVolunteerView> TABLE = ViewTable.of(RosterVolunteerView.class,
            "volunteer_roster", "volunteerId");

    public static final String ACTIVE = "ACTIVE";

    public String volunteerId;
    public String unitId;
    public String homeCommunity;
    /** Null once the volunteer's personal data was erased. */
    public String maskedName;
    public String status;

    public static RosterVolunteerView findById(String id) {
        return TABLE.find(id);
    }

    /** Writes the row whole (inserted, or every column updated). */
    public void save() {
        TABLE.save(this);
    }
}
