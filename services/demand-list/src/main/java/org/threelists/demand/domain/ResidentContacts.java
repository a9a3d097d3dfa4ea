package org.threelists.demand.domain;

import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.enterprise.context.ApplicationScoped;
import org.threelists.platform.json.Json;
import org.threelists.platform.pii.PersonalDataVault;

import java.util.Optional;

/**
 * Seals and opens residents' contacts with the demand's own key in the personal-data vault: the demand id is the
 * data subject, so erasing one demand's resident leaves every other demand readable.
 */
@ApplicationScoped
public class ResidentContacts {

    private final PersonalDataVault vault;

    ResidentContacts(PersonalDataVault vault) {
        this.vault = vault;
    }

    /** The sealed form to put in a command, or null when there is no contact to keep. */
    public String seal(String demandId, ResidentContact contact) {
        if (contact == null || contact.isEmpty()) {
            return null;
        }
        try {
            return vault.seal(subject(demandId), Json.mapper().writeValueAsString(contact));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public Optional<ResidentContact> open(String demandId, String sealed) {
        return vault.open(subject(demandId), sealed).map(json -> {
            try {
                return Json.mapper().readValue(json, ResidentContact.class);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("Sealed contact of " + demandId + " is not readable", e);
            }
        });
    }

    public boolean erase(String demandId, String actor) {
        return vault.erase(subject(demandId), actor);
    }

    private static String subject(String demandId) {
        return "demand:" + demandId;
    }
}
