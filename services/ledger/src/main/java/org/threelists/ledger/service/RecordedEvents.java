package org.threelists.ledger.service;

import com.fasterxml.jackson.databind.JsonNode;
import org.threelists.ledger.domain.ClosedSlip;
import org.threelists.ledger.domain.Delivery;
import org.threelists.ledger.projection.projects.ProjectFacts;
import org.threelists.ledger.projection.slips.SlipDemands;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * What the ledger reads from the data of the events it records (project-list's and demand-list's, already parsed and
 * schema-checked): a project's place and holders, a delivery, a demand's listing, a closed slip. {@link BatchRecording}
 * records with these, and so does the one-event reference in the test sources, so that both read an event alike.
 */
final class RecordedEvents {

    private RecordedEvents() {
    }

    /** Where and what the project of an event other than {@code project.proposed} is (no title). */
    static ProjectFacts.Place placeOf(JsonNode d) {
        return new ProjectFacts.Place(d.path("projectId").asText(), null, d.path("streetCode").asText(),
                d.path("communityCode").asText(), d.path("category").asText());
    }

    /** The holders {@code project.claimed} names. */
    static List<ProjectFacts.Holder> holders(JsonNode d) {
        List<ProjectFacts.Holder> holders = new ArrayList<>();
        for (JsonNode h : d.path("holders")) {
            holders.add(new ProjectFacts.Holder(h.path("claimId").asText(), h.path("unitId").asText(),
                    h.path("resourceId").asText(), h.path("amount").decimalValue()));
        }
        return holders;
    }

    /** The demand as {@code demand.submitted} or {@code demand.amended} lists it. */
    static SlipDemands.Listing listingOf(JsonNode d) {
        return new SlipDemands.Listing(d.path("demandId").asText(), d.path("category").asText(),
                d.path("beneficiaries").asInt());
    }

    /**
     * The slip {@code slip.closed} closes, with its demand as listed. A demand the ledger never saw listed (its
     * listing was dead-lettered) is recorded under OTHER with one resident served, the least a demand serves: the
     * member's hours still count (services/ledger/README.md, "Slips").
     */
    static ClosedSlip closedSlip(JsonNode d, SlipDemands.Listing listing) {
        return new ClosedSlip(d.path("slipId").asText(), d.path("demandId").asText(), d.path("streetCode").asText(),
                d.path("communityCode").asText(), d.path("groupId").asText(), d.path("memberId").asText(),
                d.hasNonNull("homeUnitId") ? d.path("homeUnitId").asText() : null, d.path("hours").decimalValue(),
                d.path("mode").asText(), LocalDate.parse(d.path("serviceDate").asText()),
                listing == null ? UNLISTED_CATEGORY : listing.category(), listing == null ? 1 : listing.beneficiaries(),
                d.path("actor").asText());
    }

    static final String UNLISTED_CATEGORY = "OTHER";

    static Delivery delivery(JsonNode d) {
        JsonNode report = d.path("report");
        List<String> demands = new ArrayList<>();
        d.path("demandIds").forEach(id -> demands.add(id.asText()));
        List<Delivery.VolunteerHours> volunteers = new ArrayList<>();
        for (JsonNode v : report.path("volunteers")) {
            volunteers.add(new Delivery.VolunteerHours(v.path("volunteerId").asText(), v.path("unitId").asText(),
                    v.path("hours").decimalValue()));
        }
        List<Delivery.Consumption> consumptions = new ArrayList<>();
        for (JsonNode p : d.path("consumptions")) {
            consumptions.add(new Delivery.Consumption(p.path("claimId").asText(), p.path("unitId").asText(),
                    p.path("resourceId").asText(), p.path("amount").decimalValue()));
        }
        return new Delivery(d.path("projectId").asText(), d.path("streetCode").asText(), d.path("communityCode").asText(),
                d.path("category").asText(), String.join(",", demands),
                LocalDate.parse(report.path("date").asText()), report.path("place").asText(),
                report.hasNonNull("notes") ? report.path("notes").asText() : null, report.path("residentsServed").asInt(),
                d.path("actor").asText(), volunteers, consumptions);
    }
}
