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
import org.threelists.resource.domain.CapacityPeriod;
import org.threelists.resource.domain.CapacityUnit;
import org.threelists.resource.domain.ResourceStatus;
import org.threelists.resource.domain.ResourceType;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** An offer on the resource list as readers see it. Written only by {@link ResourceProjection}. */
@Entity
@Table(name = "resource_view")
public class ResourceView extends TrackedView {

    @Id
    @Column(name = "resource_id")
    public String resourceId;
    @Column(name = "unit_id")
    public String unitId;
    @Column(name = "street_code")
    public String streetCode;
    @Enumerated(EnumType.STRING)
    public ResourceType type;
    public String title;
    public String description;
    @JdbcTypeCode(SqlTypes.ARRAY)
    public String[] categories;
    @JdbcTypeCode(SqlTypes.ARRAY)
    public String[] skills;
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "service_area")
    public String[] serviceArea;
    /** JSON of {@link org.threelists.resource.domain.Availability}. */
    public String availability;
    @Column(name = "capacity_amount")
    public BigDecimal capacityAmount;
    @Enumerated(EnumType.STRING)
    @Column(name = "capacity_unit")
    public CapacityUnit capacityUnit;
    @Enumerated(EnumType.STRING)
    @Column(name = "capacity_period")
    public CapacityPeriod capacityPeriod;
    @Column(name = "valid_from")
    public LocalDate validFrom;
    @Column(name = "valid_until")
    public LocalDate validUntil;
    @Column(name = "available_from")
    public LocalDate availableFrom;
    @Column(name = "available_until")
    public LocalDate availableUntil;
    @Enumerated(EnumType.STRING)
    public ResourceStatus status;
    @Column(name = "status_reason")
    public String statusReason;
    @Column(name = "offered_at")
    public Instant offeredAt;
    @Column(name = "offered_by")
    public String offeredBy;
}
