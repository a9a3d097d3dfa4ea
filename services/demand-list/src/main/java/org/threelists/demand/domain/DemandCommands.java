package org.threelists.demand.domain;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * The commands of the {@link Demand} aggregate. Each names who issues it ({@code actor}: "role:subject");
 * personal data arrives already sealed by the personal-data vault.
 */
public final class DemandCommands {

    private DemandCommands() {
    }

    /**
     * {@code sealedTicketText}: a hotline ticket's own words, sealed like the resident's contact (they may name or
     * locate the resident); null for any other intake. Such a demand's {@code details} carry a placeholder
     * description until a community worker has reviewed the ticket.
     */
    public record SubmitDemand(@TargetAggregateIdentifier String demandId, String streetCode, String communityCode,
            DemandDetails details, DemandSource source, String municipalTicketId, String sealedResident,
            String sealedTicketText, String actor) {
    }

    /**
     * {@code reviewedDescription}: the public description the verifier confirms, with personal data removed; needed
     * when the demand still has an unreviewed hotline ticket's text, optional otherwise (null keeps the description).
     */
    public record VerifyDemand(@TargetAggregateIdentifier String demandId, String reviewedDescription, String actor) {
    }

    public record MergeDemand(@TargetAggregateIdentifier String demandId, String duplicateOf, String actor) {
    }

    /**
     * The target of a merge records the duplicate it absorbs, in the merge's transaction, and refuses once it is no
     * longer open (services/demand-list/README.md, "Merging duplicates"). {@code duplicateCommunity}: the duplicate's.
     */
    public record AbsorbDuplicate(@TargetAggregateIdentifier String demandId, String duplicateId,
            String duplicateCommunity, String actor) {
    }

    /**
     * The demand {@code mergedInto}, which had absorbed this duplicate, was withdrawn or rejected
     * ({@code mergedIntoStatus}): the duplicate is reviewed again. {@code actor}: who withdrew or rejected it.
     */
    public record ReopenMergedDemand(@TargetAggregateIdentifier String demandId, String mergedInto,
            DemandStatus mergedIntoStatus, String actor) {
    }

    /** {@code sealedResident} null keeps the resident's contact as it is. */
    public record AmendDemand(@TargetAggregateIdentifier String demandId, DemandDetails details,
            String sealedResident, String actor) {
    }

    public record WithdrawDemand(@TargetAggregateIdentifier String demandId, String reason, String actor) {
    }

    public record RejectDemand(@TargetAggregateIdentifier String demandId, String reason, String actor) {
    }

    /**
     * The project serving the demand was claimed (认领) or covered by pledges: {@code holders} now serve it.
     * {@code communityCode}: the community the project serves; {@code claimedAt}: when the project was claimed.
     * Like every step of the project list, it answers with a {@link ProjectStepOutcome}.
     */
    public record MatchDemand(@TargetAggregateIdentifier String demandId, String projectId, String communityCode,
            List<ProjectHolder> holders, Instant claimedAt, String actor) {
    }

    /**
     * The project fell through for the demand: cancelled ({@code releasedClaims} null), or the claims in
     * {@code releasedClaims} were released or expired ({@code cause} says which). {@code at}: when that happened on the
     * project list.
     */
    public record ReopenDemand(@TargetAggregateIdentifier String demandId, String projectId, Set<String> releasedClaims,
            ReopenCause cause, String reason, Instant at, String actor) {
    }

    /** The project was scheduled; {@code at}: when, on the project list. */
    public record StartDemandWork(@TargetAggregateIdentifier String demandId, String projectId, Instant at,
            String actor) {
    }

    /** The community confirmed the project's delivery; {@code at}: when, on the project list. */
    public record FulfilDemand(@TargetAggregateIdentifier String demandId, String projectId, Instant at, String actor) {
    }

    /** The resident rated the service the project gave this demand; {@code at}: when, on the project list. */
    public record RateDemand(@TargetAggregateIdentifier String demandId, String projectId, int score, Instant at,
            String actor) {
    }

    public record EraseResidentData(@TargetAggregateIdentifier String demandId, String actor) {
    }
}
