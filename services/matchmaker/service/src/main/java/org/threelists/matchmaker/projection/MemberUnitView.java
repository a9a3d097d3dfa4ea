package org.threelists.matchmaker.projection;

import org.threelists.platform.projection.TrackedRow;
import org.threelists.platform.projection.jdbc.ViewTable;

/** An alliance member unit: its street decides which street plans its offers join. Written only by {@link ResourceListProjection}. */
public class MemberUnitView extends TrackedRow {

    public static final ViewTable<MemberUnitView> TABLE = ViewTable.of(MemberUnitView.class, "member_unit", "unitId");

    public static final String ACTIVE = "ACTIVE";

    public String unitId;
    public String name;
    public String kind;
    public String streetCode;
    public String[] communities;
    public String status;
    public String statusReason;

    public static MemberUnitView findById(String id) {
        return TABLE.find(id);
    }

    /** Writes the row whole (inserted, or every column updated). */
    public void save() {
        TABLE.save(this);
    }
}
