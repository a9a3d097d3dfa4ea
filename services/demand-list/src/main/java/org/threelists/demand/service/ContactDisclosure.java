package org.threelists.demand.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.threelists.demand.domain.ResidentContact;
import org.threelists.demand.projection.ContactReveals;
import org.threelists.demand.projection.DemandView;

import java.util.Optional;

/**
 * Opens a demand's personal data for a reader entitled to it, and records every showing of the resident's contact to
 * a member unit serving the demand (services/demand-list/README.md, "Personal data"). Who is entitled is decided at
 * the edge from the caller's token ({@code api.DemandAccess}); nothing is opened once the resident's data is erased.
 */
@ApplicationScoped
public class ContactDisclosure {

    /**
     * What a reader may be shown of one demand: the resident's contact, the hotline ticket's own words, and, when
     * the contact is shown to a member unit serving the demand, that unit (the showing is then recorded).
     */
    public record Entitlement(boolean contact, boolean ticketText, Optional<String> servingUnit, String reader) {
    }

    /** What was opened for the reader; null where nothing may or can be shown. */
    public record Disclosed(ResidentContact contact, String ticketText) {
    }

    private final ResidentContacts contacts;
    private final ContactReveals reveals;

    ContactDisclosure(ResidentContacts contacts, ContactReveals reveals) {
        this.contacts = contacts;
        this.reveals = reveals;
    }

    /** Joins the caller's transaction: a showing is recorded exactly when the answer that shows it is sent. */
    @Transactional
    public Disclosed disclose(DemandView demand, Entitlement entitled) {
        ResidentContact contact = entitled.contact() && !demand.residentErased
                ? contacts.open(demand.demandId, demand.sealedResident).orElse(null)
                : null;
        if (contact != null) {
            entitled.servingUnit().ifPresent(unit -> reveals.record(demand.demandId, demand.streetCode,
                    demand.communityCode, unit, entitled.reader()));
        }
        String ticketText = entitled.ticketText() && !demand.residentErased
                ? contacts.openTicketText(demand.demandId, demand.sealedTicketText).orElse(null)
                : null;
        return new Disclosed(contact, ticketText);
    }
}
