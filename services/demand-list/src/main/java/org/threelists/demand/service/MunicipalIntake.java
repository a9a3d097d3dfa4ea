package org.threelists.demand.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.jboss.logging.Logger;
import org.threelists.contracts.Category;
import org.threelists.contracts.CommunityDirectory.Community;
import org.threelists.contracts.Urgency;
import org.threelists.demand.domain.DemandCommands.SubmitDemand;
import org.threelists.demand.domain.DemandDetails;
import org.threelists.demand.domain.DemandLimits;
import org.threelists.demand.domain.DemandSource;
import org.threelists.demand.domain.ResidentContact;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

/**
 * A municipal ticket (a 12345 hotline call) becomes a submitted demand: exactly one per ticket id, however often the
 * ticket is delivered. The ticket's own words may name, call or locate the resident, so they are sealed with the
 * resident's contact, and the list shows a placeholder until the community has reviewed them
 * (services/demand-list/README.md, "Personal data"). The compound and building the address names are the demand's
 * place ({@link TicketPlace}): once the community has verified it, a ticket of a small category goes to the building
 * Party group covering that place, as any verified small demand does (README "Municipal tickets").
 */
@ApplicationScoped
public class MunicipalIntake {

    /** Hotline tickets say nothing about effort; the community corrects this estimate when it verifies. */
    static final BigDecimal PROVISIONAL_HOURS = new BigDecimal("2");
    static final String ACTOR = "municipal-platform";
    private static final String PLACEHOLDER = "12345 热线工单，原文待社区核实";
    /** A service name longer than this would crowd out the placeholder; the placeholder then stands alone. */
    private static final int SERVICE_NAME_IN_PLACEHOLDER_MAX = 100;

    /** A ticket as the intake reads it, already checked against municipal.requests.v1 and the demand's bounds. */
    public record Ticket(String ticketId, Community community, Category category, Urgency urgency,
            int beneficiaries, String serviceName, String description, ResidentContact resident) {
    }

    private static final Logger LOG = Logger.getLogger(MunicipalIntake.class);

    private final CommandGateway commands;
    private final EventStore eventStore;
    private final ResidentContacts contacts;

    MunicipalIntake(CommandGateway commands, EventStore eventStore, ResidentContacts contacts) {
        this.commands = commands;
        this.eventStore = eventStore;
        this.contacts = contacts;
    }

    /**
     * Submits the ticket's demand, or leaves the demand as it is when the ticket was taken in before: a ticket sent
     * again with other content (the inbox keys tickets by their content, so such a resend reaches here) changes
     * nothing, since the community may have reviewed, amended or erased what came first. Tickets with the same id share
     * a Kafka key and so a partition, and are taken in one after the other.
     */
    @Transactional
    public String receive(Ticket ticket) {
        String demandId = demandIdOf(ticket.ticketId());
        if (eventStore.lastSequenceNumberFor(demandId).isPresent()) {
            LOG.infof("Ticket %s was taken in before as demand %s: delivered again with other content, left as it is",
                    ticket.ticketId(), demandId);
            return demandId;
        }
        TicketPlace place = TicketPlace.of(ticket.community(),
                ticket.resident() == null ? null : ticket.resident().address());
        DemandDetails details = new DemandDetails(place.compound(), place.building(), ticket.category(),
                placeholderOf(ticket.serviceName()), ticket.beneficiaries(), ticket.urgency(), null, null,
                PROVISIONAL_HOURS, List.of());
        commands.sendAndWait(new SubmitDemand(demandId, ticket.community().streetCode(), ticket.community().code(),
                details, DemandSource.MUNICIPAL_PLATFORM, ticket.ticketId(), contacts.seal(demandId, ticket.resident()),
                contacts.sealTicketText(demandId, ticketTextOf(ticket)), ACTOR));
        return demandId;
    }

    /** The same ticket always names the same demand, a second guard against double intake behind the inbox. */
    public static String demandIdOf(String ticketId) {
        return UUID.nameUUIDFromBytes(("municipal:" + ticketId).getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** The ticket's own words, kept sealed and never published as they are. */
    private static String ticketTextOf(Ticket ticket) {
        return ticket.serviceName() == null ? ticket.description()
                : "【" + ticket.serviceName() + "】" + ticket.description();
    }

    /** What the demand list shows and publishes until a community worker has reviewed the ticket's text. */
    static String placeholderOf(String serviceName) {
        return serviceName == null || DemandLimits.length(serviceName) > SERVICE_NAME_IN_PLACEHOLDER_MAX
                ? PLACEHOLDER : "【" + serviceName + "】" + PLACEHOLDER;
    }
}
