package org.threelists.matchmaker.projection;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.threelists.contracts.Category;
import org.threelists.contracts.Urgency;
import org.threelists.platform.projection.TrackedView;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A demand of the demand list as the matchmaker sees it: public fields only. Written only by {@link DemandListProjection}. */
@Entity
@Table(name = "open_demand")
public class OpenDemandView extends TrackedView {

    /** The status in which a demand is open for matching. */
    public static final String LISTED = "LISTED";

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
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "required_skills")
    public String[] requiredSkills;
    public String source;
    @Column(name = "municipal_ticket_id")
    public String municipalTicketId;
    @Column(name = "has_resident_contact")
    public boolean hasResidentContact;
    public String status;
    @Column(name = "status_reason")
    public String statusReason;
    @Column(name = "duplicate_of")
    public String duplicateOf;
    @Column(name = "project_id")
    public String projectId;
    public Integer rating;
}
