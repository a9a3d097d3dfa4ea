package org.threelists.demand.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.threelists.demand.domain.DemandCommands.AbsorbDuplicate;
import org.threelists.demand.domain.DemandCommands.AmendDemand;
import org.threelists.demand.domain.DemandCommands.EraseResidentData;
import org.threelists.demand.domain.DemandCommands.MergeDemand;
import org.threelists.demand.domain.DemandCommands.RejectDemand;
import org.threelists.demand.domain.DemandCommands.ReopenMergedDemand;
import org.threelists.demand.domain.DemandCommands.VerifyDemand;
import org.threelists.demand.domain.DemandCommands.WithdrawDemand;
import org.threelists.demand.domain.DemandDetails;
import org.threelists.demand.domain.DemandStatus;
import org.threelists.demand.domain.ResidentContact;
import org.threelists.demand.projection.DemandQueries;
import org.threelists.demand.projection.DemandView;
import org.threelists.platform.domain.RuleBrokenException;

import java.util.List;

/**
 * The community and the street's desk curate their demands: verify (put on the list), amend, merge a duplicate,
 * withdraw, reject, erase the resident's personal data. The caller has been authorised for the demand already; the
 * lifecycle rules themselves are the {@code Demand} aggregate's, the rules that need other demands are here.
 */
@ApplicationScoped
public class DemandCuration {

    private final CommandGateway commands;
    private final DemandQueries queries;
    private final ResidentContacts contacts;

    DemandCuration(CommandGateway commands, DemandQueries queries, ResidentContacts contacts) {
        this.commands = commands;
        this.queries = queries;
        this.contacts = contacts;
    }

    /** {@code reviewedDescription}: the public description the verifier confirms; null keeps the description. */
    @Transactional
    public void verify(String demandId, String reviewedDescription, String actor) {
        commands.sendAndWait(new VerifyDemand(demandId, reviewedDescription, actor));
    }

    /**
     * Closes the demand as a duplicate of another open demand of the same community. The target records the
     * duplicate first, refusing when it is no longer open, and the duplicate is merged in the same transaction: a
     * target withdrawn or rejected meanwhile fails the merge, and the duplicate stays open (README "Merging
     * duplicates").
     */
    @Transactional
    public void merge(String demandId, String duplicateOf, String actor) {
        DemandView demand = queries.require(demandId);
        if (queries.find(duplicateOf).isEmpty()) {
            throw new RuleBrokenException("duplicateOf", "no demand " + duplicateOf);
        }
        commands.sendAndWait(new AbsorbDuplicate(duplicateOf, demandId, demand.communityCode, actor));
        commands.sendAndWait(new MergeDemand(demandId, duplicateOf, actor));
    }

    /** {@code resident} null keeps the resident's contact as it is; a new one is sealed with the demand's key. */
    @Transactional
    public void amend(String demandId, DemandDetails details, ResidentContact resident, String actor) {
        commands.sendAndWait(new AmendDemand(demandId, details,
                resident == null ? null : contacts.seal(demandId, resident), actor));
    }

    /** Its merged duplicates are reviewed again, in the same transaction (README "Merging duplicates"). */
    @Transactional
    public void withdraw(String demandId, String reason, String actor) {
        List<String> duplicates = commands.sendAndWait(new WithdrawDemand(demandId, reason, actor));
        reopen(duplicates, demandId, DemandStatus.WITHDRAWN, actor);
    }

    /** Its merged duplicates are reviewed again, in the same transaction (README "Merging duplicates"). */
    @Transactional
    public void reject(String demandId, String reason, String actor) {
        List<String> duplicates = commands.sendAndWait(new RejectDemand(demandId, reason, actor));
        reopen(duplicates, demandId, DemandStatus.REJECTED, actor);
    }

    /** A need merged into a demand that ends without serving it is nobody's unless its own demand opens again. */
    private void reopen(List<String> duplicates, String mergedInto, DemandStatus mergedIntoStatus, String actor) {
        for (String duplicate : duplicates) {
            commands.sendAndWait(new ReopenMergedDemand(duplicate, mergedInto, mergedIntoStatus, actor));
        }
    }

    /**
     * Destroys the demand's personal-data key, and with it every sealed copy of the contact and the ticket's text;
     * the aggregate then records the erasure (once). The history stays.
     */
    @Transactional
    public void eraseResident(String demandId, String actor) {
        contacts.erase(demandId, actor);
        commands.sendAndWait(new EraseResidentData(demandId, actor));
    }
}
