package org.threelists.matchmaker.projection;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import org.threelists.contracts.Category;
import org.threelists.contracts.Urgency;
import org.threelists.platform.inbox.InboundEvent;
import org.threelists.platform.inbox.InvalidMessageException;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Applies demand-list.events.v1 to {@code open_demand}, one demand per row. Each event overwrites what it carries
 * (submitted and amended carry every public field, the others the status and what goes with it), so applying a
 * demand's events in order — as the key guarantees — always gives the same row. Runs inside the inbox transaction.
 */
@ApplicationScoped
public class DemandListProjection {

    /** Applies the event to its demand's row, read by id, and answers the row after it. */
    public OpenDemandView apply(InboundEvent event) throws InvalidMessageException {
        return apply(event, OpenDemandView.findById(demandIdOf(event)));
    }

    /**
     * The rows of the events' demands as stored, by demand id, read with one query: a poll's events are then applied
     * to them ({@link #apply(InboundEvent, OpenDemandView)}) without a read per event.
     */
    public Map<String, OpenDemandView> rowsOf(List<InboundEvent> events) {
        Set<String> ids = new HashSet<>();
        events.forEach(e -> ids.add(demandIdOf(e)));
        return RowsById.read(ids, in -> OpenDemandView.TABLE.where("demand_id = any(?)", in), d -> d.demandId);
    }

    public static String demandIdOf(InboundEvent event) {
        return event.data().get("demandId").asText();
    }

    /**
     * Applies the event to its demand's row ({@code demand}, null when there is none yet) and answers the row after
     * it, persisted.
     */
    public OpenDemandView apply(InboundEvent event, OpenDemandView demand) throws InvalidMessageException {
        JsonNode data = event.data();
        String demandId = demandIdOf(event);
        if (demand == null) {
            if (!event.name().equals("demand.submitted")) {
                // The topic is read from its beginning and keyed by demand: a demand's first event is its submission.
                throw new InvalidMessageException("No demand " + demandId + " before " + event.type());
            }
            demand = new OpenDemandView();
            demand.demandId = demandId;
        }
        switch (event.name()) {
            case "demand.submitted" -> {
                details(demand, data);
                demand.source = data.get("source").asText();
                demand.municipalTicketId = event.text("municipalTicketId");
            }
            case "demand.amended" -> details(demand, data);
            case "demand.verified" -> demand.statusReason = null;
            case "demand.merged" -> demand.duplicateOf = event.text("duplicateOf");
            // no longer a duplicate: SUBMITTED again, planned only once verified
            case "demand.reopened-for-review" -> {
                demand.duplicateOf = null;
                demand.statusReason = event.text("reason");
            }
            // A reason people gave stays in demand-list: the matchmaker plans by status and keeps only codes and
            // fixed texts, not the words that events published before carry in reason (contracts' schema).
            case "demand.withdrawn", "demand.rejected" -> demand.statusReason = null;
            case "demand.reopened" -> {
                demand.statusReason = event.text("reasonCode");
                demand.projectId = null;
            }
            case "demand.matched", "demand.work-started", "demand.fulfilled" -> demand.projectId = event.text("projectId");
            case "demand.rated" -> demand.rating = data.get("score").asInt();
            case "demand.resident-data-erased" -> demand.hasResidentContact = false;
            // Only the status changes: IN_PARTY_GROUP takes the demand out of planning, LISTED brings it back.
            case "demand.routed-to-party-group" -> demand.statusReason = null;
            case "demand.sent-to-joint-meeting" -> demand.statusReason = null;
            default -> throw new InvalidMessageException("Unhandled event type " + event.type());
        }
        // Every event on the topic says the demand's status after it.
        demand.status = data.get("status").asText();
        demand.touch(event.actor(), event.time(), demand.version + 1);
        demand.save();
        return demand;
    }

    private static void details(OpenDemandView demand, JsonNode data) {
        demand.streetCode = data.get("streetCode").asText();
        demand.communityCode = data.get("communityCode").asText();
        demand.compound = text(data, "compound");
        demand.building = text(data, "building");
        demand.category = Category.valueOf(data.get("category").asText());
        demand.description = data.get("description").asText();
        demand.beneficiaries = data.get("beneficiaries").asInt();
        demand.urgency = Urgency.valueOf(data.get("urgency").asText());
        JsonNode window = data.get("window");
        boolean hasWindow = window != null && !window.isNull();
        demand.windowStart = hasWindow ? LocalDate.parse(window.get("start").asText()) : null;
        demand.windowEnd = hasWindow ? LocalDate.parse(window.get("end").asText()) : null;
        String deadline = text(data, "deadline");
        demand.deadline = deadline == null ? null : LocalDate.parse(deadline);
        demand.estimatedHours = new BigDecimal(data.get("estimatedHours").asText());
        demand.requiredSkills = JsonArrays.strings(data.get("requiredSkills"));
        demand.hasResidentContact = data.get("hasResidentContact").asBoolean();
    }

    static String text(JsonNode data, String field) {
        JsonNode value = data.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
