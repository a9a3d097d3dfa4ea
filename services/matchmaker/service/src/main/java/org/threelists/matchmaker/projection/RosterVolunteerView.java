package org.threelists.matchmaker.projection;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.threelists.platform.projection.TrackedView;

/**
 * A volunteer registered with a member unit (often a dual-registered Party member, 双报到), as resource-list publishes
 * it: whose hours a delivery report may record. Written only by {@link ResourceListProjection}.
 */
@Entity
@Table(name = "volunteer_roster")
public class RosterVolunteerView extends TrackedView {

    public static final String ACTIVE = "ACTIVE";

    @Id
    @Column(name = "volunteer_id")
    public String volunteerId;
    @Column(name = "unit_id")
    public String unitId;
    @Column(name = "home_community")
    public String homeCommunity;
    /** Null once the volunteer's personal data was erased. */
    @Column(name = "masked_name")
    public String maskedName;
    public String status;
}
