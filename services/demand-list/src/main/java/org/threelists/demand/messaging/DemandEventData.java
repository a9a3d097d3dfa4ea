package org.threelists.demand.messaging;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.threelists.contracts.Category;
import org.threelists.contracts.Urgency;
import org.threelists.demand.domain.DemandSource;
import org.threelists.demand.domain.DemandStatus;
import org.threelists.demand.domain.ReopenCause;
import org.threelists.demand.domain.TimeWindow;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The {@code data} of the integration events on demand-list.events.v1
 * (contracts/schemas/demand-list.events.v1.schema.json). No personal data: only whether a contact exists.
 */
public final class DemandEventData {

    private DemandEventData() {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Submitted(String demandId, DemandStatus status, String actor, String streetCode,
            String communityCode, String compound, String building, Category category, String description,
            int beneficiaries, Urgency urgency, TimeWindow window, LocalDate deadline, BigDecimal estimatedHours,
            List<String> requiredSkills, DemandSource source, String municipalTicketId, boolean hasResidentContact) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Amended(String demandId, DemandStatus status, String actor, String streetCode,
            String communityCode, String compound, String building, Category category, String description,
            int beneficiaries, Urgency urgency, TimeWindow window, LocalDate deadline, BigDecimal estimatedHours,
            List<String> requiredSkills, boolean hasResidentContact) {
    }

    public record Changed(String demandId, DemandStatus status, String actor) {
    }

    public record Merged(String demandId, DemandStatus status, String actor, String duplicateOf) {
    }

    /** {@code reason}: a fixed text ({@link PublicReasons}), never the words of whoever gave it. */
    public record WithReason(String demandId, DemandStatus status, String actor, String reason) {
    }

    /**
     * {@code reasonCode}: why, absent only for an event recorded before demand-list kept it; {@code reason}: its fixed
     * text ({@link PublicReasons}).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Reopened(String demandId, DemandStatus status, String actor, ReopenCause reasonCode, String reason) {
    }

    /** {@code mergedInto}: the demand it had been merged into, which ended {@code mergedIntoStatus}. */
    public record ReopenedForReview(String demandId, DemandStatus status, String actor, String mergedInto,
            DemandStatus mergedIntoStatus, String reason) {
    }

    public record WithProject(String demandId, DemandStatus status, String actor, String projectId) {
    }

    public record Rated(String demandId, DemandStatus status, String actor, int score) {
    }

    /**
     * A demand changed lane: {@code groupId} the Party group it went to or came back from; {@code reason} (back to the
     * joint meeting) a fixed text ({@link PublicReasons}).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Routed(String demandId, DemandStatus status, String actor, String groupId, String reason) {
    }
}
