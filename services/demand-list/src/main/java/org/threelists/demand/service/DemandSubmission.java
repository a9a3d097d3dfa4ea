package org.threelists.demand.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.threelists.contracts.CommunityDirectory.Community;
import org.threelists.demand.domain.DemandCommands.SubmitDemand;
import org.threelists.demand.domain.DemandDetails;
import org.threelists.demand.domain.DemandSource;
import org.threelists.demand.domain.ResidentContact;
import org.threelists.platform.domain.RuleBrokenException;

import java.util.UUID;

/**
 * A demand typed in by a community worker or the street's desk becomes a submitted demand. The caller has been
 * authorised for the community already; the resident's contact is sealed with the new demand's own key before the
 * command carries it. Hotline tickets come in through {@link MunicipalIntake} instead.
 */
@ApplicationScoped
public class DemandSubmission {

    private final CommandGateway commands;
    private final ResidentContacts contacts;

    DemandSubmission(CommandGateway commands, ResidentContacts contacts) {
        this.commands = commands;
        this.contacts = contacts;
    }

    /** Submits the demand and answers with its new id. {@code source} null means a community worker's. */
    @Transactional
    public String submit(Community community, DemandDetails details, DemandSource source, ResidentContact resident,
            String actor) {
        DemandSource from = source == null ? DemandSource.COMMUNITY_WORKER : source;
        if (from == DemandSource.MUNICIPAL_PLATFORM) {
            // Only the intake may say a demand came from 12345: the municipal platform is told about those demands.
            throw new RuleBrokenException("source", "MUNICIPAL_PLATFORM is reserved for the 12345 intake");
        }
        String demandId = UUID.randomUUID().toString();
        commands.sendAndWait(new SubmitDemand(demandId, community.streetCode(), community.code(), details, from, null,
                contacts.seal(demandId, resident), null, actor));
        return demandId;
    }
}
