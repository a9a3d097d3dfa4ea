package org.threelists.demand.projection;

import org.threelists.contracts.Category;
import org.threelists.contracts.Urgency;
import org.threelists.demand.domain.DemandSource;
import org.threelists.demand.domain.DemandStatus;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import org.threelists.platform.json.Json;
import org.threelists.platform.projection.TrackedRow;
import org.threelists.platform.projection.jdbc.ViewTable;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One row of the demand list as readers see it: each public field is the {@code demand_view} column of its name in
 * snake case (plain JDBC, {@link ViewTable}). Written only by {@link DemandProjection} ({@link NewDemandRows} for a
 * new demand), through {@link WrittenRows}, so that its transaction reads back what it wrote.
 */
public class DemandView extends TrackedRow {

    public static final ViewTable<DemandView> TABLE = ViewTable.of(DemandView.class, "demand_view", "demandId");

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
    /** JSON array of skill names. */
    public String requiredSkills;
    public DemandSource source;
    public String municipalTicketId;
    /** The resident's contact, sealed by the personal-data vault; unreadable once erased. */
    public String sealedResident;
    /** A hotline ticket's own words, sealed with the resident's key (null for other intakes). */
    public String sealedTicketText;
    public boolean residentErased;
    public DemandStatus status;
    public String statusReason;
    public String duplicateOf;
    public String projectId;
    /** The building Party group holding the demand in the second lane; null with the joint meeting. */
    public String partyGroupId;
    /** The slip answering the demand in the second lane now; null when none is open. */
    public String openSlipId;
    /** JSON array of the ids of the member units holding the project that serves the demand; empty when none. */
    public String servingUnits = "[]";
    public Integer rating;
    public Instant submittedAt;
    public String submittedBy;

    private static final TypeReference<List<String>> SKILLS = new TypeReference<>() {
    };

    /** The skill names ({@link #requiredSkills} read). */
    public List<String> requiredSkillList() {
        try {
            return requiredSkills == null ? null : Json.mapper().readValue(requiredSkills, SKILLS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable skills of demand " + demandId, e);
        }
    }

    /** The units holding the project that serves the demand ({@link #servingUnits} read). */
    public List<String> servingUnitIds() {
        if (servingUnits == null || "[]".equals(servingUnits)) {
            return List.of();
        }
        try {
            return List.of(Json.mapper().readValue(servingUnits, String[].class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable serving units of demand " + demandId, e);
        }
    }

    public static DemandView findById(String demandId) {
        return TABLE.find(demandId);
    }
}
