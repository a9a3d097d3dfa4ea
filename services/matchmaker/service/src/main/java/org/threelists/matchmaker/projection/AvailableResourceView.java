package org.threelists.matchmaker.projection;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.threelists.platform.projection.TrackedView;

import java.math.BigDecimal;
import java.time.LocalDate;

/** An offer of the resource list as the matchmaker sees it. Written only by {@link ResourceListProjection}. */
@Entity
@Table(name = "available_resource")
public class AvailableResourceView extends TrackedView {

    public static final String ACTIVE = "ACTIVE";
    public static final String TOTAL = "TOTAL";
    public static final String MONTHLY = "MONTHLY";

    @Id
    @Column(name = "resource_id")
    public String resourceId;
    @Column(name = "unit_id")
    public String unitId;
    public String type;
    public String title;
    public String description;
    @JdbcTypeCode(SqlTypes.ARRAY)
    public String[] categories;
    @JdbcTypeCode(SqlTypes.ARRAY)
    public String[] skills;
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "service_area")
    public String[] serviceArea;
    /** The availability as published: JSON with weeklySlots and dateRanges. */
    public String availability;
    @Column(name = "valid_from")
    public LocalDate validFrom;
    @Column(name = "valid_until")
    public LocalDate validUntil;
    @Column(name = "available_from")
    public LocalDate availableFrom;
    @Column(name = "available_until")
    public LocalDate availableUntil;
    @Column(name = "capacity_amount")
    public BigDecimal capacityAmount;
    @Column(name = "capacity_unit")
    public String capacityUnit;
    @Column(name = "capacity_period")
    public String capacityPeriod;
    public String status;
    @Column(name = "status_reason")
    public String statusReason;
}
