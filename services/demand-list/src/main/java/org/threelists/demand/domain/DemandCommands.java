package org.threelists.demand.domain;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The commands of the {@link Demand} aggregate. Each names who issues it ({@code actor}: "role:subject");
 * personal data arrives already sealed by the personal-data vault.
 */
public final class DemandCommands {

    private DemandCommands() {
    }

    public record SubmitDemand(@TargetAggregateIdentifier String demandId, String streetCode, String communityCode,
            DemandDetails details, DemandSource source, String municipalTicketId, String sealedResident, String actor) {
    }

    public record VerifyDemand(@TargetAggregateIdentifier String demandId, String actor) {
    }

    public record MergeDemand(@TargetAggregateIdentifier String demandId, String duplicateOf, String actor) {
    }

    /** {@code sealedResident} null keeps the resident's contact as it is. */
    public record AmendDemand(@TargetAggregateIdentifier String demandId, DemandDetails details,
            String sealedResident, String actor) {
    }

    public record WithdrawDemand(@TargetAggregateIdentifier String demandId, String reason, String actor) {
    }

    public record RejectDemand(@TargetAggregateIdentifier String demandId, String reason, String actor) {
    }

    public record MatchDemand(@TargetAggregateIdentifier String demandId, String projectId, String actor) {
    }

    public record ReopenDemand(@TargetAggregateIdentifier String demandId, String reason, String actor) {
    }

    public record StartDemandWork(@TargetAggregateIdentifier String demandId, String projectId, String actor) {
    }

    public record FulfilDemand(@TargetAggregateIdentifier String demandId, String projectId, String actor) {
    }

    public record RateDemand(@TargetAggregateIdentifier String demandId, int score, String actor) {
    }

    public record EraseResidentData(@TargetAggregateIdentifier String demandId, String actor) {
    }
}
