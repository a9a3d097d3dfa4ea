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

import java.util.Optional;
import java.util.UUID;

/**
 * A demand typed in by a community worker or the street's desk becomes a submitted demand. The caller has been
 * authorised for the community already; the resident's contact is sealed with the new demand's own key before the
 * command carries it. Hotline tickets come in through {@link MunicipalIntake} instead. A client that may retry sends an
 * Idempotency-Key: its retries find the demand the first attempt made (services/demand-list/README.md, "Retrying a
 * submission").
 */
@ApplicationScoped
public class DemandSubmission {

    /** A client's Idempotency-Key and the SHA-256 of the body it came with. */
    public record RetryKey(String key, byte[] requestSha256) {
    }

    /** The demand a submission names, and whether an earlier attempt with the same key made it. */
    public record Submitted(String demandId, boolean replayed) {
    }

    private final CommandGateway commands;
    private final ResidentContacts contacts;
    private final SubmissionKeys keys;

    DemandSubmission(CommandGateway commands, ResidentContacts contacts, SubmissionKeys keys) {
        this.commands = commands;
        this.contacts = contacts;
        this.keys = keys;
    }

    /**
     * Submits the demand, or, when {@code retryKey} names a demand this caller's earlier attempt made, answers that
     * demand and changes nothing. The same key with another body is refused: it cannot be a retry.
     */
    @Transactional
    public Submitted submit(Community community, DemandDetails details, DemandSource source, ResidentContact resident,
            String actor, RetryKey retryKey) {
        if (retryKey == null) {
            return new Submitted(submit(community, details, source, resident, actor), false);
        }
        String demandId = UUID.randomUUID().toString();
        Optional<SubmissionKeys.Earlier> earlier = keys.claim(actor, retryKey.key(), retryKey.requestSha256(), demandId);
        if (earlier.isEmpty()) {
            send(demandId, community, details, source, resident, actor);
            return new Submitted(demandId, false);
        }
        if (!earlier.get().sameRequest()) {
            throw new RuleBrokenException("Idempotency-Key", "was sent before with another request body; a new demand needs a new key");
        }
        return new Submitted(earlier.get().demandId(), true);
    }

    /** Submits the demand and answers with its new id. {@code source} null means a community worker's. */
    @Transactional
    public String submit(Community community, DemandDetails details, DemandSource source, ResidentContact resident,
            String actor) {
        String demandId = UUID.randomUUID().toString();
        send(demandId, community, details, source, resident, actor);
        return demandId;
    }

    private void send(String demandId, Community community, DemandDetails details, DemandSource source,
            ResidentContact resident, String actor) {
        DemandSource from = source == null ? DemandSource.COMMUNITY_WORKER : source;
        if (from == DemandSource.MUNICIPAL_PLATFORM) {
            // Only the intake may say a demand came from 12345: the municipal platform is told about those demands.
            throw new RuleBrokenException("source", "MUNICIPAL_PLATFORM is reserved for the 12345 intake");
        }
        commands.sendAndWait(new SubmitDemand(demandId, community.streetCode(), community.code(), details, from, null,
                contacts.seal(demandId, resident), null, actor));
    }
}
