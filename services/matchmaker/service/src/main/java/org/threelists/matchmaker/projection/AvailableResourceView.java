package org.threelists.matchmaker.projection;

import org.threelists.platform.projection.TrackedRow;
import org.threelists.platform.projection.jdbc.ViewTable;

import java.math.BigDecimal;
import java.time.LocalDate;

/** An offer of the resource list as the matchmaker sees it. Written only by {@link ResourceListProjection}. */
public class AvailableResourceView extends TrackedRow {

    public static final ViewTable<AvailableResourceView> TABLE = ViewTable.of(AvailableResourceView.class,
            "available_resource", "resourceId");

    public static final String ACTIVE = "ACTIVE";
    public static final String TOTAL = "TOTAL";
    public static final String MONTHLY = "MONTHLY";

    public String resourceId;
    public String unitId;
    public String type;
    public String title;
    public String description;
    public String[] categories;
    public String[] skills;
    public String[] serviceArea;
    /** The availability as published: JSON with weeklySlots and dateRanges. */
    public String availability;
    public LocalDate validFrom;
    public LocalDate validUntil;
    public LocalDate availableFrom;
    public LocalDate availableUntil;
    public BigDecimal capacityAmount;
    public String capacityUnit;
    public String capacityPeriod;
    public String status;
    public String statusReason;

    public static AvailableResourceView findById(String id) {
        return TABLE.find(id);
    }

    /** Writes the row whole (inserted, or every column updated). */
    public void save() {
        TABLE.save(this);
    }
}
