package org.threelists.demand.projection;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.threelists.contracts.Urgency;
import org.threelists.demand.domain.slip.EscalationLevel;
import org.threelists.demand.domain.slip.MemberKind;
import org.threelists.demand.domain.slip.ServiceMode;
import org.threelists.demand.domain.slip.SlipStatus;
import org.threelists.platform.projection.TrackedView;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** One slip (三联单) as its readers see it: the three parts and where it stands. Written only by {@link SlipProjection}. */
@Entity
@Table(name = "slip_view")
public class SlipView extends TrackedView {

    @Id
    @Column(name = "slip_id")
    public String slipId;
    @Column(name = "demand_id")
    public String demandId;
    @Column(name = "street_code")
    public String streetCode;
    @Column(name = "community_code")
    public String communityCode;
    @Column(name = "group_id")
    public String groupId;
    @Column(name = "leader_id")
    public String leaderId;
    @Column(name = "member_id")
    public String memberId;
    @Enumerated(EnumType.STRING)
    @Column(name = "member_kind")
    public MemberKind memberKind;
    @Column(name = "home_unit_id")
    public String homeUnitId;
    public String problem;
    @Enumerated(EnumType.STRING)
    public Urgency urgency;
    @Enumerated(EnumType.STRING)
    public SlipStatus status;
    @Column(name = "dispatched_at")
    public Instant dispatchedAt;
    @Column(name = "accept_by")
    public Instant acceptBy;
    @Column(name = "accepted_at")
    public Instant acceptedAt;
    @Column(name = "resolve_by")
    public Instant resolveBy;
    @Column(name = "decline_reason")
    public String declineReason;
    public String service;
    public BigDecimal hours;
    @Enumerated(EnumType.STRING)
    public ServiceMode mode;
    @Column(name = "service_date")
    public LocalDate serviceDate;
    @Column(name = "reported_at")
    public Instant reportedAt;
    public Integer satisfaction;
    @Column(name = "closed_at")
    public Instant closedAt;
    /** How far the slip's current time limit has been escalated; null while it is kept. */
    @Enumerated(EnumType.STRING)
    @Column(name = "escalation_level")
    public EscalationLevel escalationLevel;
    /** Every escalation the slip had, over all its rounds. */
    public int escalations;
}
