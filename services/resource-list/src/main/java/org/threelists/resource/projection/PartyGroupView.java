package org.threelists.resource.projection;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.threelists.platform.projection.TrackedView;

import java.time.Instant;

/** A building Party group as readers see it. Written only by {@link PartyGroupProjection}. */
@Entity
@Table(name = "party_group_view")
public class PartyGroupView extends TrackedView {

    @Id
    @Column(name = "group_id")
    public String groupId;
    @Column(name = "street_code")
    public String streetCode;
    @Column(name = "community_code")
    public String communityCode;
    public String name;
    public String compound;
    @JdbcTypeCode(SqlTypes.ARRAY)
    public String[] buildings;
    @Column(name = "leader_id")
    public String leaderId;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "created_by")
    public String createdBy;
}
