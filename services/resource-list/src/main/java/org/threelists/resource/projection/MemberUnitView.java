package org.threelists.resource.projection;

import org.threelists.platform.projection.TrackedRow;
import org.threelists.platform.projection.jdbc.ViewTable;
import org.threelists.resource.domain.MembershipStatus;
import org.threelists.resource.domain.UnitKind;

import java.time.Instant;

/** An alliance member unit as readers see it. Written only by {@link MemberUnitProjection}. */
public class MemberUnitView extends TrackedRow {

    public static final ViewTable<MemberUnitView> TABLE = ViewTable.of(MemberUnitView.class, "unit_view", "unitId");

    public String unitId;
    public String streetCode;
    public String name;
    public UnitKind kind;
    public String partyOrganisation;
    public String[] communities;
    public String contactPerson;
    public String contactPhone;
    public String contactEmail;
    public MembershipStatus status;
    public String statusReason;
    public Instant registeredAt;
    public String registeredBy;

    public static MemberUnitView findById(String unitId) {
        return TABLE.find(unitId);
    }

    /** Writes the row whole (inserted, or every column updated). */
    public void save() {
        TABLE.save(this);
    }
}
