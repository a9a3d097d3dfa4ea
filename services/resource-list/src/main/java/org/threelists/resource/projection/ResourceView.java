package org.threelists.resource.projection;

import org.threelists.platform.projection.TrackedRow;
import org.threelists.platform.projection.jdbc.ViewTable;
import org.threelists.resource.domain.CapacityPeriod;
import org.threelists.resource.domain.CapacityUnit;
import org.threelists.resource.domain.ResourceStatus;
import org.threelists.resource.domain.ResourceType;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** An offer on the resource list as readers see it. Written only by {@link ResourceProjection}. */
public class ResourceView extends TrackedRow {

    public static final ViewTable<ResourceView> TABLE = ViewTable.of(ResourceView.class, "resource_view", "resourceId");

    public String resourceId;
    public String unitId;
    public String streetCode;
    public ResourceType type;
    public String title;
    public String description;
    public String[] categories;
    public String[] skills;
    public String[] serviceArea;
    /** JSON of {@link org.threelists.resource.domain.Availability}. */
    public String availability;
    public BigDecimal capacityAmount;
    public CapacityUnit capacityUnit;
    public CapacityPeriod capacityPeriod;
    public LocalDate validFrom;
    public LocalDate validUntil;
    public LocalDate availableFrom;
    public LocalDate availableUntil;
    public ResourceStatus status;
    public String statusReason;
    public Instant offeredAt;
    public String offeredBy;

    public static ResourceView findById(String resourceId) {
        return TABLE.find(resourceId);
    }

    /** Writes the row whole (inserted, or every column updated). */
    public void save() {
        TABLE.save(this);
    }
}
