package org.threelists.demand.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.threelists.contracts.Category;
import org.threelists.contracts.Urgency;
import org.threelists.demand.domain.DemandSource;
import org.threelists.demand.domain.DemandStatus;
import org.threelists.demand.domain.TimeWindow;
import org.threelists.demand.projection.DemandView;
import org.threelists.demand.service.ContactDisclosure.Disclosed;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A demand as the caller may see it; {@code resident} is present only for callers entitled to it. */
@Schema(name = "Demand")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DemandResponse(String demandId, String streetCode, String communityCode, String compound,
        String building, Category category, String categoryLabel, String description, int beneficiaries,
        Urgency urgency, String urgencyLabel, TimeWindow window, LocalDate deadline, BigDecimal estimatedHours,
        List<String> requiredSkills, DemandSource source, String municipalTicketId, DemandStatus status,
        String statusLabel, String statusReason, String duplicateOf, String projectId,
        @Schema(description = "The member units holding the project that serves the demand; while it is matched or in "
                + "progress, they (and no other unit) see the resident's contact") List<String> servingUnitIds,
        @Schema(description = "The building Party group holding the demand in the second lane (status IN_PARTY_GROUP)")
        String partyGroupId,
        @Schema(description = "The slip answering the demand in the second lane now; none when no slip is open")
        String openSlipId,
        Integer rating, boolean hasResidentContact, boolean residentDataErased, ResidentContactPart resident,
        Instant submittedAt, String submittedBy, Instant updatedAt, String updatedBy, long version,
        @Schema(description = "A hotline ticket's own words, for the community and the desk to review; personal data, "
                + "never published, erased with the resident's data") String ticketText) {

    /**
     * {@code curator}: the demand's community or the street's desk, who review it. Only they read the status's reason:
     * people write it (a withdrawal, a rejection, a group sending the demand back, a unit giving its project back) and
     * it may name a resident, as a slip's reasons may (services/demand-list/README.md, "Personal data").
     */
    static DemandResponse of(DemandView v, Disclosed disclosed, boolean curator) {
        ResidentContactPart resident = disclosed.contact() == null ? null
                : ResidentContactPart.of(disclosed.contact());
        String ticketText = disclosed.ticketText();
        TimeWindow window = v.windowStart == null ? null : new TimeWindow(v.windowStart, v.windowEnd);
        return new DemandResponse(v.demandId, v.streetCode, v.communityCode, v.compound, v.building, v.category,
                v.category.zh(), v.description, v.beneficiaries, v.urgency, v.urgency.zh(), window, v.deadline,
                v.estimatedHours, v.requiredSkillList(), v.source, v.municipalTicketId, v.status, v.status.zh(),
                curator ? v.statusReason : null, v.duplicateOf, v.projectId, v.servingUnitIds(), v.partyGroupId, v.openSlipId, v.rating,
                v.sealedResident != null && !v.residentErased, v.residentErased, resident, v.submittedAt,
                v.submittedBy, v.updatedAt, v.updatedBy, v.version, ticketText);
    }
}
