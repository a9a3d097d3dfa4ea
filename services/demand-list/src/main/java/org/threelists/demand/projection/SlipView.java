package org.threelists.demand.projection;

import org.threelists.contracts.Urgency;
import org.threelists.demand.domain.slip.EscalationLevel;
import org.threelists.demand.domain.slip.HoursSource;
import org.threelists.demand.domain.slip.MemberKind;
import org.threelists.demand.domain.slip.ServiceMode;
import org.threelists.demand.domain.slip.SlipStatus;
import org.threelists.platform.projection.TrackedRow;
import org.threelists.platform.projection.jdbc.ViewTable;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One slip (三联单) as its readers see it: the three parts and where it stands. Each public field is the
 * {@code slip_view} column of its name in snake case (plain JDBC, {@link ViewTable}). Written only by
 * {@link SlipProjection}, through {@link WrittenRows}, so that its transaction reads back what it wrote.
 */
public class SlipView extends TrackedRow {

    public static final ViewTable<SlipView> TABLE = ViewTable.of(SlipView.class, "slip_view", "slipId");

    public String slipId;
    public String demandId;
    public String streetCode;
    public String communityCode;
    public String groupId;
    public String leaderId;
    public String memberId;
    public MemberKind memberKind;
    public String homeUnitId;
    public String problem;
    public Urgency urgency;
    public SlipStatus status;
    public Instant dispatchedAt;
    public Instant acceptBy;
    public Instant acceptedAt;
    public Instant resolveBy;
    public String declineReason;
    public String service;
    /** What the slip credits: the checked or the leader's confirmed hours; null while neither is known. */
    public BigDecimal hours;
    /** The member's own figure, from the report. */
    public BigDecimal reportedHours;
    /** The checked time of all rounds, rounded; null before the first check-out. */
    public BigDecimal checkedHours;
    public HoursSource hoursSource;
    /** The last check-in, and whether the member is checked in now. */
    public Instant checkedInAt;
    public boolean checkedIn;
    public Instant checkedOutAt;
    /** Whether the last check-in or check-out was at the code's place (null: the code named none). */
    public Boolean atPlace;
    public String hoursConfirmedBy;
    public String hoursConfirmationReason;
    public ServiceMode mode;
    public LocalDate serviceDate;
    public Instant reportedAt;
    public Integer satisfaction;
    public Instant closedAt;
    /** Taken back (撤回派单): when, by whom, why, and how far its time limit had been escalated then. */
    public Instant recalledAt;
    public String recalledBy;
    public String recallReason;
    public EscalationLevel recallLevel;
    /** How far the slip's current time limit has been escalated; null while it is kept. */
    public EscalationLevel escalationLevel;
    /** Every escalation the slip had, over all its rounds. */
    public int escalations;

    public static SlipView findById(String slipId) {
        return TABLE.find(slipId);
    }
}
