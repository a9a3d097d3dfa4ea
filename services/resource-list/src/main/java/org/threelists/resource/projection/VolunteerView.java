package org.threelists.resource.projection;

import org.threelists.platform.projection.TrackedRow;
import org.threelists.platform.projection.jdbc.ViewTable;
import org.threelists.resource.domain.MembershipStatus;

import java.time.Instant;

/** A dual-registered volunteer as readers see it; the person only sealed. Written only by {@link VolunteerProjection}. */
public class VolunteerView extends TrackedRow {

    public static final ViewTable<VolunteerView> TABLE = ViewTable.of(VolunteerView.class, "volunteer_view",
            "volunteerId");

    public String volunteerId;
    public String unitId;
    public String streetCode;
    public String homeCommunity;
    public String[] skills;
    public String maskedName;
    public String sealedPerson;
    public boolean personErased;
    public MembershipStatus status;
    public String statusReason;
    public Instant consentGivenAt;
    public Instant registeredAt;
    public String registeredBy;

    public static VolunteerView findById(String volunteerId) {
        return TABLE.find(volunteerId);
    }

    /** Writes the row whole (inserted, or every column updated). */
    public void save() {
        TABLE.save(this);
    }
}
