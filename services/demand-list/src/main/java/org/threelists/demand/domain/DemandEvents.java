package org.threelists.demand.domain;

import java.time.Instant;
import java.util.List;

/**
 * The domain events of a demand: immutable facts, the source of truth. Personal data appears only sealed
 * ({@code sealedResident}), so erasing the subject's key makes every copy unreadable without rewriting history.
 */
public final class DemandEvents {

    private DemandEvents() {
    }

    /** {@code sealedTicketText}: a hotline ticket's own words, sealed; null for other intakes and older events. */
    public record DemandSubmitted(String demandId, String streetCode, String communityCode, DemandDetails details,
            DemandSource source, String municipalTicketId, String sealedResident, String sealedTicketText,
            String actor) {
    }

    public record DemandVerified(String demandId, String actor) {
    }

    public record DemandMerged(String demandId, String duplicateOf, String actor) {
    }

    /** Recorded on the demand a duplicate was merged into: it now carries the duplicate's need too. */
    public record DuplicateAbsorbed(String demandId, String duplicateId, String actor) {
    }

    /**
     * A merged duplicate is open again, awaiting review as a new demand does (SUBMITTED), because the demand it had
     * been merged into ({@code mergedInto}) ended without serving the need: withdrawn or rejected
     * ({@code mergedIntoStatus}). {@code reason}: what the curators read.
     */
    public record DemandReopenedForReview(String demandId, String mergedInto, DemandStatus mergedIntoStatus,
            String reason, String actor) {
    }

    /**
     * {@code hasResidentContact}: whether the demand holds a resident's contact after the amendment;
     * {@code status}: the (unchanged) status it was amended in.
     */
    public record DemandAmended(String demandId, DemandDetails details, String sealedResident,
            boolean hasResidentContact, DemandStatus status, String actor) {
    }

    public record DemandWithdrawn(String demandId, String reason, String actor) {
    }

    public record DemandRejected(String demandId, String reason, String actor) {
    }

    /**
     * {@code holders}: the units serving the demand, by their claims; {@code claimedAt}: when the project was claimed
     * on the project list. Both are null in events recorded before the demand list followed the project list.
     */
    public record DemandMatched(String demandId, String projectId, List<ProjectHolder> holders, Instant claimedAt,
            String actor) {
    }

    /**
     * {@code cause}: why, as a code (null in events recorded before it was: {@link ReopenCause#recordedAs});
     * {@code reason}: the words behind it, which stay in demand-list.
     */
    public record DemandReopened(String demandId, ReopenCause cause, String reason, String actor) {
    }

    public record DemandWorkStarted(String demandId, String projectId, String actor) {
    }

    public record DemandFulfilled(String demandId, String projectId, String actor) {
    }

    public record DemandRated(String demandId, int score, String actor) {
    }

    /** {@code status}: the demand's status when its resident's data was erased (erasure does not change it). */
    public record ResidentDataErased(String demandId, DemandStatus status, String actor) {
    }
}
