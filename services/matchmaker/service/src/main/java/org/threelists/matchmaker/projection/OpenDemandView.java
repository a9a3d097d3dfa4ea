package org.threelists.matchmaker.projection;

import org.threelists.platform.projection.TrackedRow;
import org.threelists.contracts.Category;
import org.threelists.contracts.Urgency;
import org.threelists.platform.projection.jdbc.ViewTable;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A demand of the demand list as the matchmaker sees it: public fields only. Written only by {@link DemandListProjection}. */
public class OpenDemandView extends TrackedRow {

    public static final ViewTable<OpenDemandView> TABLE = ViewTable.of(OpenDemandView.class, "open_demand", "demandId");

    /** The status in which a demand is open for matching. */
    public static final String LISTED = "LISTED";

    public String demandId;
    public String streetCode;
    public String communityCode;
    public String compound;
    public String building;
    public Category category;
    public String description;
    public int beneficiaries;
    public Urgency urgency;
    public LocalDate windowStart;
    public LocalDate windowEnd;
    public LocalDate deadline;
    public BigDecimal estimatedHours;
    public String[] requiredSkills;
    public String source;
    public String municipalTicketId;
    public boolean hasResidentContact;
    public String status;
    public String statusReason;
    public String duplicateOf;
    public String projectId;
    public Integer rating;

    public static OpenDemandView findById(String id) {
        return TABLE.find(id);
    }

    /** Writes the row whole (inserted, or every column updated). */
    public void save() {
        TABLE.save(this);
    }
}
