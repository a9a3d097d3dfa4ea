package org.threelists.resource.projection;

import org.threelists.platform.projection.TrackedRow;
import org.threelists.platform.projection.jdbc.ViewTable;

import java.time.Instant;

/** A building Party group as readers see it. Written only by {@link PartyGroupProjection}. */
public class PartyGroupView extends TrackedRow {

    public static final ViewTable<PartyGroupView> TABLE = ViewTable.of(PartyGroupView.class, "party_group_view",
            "groupId");

    public String groupId;
    public String streetCode;
    public String communityCode;
    public String name;
    public String compound;
    public String[] buildings;
    public String leaderId;
    public Instant createdAt;
    public String createdBy;

    public static PartyGroupView findById(String groupId) {
        return TABLE.find(groupId);
    }

    /** Writes the row whole (inserted, or every column updated). */
    public void save() {
        TABLE.save(this);
    }
}
