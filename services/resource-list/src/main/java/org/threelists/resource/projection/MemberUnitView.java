package org.threelists.resource.projection;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.threelists.platform.projection.TrackedView;
import org.threelists.resource.domain.MembershipStatus;
import org.threelists.resource.domain.UnitKind;

import java.time.Instant;

/** An alliance member unit as readers see it. Written only by {@link MemberUnitProjection}. */
@Entity
@Table(name = "unit_view")
public class MemberUnitView extends TrackedView {

    @Id
    @Column(name = "unit_id")
    public String unitId;
    @Column(name = "street_code")
    public String streetCode;
    public String name;
    @Enumerated(EnumType.STRING)
    public UnitKind kind;
    @Column(name = "party_organisation")
    public String partyOrganisation;
    @JdbcTypeCode(SqlTypes.ARRAY)
    public String[] communities;
    @Column(name = "contact_person")
    public String contactPerson;
    @Column(name = "contact_phone")
    public String contactPhone;
    @Column(name = "contact_email")
    public String contactEmail;
    @Enumerated(EnumType.STRING)
    public MembershipStatus status;
    @Column(name = "status_reason")
    public String statusReason;
    @Column(name = "registered_at")
    public Instant registeredAt;
    @Column(name = "registered_by")
    public String registeredBy;
}
