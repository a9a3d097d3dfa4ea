package org.threelists.demand.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.threelists.contracts.Category;
import org.threelists.contracts.CommunityDirectory;
import org.threelists.contracts.Urgency;
import org.threelists.demand.domain.DemandCommands.SubmitDemand;
import org.threelists.demand.domain.DemandDetails;
import org.threelists.demand.domain.DemandLimits;
import org.threelists.demand.domain.DemandSource;
import org.threelists.demand.domain.ResidentContact;
import org.threelists.demand.domain.ResidentContacts;
import org.threelists.platform.inbox.InboundHandler;
import org.threelists.platform.inbox.InvalidMessageException;
import org.threelists.platform.json.ContractSchemas;
import org.threelists.platform.json.Json;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Turns the municipal platform's citizen requests (12345 hotline tickets, Open311 GeoReport v2 fields) into
 * submitted demands: exactly one per {@code service_request_id}, however often the ticket is delivered.
 */
@ApplicationScoped
public class MunicipalRequestHandler implements InboundHandler {

    /** Hotline tickets say nothing about effort; the community corrects this estimate when it verifies. */
    static final BigDecimal PROVISIONAL_HOURS = new BigDecimal("2");
    static final String ACTOR = "municipal-platform";

    private final CommandGateway commands;
    private final ResidentContacts contacts;

    MunicipalRequestHandler(CommandGateway commands, ResidentContacts contacts) {
        this.commands = commands;
        this.contacts = contacts;
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
        // Only the ticket id: handle() validates the whole ticket against its schema, once.
        String ticketId = json(record).path("service_request_id").asText("");
        if (ticketId.isBlank()) {
            throw new InvalidMessageException("Violates " + Topics.MUNICIPAL_REQUESTS + " schema: no service_request_id");
        }
        return "ticket:" + ticketId;
    }

    @Override
    public void handle(ConsumerRecord<String, byte[]> record) throws InvalidMessageException {
        JsonNode ticket = parse(record);
        String ticketId = ticket.path("service_request_id").asText();
        String communityCode = ticket.path("community_code").asText();
        var community = CommunityDirectory.standard().find(communityCode)
                .orElseThrow(() -> new InvalidMessageException("Unknown community_code '" + communityCode + "'"));
        String demandId = demandIdOf(ticketId);
        String ticketText = ticketTextOf(ticket);
        DemandDetails details = new DemandDetails(null, null, categoryOf(ticket.path("service_code").asText()),
                placeholderOf(ticket), beneficiariesOf(ticket),
                Urgency.valueOf(ticket.path("urgency").asText(Urgency.NORMAL.name())), null, null, PROVISIONAL_HOURS,
                List.of());
        String name = (text(ticket, "last_name") + text(ticket, "first_name")).strip();
        ResidentContact resident = new ResidentContact(name.isEmpty() ? null : name, textOrNull(ticket, "phone"),
                textOrNull(ticket, "address"));
        commands.sendAndWait(new SubmitDemand(demandId, community.streetCode(), community.code(), details,
                DemandSource.MUNICIPAL_PLATFORM, ticketId, contacts.seal(demandId, resident),
                contacts.sealTicketText(demandId, ticketText), ACTOR));
    }

    /** The same ticket always names the same demand, a second guard against double intake behind the inbox. */
    public static String demandIdOf(String ticketId) {
        return UUID.nameUUIDFromBytes(("municipal:" + ticketId).getBytes(StandardCharsets.UTF_8)).toString();
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

    /**
     * The ticket's own words. They are kept sealed and never published as they are; bounded like a description typed
     * at the desk, so a runaway ticket is refused (dead-lettered with the reason) rather than cut.
     */
    private static String ticketTextOf(JsonNode ticket) throws InvalidMessageException {
        String description = ticket.path("description").asText();
        if (DemandLimits.length(description) > DemandLimits.DESCRIPTION_MAX) {
            throw new InvalidMessageException("description is longer than " + DemandLimits.DESCRIPTION_MAX
                    + " characters");
        }
        String serviceName = textOrNull(ticket, "service_name");
        return serviceName == null ? description : "【" + serviceName + "】" + description;
    }

    /** What the demand list shows and publishes until a community worker has reviewed the ticket's text. */
    static String placeholderOf(JsonNode ticket) {
        String serviceName = textOrNull(ticket, "service_name");
        String placeholder = "12345 热线工单，原文待社区核实";
        return serviceName == null || DemandLimits.length(serviceName) > 100
                ? placeholder : "【" + serviceName + "】" + placeholder;
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
