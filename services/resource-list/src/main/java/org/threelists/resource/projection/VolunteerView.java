package org.threelists.resource.projection;

import jakarta.persistence.Column;
import org.threelists.platform.projection.TrackedView;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.threelists.resource.domain.MembershipStatus;

import java.time.Instant;

/** A dual-registered volunteer as readers see it; the person only sealed. Written only by {@link VolunteerProjection}. */
@Entity
@Table(name = "volunteer_view")
public class VolunteerView extends TrackedView {

    @Id
    @Column(name = "volunteer_id")
    public String volunteerId;
    @Column(name = "unit_id")
    public String unitId;
    @Column(name = "street_code")
    public String streetCode;
    @Column(name = "home_community")
    public String homeCommunity;
    @JdbcTypeCode(SqlTypes.ARRAY)
    public String[] skills;
    @Column(name = "masked_name")
    public String maskedName;
    @Column(name = "sealed_person")
    public String sealedPerson;
    @Column(name = "person_erased")
    public boolean personErased;
    @Enumerated(EnumType.STRING)
    public MembershipStatus status;
    @Column(name = "status_reason")
    public String statusReason;
    @Column(name = "consent_given_at")
    public Instant consentGivenAt;
    @Column(name = "registered_at")
    public Instant registeredAt;
    @Column(name = "registered_by")
    public String registeredBy;
}
