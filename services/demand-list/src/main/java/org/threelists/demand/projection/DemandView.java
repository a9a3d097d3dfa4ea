package org.threelists.demand.projection;

import jakarta.persistence.Column;
import org.threelists.platform.projection.TrackedView;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.threelists.contracts.Category;
import org.threelists.contracts.Urgency;
import org.threelists.demand.domain.DemandSource;
import org.threelists.demand.domain.DemandStatus;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import org.threelists.platform.json.Json;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** One row of the demand list as readers see it. Written only by {@link DemandProjection}. */
@Entity
@Table(name = "demand_view")
public class DemandView extends TrackedView {

    @Id
    @Column(name = "demand_id")
    public String demandId;
    @Column(name = "street_code")
    public String streetCode;
    @Column(name = "community_code")
    public String communityCode;
    public String compound;
    public String building;
    @Enumerated(EnumType.STRING)
    public Category category;
    public String description;
    public int beneficiaries;
    @Enumerated(EnumType.STRING)
    public Urgency urgency;
    @Column(name = "window_start")
    public LocalDate windowStart;
    @Column(name = "window_end")
    public LocalDate windowEnd;
    public LocalDate deadline;
    @Column(name = "estimated_hours")
    public BigDecimal estimatedHours;
    /** JSON array of skill names. */
    @Column(name = "required_skills")
    public String requiredSkills;
    @Enumerated(EnumType.STRING)
    public DemandSource source;
    @Column(name = "municipal_ticket_id")
    public String municipalTicketId;
    /** The resident's contact, sealed by the personal-data vault; unreadable once erased. */
    @Column(name = "sealed_resident")
    public String sealedResident;
    /** A hotline ticket's own words, sealed with the resident's key (null for other intakes). */
    @Column(name = "sealed_ticket_text")
    public String sealedTicketText;
    @Column(name = "resident_erased")
    public boolean residentErased;
    @Enumerated(EnumType.STRING)
    public DemandStatus status;
    @Column(name = "status_reason")
    public String statusReason;
    @Column(name = "duplicate_of")
    public String duplicateOf;
    @Column(name = "project_id")
    public String projectId;
    /** The building Party group holding the demand in the second lane; null with the joint meeting. */
    @Column(name = "party_group_id")
    public String partyGroupId;
    /** The slip answering the demand in the second lane now; null when none is open. */
    @Column(name = "open_slip_id")
    public String openSlipId;
    /** JSON array of the ids of the member units holding the project that serves the demand; empty when none. */
    @Column(name = "serving_units")
    public String servingUnits = "[]";
    public Integer rating;
    @Column(name = "submitted_at")
    public Instant submittedAt;
    @Column(name = "submitted_by")
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

    public static DemandView byTicket(String municipalTicketId) {
        return find("municipalTicketId", municipalTicketId).firstResult();
    }
}
