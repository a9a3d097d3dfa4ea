package org.threelists.demand.projection;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.threelists.contracts.Urgency;
import org.threelists.demand.domain.slip.EscalationLevel;
import org.threelists.demand.domain.slip.HoursSource;
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
    /** What the slip credits: the checked or the leader's confirmed hours; null while neither is known. */
    public BigDecimal hours;
    /** The member's own figure, from the report. */
    @Column(name = "reported_hours")
    public BigDecimal reportedHours;
    /** The checked time of all rounds, rounded; null before the first check-out. */
    @Column(name = "checked_hours")
    public BigDecimal checkedHours;
    @Enumerated(EnumType.STRING)
    @Column(name = "hours_source")
    public HoursSource hoursSource;
    /** The last check-in, and whether the member is checked in now. */
    @Column(name = "checked_in_at")
    public Instant checkedInAt;
    @Column(name = "checked_in")
    public boolean checkedIn;
    @Column(name = "checked_out_at")
    public Instant checkedOutAt;
    /** Whether the last check-in or check-out was at the code's place (null: the code named none). */
    @Column(name = "at_place")
    public Boolean atPlace;
    @Column(name = "hours_confirmed_by")
    public String hoursConfirmedBy;
    @Column(name = "hours_confirmation_reason")
    public String hoursConfirmationReason;
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
