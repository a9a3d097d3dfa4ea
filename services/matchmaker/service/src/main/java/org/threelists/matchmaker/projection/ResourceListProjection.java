package org.threelists.matchmaker.projection;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import org.threelists.platform.inbox.InboundEvent;
import org.threelists.platform.inbox.InvalidMessageException;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Applies resource-list.events.v1 to {@code member_unit}, {@code available_resource} and {@code resource_remaining}.
 * The topic is keyed by unit, so a unit's registration, its offers and their capacity events arrive in order.
 * Volunteers are not matched individually (a unit's offer stands for its volunteers); they are kept in
 * {@code volunteer_roster}, so that a delivery report names only volunteers of the holders. Runs inside the inbox
 * transaction.
 */
@ApplicationScoped
public class ResourceListProjection {

    /**
     * Applies the event; answers whether it changed what a street's plan rests on (a unit, an offer, or what is left
     * of a capacity). A capacity event that leaves the remaining as it was — a delivery consuming exactly what its
     * claim reserved — changes no plan, and marking the street for it ran a fresh plan of the street after every
     * delivery, on the cores the next delivery needed (bench/README.md, "Delivery: the matchmaker's side").
     */
    public boolean apply(InboundEvent event) throws InvalidMessageException {
        String name = event.name();
        if (name.startsWith("unit.")) {
            unit(event);
        } else if (name.startsWith("resource.")) {
            resource(event);
        } else if (name.startsWith("capacity.")) {
            return capacity(event);
        } else if (name.startsWith("volunteer.")) {
            volunteer(event);
            return false;
        } else if (name.startsWith("party-group.")) {
            // Building Party groups serve the second lane (slips), which the matchmaker does not plan.
            return false;
        } else {
            throw new InvalidMessageException("Unhandled event type " + event.type());
        }
        return true;
    }

    /** The roster of the units' volunteers: who may appear on a delivery report, and for which unit. */
    private void volunteer(InboundEvent event) throws InvalidMessageException {
        JsonNode data = event.data();
        String volunteerId = data.get("volunteerId").asText();
        RosterVolunteerView volunteer = RosterVolunteerView.findById(volunteerId);
        if (volunteer == null) {
            if (!event.name().equals("volunteer.registered")) {
                throw new InvalidMessageException("No volunteer " + volunteerId + " before " + event.type());
            }
            volunteer = new RosterVolunteerView();
            volunteer.volunteerId = volunteerId;
        }
        volunteer.unitId = data.get("unitId").asText();
        switch (event.name()) {
            case "volunteer.registered" -> {
                volunteer.homeCommunity = data.get("homeCommunity").asText();
                volunteer.maskedName = data.get("maskedName").asText();
                volunteer.status = data.get("status").asText();
            }
            case "volunteer.amended" -> {
                volunteer.homeCommunity = data.get("homeCommunity").asText();
                volunteer.status = data.get("status").asText();
            }
            case "volunteer.left" -> volunteer.status = data.get("status").asText();
            case "volunteer.data-erased" -> volunteer.maskedName = null;
            default -> throw new InvalidMessageException("Unhandled event type " + event.type());
        }
        volunteer.touch(event.actor(), event.time(), volunteer.version + 1);
        volunteer.save();
    }

    private void unit(InboundEvent event) throws InvalidMessageException {
        JsonNode data = event.data();
        String unitId = data.get("unitId").asText();
        MemberUnitView unit = MemberUnitView.findById(unitId);
        boolean full = event.name().equals("unit.registered") || event.name().equals("unit.amended");
        if (unit == null) {
            if (!full) {
                throw new InvalidMessageException("No unit " + unitId + " before " + event.type());
            }
            unit = new MemberUnitView();
            unit.unitId = unitId;
        }
        if (full) {
            unit.name = data.get("name").asText();
            unit.kind = data.get("kind").asText();
            unit.streetCode = data.get("streetCode").asText();
            unit.communities = JsonArrays.strings(data.get("communities"));
        }
        unit.statusReason = DemandListProjection.text(data, "reason");
        unit.status = data.get("status").asText();
        unit.touch(event.actor(), event.time(), unit.version + 1);
        unit.save();
    }

    private void resource(InboundEvent event) throws InvalidMessageException {
        JsonNode data = event.data();
        String resourceId = data.get("resourceId").asText();
        AvailableResourceView resource = AvailableResourceView.findById(resourceId);
        boolean full = !event.name().equals("resource.withdrawn");
        if (resource == null) {
            if (!full) {
                throw new InvalidMessageException("No resource " + resourceId + " before " + event.type());
            }
            resource = new AvailableResourceView();
            resource.resourceId = resourceId;
        }
        resource.unitId = data.get("unitId").asText();
        if (full) {
            resource.type = data.get("type").asText();
            resource.title = data.get("title").asText();
            resource.description = data.get("description").asText();
            resource.categories = JsonArrays.strings(data.get("categories"));
            resource.skills = JsonArrays.strings(data.get("skills"));
            resource.serviceArea = JsonArrays.strings(data.get("serviceArea"));
            resource.availability = data.get("availability").toString();
            resource.validFrom = LocalDate.parse(data.get("validFrom").asText());
            String until = DemandListProjection.text(data, "validUntil");
            resource.validUntil = until == null ? null : LocalDate.parse(until);
            envelope(resource, data.get("availability").get("dateRanges"));
            JsonNode capacity = data.get("capacity");
            resource.capacityAmount = new BigDecimal(capacity.get("amount").asText());
            resource.capacityUnit = capacity.get("unit").asText();
            resource.capacityPeriod = capacity.get("period").asText();
        }
        resource.statusReason = DemandListProjection.text(data, "reason");
        resource.status = data.get("status").asText();
        resource.touch(event.actor(), event.time(), resource.version + 1);
        resource.save();
    }

    /** The days the offer can be used: its validity, narrowed to the span of its date ranges when it has some. */
    private static void envelope(AvailableResourceView resource, JsonNode dateRanges) {
        LocalDate from = resource.validFrom;
        LocalDate until = resource.validUntil;
        if (dateRanges != null && !dateRanges.isEmpty()) {
            LocalDate first = null;
            LocalDate last = null;
            for (JsonNode range : dateRanges) {
                LocalDate start = LocalDate.parse(range.get("start").asText());
                LocalDate end = LocalDate.parse(range.get("end").asText());
                first = first == null || start.isBefore(first) ? start : first;
                last = last == null || end.isAfter(last) ? end : last;
            }
            from = first.isAfter(from) ? first : from;
            until = until == null || last.isBefore(until) ? last : until;
        }
        resource.availableFrom = from;
        resource.availableUntil = until;
    }

    /**
     * Whether what is left of the capacity moved (or was not known before). A refusal carries what is left only when
     * the resource has a capacity book for the period: one refused for an unknown resource, another unit's or a
     * period that changed has none (contracts/schemas/resource-list.events.v1.schema.json, CapacityRefused), and it
     * reserved nothing, so it moves nothing.
     */
    private boolean capacity(InboundEvent event) {
        JsonNode data = event.data();
        if (!data.hasNonNull("remaining")) {
            return false;
        }
        String resourceId = data.get("resourceId").asText();
        String period = data.get("period").asText();
        ResourceRemainingView row = ResourceRemainingView.find(resourceId, period);
        if (row == null) {
            row = new ResourceRemainingView();
            row.resourceId = resourceId;
            row.period = period;
        }
        BigDecimal remaining = new BigDecimal(data.get("remaining").asText());
        boolean moved = row.remaining == null || row.remaining.compareTo(remaining) != 0
                || !data.get("unitId").asText().equals(row.unitId);
        row.unitId = data.get("unitId").asText();
        row.remaining = remaining;
        AvailableResourceView resource = AvailableResourceView.findById(resourceId);
        row.committed = resource == null ? null : resource.capacityAmount.subtract(row.remaining).max(BigDecimal.ZERO);
        row.touch(event.actor(), event.time(), row.version + 1);
        row.save();
        return moved;
    }
}
