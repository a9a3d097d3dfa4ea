package org.threelists.demand.service;

import jakarta.enterprise.context.ApplicationScoped;
import org.threelists.demand.domain.ResidentContact;
import org.threelists.platform.pii.PersonalDataVault;

import java.util.Optional;

/**
 * Seals and opens residents' contacts with the demand's own key in the personal-data vault: the demand id is the
 * data subject, so erasing one demand's resident leaves every other demand readable. Commands and events carry only
 * the sealed form (services/demand-list/README.md, "Personal data").
 */
@ApplicationScoped
public class ResidentContacts {

    private final PersonalDataVault vault;

    ResidentContacts(PersonalDataVault vault) {
        this.vault = vault;
    }

    /** The sealed form to put in a command, or null when there is no contact to keep. */
    public String seal(String demandId, ResidentContact contact) {
        return contact == null || contact.isEmpty() ? null : vault.sealJson(subject(demandId), contact);
    }

    public Optional<ResidentContact> open(String demandId, String sealed) {
        return vault.openJson(subject(demandId), sealed, ResidentContact.class);
    }

    /** A hotline ticket's own text, sealed with the resident's key: erasing the resident erases it too. */
    public String sealTicketText(String demandId, String text) {
        return text == null ? null : vault.seal(subject(demandId), text);
    }

    public Optional<String> openTicketText(String demandId, String sealed) {
        return vault.open(subject(demandId), sealed);
    }

    public boolean erase(String demandId, String actor) {
        return vault.erase(subject(demandId), actor);
    }

    private static String subject(String demandId) {
        return "demand:" + demandId;
    }
}
