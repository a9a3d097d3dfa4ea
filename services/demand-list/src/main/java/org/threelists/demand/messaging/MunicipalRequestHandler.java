package org.threelists.demand.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.threelists.contracts.Category;
import org.threelists.contracts.CommunityDirectory;
import org.threelists.contracts.Urgency;
import org.threelists.demand.domain.DemandLimits;
import org.threelists.demand.domain.ResidentContact;
import org.threelists.demand.service.MunicipalIntake;
import org.threelists.platform.inbox.InboundHandler;
import org.threelists.platform.inbox.InvalidMessageException;
import org.threelists.platform.inbox.MessageIds;
import org.threelists.platform.json.ContractSchemas;
import org.threelists.platform.json.Json;

import java.io.IOException;
import java.util.List;
import java.util.Locale;

/**
 * Reads the municipal platform's citizen requests (12345 hotline tickets, Open311 GeoReport v2 fields) and hands each
 * to {@link MunicipalIntake}, which makes it a submitted demand: exactly one per {@code service_request_id}, however
 * often the ticket is delivered. A ticket that is not the schema, names an unknown community or exceeds the demand's
 * bounds can never become a demand: it is dead-lettered with the reason, and the platform may send it again corrected
 * under the same id.
 */
@ApplicationScoped
public class MunicipalRequestHandler implements InboundHandler {

    private final MunicipalIntake intake;

    MunicipalRequestHandler(MunicipalIntake intake) {
        this.intake = intake;
    }

    @Override
    public String topic() {
        return Topics.MUNICIPAL_REQUESTS;
    }

    @Override
    public String consumerGroup() {
        return "demand-list.municipal-intake";
    }

    @Override
    public String messageId(ConsumerRecord<String, byte[]> record) throws InvalidMessageException {
        // Only the ticket id is read here: handle() validates the whole ticket against its schema, once. The id goes
        // with the ticket's bytes, so a ticket dead-lettered once (an unknown community, say) and sent again
        // corrected under the same id is taken in; the same bytes delivered again are still seen once.
        String ticketId = json(record).path("service_request_id").asText("");
        if (ticketId.isBlank()) {
            throw new InvalidMessageException("Violates " + Topics.MUNICIPAL_REQUESTS + " schema: no service_request_id");
        }
        return MessageIds.withContent("ticket:" + ticketId, record.value());
    }

    @Override
    public void handle(ConsumerRecord<String, byte[]> record) throws InvalidMessageException {
        JsonNode ticket = parse(record);
        String ticketId = ticket.path("service_request_id").asText();
        String communityCode = ticket.path("community_code").asText();
        var community = CommunityDirectory.standard().find(communityCode)
                .orElseThrow(() -> new InvalidMessageException("Unknown community_code '" + communityCode + "'"));
        String description = ticket.path("description").asText();
        int beneficiaries = beneficiariesOf(ticket);
        String name = (text(ticket, "last_name") + text(ticket, "first_name")).strip();
        ResidentContact resident = new ResidentContact(name.isEmpty() ? null : name, textOrNull(ticket, "phone"),
                textOrNull(ticket, "address"));
        intake.receive(new MunicipalIntake.Ticket(ticketId, community, categoryOf(ticket.path("service_code").asText()),
                Urgency.valueOf(ticket.path("urgency").asText(Urgency.NORMAL.name())), beneficiaries,
                textOrNull(ticket, "service_name"), description, resident));
    }

    private static JsonNode json(ConsumerRecord<String, byte[]> record) throws InvalidMessageException {
        JsonNode ticket;
        try {
            ticket = record.value() == null ? null : Json.mapper().readTree(record.value());
        } catch (IOException e) {
            throw new InvalidMessageException("Not JSON: " + e.getMessage(), e);
        }
        if (ticket == null || !ticket.isObject()) {
            throw new InvalidMessageException("Not a JSON object");
        }
        return ticket;
    }

    /**
     * The ticket, refused unless it is the schema: its bounds are the demand's (a ticket id, a description or a
     * resident's contact longer than the demand can hold, {@code DemandLimitsContractTest}), so a runaway ticket is
     * dead-lettered with the field and its bound rather than cut or failed by the database.
     */
    private static JsonNode parse(ConsumerRecord<String, byte[]> record) throws InvalidMessageException {
        JsonNode ticket = json(record);
        List<String> violations = ContractSchemas.violations(Topics.MUNICIPAL_REQUESTS, ticket);
        if (!violations.isEmpty()) {
            throw new InvalidMessageException("Violates " + Topics.MUNICIPAL_REQUESTS + " schema: " + violations);
        }
        return ticket;
    }

    /** The platform's service codes follow our taxonomy where they can; anything else is filed under OTHER. */
    private static Category categoryOf(String serviceCode) {
        String normalised = serviceCode.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        for (Category category : Category.values()) {
            if (category.name().equals(normalised)) {
                return category;
            }
        }
        return Category.OTHER;
    }

    /** A count that does not fit is refused, never wrapped round or cut to fit. */
    private static int beneficiariesOf(JsonNode ticket) throws InvalidMessageException {
        JsonNode value = ticket.path("beneficiaries");
        if (value.isMissingNode() || value.isNull()) {
            return 1;
        }
        if (!value.canConvertToExactIntegral() || !value.canConvertToInt()
                || value.asInt() > DemandLimits.BENEFICIARIES_MAX) {
            throw new InvalidMessageException("beneficiaries must be a whole number from " + DemandLimits.BENEFICIARIES_MIN
                    + " to " + DemandLimits.BENEFICIARIES_MAX + ", not " + value);
        }
        return value.asInt();
    }

    private static String text(JsonNode node, String field) {
        return node.path(field).asText("");
    }

    private static String textOrNull(JsonNode node, String field) {
        String value = node.path(field).asText(null);
        return value == null || value.isBlank() ? null : value;
    }
}
