package org.threelists.demand.domain.slip;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.threelists.contracts.Urgency;

import java.math.BigDecimal;
import java.time.Instant;

/** Commands of the {@link Slip} aggregate (三联单). {@code at}: when the command was given, for the slip's clock. */
public final class SlipCommands {

    private SlipCommands() {
    }

    /**
     * The leader's part of the slip: the problem (the demand's public description), who is responsible (a member of
     * the group, with their home unit if they registered through 双报到), how urgent.
     */
    public record DispatchSlip(@TargetAggregateIdentifier String slipId, String demandId, String groupId,
            String leaderId, String memberId, String homeUnitId, String problem, Urgency urgency, SlipTimes times,
            Instant at, String actor) {
    }

    public record AcceptSlip(@TargetAggregateIdentifier String slipId, String memberId, Instant at, String actor) {
    }

    public record DeclineSlip(@TargetAggregateIdentifier String slipId, String memberId, String reason, String actor) {
    }

    /** The member's part: what was done, the hours, online or on site. */
    public record ReportSlip(@TargetAggregateIdentifier String slipId, String memberId, String service,
            BigDecimal hours, ServiceMode mode, String actor) {
    }

    /** The resident's satisfaction, 1–5, as the community asked and recorded it. */
    public record RecordSatisfaction(@TargetAggregateIdentifier String slipId, int score, Instant at, String actor) {
    }
}
